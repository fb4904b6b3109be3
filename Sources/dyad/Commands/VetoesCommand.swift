import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct VetoesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vetoes",
    abstract:
      "UN Security Council vetoes of two permanent members: each side's, the joint ones, and when each last vetoed without the other.",
    discussion: """
      From the Dag Hammarskjöld Library's veto list (1946 – 15 September 2022), continued by Dyad's \
      curated vetoes from UN pages (each with its source). The USSR's vetoes count as Russia's.

      \(VetoAnswers.schema.help)

      Examples:
        dyad vetoes China Russia
        dyad vetoes USA UK --from 1970 --to 1990
        dyad vetoes China Russia --json
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @OptionGroup var output: TableOutputOptions
  func run() throws {
    let (store, question) = try asked.open()
    let answer = try VetoAnswers.answer(question, store: store)
    if try output.printed(answer) { return }
    let summary = answer.payload, a = question.a, b = question.b
    guard let sideA = summary.side(of: a.id), let sideB = summary.side(of: b.id) else { return }
    let names = store.registry
    func name(_ id: StateID, _ year: Int) -> String { names[id]?.name(inYear: year) ?? id.rawValue }
    let shown = question.years.flatMap { span in summary.coverage.flatMap { span.clamped(to: $0) } } ?? summary.coverage
    let span = shown.map { "\($0)" } ?? ""
    if summary.permanentMembers.isEmpty {
      print("Neither \(a.name) nor \(b.name) has held a permanent seat on the Security Council, so neither has a veto.")
      return
    }
    print("\(a.name)–\(b.name): UN Security Council vetoes, \(span)\n")
    var overview = TextTable("", a.name.uppercased(), b.name.uppercased())
    func last(_ veto: Veto?) -> String { veto.map { "\($0.date) \($0.reference) (\($0.topic))" } ?? "–" }
    func count(_ side: VetoSide) -> String {
      summary.permanentMembers.contains(side.state) ? String(side.count) : "not a permanent member"
    }
    overview.append("Vetoes", count(sideA), count(sideB))
    overview.append("Joint with the other", String(sideA.jointCount), String(sideB.jointCount))
    overview.append("Without the other", String(sideA.withoutPartnerCount), String(sideB.withoutPartnerCount))
    overview.append("As the sole vetoer", String(sideA.soleCount), String(sideB.soleCount))
    overview.append("Last without the other", last(sideA.lastWithoutPartner), last(sideB.lastWithoutPartner))
    print(overview.render(aligned: true, width: Terminal.width), terminator: "")

    let all = summary.all
    if !all.isEmpty {
      print()
      var table = TextTable("DATE", "DRAFT", "TOPIC", "VETOED BY", "AGENDA ITEM")
      for veto in all {
        let by = veto.vetoers.map { name($0, veto.date.year) }.joined(separator: ", ")
        let mark = veto.isCast(by: a.id) && veto.isCast(by: b.id) ? "joint: " : ""
        table.append(veto.date.description, veto.reference, veto.topic, mark + by, veto.agendaItem)
      }
      print(table.render(), terminator: "")
    }
    // Beside the vetoes: how the two voted on the resolutions the Council adopted.
    let council = try store.councilAgreement(for: question.dyad, years: question.years)
    if let council, !council.years.isEmpty {
      print(
        "\nSecurity Council resolutions adopted by vote while both sat on the Council (UN Digital Library records)\n")
      var table = TextTable("YEAR", "BOTH VOTED", "SAME VOTE", "AGREE", "YES AGAINST NOT YES")
      for year in council.years {
        table.append(
          String(year.year), String(year.votes), String(year.same), DiplomaticFormat.number(year.agree),
          String(year.apart))
      }
      print(table.render(), terminator: "")
      if let total = council.total {
        print(
          "\nAll years: \(total.same) of \(total.votes) resolutions with the same vote (\(DiplomaticFormat.number(total.agree))); a vetoed draft is not a resolution, so the vetoes above are not among them."
        )
      }
    } else if council == nil, Terminal.isInteractive {
      print(
        "\nImport `un-digital-library` for each member's vote on the resolutions the Council adopted: dyad import un-digital-library PATH."
      )
    }
    if Terminal.isInteractive {
      print("\nNotes\n" + summary.notes.map { "- \($0)" }.joined(separator: "\n"))
      var citations = Citations()
      _ = citations.number(for: summary.source)
      for source in summary.all.compactMap(\.source) { _ = citations.number(for: source) }
      if let council, !council.years.isEmpty { _ = citations.number(for: council.source) }
      print("\n" + citations.render())
    }
  }
}
