/// Renders a ``Report`` as Markdown for pasting into documents: text, tables and notes (charts are
/// given as their data tables).
public struct MarkdownReportRenderer: Sendable {
  public init() {}

  public func render(_ report: Report) -> String {
    var md = "# \(escapeMarkdown(report.title))\n\n*\(escapeMarkdown(report.subtitle))*\n\n"
    md += "Years \(report.years)"
    if !report.comparisons.isEmpty { md += " · compared with \(report.comparisons.joined(separator: ", "))" }
    md += " · generated \(report.generated)\n\n## Summary\n\n"
    for finding in report.findings { md += "- \(text(finding))\n" }
    for section in report.sections {
      md += "\n## \(escapeMarkdown(section.title))\n\n*\(escapeMarkdown(section.question))*\n\n"
      if !section.evidence.isEmpty {
        md += "Evidence: " + section.evidence.map { escapeMarkdown($0.text) }.joined(separator: " · ") + "\n\n"
      }
      for block in section.blocks { md += render(block) + "\n" }
    }
    md += "\n## Notes\n\n"
    for note in report.notes {
      var line = "\(note.number). \(escapeMarkdown(note.source)), *\(escapeMarkdown(note.title))*"
      if !note.version.isEmpty { line += " (\(escapeMarkdown(note.version)))" }
      if let table = note.table { line += "; \(escapeMarkdown(table))" }
      if let years = note.years { line += "; \(years)" }
      md += line + ". <\(note.url)>\n"
    }
    return md
  }

  func text(_ paragraph: Report.Paragraph) -> String {
    escapeMarkdown(paragraph.text) + NoteRanges.markdown(paragraph.notes)
  }

  func render(_ block: Report.Block) -> String {
    switch block {
    case .paragraph(let paragraph): return text(paragraph) + "\n"
    case .heading(let heading): return "### \(escapeMarkdown(heading))\n"
    case .callout(let title, let body): return "> **\(escapeMarkdown(title))** \(text(body))\n"
    case .list(let items): return items.map { "- \(text($0))" }.joined(separator: "\n") + "\n"
    case .figure(let figure):
      return "**\(escapeMarkdown(figure.title))** — \(escapeMarkdown(figure.caption))"
        + NoteRanges.markdown(figure.notes) + "\n\n" + table(figure.data)
    case .table(let data): return table(data)
    case .gap(let gap): return "> *Not in the store:* \(escapeMarkdown(gap.whatSentence)) To fill it: `\(gap.remedy)`\n"
    }
  }

  func table(_ data: Report.Table) -> String {
    var md = data.caption.isEmpty ? "" : "*\(escapeMarkdown(data.caption))*" + NoteRanges.markdown(data.notes) + "\n\n"
    md += "| " + data.columns.map(escapeMarkdown).joined(separator: " | ") + " |\n"
    md += "|" + data.columns.enumerated().map { $0.offset == 0 ? "---|" : "---:|" }.joined() + "\n"
    for row in data.rows {
      md += "| " + row.map { $0.isEmpty ? "–" : escapeMarkdown($0) }.joined(separator: " | ") + " |\n"
    }
    return md
  }
}
