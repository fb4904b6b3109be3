import DyadAnalysis
import DyadCore
import DyadStore

extension ReportBuilder {
  /// How aligned are their foreign policies? UN General Assembly voting over time against the
  /// reference dyads and all dyads, Security Council vetoes, shared institutions, leader meetings.
  func alignmentSection(_ context: inout Context) throws -> Report.Section {
    var blocks: [Report.Block] = []
    try votingBlocks(&context, into: &blocks)
    try idealPointBlocks(&context, into: &blocks)
    try vetoBlocks(&context, into: &blocks)
    try councilBlocks(&context, into: &blocks)
    try institutionBlocks(&context, into: &blocks)
    try meetingBlocks(&context, into: &blocks)
    return Report.Section(
      id: "alignment", title: "How aligned are their foreign policies?",
      question: "Do they vote together at the UN, veto together, sit in the same institutions and meet often?",
      blocks: blocks)
  }

  /// Ideal points (Bailey, Strezhnev & Voeten): how far apart the two stand on the dimension that
  /// best explains General Assembly votes, in the latest session and the first, and where that
  /// distance ranks among all pairs of states.
  private func idealPointBlocks(_ context: inout Context, into blocks: inout [Report.Block]) throws {
    guard context.has("unga-ideal-points") else { return }  // the voting gap above names the votes
    let summary = try context.store.idealPoints(for: context.dyad, years: context.years)
    guard let first = summary.rows.first, let last = summary.rows.last else { return }
    let note = context.cite(
      dataset: "unga-ideal-points", table: "ideal points by session", years: summary.coverage?.description)
    let notes = note.map { [$0] } ?? []
    func describe(_ row: IdealPointDistance) -> String {
      let a = context.name(row.first.state, row.year), b = context.name(row.second.state, row.year)
      var text =
        "\(a)'s ideal point was \(CuratedRecord.fixed(row.first.value, 2)) and \(b)'s \(CuratedRecord.fixed(row.second.value, 2)), a distance of \(CuratedRecord.fixed(row.distance, 2))"
      if let closeness = row.closenessPercentile {
        text += "; \(CuratedRecord.fixed(closeness, 0))% of the \(row.dyads) pairs of states stood farther apart"
      }
      return text
    }
    var text = "In the session that opened in \(last.year), " + describe(last) + "."
    if first.session != last.session {
      text += " In \(first.year) the distance was \(CuratedRecord.fixed(first.distance, 2))."
    }
    text +=
      " (Ideal points place each state on the one dimension that best explains its votes; higher is closer to the US-led liberal order.)"
    blocks.append(.paragraph(Report.Paragraph(text, notes: notes)))
  }

  private func votingBlocks(_ context: inout Context, into blocks: inout [Report.Block]) throws {
    blocks.append(.heading("Voting in the UN General Assembly"))
    let dataset = context.voteDataset
    guard context.has(dataset), let source = UNVoteSource(rawValue: dataset) else {
      blocks.append(context.gap("unga-votes", "UN General Assembly roll-call votes (Voeten), 1946–2019."))
      blocks.append(
        context.gap(
          "un-digital-library", "the UN Digital Library's voting records: adopted resolutions, 1946–2021 and 2025."))
      return
    }
    let summary = try context.store.alignment(
      for: context.dyad, years: context.years, references: context.references.map(\.dyad), source: source)
    let otherSource = UNVoteSource.allCases.first { $0 != source && context.has($0.rawValue) }
    let rows = summary.rows.filter { $0.votes.n > 0 }
    let note = context.notes.cite(summary.source, table: "dyad-year vote similarity", years: summary.years?.description)
    guard let first = rows.first, let last = rows.last else {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "\(context.pair) never voted on the same General Assembly roll calls in \(context.years).", notes: [note])))
      return
    }
    let pct: (Double?) -> String = { $0.map { CuratedRecord.fixed($0 * 100, 1) + "%" } ?? "–" }
    var text =
      "In \(last.year) \(context.name(context.dyad.first, last.year)) and \(context.name(context.dyad.second, last.year)) cast identical votes on \(pct(last.measures.agree)) of the \(last.votes.n) General Assembly roll calls on which both voted (Signorino–Ritter S \(last.measures.s.map { CuratedRecord.fixed($0, 2) } ?? "–"), Cohen's κ \(last.measures.kappa.map { CuratedRecord.fixed($0, 2) } ?? "–"))"
    if let percentile = last.percentiles.agree {
      text +=
        "; that placed them at the \(EconomicFormat.ordinal(Int(percentile.rounded()))) percentile of all \(last.dyads) pairs of states that year"
    }
    text += "."
    if source == .digitalLibrary {
      text +=
        " (These are the UN Digital Library's records of resolutions adopted by recorded vote, the most current Dyad holds"
      text +=
        otherSource != nil
        ? "; Voeten's roll calls, which also count failed drafts and amendments, end in 2019.)" : ".)"
    }
    let scale = summary.references.compactMap { reference -> String? in
      guard let measures = reference.measures(inYear: last.year),
        let label = context.references.first(where: { $0.dyad == reference.dyad })?.label
      else { return nil }
      return "\(label) agreed on \(pct(measures.agree))"
    }
    if !scale.isEmpty { text += " For scale, " + CuratedRecord.list(scale) + "." }
    blocks.append(.paragraph(Report.Paragraph(text, notes: [note])))
    context.findings.append((1, Report.Paragraph(text, notes: [note])))
    if let overall = summary.overall {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "Over \(first.year)–\(last.year) they agreed on \(pct(overall.measures.agree)) of \(overall.votes.n) joint votes.",
            notes: [note])))
    }
    // The years furthest apart, for the limits section.
    if let lowest = rows.filter({ $0.votes.n >= 10 }).min(by: { ($0.measures.agree ?? 1) < ($1.measures.agree ?? 1) }),
      let agree = lowest.measures.agree, agree < 0.6
    {
      context.limits.append(
        Report.Paragraph(
          "Votes apart: in \(lowest.year) they voted alike on only \(pct(agree)) of \(lowest.votes.n) General Assembly roll calls.",
          notes: [note]))
    }
    // Years without roll calls (2022–2024 in the Library's files Dyad reads) are gaps, not zeros.
    let byYear = Dictionary(rows.map { ($0.year, $0) }, uniquingKeysWith: { x, _ in x })
    let span = first.year...last.year
    let ownPoints: [ChartPoint] = span.map { ChartPoint(year: $0, value: byYear[$0]?.measures.agree) }
    var series = [ChartSeries(name: "\(context.a.name)–\(context.b.name)", points: ownPoints)]
    for reference in summary.references {
      guard let label = context.references.first(where: { $0.dyad == reference.dyad })?.label else { continue }
      let points: [ChartPoint] = reference.years.map { ChartPoint(year: $0.years.lowerBound, value: $0.measures.agree) }
      series.append(ChartSeries(name: label, points: points))
    }
    let medianPoints: [ChartPoint] = span.map { ChartPoint(year: $0, value: byYear[$0]?.medians.agree) }
    series.append(ChartSeries(name: "Median of all dyads", points: medianPoints))
    let chart = LineChart(
      title: "UN General Assembly voting agreement", units: "Share of joint votes identical",
      source: source == .digitalLibrary
        ? "Source: UN Dag Hammarskjöld Library voting records (adopted resolutions); Dyad's dyad-year similarity table."
        : "Source: Voeten, UNGA roll-call votes (unvotes 0.3.0); Dyad's dyad-year similarity table.",
      caption:
        "Share of roll calls on which both voted (yes, abstain or no) and voted alike, by calendar year, with the reference dyads and the median of all pairs of states.",
      id: "unga-agreement-\(context.dyad)", series: series, years: nil, yDomain: 0...1, valueDecimals: 3)
    blocks.append(.figure(Report.Figure(chart, notes: [note])))
  }

  /// How the two voted on the Security Council resolutions adopted while both sat on the Council.
  private func councilBlocks(_ context: inout Context, into blocks: inout [Report.Block]) throws {
    guard context.has("un-digital-library"),
      let council = try context.store.councilAgreement(for: context.dyad, years: context.years),
      let total = council.total, let first = council.years.first, let last = council.years.last
    else { return }
    let note = context.notes.cite(council.source, table: "Security Council votes", years: council.coverage?.description)
    let pct = { (value: Double) in CuratedRecord.fixed(value * 100, 1) + "%" }
    var text =
      "On the \(total.votes) Security Council resolutions adopted by recorded vote while both sat on the Council (\(first.year == last.year ? String(first.year) : "\(first.year)–\(last.year)")), \(context.pair) cast the same vote on \(total.same) (\(pct(total.agree)))"
    if last.year != first.year || council.years.count > 1 {
      text += "; in \(last.year), \(last.same) of \(last.votes) (\(pct(last.agree)))"
    }
    text +=
      ". A vetoed draft is not adopted, so these are the resolutions that passed; the vetoes show where they blocked one."
    blocks.append(.heading("Votes in the Security Council"))
    blocks.append(.paragraph(Report.Paragraph(text, notes: [note])))
  }

  private func vetoBlocks(_ context: inout Context, into blocks: inout [Report.Block]) throws {
    let p5 = try context.store.memberships(of: [context.dyad.first, context.dyad.second]).filter {
      $0.institution == "UNSC-P5"
    }
    let both = Set(p5.map(\.state)).count == 2
    guard both else { return }
    blocks.append(.heading("Vetoes in the Security Council"))
    guard context.has("unsc-vetoes") else {
      blocks.append(context.gap("unsc-vetoes", "Security Council vetoes, 1946 to September 2022."))
      return
    }
    let summary = try context.store.vetoes(for: context.dyad, years: context.years)
    let note = context.notes.cite(summary.source, table: "vetoes", years: summary.coverage?.description)
    let curatedNotes = context.notes.cite(summary.all.compactMap(\.source))
    var parts: [String] = []
    for side in summary.sides {
      let name = context.name(side.state, context.today.year)
      var text =
        "\(name) cast \(side.count) vetoes, \(side.jointCount) of them together with \(context.name(summary.dyad.partner(of: side.state)!, context.today.year))"
      if let last = side.lastWithoutPartner {
        text += "; its last veto without the other was on \(last.date) (\(last.reference), \(last.topic))"
      }
      parts.append(text)
    }
    let text =
      "Between them, \(summary.joint.count) Security Council drafts were vetoed by both. "
      + parts.joined(separator: ". ") + "."
    blocks.append(.paragraph(Report.Paragraph(text, notes: [note] + curatedNotes)))
    context.findings.append(
      (
        2,
        Report.Paragraph(
          "Security Council: \(summary.joint.count) joint vetoes. " + parts.joined(separator: ". ") + ".", notes: [note]
        )
      ))
    for side in summary.sides where side.withoutPartnerCount > 0 {
      context.limits.append(
        Report.Paragraph(
          "Vetoes alone: \(context.name(side.state, context.today.year)) vetoed \(side.withoutPartnerCount) drafts without \(context.name(summary.dyad.partner(of: side.state)!, context.today.year)).",
          notes: [note]))
    }
    let recent = summary.all.suffix(12)
    blocks.append(
      .table(
        Report.Table(
          caption: "The most recent vetoes by either", columns: ["Date", "Draft", "Topic", "Vetoed by"],
          rows: recent.reversed().map { veto in
            [
              veto.date.description, veto.reference, veto.topic,
              veto.vetoers.map { context.name($0, veto.date.year) }.joined(separator: ", "),
            ]
          }, notes: [note] + curatedNotes)))
    for line in summary.notes { blocks.append(.paragraph(Report.Paragraph(line))) }
  }

  private func institutionBlocks(_ context: inout Context, into blocks: inout [Report.Block]) throws {
    blocks.append(.heading("Shared institutions"))
    let summary = try context.store.sharedInstitutions(for: context.dyad, years: context.years)
    if summary.memberships.isEmpty {
      blocks.append(.paragraph(Report.Paragraph("Dyad's curated memberships show no institution both belong to.")))
    } else {
      let notes = context.notes.cite(summary.memberships.flatMap(\.sources))
      let current = summary.memberships.filter { $0.to == nil }
      let names = current.map { "\($0.name) (since \($0.from.year))" }
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "Both belong today to \(current.count) of the institutions Dyad tracks: \(names.joined(separator: "; ")).",
            notes: notes)))
      blocks.append(
        .table(
          Report.Table(
            caption: "Institutions both belong or belonged to", columns: ["Institution", "Both members from", "Until"],
            rows: summary.memberships.map { [$0.name, $0.from.description, $0.to?.description ?? "present"] },
            notes: notes)))
    }
    if let coverage = summary.igoCoverage, let source = summary.igoSource {
      let note = context.notes.cite(source, table: "shared IGO memberships", years: coverage.description)
      let rows = summary.years.filter { $0.sharedIGOs != nil }
      if let last = rows.last, let count = last.sharedIGOs {
        blocks.append(
          .paragraph(
            Report.Paragraph(
              "The Correlates of War count of intergovernmental organisations both belonged to was \(count) in \(last.year), the dataset's last year.",
              notes: [note])))
        let chart = LineChart(
          title: "Shared intergovernmental organisations", units: "IGOs with both as full members",
          source: "Source: COW Intergovernmental Organizations v3.",
          caption: "Count of IGOs in which both states were full members, by year (the dataset ends in 2014).",
          id: "igo-\(context.dyad)",
          series: [
            ChartSeries(
              name: "\(context.a.name)–\(context.b.name)",
              points: rows.map { ChartPoint(year: $0.year, value: $0.sharedIGOs.map(Double.init)) })
          ],
          valueDecimals: 0)
        blocks.append(.figure(Report.Figure(chart, notes: [note])))
      }
    } else {
      blocks.append(context.gap("cow-igo", "Counts of shared intergovernmental organisations (COW IGO, 1816–2014)."))
    }
  }

  private func meetingBlocks(_ context: inout Context, into blocks: inout [Report.Block]) throws {
    let meetings = try context.store.timeline(
      for: context.dyad, years: context.years, kinds: [.leaderMeeting, .summit])
    guard !meetings.isEmpty else { return }
    blocks.append(.heading("Leader meetings"))
    guard let rule = LeaderMeetingCount(events: meetings, dyad: context.dyad, leaders: try context.store.leaderTerms(for: context.dyad)),
      rule.count > 0
    else {
      // No leader terms for this pair: the record as listed, without the counting rule.
      let notes = context.notes.cite(meetings.map(\.source))
      let perYear = Dictionary(grouping: meetings, by: \.date.year)
      let busiest = perYear.max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }!
      let text =
        "Dyad's curated record lists \(meetings.count) meetings of the two states' leaders from \(meetings.first!.date.year) to \(meetings.last!.date.year), up to \(busiest.value.count) in one year (\(busiest.key)); the latest: \(meetings.last!.title), \(meetings.last!.place ?? "") (\(meetings.last!.date)). The leaders are not told apart here, so meetings of different heads of state are counted together."
      blocks.append(.paragraph(Report.Paragraph(text, notes: notes)))
      return
    }
    let counted = rule.occasions.flatMap { $0 }
    let tallies = try context.store.officialTallies(for: context.dyad).filter {
      context.years.contains($0.date.year)
    }
    let notes = context.notes.cite(counted.map(\.source) + rule.leaders.map(\.source))
    let tallyNotes = context.notes.cite(tallies.map(\.source))
    let names = rule.leaders.map(\.name).joined(separator: " and ")
    let firstYear = rule.occasions.first![0].date.year, lastYear = rule.occasions.last![0].date.year
    let perYear = Dictionary(grouping: rule.occasions, by: { $0[0].date.year })
    let busiest = perYear.max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }!
    let latest = rule.occasions.last!.last!
    var text =
      "\(names) met in person \(rule.count) times from \(firstYear) to \(lastYear) by Dyad's rule (bilateral meetings of these two leaders, one per visit or occasion; video calls and trilateral meetings not counted; see docs/leader-meetings.md), up to \(busiest.value.count) in one year (\(busiest.key)); the latest: \(latest.title), \(latest.place ?? "") (\(latest.date))."
    let others = meetings.filter { event in
      !rule.leaders.allSatisfy { $0.holdsOffice(on: event.date) }
    }
    if let earliest = others.first {
      text +=
        " The \(others.count) earlier meetings and summits in the record (from \(earliest.title), \(earliest.date.year)) were of other leaders and are not in this count."
    }
    blocks.append(.paragraph(Report.Paragraph(text, notes: notes)))
    if !tallies.isEmpty {
      let parts = tallies.map { tally in
        "\(tally.stated) on \(tally.date) (\(tally.counted); Dyad's count by then: \(rule.count(through: tally.date)))"
      }
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "Official tallies, as stated: " + parts.joined(separator: "; ")
              + ". They count every encounter, including several on one visit and video conferences, so they run higher than Dyad's count by visit.",
            notes: tallyNotes)))
    }
    let years = firstYear...max(lastYear, min(context.years.upperBound, context.today.year))
    let chart = StackedBarChart(
      title: "Leader meetings per year", units: "Visits or occasions",
      source: "Source: Dyad curated events (Kremlin, Chinese Foreign Ministry and news reports); see notes.",
      caption: "In-person bilateral meetings of \(names), one per visit or occasion (Dyad's rule).",
      id: "meetings-\(context.dyad)", categories: ["Meetings"],
      bars: years.map { StackedBarChart.Bar(year: $0, values: [Double(perYear[$0]?.count ?? 0)]) }, valueDecimals: 0)
    blocks.append(.figure(Report.Figure(chart, notes: notes)))
  }
}
