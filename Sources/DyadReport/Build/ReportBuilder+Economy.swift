import DyadAnalysis
import DyadCore
import DyadStore

extension ReportBuilder {
  /// Economic ties: trade over time from every source side by side, each side's dependence on the
  /// other, the asymmetry, and where the sources disagree.
  func economySection(_ context: inout Context) throws -> Report.Section {
    let a = context.a.id, b = context.b.id
    let profile = try context.store.tradeProfile(of: a, with: b, years: context.years)
    var blocks: [Report.Block] = []
    let rows = profile.rows.filter(\.hasData)
    let sources = Array(Set(rows.map(\.source))).sorted { $0.label < $1.label }
    let notesBySource = Dictionary(
      uniqueKeysWithValues: sources.map { source in
        let cited = rows.filter { $0.source == source }
        let years = "\(cited.map(\.year).min()!)–\(cited.map(\.year).max()!)"
        return (source, context.notes.cite(cited.last!.citation, table: source.label, years: years))
      })
    let allNotes = sources.compactMap { notesBySource[$0] }
    if let answer = profile.answer {
      blocks.append(.paragraph(Report.Paragraph(answer, notes: allNotes)))
      context.findings.append((2, Report.Paragraph(answer, notes: allNotes)))
    }
    if rows.isEmpty {
      blocks.append(.paragraph(Report.Paragraph("The store holds no trade figures for \(context.pair).")))
    } else {
      // Total trade by source.
      let series = sources.map { source in
        ChartSeries(
          name: source.label,
          points: rows.filter { $0.source == source }.map {
            ChartPoint(year: $0.year, value: $0.total.value.map { $0 / 1000 })
          })
      }
      let chart = LineChart(
        title: "Trade between \(context.a.name) and \(context.b.name)", units: "US$ billion (current)",
        source: "Sources: " + sources.map(\.label).joined(separator: "; ") + ".",
        caption:
          "Total two-way trade as each source reports it. Sources are shown side by side, never merged; see the table of gaps.",
        id: "trade-\(context.dyad)", series: series, valueDecimals: 1)
      blocks.append(.figure(Report.Figure(chart, notes: allNotes)))

      // Dependence: each side's partner share, from the sources that give it.
      let shareRows = rows.filter { !$0.shareOfBInA.isMissing || !$0.shareOfAInB.isMissing }
      if let last = shareRows.last {
        let note = notesBySource[last.source].map { [$0] } ?? []
        let dependence = [
          ChartSeries(
            name: "\(context.b.name)'s share of \(context.a.name)'s trade",
            points: shareRows.filter { $0.source == last.source }.map {
              ChartPoint(year: $0.year, value: $0.shareOfBInA.value)
            }),
          ChartSeries(
            name: "\(context.a.name)'s share of \(context.b.name)'s trade",
            points: shareRows.filter { $0.source == last.source }.map {
              ChartPoint(year: $0.year, value: $0.shareOfAInB.value)
            }),
        ]
        blocks.append(
          .figure(
            Report.Figure(
              LineChart(
                title: "How much each depends on the other", units: "Partner's share of total trade (%)",
                source: "Source: \(last.source.label).",
                caption: "Each side's trade with the other as a share of its trade with the world.",
                id: "dependence-\(context.dyad)", series: dependence, valueDecimals: 1),
              notes: note)))
        if let ratio = last.asymmetry.value, ratio.isFinite {
          let (dependent, other) = ratio >= 1 ? (context.a.name, context.b.name) : (context.b.name, context.a.name)
          let factor = max(ratio, 1 / ratio)
          if factor >= 2 {
            context.limits.append(
              Report.Paragraph(
                "Lopsided trade: in \(last.year) \(dependent) depended \(CuratedRecord.fixed(factor, 1)) times as much on \(other) as the reverse (\(last.source.label)).",
                notes: note))
          }
        }
      }

      // The figures by year and source.
      let pct: (TradeFigure) -> String = { $0.value.map { CuratedRecord.fixed($0, 1) } ?? "" }
      let usd: (TradeFigure) -> String = { $0.isMissing ? "" : EconomicFormat.millions($0.value) }
      let lastYear = rows.map(\.year).max() ?? 0
      let recent = rows.filter { $0.year > lastYear - 15 }
      blocks.append(
        .table(
          Report.Table(
            caption:
              "Trade in the last 15 years of data, by source (US$ million, current; shares in %; the charts' tables hold every year)",
            columns: [
              "Year", "Source", "\(context.a.name) → \(context.b.name)", "\(context.b.name) → \(context.a.name)",
              "Total",
              "\(context.b.name) in \(context.a.name)'s trade (%)",
              "\(context.a.name) in \(context.b.name)'s trade (%)",
            ],
            rows: recent.sorted { ($0.year, $0.source.label) > ($1.year, $1.source.label) }.map { row in
              [
                "\(row.year)", row.source.label, usd(row.aToB), usd(row.bToA), usd(row.total), pct(row.shareOfBInA),
                pct(row.shareOfAInB),
              ]
            }, notes: allNotes)))
    }
    func flowName(_ measure: TradeComparison.Measure) -> String {
      switch measure {
      case .aToB: "\(context.a.name) → \(context.b.name)"
      case .bToA: "\(context.b.name) → \(context.a.name)"
      default: measure.rawValue.capitalized
      }
    }
    if !profile.comparisons.isEmpty {
      blocks.append(.heading("Where the sources disagree"))
      blocks.append(
        .table(
          Report.Table(
            caption: "The same flow reported by two sources (US$ million)",
            columns: ["Year", "Flow", "Figures", "Gap", "Gap %"],
            rows: profile.comparisons.suffix(20).reversed().map { comparison in
              [
                "\(comparison.year)", flowName(comparison.measure),
                comparison.figures.map { "\($0.source.label): \(EconomicFormat.millions($0.value))" }.joined(
                  separator: "; "),
                EconomicFormat.millions(comparison.gap), comparison.gapPercent.map { CuratedRecord.fixed($0, 1) } ?? "",
              ]
            }, notes: allNotes)))
    }
    if !profile.coverage.isEmpty {
      blocks.append(
        .paragraph(
          Report.Paragraph(
            "Where each source ends: "
              + profile.coverage.map { "\($0.source.label) \($0.years)" }.joined(separator: "; ") + ".",
            notes: allNotes)))
    }
    for note in profile.notes { blocks.append(.paragraph(Report.Paragraph(note))) }
    for missing in profile.missingDatasets { blocks.append(context.gap(missing.name, missing.adds)) }
    return Report.Section(
      id: "economy", title: "Economic ties", question: "How much do they trade, and how lopsided is it?", blocks: blocks
    )
  }
}
