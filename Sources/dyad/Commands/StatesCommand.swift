import ArgumentParser
import DyadAnswers
import DyadCore
import DyadData

struct StatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "states",
    abstract: "Find a state by any name or code.",
    discussion: """
      A search: it lists every state a name may mean, with its years. Other commands refuse a \
      name that means several states in the years they ask about ("Korea" today: North or South \
      Korea) and list the candidates; give a year, a fuller name or a code such as cow:730.

      \(StateAnswers.schema.help)

      Examples:
        dyad states "Soviet Union"
        dyad states 365          # a COW code
        dyad states imf:922
        dyad states korea
      """)

  @Argument(help: "A name, alias or code; prefix a code with its scheme (cow:, gw:, iso2:, iso3:, m49:, imf:) to be exact.")
  var query: String

  @OptionGroup var output: TableOutputOptions

  func run() throws {
    let registry = try StateRegistry.standard()
    let answer = StateAnswers.answer(query, registry: registry)
    guard !answer.payload.isEmpty else {
      throw UnknownStateError(query: query, day: nil, suggestions: registry.suggestions(for: query, count: 5))
    }
    if try output.printed(answer) { return }
    var table = TextTable("ID", "NAME", "YEARS", "MATCHED", "AS", "COW", "ISO3", "EARLIER NAMES")
    for item in answer.payload {
      let span =
        item.from == nil && item.to == nil
        ? "" : " \(item.from.map { String($0.year) } ?? "")–\(item.to.map { String($0.year) } ?? "")"
      table.append(
        item.id.rawValue, item.name, item.years, (item.matchedBy ?? "") + span, item.matchedName ?? "",
        item.codes["cow"] ?? "", item.codes["iso3"] ?? "",
        item.periods.map { "\($0.name) (\($0.from.map { String($0.year) } ?? "")–\($0.to.year))" }.joined(separator: "; "))
    }
    print(table.render(), terminator: "")
  }
}
