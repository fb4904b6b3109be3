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
  /// Dyad's estimate from SIPRI's deal register (1950–2024), shown beside ``tiv`` and never merged
  /// into it: each deal's delivered TIV split evenly over its delivery years, status
  /// ``ObservationStatus/estimated`` with a note saying so. Zero when the register covers the years
  /// and lists no delivery; missing when the deal register is not in the store or does not cover them.
  public let estimatedTIV: MilitaryMeasure
  /// Distinct register deals with (estimated) deliveries in the years.
  public let estimatedDeals: Int
  /// The supplier's estimated share of the recipient's estimated imports, from the deal register.
  public let estimatedShare: MilitaryMeasure

  /// TIV delivered in one SIPRI armament category.
  public struct CategoryTotal: Sendable, Hashable, Codable {
    public let category: String
    public let tiv: Double
  }

  public init(
    supplier: StateID, recipient: StateID, years: YearRange, tiv: MilitaryMeasure, deals: Int,
    categories: [CategoryTotal],
    weapons: [String], recipientImports: MilitaryMeasure, share: MilitaryMeasure,
    estimatedTIV: MilitaryMeasure = .missing, estimatedDeals: Int = 0, estimatedShare: MilitaryMeasure = .missing
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
    self.estimatedTIV = estimatedTIV
    self.estimatedDeals = estimatedDeals
    self.estimatedShare = estimatedShare
  }

  /// The note of every estimate from the deal register.
  public static let estimateNote =
    "estimate: each deal's delivered TIV in SIPRI's deal register split evenly over its listed delivery years"

  /// The estimate from the deal register, its deals and the supplier's share, over some years.
  static func estimate(
    _ inputs: MilitaryInputs, from supplier: StateID, to recipient: StateID, years: YearRange
  ) -> (tiv: MilitaryMeasure, deals: Int, share: MilitaryMeasure) {
    let source = inputs.datasetSources[MilitaryInputs.Dataset.transfers]
    guard let coverage = inputs.dealCoverage else {
      let missing = MilitaryMeasure.missing(
        "SIPRI's deal register is not in the store (run `dyad import sipri-transfers PATH`)")
      return (missing, 0, missing)
    }
    guard let covered = years.clamped(to: coverage) else {
      let missing = MilitaryMeasure.missing(
        "SIPRI's deal register covers deliveries in \(coverage) only", source: source)
      return (missing, 0, missing)
    }
    let rows = inputs.dealYears.filter {
      $0.supplier == supplier && $0.recipient == recipient && covered.contains($0.year)
    }
    let note = Self.estimateNote + (covered == years ? "" : "; the register covers \(covered) of \(years)")
    // A deal without a delivered TIV makes its years unknown, not 0.
    if rows.contains(where: { $0.tiv == nil }) {
      let missing = MilitaryMeasure.missing(
        "a deal in \(covered) has no delivered TIV in SIPRI's register", source: source)
      return (missing, Set(rows.map(\.dealNumber)).count, missing)
    }
    let total = rows.reduce(0) { $0 + ($1.tiv ?? 0) }
    let imports = covered.reduce(0.0) { $0 + (inputs.dealImportsByRecipient[recipient]?[$1] ?? 0) }
    let share: MilitaryMeasure =
      imports > 0
      ? .estimated(total / imports, source: source, note: note)
      : .missing(
        "\(inputs.name(recipient)) imported no major arms in \(covered) by SIPRI's deal register", source: source)
    return (.estimated(total, source: source, note: note), Set(rows.map(\.dealNumber)).count, share)
  }

  /// The flow from `supplier` to `recipient` over some years, from the inputs.
  public static func of(
    _ inputs: MilitaryInputs, from supplier: StateID, to recipient: StateID, years: YearRange
  ) -> ArmsFlow {
    let source = inputs.datasetSources[MilitaryInputs.Dataset.transfers]
    let estimate = Self.estimate(inputs, from: supplier, to: recipient, years: years)
    guard let coverage = inputs.transferCoverage else {
      let missing = MilitaryMeasure.missing(
        "SIPRI arms transfers are not in the store (run `dyad import sipri-transfers PATH`)")
      return ArmsFlow(
        supplier: supplier, recipient: recipient, years: years, tiv: missing, deals: 0, categories: [], weapons: [],
        recipientImports: missing, share: missing, estimatedTIV: estimate.tiv, estimatedDeals: estimate.deals,
        estimatedShare: estimate.share)
    }
    guard let covered = years.clamped(to: coverage) else {
      let missing = MilitaryMeasure.missing("SIPRI's register covers deliveries in \(coverage) only", source: source)
      return ArmsFlow(
        supplier: supplier, recipient: recipient, years: years, tiv: missing, deals: 0, categories: [], weapons: [],
        recipientImports: missing, share: missing, estimatedTIV: estimate.tiv, estimatedDeals: estimate.deals,
        estimatedShare: estimate.share)
    }
    let rows = inputs.deliveries.filter {
      $0.supplier == supplier && $0.recipient == recipient && covered.contains($0.year)
    }
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
      categories: categories, weapons: weapons, recipientImports: importsMeasure, share: share,
      estimatedTIV: estimate.tiv, estimatedDeals: estimate.deals, estimatedShare: estimate.share)
  }
}
