/// The data behind a chart as rows of text, rendered as an accessible HTML `<table>` or a
/// Markdown table. The first column holds the row headers (usually the year).
///
/// Missing values are "–" (an en dash); numbers use a fixed count of decimals and commas between
/// thousands, independent of locale.
///
/// ```swift
/// let table = chart.dataTable
/// table.html()      // <table class="dyad-chart-table"><caption>…</caption>…</table>
/// table.markdown()  // | Year | Exports | Imports |\n| ---: | ---: | ---: |\n…
/// ```
public struct ChartDataTable: Sendable, Hashable, Codable {
  /// How a column's cells are aligned.
  public enum Alignment: String, Sendable, Hashable, Codable {
    case leading, trailing
  }

  /// The table's caption: the chart title and its units.
  public var caption: String
  /// The column headings.
  public var columns: [String]
  /// The alignment of each column (numbers are trailing).
  public var alignments: [Alignment]
  /// The rows, each with one cell per column.
  public var rows: [[String]]
  /// Notes printed after the table (e.g. reference lines), one sentence each.
  public var notes: [String]

  /// A table; `alignments` has one entry per column (missing entries are leading).
  public init(caption: String, columns: [String], alignments: [Alignment], rows: [[String]], notes: [String] = []) {
    self.caption = caption
    self.columns = columns
    self.alignments = alignments
    self.rows = rows
    self.notes = notes
  }

  /// The text shown for a missing value.
  public static let missing = "–"

  /// The table as HTML: a `<table class="dyad-chart-table">` with a `<caption>`, column headers
  /// (`scope="col"`) and row headers (`scope="row"`); numeric cells have `class="num"`. Notes
  /// follow in a `<tfoot>`.
  public func html() -> String {
    var html = "<table class=\"dyad-chart-table\">\n"
    html += "<caption>" + MarkupEscaping.xml(caption) + "</caption>\n"
    html += "<thead><tr>"
    for (index, column) in columns.enumerated() {
      html += "<th scope=\"col\"" + numberClass(index) + ">" + MarkupEscaping.xml(column) + "</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    if rows.isEmpty {
      html += "<tr><td colspan=\"\(max(1, columns.count))\">No data.</td></tr>\n"
    }
    for row in rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        let text = MarkupEscaping.xml(cell)
        if index == 0 {
          html += "<th scope=\"row\">" + text + "</th>"
        } else {
          html += "<td" + numberClass(index) + ">" + text + "</td>"
        }
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n"
    if !notes.isEmpty {
      html += "<tfoot><tr><td colspan=\"\(max(1, columns.count))\">"
      html += notes.map(MarkupEscaping.xml).joined(separator: " ")
      html += "</td></tr></tfoot>\n"
    }
    html += "</table>"
    return html
  }

  /// The table as GitHub-flavoured Markdown, cells escaped; notes follow as a paragraph.
  public func markdown() -> String {
    var lines: [String] = []
    lines.append("| " + columns.map(MarkupEscaping.markdown).joined(separator: " | ") + " |")
    lines.append(
      "| " + columns.indices.map { alignment(at: $0) == .trailing ? "---:" : "---" }.joined(separator: " | ") + " |")
    for row in rows {
      lines.append("| " + row.map { MarkupEscaping.markdown($0) }.joined(separator: " | ") + " |")
    }
    var text = lines.joined(separator: "\n") + "\n"
    if !notes.isEmpty {
      text += "\n" + MarkupEscaping.markdown(notes.joined(separator: " ")) + "\n"
    }
    return text
  }

  private func alignment(at index: Int) -> Alignment {
    index < alignments.count ? alignments[index] : .leading
  }

  private func numberClass(_ index: Int) -> String {
    alignment(at: index) == .trailing ? " class=\"num\"" : ""
  }
}
