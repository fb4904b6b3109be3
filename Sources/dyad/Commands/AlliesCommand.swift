import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadStore
import Foundation

struct AlliesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "allies",
    abstract: "Are they allies? A rule-based verdict for one year, with every rule, its evidence and sources.",
    discussion: """
      Classes: treaty allies (a defence pact), aligned partners (a selective non-aggression or \
      consultation pact plus regular joint exercises or significant arms transfers), partners, no \
      security ties, adversaries (no security ties, and armed conflict or a strategic rivalry). \
      Hostility is said beside any class ("treaty allies in name; armed clashes in 1969; rivals \
      1958–1989"). A year past the end of some data is provisional: the verdict lists what is \
      missing and carries forward what the last years covered show. The rules are documented in \
      docs/verdict-rules.md. The same verdict is shown \
      for United States–United Kingdom and United States–Japan for scale. The year defaults to this year, \
      or to the last year both states existed when one no longer exists; a year in which one of \
      them did not exist is refused.

      \(VerdictAnswers.schema.help)

      Examples:
        dyad allies China Russia
        dyad allies China Russia --year 1965
        dyad allies India Russia --year 2015 --json
        dyad allies China Russia --csv
      """)

  @OptionGroup var dyad: DyadArguments
  @Option(name: .long, help: ArgumentHelp("The year (default: this year).", valueName: "year"))
  var year: Int?
  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    if let year, !YearRange.all.contains(year) {
      throw ValidationError("--year \(year) is outside \(YearRange.all)")
    }
  }

  func run() throws {
    let store = try storeOptions.open()
    let (pair, a, b) = try dyad.resolve(with: store.registry, during: .asked(year: year))
    let answer = try VerdictAnswers.answer(try DyadQuestion(a, b), year: year, store: store)
    if try output.printed(answer) {
      if let note = answer.yearsNote { Terminal.writeError("note: \(note)\n") }
      return
    }
    print(
      render(
        answer.payload.verdict, references: answer.payload.references, reversed: a.id != pair.first,
        yearsNote: answer.yearsNote))
  }

  /// The verdict as text; `reversed` names the states in the order the user gave them;
  /// `yearsNote` says why the year is not this year.
  func render(_ verdict: AllianceVerdict, references: [AllianceVerdict], reversed: Bool, yearsNote: String? = nil)
    -> String
  {
    var citations = Citations()
    var lines: [String] = []
    let names = reversed ? verdict.names.reversed() : verdict.names
    lines.append("\(names.joined(separator: "–")) in \(verdict.year): \(verdict.headline.uppercased())")
    if let yearsNote { lines.append(yearsNote) }
    lines.append(verdict.summary)
    lines.append("")
    lines.append("Rules (docs/verdict-rules.md)")
    for result in verdict.rules {
      let mark = result.provisional == nil ? (result.fired ? "x" : " ") : (result.fired ? "~" : "?")
      lines.append("  [\(mark)] \(result.rule.id) \(result.rule.name): \(result.finding)")
      for item in result.evidence {
        let cites = item.sources.map { "[\(citations.number(for: $0))]" }.joined()
        lines.append("        - \(item.text)\(cites.isEmpty ? "" : " \(cites)")")
      }
    }
    if verdict.rules.contains(where: { $0.provisional != nil }) {
      lines.append("  ([~] carried forward or presumed; [?] not known for the year)")
    }
    if !verdict.missingEvidence.isEmpty {
      lines.append("")
      lines.append("Provisional: evidence missing for \(verdict.year)")
      lines += verdict.missingEvidence.map { "  - \($0)" }
      if verdict.observedTie != verdict.tie {
        lines.append("  On the evidence observed for \(verdict.year) alone: \(verdict.observedTie).")
      }
    }
    if !verdict.notes.isEmpty {
      lines.append("")
      lines.append("Notes")
      lines += verdict.notes.map { "  - \($0)" }
    }
    if !references.isEmpty {
      lines.append("")
      lines.append("For scale, the same rules in \(verdict.year)")
      var table = TextTable("DYAD", "VERDICT", "RULES FIRED", "BECAUSE")
      for reference in references {
        let fired = reference.firedRules.map(\.rule.id).joined(separator: " ")
        let lead = reference.firedRules.first.map { "\($0.rule.name): \($0.finding)" } ?? "no rule fired"
        // In the order the reference is named (United States first).
        let names =
          AnswerDefaults.referenceDyads.contains { $0.0 == reference.dyad.second }
          ? reference.names.reversed() : reference.names
        table.append(names.joined(separator: "–"), reference.headline, fired.isEmpty ? "–" : fired, lead)
      }
      lines.append(table.render().trimmingCharacters(in: .newlines))
    }
    if !citations.sources.isEmpty {
      lines.append("")
      lines.append(citations.render())
    }
    return lines.joined(separator: "\n")
  }
}
