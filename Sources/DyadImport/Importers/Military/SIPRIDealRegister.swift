import DyadCore
import DyadData
import DyadStore
import Foundation

/// Reads SIPRI's trade register in its deal layout (`sipri_trade_register_deals_1950_2024.csv`):
/// one row per deal, orders and deliveries 1950–2024, part of `sipri-transfers`.
///
/// Every deal is kept as a deal (``ArmsDealRow``), numbered by its position in the file (the
/// register has no deal id). Supplier and recipient resolve in the year of order by the rules of
/// ``SIPRITransfersImporter`` (its name map, its non-state parties; `Soviet Union` is RUS's earlier
/// name). A deal's delivered TIV is also split evenly over the entries of its `Year(s) of
/// delivery` list (``ArmsDealYearRow``): SIPRI publishes no yearly split in this layout, so the
/// yearly figure is Dyad's estimate and is served as one, beside SIPRI's observed yearly series.
///
/// The layout, checked column by column: `Recipient`, `Supplier`, `Year of order`, ` ` (`?`:
/// the order year is uncertain), `Number ordered`, ` ` (`?`), `Weapon designation`, `Weapon
/// description`, `Number delivered`, ` ` (`?`), `Year(s) of delivery` (`2017; 2018; 2019`),
/// `status`, `Comments`, `SIPRI TIV per unit`, `SIPRI TIV for total order`, `SIPRI TIV of
/// delivered weapons`. Three columns are named with one space; errors call them by the column
/// they flag (`? of Year of order`).
///
/// One quirk is repaired, deliberately and narrowly: in four deals of the 2026 copy a line break
/// in the comments pushed the three TIV figures onto a line of their own (empty recipient; per
/// unit, total order and delivered in the next three columns; nothing else). Such a line is read
/// as the TIV of the deal above it, if that deal has no TIV of its own; any other row with an
/// empty recipient is an error.
struct SIPRIDealRegister {
  let registry: StateRegistry

  /// The columns, in order; `nil` marks the flag columns named `" "`.
  static let columns = [
    "Recipient", "Supplier", "Year of order", " ", "Number ordered", " ", "Weapon designation", "Weapon description",
    "Number delivered", " ", "Year(s) of delivery", "status", "Comments", "SIPRI TIV per unit",
    "SIPRI TIV for total order", "SIPRI TIV of delivered weapons",
  ]
  /// What the errors call the three flag columns (positions 3, 5 and 9).
  static let flagNames = [3: "? of Year of order", 5: "? of Number ordered", 9: "? of Number delivered"]
  static let tivColumns = ["SIPRI TIV per unit", "SIPRI TIV for total order", "SIPRI TIV of delivered weapons"]
  /// The note every yearly estimate carries.
  static let splitNote =
    "Dyad's estimate: each deal's delivered TIV from SIPRI's deal register split evenly over its listed delivery years"

  /// Whether a file is the deal register (its header names `Year(s) of delivery`), judged from its
  /// first line.
  static func isDealRegister(_ url: URL) throws(ImportError) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw ImportError(file: url.lastPathComponent, message: "cannot open the file")
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
    let line = head.prefix { $0 != UInt8(ascii: "\n") }
    return String(decoding: line, as: UTF8.self).contains("Year(s) of delivery")
  }

  /// A deal read but not written yet: the next line may hold its TIV.
  private struct Pending {
    var deal: ArmsDealRow
    var years: [Int]
  }

  /// Reads the file into the sink: the deals, then nothing else until the file has been read to the end.
  func read(_ url: URL, into sink: any ImportSink) throws -> ImportSummary {
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var resolver = StateResolver(registry: registry)
    var pending: Pending?
    var number = 0

    func flush() throws {
      guard let p = pending else { return }
      try sink.insert(p.deal)
      summary.rowsWritten += 1
      for (year, row) in Self.split(p.deal, years: p.years) {
        try sink.insert(row)
        summary.rowsWritten += 1
        summary.cover(year)
      }
      pending = nil
    }

    try reader.forEachRow(requiring: ["Recipient"]) { header, record in
      if summary.rowsRead == 0 {
        guard header.names == Self.columns else {
          let at =
            (0..<min(header.names.count, Self.columns.count)).first { header.names[$0] != Self.columns[$0] }
            ?? min(header.names.count, Self.columns.count)
          throw ImportError(
            file: header.file, line: 1, field: at < header.names.count ? header.names[at] : nil,
            message:
              "column \(at + 1) should be '\(at < Self.columns.count ? Self.columns[at] : "nothing")' in SIPRI's deal layout (\(Self.columns.map { "'\($0)'" }.joined(separator: ", ")))"
          )
        }
      }
      summary.rowsRead += 1
      let f = FieldReader(header)
      if record.isEmpty(at: 0) {
        try Self.mergeContinuation(record, f: f, into: &pending)
        return
      }
      try flush()
      number += 1
      let (deal, years) = try Self.deal(record, number: number, f: f, resolver: &resolver)
      pending = Pending(deal: deal, years: years)
    }
    try flush()
    return summary
  }

  /// A line that holds only the TIV of the deal above it (see the type's notes), merged into it.
  private static func mergeContinuation(_ record: borrowing CSVRecord, f: FieldReader, into pending: inout Pending?)
    throws(ImportError)
  {
    let shape =
      (1...3).allSatisfy { !record.isEmpty(at: $0) } && (4..<columns.count).allSatisfy { record.isEmpty(at: $0) }
    guard shape, var p = pending, p.deal.tivUnit == nil, p.deal.tivOrder == nil, p.deal.tivDelivered == nil else {
      throw f.error(record.line, "Recipient", .empty(expected: "a recipient"))
    }
    var values: [Double] = []
    for (index, column) in zip(1...3, tivColumns) {
      guard let value = record.double(at: index) else {
        throw f.error(
          record.line, column,
          .invalid(value: record.string(at: index), expected: "a number (the TIV of the deal above)"))
      }
      guard value >= 0 else {
        throw f.error(record.line, column, .negative(value: record.string(at: index), expected: "a TIV is 0 or more"))
      }
      values.append(value)
    }
    (p.deal.tivUnit, p.deal.tivOrder, p.deal.tivDelivered) = (values[0], values[1], values[2])
    pending = p
  }

  /// One deal row, validated.
  private static func deal(
    _ record: borrowing CSVRecord, number: Int, f: FieldReader, resolver: inout StateResolver
  ) throws(ImportError) -> (ArmsDealRow, [Int]) {
    func flag(_ index: Int) throws(ImportError) -> Bool {
      switch record.string(at: index).trimmingCharacters(in: .whitespaces) {
      case "": return false
      case "?": return true
      case let other: throw f.error(record.line, flagNames[index]!, .invalid(value: other, expected: "'?' or empty"))
      }
    }
    func tiv(_ column: String) throws(ImportError) -> Double? {
      let value = try f.optionalDouble(record, column)
      if let value, value < 0 {
        throw f.error(record.line, column, .negative(value: f.text(record, column), expected: "a TIV is 0 or more"))
      }
      return value
    }
    let recipient = try f.required(record, "Recipient")
    let supplier = try f.required(record, "Supplier")
    let orderYear = try f.int(record, "Year of order", in: 1900...2100)
    let years = try deliveryYears(f.text(record, "Year(s) of delivery"), f: f, line: record.line)
    let supplierID = try SIPRITransfersImporter.resolve(
      supplier, year: orderYear, resolver: &resolver, f: f, line: record.line, column: "Supplier")
    let recipientID = try SIPRITransfersImporter.resolve(
      recipient, year: orderYear, resolver: &resolver, f: f, line: record.line, column: "Recipient")
    if let supplierID, supplierID == recipientID {
      throw f.error(record.line, "Recipient", "supplier and recipient are both \(supplierID)")
    }
    let ordered = try f.optionalInt(record, "Number ordered", in: 0...10_000_000)
    let delivered = try f.optionalInt(record, "Number delivered", in: 0...10_000_000)
    let deal = ArmsDealRow(
      dealNumber: number, line: record.line, recipient: recipient, recipientID: recipientID, supplier: supplier,
      supplierID: supplierID, orderYear: orderYear, orderYearUncertain: try flag(3), ordered: ordered,
      orderedUncertain: try flag(5), designation: try f.required(record, "Weapon designation"),
      description: try f.required(record, "Weapon description"), delivered: delivered,
      deliveredUncertain: try flag(9), deliveryYears: years, status: try f.required(record, "status"),
      comments: f.text(record, "Comments"), tivUnit: try tiv("SIPRI TIV per unit"),
      tivOrder: try tiv("SIPRI TIV for total order"), tivDelivered: try tiv("SIPRI TIV of delivered weapons"))
    return (deal, years)
  }

  /// SIPRI's delivery-year list (`2017; 2018; 2019`): years 1900–2100 separated by `; `, a year
  /// repeated for each tranche delivered in it; empty when nothing was delivered.
  static func deliveryYears(_ text: String, f: FieldReader, line: Int) throws(ImportError) -> [Int] {
    if text.isEmpty { return [] }
    var years: [Int] = []
    for entry in text.components(separatedBy: "; ") {
      guard entry.utf8.count == 4, entry.utf8.allSatisfy({ (48...57).contains($0) }), let year = Int(entry),
        (1900...2100).contains(year)
      else {
        throw f.error(
          line, "Year(s) of delivery",
          .invalid(value: text, expected: "a list of years 1900–2100 separated by '; ' (as in '2017; 2018')"))
      }
      years.append(year)
    }
    return years
  }

  /// A deal's estimated deliveries by year: its delivered TIV split evenly over the entries of its
  /// delivery-year list, a year listed twice getting two shares. No rows for a deal with no
  /// delivery years; a missing delivered TIV gives missing (`nil`) yearly figures, never 0.
  static func split(_ deal: ArmsDealRow, years: [Int]) -> [(Int, ArmsDealYearRow)] {
    guard !years.isEmpty else { return [] }
    var counts: [Int: Int] = [:]
    for year in years { counts[year, default: 0] += 1 }
    return counts.keys.sorted().map { year in
      let shares = counts[year]!
      let row = ArmsDealYearRow(
        dealNumber: deal.dealNumber, year: year, supplierID: deal.supplierID, recipientID: deal.recipientID,
        tiv: deal.tivDelivered.map { $0 * Double(shares) / Double(years.count) }, shares: shares, entries: years.count)
      return (year, row)
    }
  }
}
