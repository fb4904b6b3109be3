import ArgumentParser
import DyadAnalysis
import DyadCore
import DyadStore
import Foundation

extension RelationDimension: ExpressibleByArgument {}

struct FactsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "facts",
    abstract: "Sourced facts about two states: treaties, institutions, meetings, trade, exercises.",
    discussion: """
      Examples:
        dyad facts China Russia
        dyad facts China Russia --dimension economic
        dyad facts India Russia --json
      """)

  @OptionGroup var dyad: DyadArguments
  @Option(name: .long, help: "Only one dimension: diplomatic, economic or military.")
  var dimension: RelationDimension?
  @OptionGroup var output: OutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let store = try storeOptions.open()
    let (pair, a, b) = try dyad.resolve(with: store.registry)
    let record = CuratedRecord(
      treaties: try store.treaties(binding: pair), events: try store.events(involving: pair),
      memberships: try store.memberships(of: [pair.first, pair.second]), exercises: try store.exercises(involving: pair),
      reportedTrade: try store.reportedTrade(for: pair))
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    let registry = store.registry
    var facts = record.facts(about: pair, names: { registry[$0]?.name(inYear: $1) ?? $0.rawValue }, asOf: year)
    if let dimension { facts = facts.filter { $0.dimension == dimension } }
    if output.json {
      try printJSON(facts)
      return
    }
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
