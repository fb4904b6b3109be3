import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct TradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trade",
    abstract: "Bilateral trade of two states by year and source: flows, balance, shares, ranks, asymmetry.",
    discussion: """
      Each row is one year as one source reports it: COW Trade 4.0 (1870–2014), official totals \
      (curated, each with its publication) and IMF Direction of Trade reports. Where two sources \
      report the same flow, both are shown with the gap between them. Money is in current US$ \
      millions; A→B is what A sold to B.

      By default the years run from the later of the two states' current forms (Russia: 1992) and \
      at most 40 years back from the latest data; --from and --to choose others.

      \(TradeAnswers.schema.help)

      Examples:
        dyad trade China Russia
        dyad trade China Russia --from 1950 --to 1991
        dyad trade "United States" China --csv > us_china.csv
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @OptionGroup var output: TableOutputOptions

  func run() throws {
    // A terminal shows the note about the years in the table's header; a pipe gets it on stderr.
    let (store, question) = try asked.open(announcing: !Terminal.isInteractive)
    let answer = try TradeAnswers.answer(question, store: store)
    let profile = answer.payload, a = question.a, b = question.b
    let range = profile.years
    let why = answer.yearsNote.map { "\($0) Use --from and --to for other years." }
    let span = range.map { " in \($0)" } ?? ""
    if !profile.hasData && !profile.missingDatasets.isEmpty {
      let hints = profile.missingDatasets.map { "`\($0.command)` (\($0.adds))" }.joined(separator: "; ")
      throw Failure("no trade figures for \(a.name)–\(b.name)\(span): the store lacks \(hints)")
    }
    if try output.printed(answer) { return }
    guard profile.hasData else {
      print("No trade figures for \(a.name)–\(b.name)\(span).")
      return
    }

    let interactive = Terminal.isInteractive
    let last = profile.rows.last?.year ?? range?.upperBound ?? 0
    let aName = a.name(inYear: last), bName = b.name(inYear: last)
    if interactive {
      let shown = range.map { "\($0)" } ?? "all years"
      print("\(aName)–\(bName) trade, \(shown) (current US$ millions; \(a.id)→\(b.id) = \(aName)'s exports to \(bName))")
      if let why { print(why) }
      print("")
    }
    var citations = Citations()
    func label(_ row: TradeYear) -> String {
      interactive ? "\(row.source.label) [\(citations.number(for: row.citation))]" : row.source.label
    }
    print("Flows (US$ millions)")
    var flows = TextTable("YEAR", "SOURCE", "\(a.id)→\(b.id)", "\(b.id)→\(a.id)", "TOTAL", "BALANCE \(a.id)", "GROWTH")
    for row in profile.rows {
      flows.append(
        String(row.year), label(row), EconomicFormat.millions(row.aToB.value), EconomicFormat.millions(row.bToA.value),
        EconomicFormat.millions(row.total.value), EconomicFormat.millions(row.balance.value),
        EconomicFormat.change(row.growth.value))
    }
    print(flows.render(), terminator: "")

    let dependence = profile.rows.filter { row in
      [row.shareOfBInA, row.shareOfAInB, row.shareOfBInAExports, row.shareOfAInBExports, row.tradeToGDPOfA, row.tradeToGDPOfB]
        .contains { !$0.isMissing } || row.rankOfBForA != nil || row.rankOfAForB != nil
    }
    if !dependence.isEmpty {
      print(
        "\nDependence (\(b.id) % \(a.id): \(bName)'s share of \(aName)'s trade, EXP of its exports; ASYM: \(aName)'s "
          + "dependence on \(bName) over \(bName)'s on \(aName); RANK: among the other's partners / partners ranked; "
          + "%GDP: trade over GDP)")
      var table = TextTable(
        "YEAR", "SOURCE", "\(b.id) % \(a.id)", "\(a.id) % \(b.id)", "\(b.id) % \(a.id) EXP", "\(a.id) % \(b.id) EXP",
        "ASYM", "\(b.id) RANK", "\(a.id) RANK", "%GDP \(a.id)", "%GDP \(b.id)")
      for row in dependence {
        table.append(
          String(row.year), label(row), EconomicFormat.percent(row.shareOfBInA.value),
          EconomicFormat.percent(row.shareOfAInB.value), EconomicFormat.percent(row.shareOfBInAExports.value),
          EconomicFormat.percent(row.shareOfAInBExports.value), EconomicFormat.ratio(row.asymmetry.value),
          EconomicFormat.rank(row.rankOfBForA), EconomicFormat.rank(row.rankOfAForB),
          EconomicFormat.percent(row.tradeToGDPOfA.value), EconomicFormat.percent(row.tradeToGDPOfB.value))
      }
      print(table.render(), terminator: "")
    }

    if !profile.comparisons.isEmpty {
      print("\nWhere sources report the same flow (US$ millions; gap: largest minus smallest, % of smallest)")
      var gaps = TextTable("YEAR", "FLOW", "FIGURES", "GAP")
      for comparison in profile.comparisons {
        let flow: String
        switch comparison.measure {
        case .total: flow = "total"
        case .aToB: flow = "\(a.id)→\(b.id)"
        case .bToA: flow = "\(b.id)→\(a.id)"
        }
        let figures = comparison.figures.map { "\($0.source.label) \(EconomicFormat.millions($0.value))" }
        let percent = comparison.gapPercent.map { " (\(EconomicFormat.percent($0)))" } ?? ""
        gaps.append(
          String(comparison.year), flow, figures.joined(separator: " · "),
          EconomicFormat.millions(comparison.gap) + percent)
      }
      print(gaps.render(), terminator: "")
    }

    print("\nCoverage")
    for item in profile.coverage {
      var text = "  \(item.source.label): \(item.years) for \(aName)–\(bName)"
      if let dataset = item.datasetYears { text += " (the dataset covers \(dataset))" }
      print(text)
    }
    for missing in profile.missingDatasets {
      print("  Not in the store: \(missing.name) (\(missing.adds)); run `\(missing.command)`")
    }
    if let answer = profile.answer { print("\nAnswer: \(answer)") }
    if !profile.notes.isEmpty {
      print("\nNotes")
      for note in profile.notes { print("  - \(note)") }
    }
    if interactive {
      print("\n" + citations.render())
    } else {
      let cited = Set(profile.rows.map(\.citation))
      print("\nSources")
      for source in cited.sorted(by: { $0.citation < $1.citation }) { print("  \(source.citation). \(source.url)") }
    }
  }

  /// A failure with what to do about it, printed as one line without the usage text.
  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
