import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the SIPRI Arms Transfers Database trade register from its two files, side by side:
/// the register by delivery year (`sipri_trade_register_2000_2023.csv`: one row per deal and
/// delivery year, 2000–2023, with supplier, recipient, weapon, order year, numbers, TIV and SIPRI's
/// estimate flags), the observed yearly series; and the register by deal
/// (`sipri_trade_register_deals_1950_2024.csv`, read by ``SIPRIDealRegister``: one row per deal,
/// 1950–2024), kept deal by deal with Dyad's labelled estimate of each deal's deliveries by year.
///
/// `dyad import sipri-transfers FOLDER` reads both: the dataset's tables are replaced together, so
/// a file given alone (which would empty the other's tables) is refused with the folder's layout.
/// ``read(_:into:context:)`` tells each file it is given by its header, so either file read alone
/// (as the tests do) imports that file's tables only. The dataset's recorded coverage is the
/// observed yearly series' (2000–2023), on which the verdict rests; the deal register's delivery
/// years (1950–2024) are read from its table.
///
/// SIPRI names parties by name. Names are resolved by the import kit's ``StateResolver`` in the
/// delivery year; a few SIPRI spellings are mapped first (``nameMap``). Parties that are not states
/// are kept with their SIPRI name and no state id, deliberately: names ending in `*` (armed
/// non-state actors such as "Libya HoR*"), `**` (organisations such as "NATO**", "United
/// Nations**"), "unknown supplier(s)"/"unknown recipient(s)", and the unrecognised entities the
/// deal register names without a mark (Katanga, Biafra, Northern Cyprus). They count in a recipient's total
/// imports but never form a dyad. Any other name that does not resolve is an error.
public struct SIPRITransfersImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("sipri-transfers")
  public let tables: [any StoreRecord.Type] = [ArmsDeliveryRow.self, ArmsDealRow.self, ArmsDealYearRow.self]

  public init() {}

  /// SIPRI spellings that the registry does not know under that name, and the name it knows.
  static let nameMap: [String: String] = [
    "Libya GNC": "Libya",
    "Bosnia-Herzegovina": "Bosnia and Herzegovina",
    "UAE": "United Arab Emirates",
    "DR Congo": "Democratic Republic of the Congo",
    "Turkiye": "Turkey",
    "eSwatini": "Eswatini",
    "Cabo Verde": "Cape Verde",
    // Spellings of the deal register (1950–2024).
    "East Germany (GDR)": "East Germany",
    "Yemen Arab Republic (North Yemen)": "North Yemen",
    "Saint Vincent": "Saint Vincent and the Grenadines",
  ]

  /// Unrecognised secessionist entities that the deal register names without SIPRI's `*`: kept
  /// with their name and no state id, as the armed non-state actors are.
  static let unrecognised: Set<String> = ["Katanga", "Biafra", "Northern Cyprus"]

  /// Whether a SIPRI party name stands for something other than a state (``unrecognised`` included).
  public static func isNonState(_ name: String) -> Bool {
    name.hasSuffix("*") || name.lowercased().hasPrefix("unknown") || unrecognised.contains(name)
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard !files.isEmpty else {
      throw ImportError(file: info.name, message: "expects \(info.files.joined(separator: " and "))")
    }
    var summary = ImportSummary()
    var kinds = Set<Bool>()
    var deliveryCoverage: YearRange?
    var dealCoverage: YearRange?
    for url in files {
      let isDeals = try SIPRIDealRegister.isDealRegister(url)
      guard kinds.insert(isDeals).inserted else {
        throw ImportError(
          file: url.lastPathComponent,
          message: "a second \(isDeals ? "deal register" : "register by delivery year"); \(info.name) reads one of each"
        )
      }
      let part =
        isDeals
        ? try SIPRIDealRegister(registry: context.registry).read(url, into: sink)
        : try readDeliveries(url, into: sink, context: context)
      summary.rowsRead += part.rowsRead
      summary.rowsWritten += part.rowsWritten
      if isDeals { dealCoverage = part.coverage } else { deliveryCoverage = part.coverage }
    }
    // The recorded coverage is the observed yearly series' (what the verdict and the evidence
    // dates rest on); the deal register's years are read from its own table. A deal register read
    // alone records its own.
    summary.coverage = deliveryCoverage ?? dealCoverage
    return summary
  }

  /// Resolves a SIPRI party name in a year: `nil` for a non-state party (``isNonState(_:)``), an
  /// error naming the line and column for a name that is no state that year.
  static func resolve(
    _ name: String, year: Int, resolver: inout StateResolver, f: FieldReader, line: Int, column: String
  ) throws(ImportError) -> StateID? {
    if isNonState(name) { return nil }
    let query = nameMap[name] ?? name
    guard let found = resolver.state(query, inYear: year) else {
      let hint = resolver.registry.suggestions(for: query)
      throw f.error(
        line, column,
        "'\(name)' names no state in \(year) in Dyad's state registry"
          + (hint.isEmpty ? "" : " (nearest: \(hint.joined(separator: ", ")))"))
    }
    return found
  }

  /// Reads the register by delivery year (2000–2023) into `arms_delivery`.
  func readDeliveries(_ url: URL, into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    var seen = Set<Int>()
    func resolve(_ name: String, year: Int, f: FieldReader, line: Int, column: String) throws(ImportError) -> StateID? {
      try Self.resolve(name, year: year, resolver: &resolver, f: f, line: line, column: column)
    }
    let required = [
      "SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description", "Armament category", "Order date",
      "Order date is estimate", "Numbers delivered", "Numbers delivered is estimate", "Delivery year",
      "Delivery year is estimate", "Status", "SIPRI estimate", "TIV deal unit", "TIV delivery values",
      "Local production",
    ]
    try reader.forEachRow(requiring: required) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let deal = try f.int(record, "SIPRI AT Database ID", in: 1...Int(Int32.max))
      let year = try f.int(record, "Delivery year", in: 1950...2100)
      guard seen.insert(deal &* 10_000 &+ year).inserted else {
        throw f.error(record.line, "Delivery year", "deal \(deal) lists delivery year \(year) twice")
      }
      let supplier = try f.required(record, "Supplier")
      let recipient = try f.required(record, "Recipient")
      let supplierID = try resolve(supplier, year: year, f: f, line: record.line, column: "Supplier")
      let recipientID = try resolve(recipient, year: year, f: f, line: record.line, column: "Recipient")
      if let supplierID, supplierID == recipientID {
        throw f.error(record.line, "Recipient", "supplier and recipient are both \(supplierID)")
      }
      let orderYear = try f.int(record, "Order date", in: 1900...2100)
      // SIPRI lists a few deliveries before their (estimated) order year; they are kept as given.
      let delivered = try f.optionalInt(record, "Numbers delivered", in: 0...1_000_000)
      let tivUnit = try f.optionalDouble(record, "SIPRI estimate")
      let tivDealUnit = try f.optionalDouble(record, "TIV deal unit")
      let tiv = try f.optionalDouble(record, "TIV delivery values")
      for (value, column) in [
        (tivUnit, "SIPRI estimate"), (tivDealUnit, "TIV deal unit"), (tiv, "TIV delivery values"),
      ]
      where (value ?? 0) < 0 {
        throw f.error(record.line, column, "a TIV cannot be negative")
      }
      try sink.insert(
        ArmsDeliveryRow(
          dealID: deal, deliveryYear: year, supplier: supplier, supplierID: supplierID, recipient: recipient,
          recipientID: recipientID, designation: try f.required(record, "Designation"),
          description: f.text(record, "Description"), category: try f.required(record, "Armament category"),
          orderYear: orderYear, orderYearEstimated: try f.yesNo(record, "Order date is estimate"), delivered: delivered,
          deliveredEstimated: try f.yesNo(record, "Numbers delivered is estimate"),
          deliveryYearEstimated: try f.yesNo(record, "Delivery year is estimate"),
          status: try f.required(record, "Status"), tivUnit: tivUnit, tivDealUnit: tivDealUnit, tivDelivered: tiv,
          localProduction: try f.yesNo(record, "Local production")))
      summary.rowsWritten += 1
      summary.cover(year)
    }
    return summary
  }
}
