import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadStore
import Foundation

extension RelationDimension: ExpressibleByArgument {}

struct FactsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "facts",
    abstract: "Sourced facts about two states: treaties, institutions, meetings, trade, exercises.",
    discussion: """
      \(FactAnswers.schema.help)

      Examples:
        dyad facts China Russia
        dyad facts China Russia --dimension economic
        dyad facts India Russia --json
      """)

  @OptionGroup var dyad: DyadArguments
  @Option(name: .long, help: "Only one dimension: diplomatic, economic or military.")
  var dimension: RelationDimension?
  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let store = try storeOptions.open()
    let (_, a, b) = try dyad.resolve(with: store.registry, during: .today())
    let answer = try FactAnswers.answer(try DyadQuestion(a, b), dimension: dimension, store: store)
    if try output.printed(answer) { return }
    let facts = answer.payload
    guard !facts.isEmpty else {
      print("No curated facts for \(a.name)–\(b.name)\(dimension.map { " (\($0))" } ?? ""). Import datasets with `dyad import` for more.")
      return
    }
    var citations = Citations()
    var table = TextTable("DIMENSION", "TOPIC", "FACT", "SOURCES")
    for fact in facts {
      let cites = fact.sources.map { Terminal.isInteractive ? "[\(citations.number(for: $0))]" : $0.url }
      table.append(fact.dimension.rawValue, fact.topic, fact.statement, cites.joined(separator: Terminal.isInteractive ? "" : " "))
    }
    if Terminal.isInteractive { print("\(a.name)–\(b.name): \(facts.count) facts\n") }
    print(table.render(), terminator: "")
    if Terminal.isInteractive { print("\n" + citations.render()) }
  }
}
