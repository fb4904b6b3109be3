import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct InstitutionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "institutions",
    abstract: "The intergovernmental organisations two states share, by year, and their shared memberships.",
    discussion: """
      SHARED IGOs counts the organisations in which both were full members (Correlates of War IGO \
      v3, 1816–2014; import `cow-igo`); the per-state columns count each one's full memberships. \
      CURATED lists the institutions Dyad's curated memberships (UN, SCO, BRICS, G20, …) show both \
      in that year, which carry the record past 2014. Missing counts print as –, never 0.

      \(InstitutionAnswers.schema.help)

      Examples:
        dyad institutions China Russia
        dyad institutions China Russia --from 1990
        dyad institutions India Pakistan --csv
      """)

  @OptionGroup var asked: DyadQuestionOptions
  @OptionGroup var output: TableOutputOptions

  func run() throws {
    let (store, question) = try asked.open()
    let answer = try InstitutionAnswers.answer(question, store: store)
    if try output.printed(answer) { return }
    let summary = answer.payload, range = answer.years, a = question.a, b = question.b
    let aIsFirst = question.aIsFirst
    func own(_ row: InstitutionYear) -> (Int?, Int?) {
      aIsFirst ? (row.firstIGOs, row.secondIGOs) : (row.secondIGOs, row.firstIGOs)
    }
    func count(_ value: Int?) -> String { value.map(String.init) ?? "–" }
    let rows = summary.years.filter { $0.sharedIGOs != nil || !$0.curated.isEmpty }
    guard !rows.isEmpty else {
      var text = "No shared institutions recorded for \(a.name)–\(b.name)"
      if let range { text += " in \(range)" }
      text += "."
      if summary.igoCoverage == nil { text += " Import the COW IGO counts with `dyad import cow-igo PATH`." }
      print(text)
      return
    }
    if Terminal.isInteractive { print("\(a.name)–\(b.name): shared institutions by year\n") }
    var table = TextTable(
      "YEAR", "SHARED IGOs", "\(a.id.rawValue) IGOs", "\(b.id.rawValue) IGOs", "CURATED (BOTH MEMBERS)")
    for row in rows {
      let (x, y) = own(row)
      table.append(String(row.year), count(row.sharedIGOs), count(x), count(y), row.curated.joined(separator: ", "))
    }
    print(table.render(), terminator: "")
    guard Terminal.isInteractive else { return }
    var citations = Citations()
    if !summary.memberships.isEmpty {
      print("\nShared memberships (curated)")
      var list = TextTable("INSTITUTION", "BOTH MEMBERS", "SOURCES")
      for membership in summary.memberships {
        let span = "\(membership.from) – \(membership.to?.description ?? "")"
        let cites = membership.sources.map { "[\(citations.number(for: $0))]" }.joined()
        list.append(membership.name, span, cites)
      }
      print(list.render(), terminator: "")
    }
    var notes: [String] = []
    if let coverage = summary.igoCoverage {
      notes.append("SHARED IGOs: COW IGO v3 counts for \(coverage); COW gives counts, not which organisations. Later years rest on the curated memberships.")
      if let source = summary.igoSource { _ = citations.number(for: source) }
    } else {
      notes.append("No COW IGO counts in the store: run `dyad import cow-igo PATH` for shared-IGO counts 1816–2014.")
    }
    print("\nNotes\n" + notes.map { "- \($0)" }.joined(separator: "\n"))
    if !citations.sources.isEmpty { print("\n" + citations.render()) }
  }
}
