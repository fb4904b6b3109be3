/// The HTML of a ``Report``'s parts — paragraphs, note references, blocks, tables and the notes
/// list — written once for the report file (``HTMLReportRenderer``) and the server's dashboard,
/// so that both show the same sections, charts and footnotes.
public enum ReportHTML {
  /// A paragraph's text with its note references.
  public static func paragraph(_ paragraph: Report.Paragraph) -> String {
    MarkupEscaping.xml(paragraph.text) + refs(paragraph.notes)
  }

  /// Footnote references: `1,2` or, for a run of three or more, `75–122`, each linking to its
  /// note; the list may break after a comma.
  public static func refs(_ notes: [Int]) -> String {
    guard !notes.isEmpty else { return "" }
    func link(_ n: Int) -> String { "<a href=\"#note-\(n)\" aria-label=\"note \(n)\">\(n)</a>" }
    var parts: [String] = []
    for run in NoteRanges.runs(notes) {
      guard let first = run.first, let last = run.last else { continue }
      if run.count >= 3 {
        parts.append(
          "<a href=\"#note-\(first)\" aria-label=\"notes \(first) to \(last)\">\(first)</a>–"
            + "<a href=\"#note-\(last)\" aria-label=\"note \(last)\">\(last)</a>")
      } else {
        parts += run.map(link)
      }
    }
    return "<sup class=\"ref\">" + parts.joined(separator: ",<wbr>") + "</sup>"
  }

  /// The summary: the findings, as the section `#summary`.
  public static func summary(_ findings: [Report.Paragraph]) -> String {
    "<section id=\"summary\" class=\"summary\"><h2>Summary</h2><ul class=\"findings\">"
      + findings.map { "<li>\(paragraph($0))</li>" }.joined() + "</ul></section>"
  }

  /// A section: its title, its question and its blocks, one a line.
  public static func section(_ section: Report.Section, className: String? = nil) -> String {
    var html = "<section id=\"\(MarkupEscaping.xml(section.id))\""
    if let className { html += " class=\"\(MarkupEscaping.xml(className))\"" }
    html += ">\n<h2>\(MarkupEscaping.xml(section.title))</h2>\n"
    html += "<p class=\"question\">\(MarkupEscaping.xml(section.question))</p>\n"
    if let line = evidence(section.evidence) { html += line + "\n" }
    for item in section.blocks { html += Self.block(item) + "\n" }
    return html + "</section>\n"
  }

  /// The line under a section's question that says how current its evidence is; a dataset that
  /// ends before the report's last year is marked.
  public static func evidence(_ evidence: [Report.Evidence]) -> String? {
    guard !evidence.isEmpty else { return nil }
    let items = evidence.map { item -> String in
      let text = MarkupEscaping.xml(item.text)
      guard let short = item.yearsShort else { return "<span class=\"missing\">\(text)</span>" }
      // The release the figures come from, on hover.
      let release = item.release.map { "release \($0)" } ?? ""
      if short == 0 { return "<span title=\"\(MarkupEscaping.xml(release))\">\(text)</span>" }
      let title = [release, "ends \(short) year\(short == 1 ? "" : "s") before the report's last year"].filter { !$0.isEmpty }
      return "<span class=\"stale\" title=\"\(MarkupEscaping.xml(title.joined(separator: "; ")))\">\(text)</span>"
    }
    return "<p class=\"evidence\">Evidence: " + items.joined(separator: " · ") + "</p>"
  }

  /// One block of a section.
  public static func block(_ block: Report.Block) -> String {
    switch block {
    case .paragraph(let text):
      return "<p>\(paragraph(text))</p>"
    case .heading(let text):
      return "<h3>\(MarkupEscaping.xml(text))</h3>"
    case .callout(let title, let body):
      return
        "<aside class=\"callout\"><p class=\"callout-title\">\(MarkupEscaping.xml(title))</p><p>\(paragraph(body))</p></aside>"
    case .list(let items):
      return "<ul>" + items.map { "<li>\(paragraph($0))</li>" }.joined() + "</ul>"
    case .figure(let figure):
      return """
        <figure id="\(MarkupEscaping.xml(figure.id))" class="chart">
        \(figure.svg)
        <figcaption>\(MarkupEscaping.xml(figure.caption))\(refs(figure.notes))</figcaption>
        <details><summary>Data behind this chart</summary>\(table(figure.data))</details>
        </figure>
        """
    case .table(let data):
      return table(data)
    case .gap(let gap):
      return
        "<p class=\"gap\"><strong>Not in the store:</strong> \(MarkupEscaping.xml(gap.whatSentence)) <span class=\"remedy\">To fill it: <code>\(MarkupEscaping.xml(gap.remedy))</code></span></p>"
    }
  }

  /// A table. A column is numeric when every filled cell is a number: then all its cells, and
  /// its heading, align right, so that "–" for a missing value lines up with the figures.
  public static func table(_ data: Report.Table) -> String {
    let numeric = data.columns.indices.map { column in
      column > 0
        && data.rows.contains { column < $0.count && !$0[column].isEmpty && $0[column] != "–" }
        && data.rows.allSatisfy {
          column >= $0.count || $0[column].isEmpty || $0[column] == "–" || isNumber($0[column])
        }
    }
    var html = "<div class=\"table-wrap\"><table>"
    if !data.caption.isEmpty { html += "<caption>\(MarkupEscaping.xml(data.caption))\(refs(data.notes))</caption>" }
    html += "<thead><tr>"
    for (i, column) in data.columns.enumerated() {
      html += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")>\(MarkupEscaping.xml(column))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in data.rows {
      html += "<tr>"
      for (i, cell) in row.enumerated() {
        let text = cell.isEmpty ? "–" : MarkupEscaping.xml(cell)
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
  public static func isNumber(_ cell: String) -> Bool {
    var text = Substring(cell)
    if text.hasSuffix("%") { text = text.dropLast() }
    if text.first == "-" || text.first == "−" || text.first == "+" { text = text.dropFirst() }
    let digits = text.filter { $0 != "," }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
      && digits.filter { $0 == "." }.count <= 1
  }

  /// `2001`, `2001-07` or `2001-07-16`: kept on one line.
  public static func isDate(_ cell: String) -> Bool {
    let parts = cell.split(separator: "-", omittingEmptySubsequences: false)
    return (1...3).contains(parts.count) && parts[0].count == 4
      && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
      && parts.dropFirst().allSatisfy { $0.count == 2 }
  }

  /// The numbered notes, as the section `#notes`.
  public static func notes(_ notes: [Report.Note]) -> String {
    var html = "<section id=\"notes\" class=\"notes\"><h2>Notes</h2><ol>"
    for note in notes {
      html +=
        "<li id=\"note-\(note.number)\">\(MarkupEscaping.xml(note.source)), <cite>\(MarkupEscaping.xml(note.title))</cite>"
      if !note.version.isEmpty { html += " (\(MarkupEscaping.xml(note.version)))" }
      if let table = note.table { html += "; \(MarkupEscaping.xml(table))" }
      if let years = note.years { html += "; \(MarkupEscaping.xml(years))" }
      html += ". <a href=\"\(MarkupEscaping.xml(note.url))\">\(MarkupEscaping.xml(note.url))</a></li>"
    }
    return html + "</ol></section>"
  }
}
