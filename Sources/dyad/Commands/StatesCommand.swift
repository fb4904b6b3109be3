import ArgumentParser
import DyadCore
import DyadData

struct StatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "states",
    abstract: "Find a state by any name or code.",
    discussion: """
      Examples:
        dyad states "Soviet Union"
        dyad states 365          # a COW code
        dyad states imf:922
        dyad states korea
      """)

  @Argument(help: "A name, alias or code; prefix a code with its scheme (cow:, gw:, iso2:, iso3:, m49:, imf:) to be exact.")
  var query: String

  @OptionGroup var output: OutputOptions

  struct Item: Encodable {
    let id: StateID
    let name: String
    let years: String
    let matchedBy: String
    let matchedName: String
    let from: Day?
    let to: Day?
    let codes: [String: String]
    let periods: [Period]
    struct Period: Encodable {
      let from: Day?
      let to: Day
      let name: String
    }
  }

  func run() throws {
    let registry = try StateRegistry.standard()
    let matches = registry.search(query)
    guard !matches.isEmpty else {
      throw UnknownStateError(query: query, day: nil, suggestions: registry.suggestions(for: query, count: 5))
    }
    if output.json {
      try printJSON(
        matches.map { match in
          Item(
            id: match.state.id, name: match.state.name, years: match.state.years, matchedBy: match.matchedBy,
            matchedName: match.label, from: match.from, to: match.to,
            codes: Dictionary(uniqueKeysWithValues: match.state.codes.values.map { ($0.key.rawValue, $0.value) }),
            periods: match.state.periods.map { Item.Period(from: $0.from, to: $0.to, name: $0.name) })
        })
      return
    }
    var table = TextTable("ID", "NAME", "YEARS", "MATCHED", "AS", "COW", "ISO3", "EARLIER NAMES")
    for match in matches {
      let state = match.state
      let span =
        match.from == nil && match.to == nil
        ? "" : " \(match.from.map { String($0.year) } ?? "")–\(match.to.map { String($0.year) } ?? "")"
      table.append(
        state.id.rawValue, state.name, state.years, match.matchedBy + span, match.label,
        state.codes[.cowNumeric] ?? "", state.codes[.iso3] ?? "",
        state.periods.map { "\($0.name) (\($0.from.map { String($0.year) } ?? "")–\($0.to.year))" }.joined(separator: "; "))
    }
    print(table.render(), terminator: "")
  }
}
