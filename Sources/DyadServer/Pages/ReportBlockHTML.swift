import DyadReport

/// Renders the blocks of a ``Report`` inside a dashboard page: the same sections, charts (inline
/// SVG with their data tables) and footnotes as the report file.
enum ReportBlockHTML {
  static func paragraph(_ paragraph: Report.Paragraph) -> String {
    HTML.escape(paragraph.text) + refs(paragraph.notes)
  }

  /// Footnote references: `1,2` or, for a run of three or more, `75–122`, each number linking to
  /// its note; commas may break.
  static func refs(_ notes: [Int]) -> String {
    guard !notes.isEmpty else { return "" }
    func link(_ n: Int) -> String { "<a href=\"#note-\(n)\" aria-label=\"note \(n)\">\(n)</a>" }
    var parts: [String] = []
    var index = 0
    while index < notes.count {
      var end = index
      while end + 1 < notes.count && notes[end + 1] == notes[end] + 1 { end += 1 }
      if end - index >= 2 {
        parts.append(link(notes[index]) + "–" + link(notes[end]))
      } else {
        parts += notes[index...end].map(link)
      }
      index = end + 1
    }
    return "<sup class=\"ref\">" + parts.joined(separator: ",<wbr>") + "</sup>"
  }

  static func block(_ block: Report.Block) -> String {
    switch block {
    case .paragraph(let text):
      return "<p>\(paragraph(text))</p>"
    case .heading(let text):
      return "<h3>\(HTML.escape(text))</h3>"
    case .callout(let title, let body):
      return
        "<aside class=\"callout\"><p class=\"callout-title\">\(HTML.escape(title))</p><p>\(paragraph(body))</p></aside>"
    case .list(let items):
      return "<ul>" + items.map { "<li>\(paragraph($0))</li>" }.joined() + "</ul>"
    case .figure(let figure):
      return """
        <figure id="\(HTML.escape(figure.id))" class="chart">
        \(figure.svg)
        <figcaption>\(HTML.escape(figure.caption))\(refs(figure.notes))</figcaption>
        <details><summary>Data behind this chart</summary>\(table(figure.data))</details>
        </figure>
        """
    case .table(let data):
      return table(data)
    case .gap(let gap):
      return
        "<p class=\"gap\"><strong>Not in the store:</strong> \(HTML.escape(gap.what)) To fill it: <code>\(HTML.escape(gap.remedy))</code></p>"
    }
  }

  static func table(_ data: Report.Table) -> String {
    // A column is numeric when every filled cell is a number: then all its cells, and its
    // heading, align right, so that "–" for a missing value lines up with the figures.
    let numeric = data.columns.indices.map { column in
      column > 0
        && data.rows.contains { column < $0.count && !$0[column].isEmpty && $0[column] != "–" }
        && data.rows.allSatisfy {
          column >= $0.count || $0[column].isEmpty || $0[column] == "–" || isNumber($0[column])
        }
    }
    var html = "<div class=\"table-wrap\"><table>"
    if !data.caption.isEmpty { html += "<caption>\(HTML.escape(data.caption))\(refs(data.notes))</caption>" }
    html += "<thead><tr>"
    for (i, column) in data.columns.enumerated() {
      html += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")>\(HTML.escape(column))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in data.rows {
      html += "<tr>"
      for (i, cell) in row.enumerated() {
        let text = cell.isEmpty ? "–" : HTML.escape(cell)
        let kind =
          i < numeric.count && numeric[i]
          ? " class=\"num\"" : isDate(cell) || (cell.count <= 18 && i > 0) ? " class=\"short\"" : ""
        html += i == 0 ? "<th scope=\"row\"\(kind)>\(text)</th>" : "<td\(kind)>\(text)</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table></div>"
  }

  /// Whether a cell is a number as tables print them: `1234`, `1,234.5`, `-6.2`, `45%`.
  static func isNumber(_ cell: String) -> Bool {
    var text = Substring(cell)
    if text.hasSuffix("%") { text = text.dropLast() }
    if text.first == "-" || text.first == "−" || text.first == "+" { text = text.dropFirst() }
    let digits = text.filter { $0 != "," }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
      && digits.filter { $0 == "." }.count <= 1
  }

  /// `2001`, `2001-07` or `2001-07-16`: kept on one line.
  static func isDate(_ cell: String) -> Bool {
    let parts = cell.split(separator: "-", omittingEmptySubsequences: false)
    return (1...3).contains(parts.count) && parts[0].count == 4
      && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
      && parts.dropFirst().allSatisfy { $0.count == 2 }
  }

  static func notes(_ notes: [Report.Note]) -> String {
    var html = "<section id=\"notes\" class=\"notes\"><h2>Notes</h2><ol>"
    for note in notes {
      html += "<li id=\"note-\(note.number)\">\(HTML.escape(note.source)), <cite>\(HTML.escape(note.title))</cite>"
      if !note.version.isEmpty { html += " (\(HTML.escape(note.version)))" }
      if let table = note.table { html += "; \(HTML.escape(table))" }
      if let years = note.years { html += "; \(HTML.escape(years))" }
      html += ". <a href=\"\(HTML.escape(note.url))\">\(HTML.escape(note.url))</a></li>"
    }
    return html + "</ol></section>"
  }
}
