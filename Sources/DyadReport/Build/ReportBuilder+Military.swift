import DyadAnalysis
import DyadCore
import DyadStore

extension ReportBuilder {
  /// Military ties: joint exercises, arms transfers each way, spending and capabilities.
  func militarySection(_ context: inout Context) throws -> Report.Section {
    let span = try YearRange(
      from: max(context.years.lowerBound, 1946), to: min(context.years.upperBound, context.today.year))
    let profile = try context.store.militaryProfile(for: context.dyad, years: span)
    var blocks: [Report.Block] = []
    let a = context.dyad.first, b = context.dyad.second

    // Exercises.
    let exercises = profile.rows.flatMap(\.exercises)
    if exercises.isEmpty {
      blocks.append(.paragraph(Report.Paragraph("No joint exercise of \(context.pair) is recorded in \(span).")))
    } else {
      let notes = context.notes.cite(exercises.flatMap(\.sources))
      let years = profile.rows.filter { $0.exerciseCount > 0 }
      let busiest = years.max { ($0.exerciseCount, -$0.year) < ($1.exerciseCount, -$1.year) }!
      let bilateral = exercises.filter(\.isBilateral).count
      let first = exercises.min { $0.start < $1.start }!
      // "The first joint exercise" has two answers when the first was multilateral.
      let firstBilateral = exercises.filter(\.isBilateral).min { $0.start < $1.start }
      var firsts = "from \(first.displayName) in \(first.year)"
      if !first.isBilateral, let firstBilateral {
        firsts += " (multilateral; the first bilateral one was \(firstBilateral.displayName) in \(firstBilateral.year))"
      }
      let text =
        "\(exercises.count) joint exercises of \(context.pair) are recorded (\(bilateral) bilateral, \(exercises.count - bilateral) multilateral), \(firsts); the most in one year was \(busiest.exerciseCount) in \(busiest.year)."
      blocks.append(.paragraph(Report.Paragraph(text, notes: notes)))
      context.findings.append((3, Report.Paragraph(text, notes: notes)))
      let range = years.first!.year...max(years.last!.year, span.upperBound)
      let chart = StackedBarChart(
        title: "Joint exercises of \(context.a.name) and \(context.b.name) per year", units: "Exercises",
        source: "Source: Dyad curated exercises and the imported exercise datasets (Russian MoD, MME); see notes.",
        caption:
          "Exercises in which both took part, by year, bilateral or with other states; a drill several sources report counts once.",
        id: "exercises-\(context.dyad)", categories: ["Bilateral", "Multilateral"],
        bars: profile.rows.filter { range.contains($0.year) }.map {
          StackedBarChart.Bar(year: $0.year, values: [Double($0.bilateralExercises), Double($0.multilateralExercises)])
        }, valueDecimals: 0)
      blocks.append(.figure(Report.Figure(chart, notes: notes)))
    }
    if !context.has("exercises") {
      blocks.append(
        context.gap("exercises", "The joint-exercises dataset (a sample of exercises involving Russia, 2009–2018)."))
    }
    if !context.has("mme") {
      blocks.append(
        context.gap("mme", "The Multinational Military Exercises dataset (exercises of any pair of states, 1980–2010).")
      )
    }

    // Arms transfers.
    if context.has("sipri-transfers") {
      let notes = [context.cite(dataset: "sipri-transfers", table: "trade register, deliveries", years: "2000–2023")]
        .compactMap { $0 }
      let transferYears = profile.rows.filter {
        $0.year >= 2000 && $0.year <= (context.datasets["sipri-transfers"]?.coverage?.upperBound ?? 2023)
      }
      func tiv(_ row: MilitaryYear, from: StateID) -> Double? {
        row.transfers.first { $0.supplier == from }?.tiv.value
      }
      let series = [(a, b), (b, a)].map { from, to in
        ChartSeries(
          name: "\(context.name(from, span.upperBound)) → \(context.name(to, span.upperBound))",
          points: transferYears.map { ChartPoint(year: $0.year, value: tiv($0, from: from) ?? 0) })
      }
      let totals = series.map { s in s.points.compactMap(\.value).reduce(0, +) }
      if totals.contains(where: { $0 > 0 }) {
        let main = totals[0] >= totals[1] ? 0 : 1
        let (supplier, recipient) = main == 0 ? (a, b) : (b, a)
        let values = transferYears.map { (year: $0.year, tiv: tiv($0, from: supplier) ?? 0) }
        let peak = values.max { $0.tiv < $1.tiv }!
        let latest = values.last!
        let text =
          "SIPRI records \(EconomicFormat.millions(totals[main])) million TIV of major arms delivered from \(context.name(supplier, latest.year)) to \(context.name(recipient, latest.year)) in \(values.first!.year)–\(latest.year), peaking at \(EconomicFormat.millions(peak.tiv)) in \(peak.year); \(EconomicFormat.millions(latest.tiv)) in \(latest.year). The reverse flow totals \(EconomicFormat.millions(totals[1 - main]))."
        blocks.append(.paragraph(Report.Paragraph(text, notes: notes)))
        context.findings.append((4, Report.Paragraph(text, notes: notes)))
        if peak.tiv > 0, latest.tiv < peak.tiv / 2 {
          context.limits.append(
            Report.Paragraph(
              "Declining arms transfers: deliveries from \(context.name(supplier, latest.year)) to \(context.name(recipient, latest.year)) fell from \(EconomicFormat.millions(peak.tiv)) million TIV in \(peak.year) to \(EconomicFormat.millions(latest.tiv)) in \(latest.year).",
              notes: notes))
        }
        let chart = LineChart(
          title: "Arms deliveries each way", units: "SIPRI TIV (millions)",
          source: "Source: SIPRI Arms Transfers Database, trade register (deliveries from 2000).",
          caption: "Trend-indicator values of major arms delivered each year; TIV measures volume, not price.",
          id: "arms-\(context.dyad)", series: series, valueDecimals: 0)
        blocks.append(.figure(Report.Figure(chart, notes: notes)))
      } else {
        blocks.append(
          .paragraph(
            Report.Paragraph("SIPRI records no major-arms deliveries between \(context.pair) since 2000.", notes: notes)
          ))
      }
      blocks += Self.estimatedTransfers(profile, span: span, &context)
    } else {
      blocks.append(context.gap("sipri-transfers", "Arms transfers (SIPRI trade register)."))
    }

    // Spending and capabilities.
    if context.has("sipri-milex") || context.has("cow-nmc") {
      let spending = [a, b].map { state in
        ChartSeries(
          name: context.name(state, span.upperBound),
          points: profile.rows.map { row in
            ChartPoint(
              year: row.year,
              value: row.capabilities.first { $0.state == state }?.spendingUSDMillions.value.map { $0 / 1000 })
          })
      }
      if spending.contains(where: { $0.points.contains { $0.value != nil } }) {
        let notes = [context.cite(dataset: "sipri-milex", table: "current US$")].compactMap { $0 }
        let ratioRow = profile.rows.last { $0.spendingRatio.value != nil }
        if let ratioRow, let ratio = ratioRow.spendingRatio.value {
          let bigger = ratio >= 1 ? a : b
          let smaller = ratio >= 1 ? b : a
          let text =
            "In \(ratioRow.year) \(context.name(bigger, ratioRow.year)) spent \(CuratedRecord.fixed(max(ratio, 1 / ratio), 1)) times as much on its military as \(context.name(smaller, ratioRow.year)) (SIPRI, current US$)."
          blocks.append(.paragraph(Report.Paragraph(text, notes: notes)))
          if max(ratio, 1 / ratio) >= 2 {
            context.limits.append(Report.Paragraph("Unequal power: " + Self.lowercasedFirst(text), notes: notes))
          }
        }
        let chart = LineChart(
          title: "Military spending", units: "US$ billion (current)",
          source: "Source: SIPRI Military Expenditure Database.",
          caption: "Each side's military expenditure in current US dollars; gaps where SIPRI has no figure.",
          id: "milex-\(context.dyad)", series: spending, valueDecimals: 1)
        blocks.append(.figure(Report.Figure(chart, notes: notes)))
      }
      if let cinc = profile.rows.last(where: { $0.cincRatio.value != nil }), let ratio = cinc.cincRatio.value {
        let notes = [context.cite(dataset: "cow-nmc", table: "CINC")].compactMap { $0 }
        blocks.append(
          .paragraph(
            Report.Paragraph(
              "On the Correlates of War composite index of national capability (CINC), \(context.name(a, cinc.year)) had \(CuratedRecord.fixed(ratio, 2)) times the capability of \(context.name(b, cinc.year)) in \(cinc.year).",
              notes: notes)))
      }
    }
    if !context.has("sipri-milex") { blocks.append(context.gap("sipri-milex", "Military spending (SIPRI).")) }
    if !context.has("cow-nmc") {
      blocks.append(context.gap("cow-nmc", "Personnel and composite capability (COW NMC)."))
    }
    return Report.Section(
      id: "military", title: "Military ties", question: "How deep are their military ties?", blocks: blocks)
  }

  /// Transfers each way from SIPRI's deal register (1950–2024), estimated by year and labelled so,
  /// beside the observed series: a paragraph and a chart, or nothing when the register is not in the store.
  static func estimatedTransfers(_ profile: MilitaryProfile, span: YearRange, _ context: inout Context) -> [Report
    .Block]
  {
    let a = context.dyad.first, b = context.dyad.second
    func estimate(_ row: MilitaryYear, from: StateID) -> Figure? {
      row.transfers.first { $0.supplier == from }?.estimatedTIV
    }
    let years = profile.rows.filter { row in [a, b].contains { estimate(row, from: $0)?.status == .estimated } }
    guard let first = years.first, let last = years.last else { return [] }
    let notes = [
      context.cite(
        dataset: "sipri-transfers", table: "trade register by deal; yearly figures are Dyad's estimate (even split)",
        years: "1950–2024")
    ].compactMap { $0 }
    let series = [(a, b), (b, a)].map { from, to in
      ChartSeries(
        name: "\(context.name(from, span.upperBound)) → \(context.name(to, span.upperBound)) (estimate)",
        points: years.map { ChartPoint(year: $0.year, value: estimate($0, from: from)?.value) })
    }
    let totals = series.map { $0.points.compactMap(\.value).reduce(0, +) }
    guard totals.contains(where: { $0 > 0 }) else {
      return [
        .paragraph(
          Report.Paragraph(
            "SIPRI's deal register lists no major-arms deliveries between \(context.pair) in \(first.year)–\(last.year).",
            notes: notes))
      ]
    }
    let main = totals[0] >= totals[1] ? 0 : 1
    let (supplier, recipient) = main == 0 ? (a, b) : (b, a)
    let peak = years.max { (estimate($0, from: supplier)?.value ?? 0) < (estimate($1, from: supplier)?.value ?? 0) }!
    let text =
      "By SIPRI's deal register, deliveries came to an estimated \(EconomicFormat.millions(totals[main])) million TIV of major arms from \(context.name(supplier, last.year)) to \(context.name(recipient, last.year)) in \(first.year)–\(last.year), most in \(peak.year) (about \(EconomicFormat.millions(estimate(peak, from: supplier)?.value ?? 0))); the reverse flow totals \(EconomicFormat.millions(totals[1 - main])). The yearly figures are an estimate: SIPRI gives each deal's delivered TIV and its delivery years, and Dyad splits the TIV evenly over those years. They are shown beside SIPRI's own yearly series (2000–2023), not merged with it."
    let chart = LineChart(
      title: "Arms deliveries each way, estimated from SIPRI's deal register", units: "SIPRI TIV (millions), estimated",
      source: "Source: SIPRI Arms Transfers Database, trade register by deal (1950–2024); yearly split by Dyad.",
      caption:
        "ESTIMATE: each deal's delivered trend-indicator value split evenly over its listed delivery years; SIPRI publishes no such split. TIV measures volume, not price.",
      id: "arms-estimate-\(context.dyad)", series: series, valueDecimals: 0)
    return [.paragraph(Report.Paragraph(text, notes: notes)), .figure(Report.Figure(chart, notes: notes))]
  }
}
