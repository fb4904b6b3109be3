import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct MilitaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "military",
    abstract: "Military ties of two states by year: alliances, arms transfers, spending, capabilities, exercises.",
    discussion: """
      Alliance obligations come from ATOP (to 2018) and Dyad's curated treaties; arms transfers \
      from the SIPRI trade register: TIV as SIPRI gives it by delivery year (2000–2023), and beside \
      it an ESTIMATE from SIPRI's deal register (1950–2024: each deal's delivered TIV split evenly \
      over its delivery years), never merged; spending from SIPRI and COW NMC; exercises \
      from Dyad's curated list and the imported exercise datasets (Russian MoD, MME 1980–2010), \
      each drill once however many report it. Missing figures print as –; \
      the notes say which `dyad import` fills them. The years default to 1950 to this year.

      \(MilitaryAnswers.schema.help)

      Examples:
        dyad military China Russia
        dyad military China Russia --from 2010 --to 2020 --csv
        dyad military USA Japan --json
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @OptionGroup var output: TableOutputOptions

  func run() throws {
    let (store, question) = try asked.open()
    let answer = try MilitaryAnswers.answer(question, store: store)
    if try output.printed(answer) { return }
    let profile = answer.payload, a = question.a, b = question.b
    // Columns follow the order the user gave: A then B.
    let view = MilitaryAnswers.Oriented(aIsFirst: question.aIsFirst)
    let rows = profile.rows.map { MilitaryRow(row: $0, view: view) }
    let an = a.id.rawValue, bn = b.id.rawValue
    var table = TextTable(
      "YEAR", "VERDICT", "PACT OBLIGATIONS", "\(an)→\(bn) TIV", "SHARE", "\(bn)→\(an) TIV", "SHARE",
      "\(an)→\(bn) TIV EST.", "\(bn)→\(an) TIV EST.",
      "MILEX \(an) US$bn", "MILEX \(bn) US$bn", "RATIO", "CINC RATIO", "EXERCISES")
    for row in rows { table.append(row: row.cells) }
    if Terminal.isInteractive {
      print("\(a.name)–\(b.name): military ties, \(profile.years)\n")
    }
    print(table.render(), terminator: "")
    if Terminal.isInteractive {
      print(
        "\nTIV: SIPRI trend-indicator value of deliveries (millions; a volume index, not US$), as SIPRI gives it by delivery year (2000–2023). TIV EST.: an ESTIMATE from SIPRI's deal register (1950–2024), each deal's delivered TIV split evenly over its delivery years; shown beside, never merged. SHARE: of the recipient's major-arms imports. RATIO: \(an) ÷ \(bn) (SIPRI current US$, else COW NMC). VERDICT: see `dyad allies`."
      )
      let notes = profile.notes + Array(Set(profile.rows.compactMap(\.alliance.note))).sorted()
      if !notes.isEmpty { print("\nNotes\n" + notes.map { "- \($0)" }.joined(separator: "\n")) }
      var citations = Citations()
      for row in profile.rows {
        for pact in row.alliance.pacts { _ = citations.number(for: pact.source) }
        for flow in row.transfers {
          for measure in [flow.tiv, flow.estimatedTIV] {
            if let source = measure.source { _ = citations.number(for: source) }
          }
        }
        for state in row.capabilities {
          for measure in [state.spendingUSDMillions, state.cinc] {
            if let source = measure.source { _ = citations.number(for: source) }
          }
        }
      }
      if !citations.sources.isEmpty { print("\n" + citations.render()) }
    }
  }
}

/// One year of `dyad military` as the terminal shows it, oriented A → B as the user named them.
struct MilitaryRow {
  let row: MilitaryYear
  let view: MilitaryAnswers.Oriented

  static func number(_ value: Double?, _ decimals: Int) -> String {
    value.map { CuratedRecord.fixed($0, decimals) } ?? "–"
  }

  static func percent(_ value: Double?) -> String { value.map { CuratedRecord.fixed($0 * 100, 0) + "%" } ?? "–" }

  var obligations: String {
    row.alliance.obligations.isEmpty ? "none" : row.alliance.obligations.map(\.label).joined(separator: ", ")
  }

  var exercises: String {
    // Past the exercise data's end a year without a recorded exercise is unknown, and one with
    // recorded exercises shows at least those.
    row.exerciseCount == 0
      ? (row.exercisesCovered ? "0" : "–")
      : "\(row.exercisesCovered ? "" : "≥")\(row.exerciseCount) (\(row.bilateralExercises) bi, \(row.multilateralExercises) multi)"
  }

  var cells: [String] {
    let toB = view.toB(row), toA = view.toA(row), capA = view.capA(row), capB = view.capB(row)
    return [
      String(row.year), row.verdict.rawValue + (row.verdictIsProvisional ? " (prov.)" : ""), obligations, Self.number(toB.tiv.value, 0), Self.percent(toB.share.value),
      Self.number(toA.tiv.value, 0), Self.percent(toA.share.value), Self.number(toB.estimatedTIV.value, 0),
      Self.number(toA.estimatedTIV.value, 0),
      Self.number(capA.spendingUSDMillions.value.map { $0 / 1000 }, 1),
      Self.number(capB.spendingUSDMillions.value.map { $0 / 1000 }, 1), Self.number(view.ratio(row.spendingRatio), 2),
      Self.number(view.ratio(row.cincRatio), 2), exercises,
    ]
  }
}
