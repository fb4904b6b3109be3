import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadStore
import Foundation

struct PoliticsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "politics",
    abstract: "Political systems, leaders and demography of two states: regime measures, leaders, working-age population.",
    discussion: """
      Each side's V-Dem electoral democracy index (v15 with its credible interval, to 2024; v16 \
      for 2025), its regime by Dyad's threshold (democracy when the interval lies above 0.5, \
      autocracy below, uncertain when it spans 0.5), Freedom House status (1972–2024) and Polity2 \
      (to 2018); the distance between them and whether both are autocracies or democracies; the \
      effective leaders (REIGN to March 2021 and Archigos to 2015 side by side, then Dyad's curated \
      heads of state and government) with the current leader's tenure; UN WPP 2024 working-age \
      population (15–64, every five years, projections to 2050 marked) and median age. A year \
      without a value prints as n/a (unknown, never zero). The years default to the last 25. \
      Import the data with `dyad import politics PATH`; the curated leaders ship with Dyad.

      \(PoliticsAnswers.schema.help)

      Examples:
        dyad politics China Russia
        dyad politics India Pakistan --from 1990 --csv
        dyad politics "United States" Russia --json
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @OptionGroup var output: TableOutputOptions

  static let missing = "n/a"

  static func polyarchy(_ side: PoliticsProfile.SideYear) -> String {
    guard let value = side.polyarchy else { return missing }
    let interval = value.low.flatMap { low in value.high.map { " [\(CuratedRecord.fixed(low, 3))–\(CuratedRecord.fixed($0, 3))]" } }
    return CuratedRecord.fixed(value.value, 3) + (interval ?? " (v16)")
  }

  /// The profile's years as a table, A then B as asked.
  static func table(_ profile: PoliticsProfile, question: DyadQuestion) -> TextTable {
    let an = question.a.id.rawValue, bn = question.b.id.rawValue
    var table = TextTable(
      "YEAR", "POLYARCHY \(an)", "REGIME \(an)", "FH \(an)", "POLYARCHY \(bn)", "REGIME \(bn)", "FH \(bn)", "DISTANCE",
      "LEADER \(an)", "LEADER \(bn)", "AGE 15-64 \(an)", "AGE 15-64 \(bn)")
    let order = question.aIsFirst ? [0, 1] : [1, 0]
    for row in profile.rows {
      var cells = [String(row.year)]
      for i in order {
        let side = row.sides[i]
        cells += [
          polyarchy(side), side.regime?.rawValue ?? missing,
          side.freedomHouse.map { "\($0.status) \($0.total)" } ?? missing,
        ]
      }
      cells.append(row.distance.map { CuratedRecord.fixed($0, 3) } ?? missing)
      for i in order { cells.append(profile.sides[i].leaders(in: row.year).joined(separator: ", ").ifEmpty(missing)) }
      for i in order {
        let point = profile.sides[i].population(in: row.year)
        cells.append(point.map { EconomicFormat.millions($0.workingAge / 1000) + "M" + ($0.variant.isProjection ? " (proj.)" : "") } ?? "")
      }
      table.append(row: cells)
    }
    return table
  }

  func run() throws {
    let (store, question) = try asked.open()
    let answer = try PoliticsAnswers.answer(question, store: store)
    if try output.printed(answer) { return }
    let profile = answer.payload, a = question.a, b = question.b
    let order = question.aIsFirst ? [0, 1] : [1, 0]
    if Terminal.isInteractive {
      print("\(a.name)–\(b.name): political systems, leaders and demography, \(profile.years)\n")
    }
    if profile.coverage.isEmpty, !Terminal.isInteractive {
      Terminal.writeError("note: \(profile.notes.first ?? "politics is not in the store")\n")
    }
    print(Self.table(profile, question: question).render(), terminator: "")
    guard Terminal.isInteractive else { return }
    print("\nn/a: no value that year (unknown, never zero). POLYARCHY: V-Dem v15 with its credible interval, (v16) without one. FH: Freedom House status and PR+CL (2 most free … 14).")
    var lines: [String] = []
    for i in order {
      let side = profile.sides[i]
      if let current = side.current {
        let years = CuratedRecord.fixed(current.tenureYears, 1)
        if let asOf = current.asOf {
          lines.append(
            "\(side.name): \(current.name), \(current.cameToPowerEarlier ? "in office" : "effective leader") since \(current.since) (\(current.sinceDataset.label)\(current.cameToPowerEarlier ? "; in power from earlier, as REIGN codes it: run `dyad import politics PATH`" : "")), in office as of \(asOf) — \(years) years")
        } else if let until = current.until {
          lines.append(
            "\(side.name): last recorded leader \(current.name), \(current.since) to \(until.formatted(current.sinceDataset == .reign ? .month : .day)) (\(current.sinceDataset.label)) — \(years) years")
        }
      } else {
        lines.append("\(side.name): no leader data")
      }
      // The offices at their last attested day (Dyad's curated heads of state and government).
      let open = side.offices.filter(\.isOpen).sorted { $0.offices.first! < $1.offices.first! }
      if !open.isEmpty {
        let holders = open.map { spell in
          "\(spell.offices.map(\.label).joined(separator: " and ")) \(spell.name)\(spell.isActing ? " (acting)" : "") since \(spell.from) (as of \(spell.asOf.map(\.description) ?? "?"))"
        }
        lines.append("\(side.name), in office: " + holders.joined(separator: "; "))
      }
    }
    for i in order {
      let side = profile.sides[i]
      var parts: [String] = []
      if let latest = side.population.last(where: { $0.variant == .estimate }) {
        parts.append("working-age population \(EconomicFormat.millions(latest.workingAge / 1000)) million in \(latest.year)")
      }
      if let to2030 = side.workingAgeChangeTo2030 {
        parts.append("\(to2030 < 0 ? "" : "+")\(CuratedRecord.fixed(to2030, 1))% by 2030 (projection)")
      }
      if let to2050 = side.workingAgeChangeTo2050 {
        parts.append("\(to2050 < 0 ? "" : "+")\(CuratedRecord.fixed(to2050, 1))% by 2050 (projection)")
      }
      if let median = side.medianAge {
        parts.append("median age \(CuratedRecord.fixed(median.years, 1)) in \(median.year)")
      }
      if let territory = side.presentTerritoryFrom {
        parts.append("WPP figures before \(territory) are for the present-day territory")
      }
      if !parts.isEmpty { lines.append("\(side.name): " + parts.joined(separator: "; ")) }
      let observed = side.lastObserved.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      if !observed.isEmpty { lines.append("\(side.name), last observed: " + observed.joined(separator: ", ")) }
    }
    print("\nSummary\n" + lines.map { "- \($0)" }.joined(separator: "\n"))
    if !profile.notes.isEmpty { print("\nNotes\n" + profile.notes.map { "- \($0)" }.joined(separator: "\n")) }
    var citations = Citations()
    for coverage in profile.coverage { if let source = coverage.source { _ = citations.number(for: source) } }
    for side in profile.sides { if let source = side.current?.source { _ = citations.number(for: source) } }
    if !citations.sources.isEmpty { print("\n" + citations.render()) }
  }
}

extension String {
  fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
