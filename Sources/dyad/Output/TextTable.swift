import Foundation

/// A table printed aligned on a terminal and tab-separated when piped.
struct TextTable {
  var columns: [String]
  var rows: [[String]] = []

  init(_ columns: String...) { self.columns = columns }

  mutating func append(_ row: String...) { rows.append(row) }
  mutating func append(row: [String]) { rows.append(row) }

  /// The table as text: aligned columns with a rule under the header for a terminal, else
  /// tab-separated values with a header line.
  func render(aligned: Bool = Terminal.isInteractive, width: Int? = Terminal.width) -> String {
    guard aligned else {
      return ([columns] + rows).map { $0.map(Self.plain).joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }
    var widths = columns.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    // Shrink the widest column so that the table fits the terminal.
    if let width {
      let total = widths.reduce(0, +) + 2 * (widths.count - 1)
      if total > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
        widths[widest] = max(columns[widest].count, 12, widths[widest] - (total - width))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, w) in widths.enumerated() {
        var cell = i < cells.count ? cells[i] : ""
        if cell.count > w { cell = String(cell.prefix(w - 1)) + "…" }
        parts.append(i == widths.count - 1 ? cell : cell.padding(toLength: w, withPad: " ", startingAt: 0))
      }
      return parts.joined(separator: "  ")
    }
    var out = line(columns) + "\n"
    out += line(widths.map { String(repeating: "─", count: $0) }) + "\n"
    for row in rows { out += line(row) + "\n" }
    return out
  }

  private static func plain(_ cell: String) -> String {
    cell.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
  }
}

/// Writes a value as pretty, key-sorted JSON.
func printJSON<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  let data = try encoder.encode(value)
  print(String(decoding: data, as: UTF8.self))
}
