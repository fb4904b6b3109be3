import DyadCore

/// Arms delivered by one state to the other in a year or a span of years (SIPRI), with the
/// supplier's share of everything the recipient imported.
public struct ArmsFlow: Sendable, Hashable, Codable {
  public let supplier: StateID
  public let recipient: StateID
  public let years: YearRange
  /// SIPRI trend-indicator value delivered, millions of TIV (a volume index, not US$). Zero when
  /// SIPRI covers the years and lists no delivery; missing when it does not cover them.
  public let tiv: MilitaryMeasure
  /// Distinct deals with deliveries.
  public let deals: Int
  /// TIV by SIPRI armament category, largest first.
  public let categories: [CategoryTotal]
  /// The weapon designations delivered.
  public let weapons: [String]
  /// The recipient's arms imports from all suppliers (including unknown and non-state ones).
  public let recipientImports: MilitaryMeasure
  /// The supplier's share of the recipient's imports (a fraction).
  public let share: MilitaryMeasure

  /// TIV delivered in one SIPRI armament category.
  public struct CategoryTotal: Sendable, Hashable, Codable {
    public let category: String
    public let tiv: Double
  }

  public init(
    supplier: StateID, recipient: StateID, years: YearRange, tiv: MilitaryMeasure, deals: Int, categories: [CategoryTotal],
    weapons: [String], recipientImports: MilitaryMeasure, share: MilitaryMeasure
  ) {
    self.supplier = supplier
    self.recipient = recipient
    self.years = years
    self.tiv = tiv
    self.deals = deals
    self.categories = categories
    self.weapons = weapons
    self.recipientImports = recipientImports
    self.share = share
  }

  /// The flow from `supplier` to `recipient` over some years, from the inputs.
  public static func of(
    _ inputs: MilitaryInputs, from supplier: StateID, to recipient: StateID, years: YearRange
  ) -> ArmsFlow {
    let source = inputs.datasetSources[MilitaryInputs.Dataset.transfers]
    guard let coverage = inputs.datasets[MilitaryInputs.Dataset.transfers] else {
      let missing = MilitaryMeasure.missing("SIPRI arms transfers are not in the store (run `dyad import sipri-transfers PATH`)")
      return ArmsFlow(
        supplier: supplier, recipient: recipient, years: years, tiv: missing, deals: 0, categories: [], weapons: [],
        recipientImports: missing, share: missing)
    }
    guard let covered = years.clamped(to: coverage) else {
      let missing = MilitaryMeasure.missing("SIPRI's register covers deliveries in \(coverage) only", source: source)
      return ArmsFlow(
        supplier: supplier, recipient: recipient, years: years, tiv: missing, deals: 0, categories: [], weapons: [],
        recipientImports: missing, share: missing)
    }
    let rows = inputs.deliveries.filter { $0.supplier == supplier && $0.recipient == recipient && covered.contains($0.year) }
    let total = rows.reduce(0) { $0 + ($1.tiv ?? 0) }
    var byCategory: [String: Double] = [:]
    for row in rows { byCategory[row.category, default: 0] += row.tiv ?? 0 }
    let categories = byCategory.map { CategoryTotal(category: $0.key, tiv: $0.value) }
      .sorted { ($0.tiv, $1.category) > ($1.tiv, $0.category) }
    var weapons: [String] = []
    for row in rows where !weapons.contains(row.designation) { weapons.append(row.designation) }
    let imports = covered.reduce(0.0) { $0 + (inputs.importsByRecipient[recipient]?[$1] ?? 0) }
    let note = covered == years ? nil : "SIPRI covers \(covered) of \(years)"
    let tiv = MilitaryMeasure.observed(total, source: source, note: note)
    let importsMeasure = MilitaryMeasure.observed(imports, source: source, note: note)
    let share: MilitaryMeasure =
      imports > 0
      ? .derived(total / imports, source: source, note: note)
      : .missing("\(inputs.name(recipient)) imported no major arms in \(covered)", source: source)
    return ArmsFlow(
      supplier: supplier, recipient: recipient, years: years, tiv: tiv, deals: Set(rows.map(\.dealID)).count,
      categories: categories, weapons: weapons, recipientImports: importsMeasure, share: share)
  }
}
