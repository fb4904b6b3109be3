extension ReportBuilder {
  /// Challenges and limits: what the data shows against the partnership, gathered from the other
  /// sections, and what the data cannot say.
  func limitsSection(_ context: inout Context) -> Report.Section {
    var blocks: [Report.Block] = []
    if context.limits.isEmpty {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "The figures in the store show no marked distance between \(context.pair): no votes far apart, vetoes alone, large asymmetry or declining transfers were found in the data imported."
          )))
    } else {
      blocks.append(.list(context.limits))
      if let first = context.limits.first {
        context.findings.append(
          (
            5,
            Report.Paragraph(
              "Against the partnership: " + ReportBuilder.lowercasedFirst(first.text), notes: first.notes)
          ))
      }
    }
    var gaps = [
      "The data cannot show intentions, private agreements or classified cooperation; curated facts cover what was published."
    ]
    if !context.missing.isEmpty {
      gaps.append(
        "Datasets not in the store: \(context.missing.joined(separator: ", ")) (see Data coverage and sources).")
    }
    blocks.append(.heading("What the data cannot say"))
    blocks.append(.list(gaps.map { Report.Paragraph($0) }))
    return Report.Section(
      id: "limits", title: "Challenges and limits",
      question: "What does the data show against the partnership, and where is it silent?", blocks: blocks)
  }
}
