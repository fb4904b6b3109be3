import DyadReport

/// A table of a resource's rows, for its CSV representation (RFC 4180).
///
/// Missing values are empty fields, never 0; numbers keep their full precision.
struct DataTable: Sendable, Equatable {
  let columns: [String]
  private(set) var rows: [[String?]] = []

  init(_ columns: String...) { self.columns = columns }
  init(columns: [String]) { self.columns = columns }

  mutating func append(_ cells: [String?]) {
    precondition(cells.count == columns.count, "a row of \(cells.count) cells in a table of \(columns.count) columns")
    rows.append(cells)
  }

  /// The CSV text: a header row, then one line per row, CRLF line ends, fields quoted when needed.
  var csv: String {
    var text = columns.map(Self.field).joined(separator: ",") + "\r\n"
    for row in rows {
      text += row.map { $0.map(Self.field) ?? "" }.joined(separator: ",") + "\r\n"
    }
    return text
  }

  static func field(_ value: String) -> String { CSVText.field(value) }

  /// A number as CSV text: shortest exact form, nothing for a missing or non-finite value.
  static func number(_ value: Double?) -> String? {
    guard let value, value.isFinite else { return nil }
    return CSVText.exact(value)
  }

  static func number(_ value: Int?) -> String? { value.map(String.init) }
}
