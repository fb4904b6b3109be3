import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct AlignmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alignment",
    abstract: "How aligned two states' UN General Assembly votes are, year by year, with percentiles among all dyads.",
    discussion: """
      Each year's measures are over the roll calls of that calendar year on which both states voted \
      yes, abstain or no (absence is not a vote): n joint votes; agree, the share of identical votes; \
      agree_half, counting one-sided abstentions as half; s, Signorino–Ritter S (dmax 2); pi and kappa, \
      Scott's π and Cohen's κ, which discount the agreement expected by chance (– where undefined). \
      PCTL is the dyad's percentile among all dyads that year, and MEDIAN that year's median, of the \
      --rank-by measure; reference dyads (USA–GBR and USA–JPN unless --reference or --no-reference) give the scale. \
      IDEAL Δ is the distance between the two states' ideal points (Bailey, Strezhnev & Voeten) when \
      `unga-ideal-points` is imported.

      \(AlignmentAnswers.schema.help)

      Issues: \(UNGAIssue.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: ", ")).

      Examples:
        dyad alignment China Russia
        dyad alignment China Russia --from 2000 --issue hr
        dyad alignment India "United States" --important --rank-by kappa
        dyad alignment China Russia --reference USA/GBR --reference FRA/DEU --csv
        dyad alignment China Russia --window 5
        dyad alignment China Russia --source un-digital-library --from 2015
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @Option(name: .long, help: ArgumentHelp("Only roll calls on one issue: me, nu, di, hr, co or ec.", valueName: "code"))
  var issue: UNGAIssue?
  @Flag(name: .long, help: "Only votes the US State Department classed as important (coded from 1983).")
  var important = false
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The measure ranked and shown for reference dyads: agree, agree_half, s, pi or kappa.", valueName: "measure"))
  var rankBy: SimilarityMeasure = .s
  @Option(
    name: .long, parsing: .singleValue,
    help: ArgumentHelp(
      "A reference dyad A/B shown for scale (repeatable). Default: USA/GBR and USA/JPN.", valueName: "A/B"))
  var reference: [String] = []
  @Flag(name: .long, help: "Show no reference dyad.")
  var noReference = false
  @Option(
    name: .long,
    help: ArgumentHelp("Pool each year with the N − 1 before it (rolling windows); no percentiles.", valueName: "N"))
  var window: Int?
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The roll calls: unga-votes (Voeten, every recorded vote, to 2019) or un-digital-library (the UN Library, adopted resolutions, to 2025). Default: the most current the store holds.",
      valueName: "dataset"))
  var source: UNVoteSource?
  @OptionGroup var output: TableOutputOptions

  func validate() throws {
    if let window, window < 1 { throw ValidationError("--window must be at least 1 year") }
    if noReference && !reference.isEmpty { throw ValidationError("choose one of --reference and --no-reference") }
  }

  func run() throws {
    let (store, question) = try asked.open()
    let pairs = try referencePairs(store.registry)
    let answer = try AlignmentAnswers.answer(
      question,
      options: .init(
        issue: issue, importantOnly: important, rankBy: rankBy, references: pairs, window: window, source: source),
      store: store)
    if try output.printed(answer) { return }
    let summary = answer.payload.alignment, ideal = answer.payload.idealPoints, windows = answer.payload.windows
    let a = question.a, b = question.b
    let idealByYear = Dictionary((ideal?.rows ?? []).map { ($0.year, $0) }, uniquingKeysWith: { x, _ in x })
    let allYears = AlignmentAnswers.years(answer.payload)
    let windowByYear = Dictionary((windows ?? []).map { ($0.years.upperBound, $0) }, uniquingKeysWith: { x, _ in x })
    let refLabels = summary.references.map { AlignmentAnswers.label($0.dyad, references: pairs) }.map {
      "\($0.0)-\($0.1)"
    }

    guard !summary.rows.isEmpty || !(ideal?.rows.isEmpty ?? true) else {
      print(try noVotesMessage(store: store, a: a, b: b, summary: summary))
      return
    }
    let measureLabel = rankBy.rawValue.uppercased()
    var columns = ["YEAR", "N", "AGREE", "AGREE½", "S", "PI", "KAPPA"]
    if windows == nil { columns += ["PCTL \(measureLabel)", "MEDIAN"] }
    columns += refLabels.map { "\($0) \(measureLabel)" }
    if ideal != nil { columns += ["IDEAL Δ"] }
    var table = TextTable()
    table.columns = columns
    for year in allYears {
      let row = summary.row(inYear: year)
      let measures = windows == nil ? row?.measures : windowByYear[year]?.measures
      let label = window.map { $0 > 1 ? "\(year - $0 + 1)–\(year)" : String(year) } ?? String(year)
      var cells = [label, measures.map { String($0.n) } ?? "–"]
      cells += SimilarityMeasure.allCases.map { DiplomaticFormat.number(measures?[$0]) }
      if windows == nil {
        cells.append(DiplomaticFormat.number(row?.percentiles[rankBy], 1))
        cells.append(DiplomaticFormat.number(row?.medians[rankBy]))
      }
      cells += summary.references.map { DiplomaticFormat.number($0.measures(inYear: year)?[rankBy]) }
      if ideal != nil { cells.append(DiplomaticFormat.number(idealByYear[year]?.distance, 2)) }
      table.append(row: cells)
    }
    if Terminal.isInteractive {
      let span = summary.years.map { ", \($0)" } ?? ""
      let used = try source ?? store.currentVoteSource() ?? .ungaVotes
      print("\(a.name)–\(b.name): UN General Assembly votes (source: \(used.rawValue)), \(summary.filter)\(span)")
      if let window, window > 1 { print("(rolling \(window)-year windows, pooled roll calls)") }
      print()
    }
    print(table.render(), terminator: "")
    guard Terminal.isInteractive else { return }
    if let overall = summary.overall {
      let m = overall.measures
      print(
        "\nAll \(overall.years): n \(m.n), agree \(DiplomaticFormat.number(m.agree)), agree½ \(DiplomaticFormat.number(m.agreeHalf)), S \(DiplomaticFormat.number(m.s)), π \(DiplomaticFormat.number(m.pi)), κ \(DiplomaticFormat.number(m.kappa))."
      )
    }
    var notes: [String] = []
    if windows == nil {
      notes.append(
        "PCTL: the dyad's percentile of \(rankBy.rawValue) among all dyads that voted together that year (100 = most aligned); MEDIAN: that year's median."
      )
    }
    if rankBy != .pi && rankBy != .kappa {
      notes.append(
        "agree, agree½ and S count the many consensual votes as agreement; π and κ discount the agreement expected by chance from each side's voting shares (rank by them with --rank-by kappa)."
      )
    }
    if let ideal {
      notes.append(
        "IDEAL Δ: distance between the two states' ideal points in the session opened that year (sessions run September to September; the data extend to \(ideal.coverage?.upperBound ?? 0))."
      )
    } else {
      notes.append(
        "Import `unga-ideal-points` for the ideal-point distance (to 2022): dyad import unga-ideal-points PATH.")
    }
    notes += summary.notes
    print("\nNotes\n" + notes.map { "- \($0)" }.joined(separator: "\n"))
    var citations = Citations()
    _ = citations.number(for: summary.source)
    if let ideal { _ = citations.number(for: ideal.source) }
    print("\n" + citations.render())
  }

  /// The reference pairs in the order they were named: `--reference A/B` each, the default
  /// reference dyads (USA–GBR, USA–JPN) otherwise, none with `--no-reference`.
  func referencePairs(_ registry: StateRegistry) throws -> [(StateID, StateID)] {
    if noReference { return [] }
    guard !reference.isEmpty else { return AnswerDefaults.referenceDyads }
    return try reference.map { text in
      let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError("--reference takes two states as A/B, such as USA/GBR; got '\(text)'")
      }
      let dates = asked.years.dates
      let pair = (try registry.resolve(parts[0], during: dates).id, try registry.resolve(parts[1], during: dates).id)
      _ = try Dyad(pair.0, pair.1)
      return pair
    }
  }

  /// Why a dyad has no joint votes in the years asked about, from each state's first and last vote.
  func noVotesMessage(store: Store, a: State, b: State, summary: AlignmentSummary) throws -> String {
    var text = "\(a.name) and \(b.name) never voted on the same roll call"
    if let years = summary.years {
      text += " in \(years)"
    } else if let coverage = summary.coverage {
      text += " in the data's years (\(coverage))"
    }
    if !summary.filter.isAll { text += " (\(summary.filter))" }
    var spans: [String] = []
    for state in [a, b] {
      let voters = try store.ungaVoters(of: state.id)
      if let first = voters.map(\.first).min(), let last = voters.map(\.last).max() {
        spans.append("\(state.name) voted from \(first) to \(last)")
      } else {
        spans.append("\(state.name) has no UN votes in the data")
      }
    }
    return ([text + ". " + spans.joined(separator: "; ") + "."] + summary.notes).joined(separator: "\n")
  }
}

extension UNVoteSource: ExpressibleByArgument {}
