import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadStore
import Foundation

struct ConflictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflict",
    abstract: "Conflicts, rivalries and geography of two states by year: MIDs, wars, rivalries, UCDP conflicts, contiguity.",
    discussion: """
      Militarized interstate disputes from COW MID 5 (1816–2014) and Gibler–Miller–Little 2.2.1 \
      (1816–2010) side by side, each dyad-year counted once; COW interstate wars (1823–2003); \
      strategic rivalries from Thompson–Sakuwa–Suhas (to 2020) and Thompson–Dreyer (to 2010), a \
      rivalry ending in a dataset's last year being ongoing when the data end; UCDP/PRIO armed \
      conflicts (1946–2024) in which both took part, on opposite sides or the same side; COW direct \
      contiguity (1816–2016); the distance between the capitals. A year outside a dataset's \
      coverage prints as n/c (not covered: unknown, never "none"). The years default to 1816 to \
      this year. Import the data with `dyad import conflict PATH`.

      \(ConflictAnswers.schema.help)

      Examples:
        dyad conflict China Russia
        dyad conflict India Pakistan --from 1947 --to 2024 --csv
        dyad conflict China Russia --json
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @OptionGroup var output: TableOutputOptions

  /// The profile's years as a table, columns oriented as asked.
  static func table(_ profile: ConflictProfile, question: DyadQuestion) -> TextTable {
    let an = question.a.id.rawValue, bn = question.b.id.rawValue
    var table = TextTable(
      "YEAR", "COW MID", "HOSTILITY", "FATALITY \(an)/\(bn)", "INITIATOR", "GML MID", "HOSTILITY",
      "FATALITY \(an)/\(bn)", "WAR", "RIVALRY TSS", "RIVALRY TD", "UCDP", "CONTIGUITY")
    for row in profile.rows { table.append(row: ConflictRow(row: row, aIsFirst: question.aIsFirst).cells) }
    return table
  }

  func run() throws {
    let (store, question) = try asked.open()
    let answer = try ConflictAnswers.answer(question, store: store)
    if try output.printed(answer) { return }
    let profile = answer.payload, a = question.a, b = question.b
    // Without the conflict data every year is unknown: say so (on stderr when piped), not a page of n/c.
    if profile.coverage.isEmpty {
      let note = profile.notes.first ?? "conflict is not in the store; run `dyad import conflict PATH`."
      guard Terminal.isInteractive else {
        Terminal.writeError("note: \(note)\n")
        return print(Self.table(profile, question: question).render(), terminator: "")
      }
      return print("\(a.name)–\(b.name): no conflict data in the store, so every year is unknown.\n\(note)")
    }
    let table = Self.table(profile, question: question)
    if Terminal.isInteractive {
      print("\(a.name)–\(b.name): conflicts, rivalries and geography, \(profile.years)\n")
    }
    print(table.render(), terminator: "")
    guard Terminal.isInteractive else { return }
    print("\nn/c: not covered by the dataset that year (unknown, never \"none\"). HOSTILITY: the higher side's (4 use of force, 5 war). FATALITY: COW levels 0–6 (? unknown).")
    let summary = profile.summary
    var lines: [String] = []
    func count(_ value: Int?) -> String { value.map(String.init) ?? "not covered" }
    func mids(_ onsets: Int?, _ years: Int?, _ last: Int?) -> String {
      guard let onsets, let years else { return "not covered" }
      return "\(onsets) (\(years) dyad-years\(last.map { ", last \($0)" } ?? ""))"
    }
    lines.append(
      "MID onsets: COW \(mids(summary.cowMIDOnsets, summary.cowMIDYears, summary.lastCOWMID)), GML \(mids(summary.gmlMIDOnsets, summary.gmlMIDYears, summary.lastGMLMID))"
    )
    lines.append(
      "Years with use of force: COW \(count(summary.cowUseOfForceYears)), GML \(count(summary.gmlUseOfForceYears))")
    lines.append(
      "Wars against each other: \(summary.wars.map { $0.isEmpty ? "none" : $0.map { "COW war \($0)" }.joined(separator: ", ") } ?? "not covered")"
    )
    for span in summary.rivalries {
      lines.append(
        "Rivalry (\(span.rivalry.dataset.label)): \(span.rivalry.name), \(span.label)\(span.rivalry.types.isEmpty ? "" : "; \(span.rivalry.types.joined(separator: ", "))")"
      )
    }
    if let contiguity = summary.contiguity {
      lines.append(
        "Contiguity: \(contiguity.label) from \(contiguity.from)\(contiguity.inForceAtDataEnd ? ", in force at the data's end (\(contiguity.to))" : " to \(contiguity.to)")"
      )
    }
    if let km = summary.capitalDistanceKm, summary.capitals.count == 2 {
      lines.append(
        "Capitals: \(summary.capitals[0].name)–\(summary.capitals[1].name), \(CuratedRecord.fixed(km, 0)) km (great circle)")
    }
    print("\nSummary\n" + lines.map { "- \($0)" }.joined(separator: "\n"))
    if !profile.notes.isEmpty { print("\nNotes\n" + profile.notes.map { "- \($0)" }.joined(separator: "\n")) }
    var citations = Citations()
    for coverage in profile.coverage { if let source = coverage.source { _ = citations.number(for: source) } }
    if !citations.sources.isEmpty { print("\n" + citations.render()) }
  }
}

/// One year of `dyad conflict` as the terminal shows it, A then B as the user named them.
struct ConflictRow {
  let row: ConflictYear
  let aIsFirst: Bool

  static let notCovered = "n/c"

  func mid(_ summary: DisputeYearSummary?) -> [String] {
    guard let summary else { return [Self.notCovered, "", "", ""] }
    guard !summary.disputes.isEmpty else { return ["none", "", "", ""] }
    let fatal = aIsFirst ? (summary.firstFatality, summary.secondFatality) : (summary.secondFatality, summary.firstFatality)
    let onset = summary.onsets.isEmpty ? "" : " (new: \(summary.onsets.map(String.init).joined(separator: ", ")))"
    return [
      summary.disputes.map(String.init).joined(separator: ", ") + onset,
      summary.hostility.map { "\($0) \(ConflictProfile.hostilityLabels[$0] ?? "")" } ?? "",
      "\(fatal.0.map(String.init) ?? "?")/\(fatal.1.map(String.init) ?? "?")",
      summary.initiators.map(\.rawValue).joined(separator: ", "),
    ]
  }

  func rivalry(_ rivalries: [Rivalry]?) -> String {
    guard let rivalries else { return Self.notCovered }
    guard !rivalries.isEmpty else { return "none" }
    return rivalries.map { "\($0.name) (\($0.types.joined(separator: ", ")))" }.joined(separator: "; ")
  }

  var cells: [String] {
    let cow = mid(row.cowMID), gml = mid(row.gmlMID)
    var ucdp = Self.notCovered
    if let opposite = row.oppositeSideConflicts, let same = row.sameSideConflicts {
      var parts: [String] = []
      if !opposite.isEmpty { parts.append("opposed: " + opposite.map(String.init).joined(separator: ", ")) }
      if !same.isEmpty { parts.append("same side: " + same.map(String.init).joined(separator: ", ")) }
      ucdp = parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }
    return [String(row.year)] + cow + [gml[0], gml[1], gml[2]] + [
      row.wars.map { $0.isEmpty ? "none" : $0.map(String.init).joined(separator: ", ") } ?? Self.notCovered,
      rivalry(row.tssRivalries), rivalry(row.tdRivalries), ucdp, row.contiguity?.label ?? Self.notCovered,
    ]
  }
}
