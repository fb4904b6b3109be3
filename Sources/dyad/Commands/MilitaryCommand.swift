import ArgumentParser
import DyadAnalysis
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
      from the SIPRI trade register (TIV, 2000–2023); spending from SIPRI and COW NMC; exercises \
      from Dyad's curated list and the imported exercises dataset. Missing figures print as –; \
      the notes say which `dyad import` fills them. The years default to 2000 to this year. With \
      --csv, one row per year.

      Examples:
        dyad military China Russia
        dyad military China Russia --from 2010 --to 2020 --csv
        dyad military USA Japan --json
      """)

  @OptionGroup var dyad: DyadArguments
  @OptionGroup var years: YearOptions
  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions


  /// The years to show: 2000 (SIPRI's first) to this year unless given.
  var span: YearRange {
    get throws {
      let now = Calendar(identifier: .gregorian).component(.year, from: Date())
      let to = years.to ?? max(now, years.from ?? now)
      return try YearRange(from: years.from ?? min(2000, to), to: to)
    }
  }

  func run() throws {
    let store = try storeOptions.open()
    let (pair, a, b) = try dyad.resolve(with: store.registry)
    let profile = try store.militaryProfile(for: pair, years: try span)
    if output.json {
      try printJSON(profile)
      return
    }
    // Columns follow the order the user gave: A then B.
    let aIsFirst = a.id == pair.first
    let rows = profile.rows.map { MilitaryRow(row: $0, aIsFirst: aIsFirst) }
    if output.csv {
      print(MilitaryRow.csvHeader.joined(separator: ","))
      for row in rows { print(CSVText.line(row.csv(a: a.id, b: b.id))) }
      return
    }
    let an = a.id.rawValue, bn = b.id.rawValue
    var table = TextTable(
      "YEAR", "VERDICT", "PACT OBLIGATIONS", "\(an)→\(bn) TIV", "SHARE", "\(bn)→\(an) TIV", "SHARE",
      "MILEX \(an) US$bn", "MILEX \(bn) US$bn", "RATIO", "CINC RATIO", "EXERCISES")
    for row in rows { table.append(row: row.cells) }
    if Terminal.isInteractive {
      print("\(a.name)–\(b.name): military ties, \(profile.years)\n")
    }
    print(table.render(), terminator: "")
    if Terminal.isInteractive {
      print(
        "\nTIV: SIPRI trend-indicator value of deliveries (millions; a volume index, not US$). SHARE: of the recipient's major-arms imports. RATIO: \(an) ÷ \(bn) (SIPRI current US$, else COW NMC). VERDICT: see `dyad allies`."
      )
      let notes = profile.notes + Array(Set(profile.rows.compactMap(\.alliance.note))).sorted()
      if !notes.isEmpty { print("\nNotes\n" + notes.map { "- \($0)" }.joined(separator: "\n")) }
      var citations = Citations()
      for row in profile.rows {
        for pact in row.alliance.pacts { _ = citations.number(for: pact.source) }
        for flow in row.transfers { if let source = flow.tiv.source { _ = citations.number(for: source) } }
        for state in row.capabilities {
          for measure in [state.spendingUSDMillions, state.cinc] { if let source = measure.source { _ = citations.number(for: source) } }
        }
      }
      if !citations.sources.isEmpty { print("\n" + citations.render()) }
    }
  }
}

/// One year of `dyad military`, oriented A → B as the user named them.
struct MilitaryRow {
  let row: MilitaryYear
  let aIsFirst: Bool

  var toB: ArmsFlow { row.transfers[aIsFirst ? 0 : 1] }
  var toA: ArmsFlow { row.transfers[aIsFirst ? 1 : 0] }
  var capA: StateCapabilities { row.capabilities[aIsFirst ? 0 : 1] }
  var capB: StateCapabilities { row.capabilities[aIsFirst ? 1 : 0] }

  func ratio(_ measure: MilitaryMeasure) -> MilitaryMeasure {
    guard !aIsFirst, let value = measure.value, value != 0 else { return measure }
    return .derived(1 / value, source: measure.source, note: measure.note)
  }

  static func number(_ value: Double?, _ decimals: Int) -> String {
    value.map { CuratedRecord.fixed($0, decimals) } ?? "–"
  }

  static func percent(_ value: Double?) -> String { value.map { CuratedRecord.fixed($0 * 100, 0) + "%" } ?? "–" }

  var obligations: String {
    row.alliance.obligations.isEmpty ? "none" : row.alliance.obligations.map(\.label).joined(separator: ", ")
  }

  var exercises: String {
    row.exerciseCount == 0 ? "0" : "\(row.exerciseCount) (\(row.bilateralExercises) bi, \(row.multilateralExercises) multi)"
  }

  var cells: [String] {
    [
      String(row.year), row.verdict.rawValue, obligations, Self.number(toB.tiv.value, 0), Self.percent(toB.share.value),
      Self.number(toA.tiv.value, 0), Self.percent(toA.share.value), Self.number(capA.spendingUSDMillions.value.map { $0 / 1000 }, 1),
      Self.number(capB.spendingUSDMillions.value.map { $0 / 1000 }, 1), Self.number(ratio(row.spendingRatio).value, 2),
      Self.number(ratio(row.cincRatio).value, 2), exercises,
    ]
  }

  static let csvHeader = [
    "year", "state_a", "state_b", "verdict", "obligations", "alliance_basis", "pacts", "tiv_a_to_b", "deals_a_to_b",
    "share_of_b_imports", "tiv_b_to_a", "deals_b_to_a", "share_of_a_imports", "milex_a_usd_m", "milex_b_usd_m",
    "milex_ratio", "milex_share_gdp_a", "milex_share_gdp_b", "personnel_a_k", "personnel_b_k", "personnel_ratio",
    "cinc_a", "cinc_b", "cinc_ratio", "exercises", "exercises_bilateral", "exercises_multilateral", "exercise_names",
  ]

  func csv(a: StateID, b: StateID) -> [String] {
    func v(_ value: Double?) -> String { value.map { String($0) } ?? "" }
    return [
      String(row.year), a.rawValue, b.rawValue, row.verdict.rawValue,
      row.alliance.obligations.map(\.rawValue).joined(separator: ";"), row.alliance.basis.rawValue,
      row.alliance.pacts.map(\.name).joined(separator: "; "), v(toB.tiv.value), toB.tiv.value == nil ? "" : String(toB.deals),
      v(toB.share.value), v(toA.tiv.value), toA.tiv.value == nil ? "" : String(toA.deals), v(toA.share.value),
      v(capA.spendingUSDMillions.value), v(capB.spendingUSDMillions.value), v(ratio(row.spendingRatio).value),
      v(capA.spendingShareOfGDP.value), v(capB.spendingShareOfGDP.value), v(capA.personnelThousands.value),
      v(capB.personnelThousands.value), v(ratio(row.personnelRatio).value), v(capA.cinc.value), v(capB.cinc.value),
      v(ratio(row.cincRatio).value), String(row.exerciseCount), String(row.bilateralExercises),
      String(row.multilateralExercises), row.exercises.map(\.displayName).joined(separator: "; "),
    ]
  }
}
