import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the SIPRI Arms Transfers Database trade register: one row per deal and delivery year,
/// with supplier, recipient, weapon, order year, numbers, TIV and SIPRI's estimate flags.
///
/// SIPRI names parties by name. Names are resolved by the import kit's ``StateResolver`` in the
/// delivery year; a few SIPRI spellings are mapped first (``nameMap``). Parties that are not states
/// are kept with their SIPRI name and no state id, deliberately: names ending in `*` (armed
/// non-state actors such as "Libya HoR*"), `**` (organisations such as "NATO**", "United
/// Nations**") and "unknown supplier(s)"/"unknown recipient(s)". They count in a recipient's total
/// imports but never form a dyad. Any other name that does not resolve is an error.
public struct SIPRITransfersImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("sipri-transfers")
  public let tables: [any StoreRecord.Type] = [ArmsDeliveryRow.self]

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
  ]

  /// Whether a SIPRI party name stands for something other than a state.
  public static func isNonState(_ name: String) -> Bool {
    name.hasSuffix("*") || name.lowercased().hasPrefix("unknown")
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    var seen = Set<Int>()
    let registry = context.registry
    func resolve(_ name: String, year: Int, f: FieldReader, line: Int, column: String) throws(ImportError) -> StateID? {
      if Self.isNonState(name) { return nil }
      let query = Self.nameMap[name] ?? name
      guard let found = resolver.state(query, inYear: year) else {
        let hint = registry.suggestions(for: query)
        throw f.error(
          line, column,
          "'\(name)' names no state in \(year) in Dyad's state registry"
            + (hint.isEmpty ? "" : " (nearest: \(hint.joined(separator: ", ")))"))
      }
      return found
    }
    let required = [
      "SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description", "Armament category", "Order date",
      "Order date is estimate", "Numbers delivered", "Numbers delivered is estimate", "Delivery year",
      "Delivery year is estimate", "Status", "SIPRI estimate", "TIV deal unit", "TIV delivery values", "Local production",
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
      for (value, column) in [(tivUnit, "SIPRI estimate"), (tivDealUnit, "TIV deal unit"), (tiv, "TIV delivery values")]
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
