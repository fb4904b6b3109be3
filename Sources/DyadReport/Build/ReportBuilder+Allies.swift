import DyadAnalysis
import DyadCore
import DyadStore

extension ReportBuilder {
  /// Are they allies? The rule-based verdict for the latest year, its evidence, the verdict over
  /// time, and the reference dyads' verdicts for scale.
  func alliesSection(_ context: inout Context) throws -> Report.Section {
    let year = min(context.years.upperBound, context.today.year)
    // One read of the dyad's military record serves the verdict and its history.
    let inputs = try context.store.militaryInputs(for: context.dyad, namesInYear: year)
    let verdict = VerdictRules.verdict(for: inputs, year: year)
    var blocks: [Report.Block] = []
    let notes = context.notes.cite(verdict.sources)
    // A verdict for a year past a dataset's end says what it lacks rather than passing as current.
    var summary = verdict.summary
    if let lacking = context.lacking(
        Self.verdictDatasets, in: year,
        instead: "Where they are silent, the verdict rests on Dyad's curated treaties and exercises.")
    {
      summary += " " + lacking
    }
    blocks.append(
      .callout(title: "Verdict for \(year): \(verdict.headline)", body: Report.Paragraph(summary, notes: notes)))
    context.findings.append(
      (0, Report.Paragraph("Are they allies? \(summary)", notes: notes)))
    if verdict.isProvisional {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "The verdict for \(year) is provisional: the year is past the end of some of the data. What is missing, and how each rule treats it (the end of the data is not the end of a tie):"
          )))
      blocks.append(.list(verdict.missingEvidence.map { Report.Paragraph(Self.uppercasedFirst($0) + ".") }))
    }
    var rules: [Report.Paragraph] = []
    for result in verdict.rules {
      let evidence = result.evidence.map(\.text).joined(separator: "; ")
      let cited = context.notes.cite(result.evidence.flatMap(\.sources))
      let mark = result.provisional == nil ? (result.fired ? "✓" : "✗") : (result.fired ? "≈" : "?")
      rules.append(
        Report.Paragraph(
          "\(mark) \(result.rule.name) — \(result.finding)\(evidence.isEmpty ? "" : "\(result.finding.hasSuffix(".") ? "" : ".") Evidence: \(evidence).")",
          notes: cited))
    }
    blocks.append(.heading("The rules behind the verdict"))
    blocks.append(.list(rules))
    for note in verdict.notes { blocks.append(.paragraph(Report.Paragraph(note))) }

    // The verdict over time, as spans of equal verdicts; armed clashes listed by year within a span.
    let first = max(context.years.lowerBound, 1946)
    if first <= year {
      let history = (first...year).map { VerdictRules.verdict(for: inputs, year: $0) }
      var spans: [(from: Int, to: Int, verdict: String, basis: String, rivalry: String, clashes: [Int], tie: SecurityTie)] = []
      for item in history {
        let basis = item.alliance.pacts.filter { !$0.obligations.isEmpty }.map(\.name).joined(separator: "; ")
        let label =
          item.tie.rawValue + (item.tie == .treatyAllies && !item.hostility.isEmpty ? " in name" : "")
          + (item.isProvisional ? " (provisional)" : "")
        let rivalry = item.rules.first { $0.rule.id == "R7" && $0.fired }?.finding ?? ""
        let clashed = item.rules.contains { $0.rule.id == "R6" && $0.fired }
        if let last = spans.last, last.verdict == label, last.basis == basis, last.rivalry == rivalry {
          spans[spans.count - 1].to = item.year
          if clashed { spans[spans.count - 1].clashes.append(item.year) }
        } else {
          spans.append((item.year, item.year, label, basis, rivalry, clashed ? [item.year] : [], item.tie))
        }
      }
      let hostile = spans.contains { !$0.rivalry.isEmpty || !$0.clashes.isEmpty }
      blocks.append(
        .table(
          Report.Table(
            caption: "The verdict year by year",
            columns: ["Years", "Verdict", "Pacts in force"] + (hostile ? ["Rivalry and armed conflict"] : []),
            rows: spans.map { span in
              var row = [span.from == span.to ? "\(span.from)" : "\(span.from)–\(span.to)", span.verdict, span.basis]
              if hostile {
                var parts: [String] = []
                if !span.rivalry.isEmpty { parts.append(span.rivalry) }
                if !span.clashes.isEmpty { parts.append("armed conflict (R6) in " + Self.yearList(span.clashes)) }
                row.append(parts.joined(separator: "; "))
              }
              return row
            },
            notes: notes)))
      if let allied = spans.last(where: { $0.tie == .treatyAllies }), verdict.tie != .treatyAllies {
        context.limits.append(
          Report.Paragraph(
            "No alliance today: \(context.pair) were treaty allies in \(allied.from)–\(allied.to) (\(allied.basis)), but no defence pact binds them in \(year).",
            notes: notes))
      }
    }

    // Reference dyads for scale.
    let pactNames: (AllianceVerdict) -> String = {
      $0.alliance.pacts.filter { !$0.obligations.isEmpty }.map(\.name).joined(separator: "; ")
    }
    var rows: [[String]] = [["\(context.a.name)–\(context.b.name)", verdict.headline, pactNames(verdict)]]
    for reference in context.references {
      let other = try context.store.verdict(for: reference.dyad, year: year)
      _ = context.notes.cite(other.sources)
      rows.append([reference.label, other.headline, pactNames(other)])
    }
    blocks.append(
      .table(
        Report.Table(
          caption: "For scale: verdicts in \(year)", columns: ["Dyad", "Verdict", "Pacts in force"], rows: rows)))
    blocks.append(
      .paragraph(
        Report.Paragraph(
          "The verdict is rule-based and transparent: a defence pact in force makes treaty allies; a non-aggression, neutrality or consultation pact together with regular joint exercises or arms transfers makes aligned partners; any one of these makes partners; armed conflict or a strategic rivalry without any of them makes adversaries, and beside any tie it is said (\"treaty allies in name\"). A year past the end of some data is provisional. The rules are documented in docs/verdict-rules.md."
        )))
    return Report.Section(
      id: "allies", title: "Are they allies?",
      question: "Does a treaty oblige them to defend each other, and how close are their security ties?", blocks: blocks
    )
  }

  static func uppercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
