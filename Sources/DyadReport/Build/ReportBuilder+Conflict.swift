import DyadAnalysis
import DyadCore
import DyadStore

extension ReportBuilder {
  /// Conflict and rivalry: militarized disputes, wars, UCDP conflicts with both, strategic
  /// rivalries, contiguity and the distance between capitals, each dataset within its coverage.
  func conflictSection(_ context: inout Context) throws -> Report.Section {
    let id = "conflict", title = "Conflict and rivalry"
    let question = "Have they fought each other, and are they rivals?"
    guard context.has(Store.conflictDatasetName) else {
      return Report.Section(
        id: id, title: title, question: question,
        blocks: [
          context.gap(
            Store.conflictDatasetName,
            "The conflict and rivalry data (COW and GML militarized disputes, COW wars, UCDP armed conflicts, strategic rivalries, contiguity and capitals)."
          )
        ])
    }
    let span = try YearRange(from: context.years.lowerBound, to: min(context.years.upperBound, context.today.year))
    let profile = try context.store.conflictProfile(for: context.dyad, years: span)
    let inputs = try context.store.conflictInputs(for: context.dyad)
    let summary = profile.summary
    let notes = context.notes.cite(profile.coverage.compactMap(\.source))
    func cite(_ dataset: ConflictDataset) -> [Int] { context.notes.cite(inputs.sources[dataset].map { [$0] } ?? []) }
    func covered(_ dataset: ConflictDataset) -> YearRange? { inputs.coverage[dataset]?.clamped(to: span) }
    var blocks: [Report.Block] = []
    var hostile: [String] = []

    // Rivalries (any years: a rivalry is a span, and one before the report's years still explains it).
    if summary.rivalries.isEmpty {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "No strategic rivalry between \(context.pair) is coded by Thompson, Sakuwa & Suhas (to 2020) or Thompson & Dreyer (to 2010).",
            notes: cite(.tssRivalries) + cite(.tdRivalries))))
    } else {
      let items = summary.rivalries.map { span -> Report.Paragraph in
        let rivalry = span.rivalry
        let types = rivalry.types.isEmpty ? "" : " (\(rivalry.types.joined(separator: ", ")))"
        return Report.Paragraph("\(rivalry.dataset.label): \(rivalry.name), \(span.label)\(types).", notes: cite(rivalry.dataset))
      }
      blocks.append(.heading("Strategic rivalries"))
      blocks.append(.list(items))
      for span in summary.rivalries
      where span.rivalry.dataset == .tssRivalries && context.years.clamped(to: span.rivalry.years) != nil {
        hostile.append("rivals \(span.label)")
      }
    }

    // Disputes and wars, within each dataset's coverage.
    var sentences: [String] = []
    if let years = covered(.cowMID), let onsets = summary.cowMIDOnsets, let force = summary.cowUseOfForceYears {
      sentences.append(
        onsets == 0 && (summary.cowMIDYears ?? 0) == 0
          ? "COW records no militarized dispute between them in \(years)"
          : "COW records \(onsets) militarized dispute\(onsets == 1 ? "" : "s") beginning in \(years), over \(summary.cowMIDYears ?? 0) dyad-years, \(force) of them with use of force\(summary.lastCOWMID.map { "; the last in \($0)" } ?? "")")
    }
    if let years = covered(.gmlMID), let onsets = summary.gmlMIDOnsets {
      sentences.append("GML's corrected MIDs count \(onsets) in \(years)\(summary.lastGMLMID.map { " (the last in \($0))" } ?? "")")
    }
    if let years = covered(.cowWar), let wars = summary.wars {
      sentences.append(
        wars.isEmpty
          ? "they fought no interstate war against each other in \(years) (COW)"
          : "they fought on opposite sides of COW interstate war\(wars.count == 1 ? "" : "s") \(wars.map(String.init).joined(separator: ", ")) (\(summary.warYears ?? 0) dyad-year\(summary.warYears == 1 ? "" : "s"))")
    }
    if let years = covered(.ucdp), let opposite = summary.oppositeSideConflictYears, let same = summary.sameSideConflictYears {
      sentences.append(
        "in UCDP's armed conflicts (\(years)) they were on opposite sides in \(opposite) conflict-year\(opposite == 1 ? "" : "s") and on the same side in \(same)")
    }
    if !sentences.isEmpty {
      let text = Self.uppercasedFirst(sentences.joined(separator: "; ")) + "."
      blocks.append(.paragraph(Report.Paragraph(text, notes: cite(.cowMID) + cite(.gmlMID) + cite(.cowWar) + cite(.ucdp))))
    }

    // The years with a dispute, a war or a UCDP conflict, in a table.
    let eventful = profile.rows.filter { row in
      !(row.cowMID?.disputes.isEmpty ?? true) || !(row.gmlMID?.disputes.isEmpty ?? true) || !(row.wars?.isEmpty ?? true)
        || !(row.oppositeSideConflicts?.isEmpty ?? true)
    }
    func mid(_ summary: DisputeYearSummary?) -> String {
      guard let summary else { return "not covered" }
      guard !summary.disputes.isEmpty else { return "" }
      var text = summary.disputes.map(String.init).joined(separator: ", ") + " (" + (summary.hostilityLabel ?? "") + ")"
      let deaths = [summary.firstFatality, summary.secondFatality].compactMap { $0 }.max() ?? 0
      if deaths > 0, let label = VerdictRules.fatalityText(deaths) { text += ", \(label)" }
      return text
    }
    if !eventful.isEmpty {
      let forceYears = eventful.filter { ($0.cowMID?.isUseOfForce ?? false) || ($0.gmlMID?.isUseOfForce ?? false) || !($0.wars?.isEmpty ?? true) || !($0.oppositeSideConflicts?.isEmpty ?? true) }.map(\.year)
      if !forceYears.isEmpty {
        hostile.append("armed conflict in " + Self.yearList(forceYears))
      }
      blocks.append(
        .table(
          Report.Table(
            caption: "Years with a militarized dispute, a war or a UCDP conflict between them",
            columns: ["Year", "COW MIDs (highest hostility)", "GML MIDs", "COW war", "UCDP, opposite sides", "Initiating side (COW)"],
            rows: eventful.map { row in
              [
                String(row.year), mid(row.cowMID), mid(row.gmlMID),
                row.wars.map { $0.map(String.init).joined(separator: ", ") } ?? "not covered",
                row.oppositeSideConflicts.map { $0.map(String.init).joined(separator: ", ") } ?? "not covered",
                row.cowMID.map { $0.initiators.map { context.name($0, row.year) }.joined(separator: ", ") } ?? "",
              ]
            }, notes: notes)))
      // A chart of dispute-years: use of force or war against threats and displays, COW MIDs.
      if let years = covered(.cowMID) {
        let bars = profile.rows.filter { years.contains($0.year) }.map { row -> StackedBarChart.Bar in
          let disputes = inputs.disputes.filter { $0.dataset == .cowMID && $0.year == row.year }
          return StackedBarChart.Bar(
            year: row.year,
            values: [Double(disputes.filter(\.isUseOfForce).count), Double(disputes.filter { !$0.isUseOfForce }.count)])
        }
        if bars.contains(where: { ($0.values.compactMap { $0 }.reduce(0, +)) > 0 }) {
          let chart = StackedBarChart(
            title: "Militarized disputes of \(context.a.name) and \(context.b.name) per year", units: "Disputes",
            source: "Source: COW Militarized Interstate Disputes 5 (dyad-years, via peacesciencer); see notes.",
            caption:
              "Disputes in which the two faced each other, by the higher side's hostility; COW's data end in \(years.upperBound), later years are not covered (blank), not peaceful.",
            id: "disputes-\(context.dyad)", categories: ["Use of force or war", "Threat or display"], bars: bars,
            years: span.lowerBound...span.upperBound, valueDecimals: 0)
          blocks.append(.figure(Report.Figure(chart, notes: cite(.cowMID))))
        }
      }
    }

    // Geography.
    var geography: [String] = []
    if let contiguity = summary.contiguity {
      geography.append(
        "COW codes them as contiguous (\(contiguity.label)) from \(contiguity.from)"
          + (contiguity.inForceAtDataEnd ? " to the end of its data (\(contiguity.to))" : " to \(contiguity.to)"))
    } else if inputs.coverage[.contiguity] != nil {
      geography.append("COW codes no direct contiguity between them (land or up to 400 miles of water)")
    }
    if let km = summary.capitalDistanceKm, summary.capitals.count == 2 {
      geography.append(
        "their capitals, \(summary.capitals[0].name) and \(summary.capitals[1].name), are \(EconomicFormat.millions(km)) km apart (great-circle)")
    }
    if !geography.isEmpty {
      blocks.append(.paragraph(Report.Paragraph(Self.uppercasedFirst(geography.joined(separator: "; ")) + ".", notes: cite(.contiguity) + cite(.capitals))))
    }
    // Coverage in one line: a year outside a dataset's years is unknown, never "no conflict".
    let spans = profile.coverage.filter { $0.dataset != .capitals }.map { "\($0.dataset.label) \($0.years)" }
    if !spans.isEmpty {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "Coverage: \(spans.joined(separator: "; ")). A year outside a dataset's coverage is unknown (\"not covered\"), never \"no conflict\"; a rivalry whose last year is its dataset's last was ongoing when the data end. MIDs and wars are counted once per dyad-year; a MID codes each state's highest hostility in the whole dispute, which in a dispute of several states may be against another participant."
          )))
    }
    for note in profile.notes where note.contains("not in the store") { blocks.append(.paragraph(Report.Paragraph(note))) }

    if !hostile.isEmpty {
      let text = "Conflict and rivalry: \(context.pair) — " + hostile.joined(separator: "; ") + "."
      context.findings.append((2, Report.Paragraph(text, notes: notes)))
      context.limits.append(Report.Paragraph(text, notes: notes))
    }
    return Report.Section(id: id, title: title, question: question, blocks: blocks)
  }

  /// "1969, 1974, 1977–1980".
  static func yearList(_ years: [Int]) -> String {
    YearRange.spans(of: years).map(\.description).joined(separator: ", ")
  }
}
