import DyadReport
import Foundation

/// One column of a resource's table: its name as CSV headers write it and what it holds.
///
/// A name may stand for a family of columns, written with a placeholder: `<a>_igos` is
/// `chn_igos` when the first state asked about is China.
public struct DataColumn: Sendable, Hashable {
  /// The header name, or its pattern.
  public let name: String
  /// What the column holds, in one line.
  public let summary: String

  /// Creates a column documented by `summary`.
  public init(_ name: String, _ summary: String) {
    self.name = name
    self.summary = summary
  }
}

/// The documented columns of a resource's table: what one row is, and each column in order.
///
/// The same schema writes the table, the OpenAPI document's description of the CSV, and the
/// `--help` text of the command that prints it.
public struct TableSchema: Sendable, Hashable {
  /// What one row is: "one year as one source reports it".
  public let row: String
  /// The columns, in order (a pattern stands for its whole family).
  public let columns: [DataColumn]

  /// Creates a schema of `columns`, one row being `row`.
  public init(row: String, columns: [DataColumn]) {
    self.row = row
    self.columns = columns
  }

  /// The columns as one paragraph of text, for the OpenAPI document.
  public var documentation: String {
    var text = "CSV (RFC 4180, CRLF line ends): one row per \(row); a missing value is empty, never 0. Columns: "
    text += columns.map { "\($0.name) — \($0.summary)" }.joined(separator: "; ") + "."
    if let placeholders { text += " " + placeholders }
    return text
  }

  /// The columns one a line, for a command's `--help`.
  public var help: String {
    var lines = Self.wrap(
      "With --csv (RFC 4180, CRLF line ends), one row per \(row); a missing value is empty, never 0:", width: 78)
    let width = min(columns.map(\.name.count).max() ?? 0, 24)
    for column in columns {
      let name = column.name.padding(toLength: max(width, column.name.count), withPad: " ", startingAt: 0)
      let wrapped = Self.wrap(column.summary, width: max(24, 78 - 4 - width))
      lines.append("  \(name)  \(wrapped.first ?? "")")
      let indent = String(repeating: " ", count: width + 4)
      lines += wrapped.dropFirst().map { indent + $0 }
    }
    if let placeholders { lines += Self.wrap(placeholders, width: 78) }
    return lines.joined(separator: "\n")
  }

  /// Words of `text` in lines of at most `width` characters (a longer word has a line to itself).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// What the placeholders in the columns' names stand for, if any are used.
  private var placeholders: String? {
    guard columns.contains(where: { $0.name.contains("<a>") || $0.name.contains("<b>") }) else { return nil }
    return "In a column's name, <a> and <b> stand for the two states' ids in lower case (chn, rus), as asked."
  }
}

/// A table of a resource's rows, for its CSV representation (RFC 4180).
///
/// Missing values are empty fields, never 0; numbers keep their full precision. The command
/// line's `--csv` and the server's `.csv` write the same bytes: a header row, then one line per
/// row, each ended by CRLF.
public struct DataTable: Sendable, Equatable {
  /// The header names, in order.
  public let columns: [String]
  /// The rows; `nil` is a missing value.
  public private(set) var rows: [[String?]] = []

  /// Creates an empty table with these header names.
  public init(_ columns: String...) { self.columns = columns }

  /// Creates an empty table with these header names.
  public init(columns: [String]) { self.columns = columns }

  /// Appends a row; it must have one cell per column.
  public mutating func append(_ cells: [String?]) {
    precondition(cells.count == columns.count, "a row of \(cells.count) cells in a table of \(columns.count) columns")
    rows.append(cells)
  }

  /// The line end of the CSV text: CRLF, as RFC 4180 writes it.
  public static let lineEnd = "\r\n"

  /// The CSV text: a header row, then one line per row, CRLF line ends, fields quoted when needed.
  public var csv: String {
    var text = columns.map(Self.field).joined(separator: ",") + Self.lineEnd
    for row in rows {
      text += row.map { $0.map(Self.field) ?? "" }.joined(separator: ",") + Self.lineEnd
    }
    return text
  }

  /// A field, quoted when it holds a comma, quote or line break.
  public static func field(_ value: String) -> String { CSVText.field(value) }

  /// A number as CSV text: shortest exact form, nothing for a missing or non-finite value.
  public static func number(_ value: Double?) -> String? {
    guard let value, value.isFinite else { return nil }
    return CSVText.exact(value)
  }

  /// A count as CSV text, nothing when missing.
  public static func number(_ value: Int?) -> String? { value.map(String.init) }

  /// A number with a fixed number of decimals, nothing when missing.
  public static func fixed(_ value: Double?, decimals: Int) -> String? {
    guard let value, value.isFinite else { return nil }
    return CSVText.number(value, decimals: decimals)
  }
}
