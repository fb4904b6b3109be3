import DyadCore
import Foundation

/// `/api/v1/states`: search the registry by any name or code; one state's record.
enum StatesAPI {
  /// A state as the search lists it, with how the query matched.
  struct Item: Encodable, Sendable {
    let id: StateID
    let name: String
    let years: String
    let matchedBy: String?
    let matchedName: String?
    let codes: [String: String]
    let periods: [Period]
  }

  /// An earlier name of a state.
  struct Period: Encodable, Sendable {
    let from: Day?
    let to: Day
    let name: String
  }

  struct SearchResult: Encodable, Sendable {
    let query: String?
    let states: [Item]
    /// The nearest names when nothing matched.
    let suggestions: [String]
  }

  static func item(_ state: State, matchedBy: String? = nil, matchedName: String? = nil) -> Item {
    Item(
      id: state.id, name: state.name, years: state.years, matchedBy: matchedBy, matchedName: matchedName,
      codes: Dictionary(uniqueKeysWithValues: state.codes.values.map { ($0.key.rawValue, $0.value) }),
      periods: state.periods.map { Period(from: $0.from, to: $0.to, name: $0.name) })
  }

  /// The states matching `q` (every state, by name, without it).
  static func matches(_ query: String?, in registry: StateRegistry) -> [Item] {
    if let query, !query.trimmingCharacters(in: .whitespaces).isEmpty {
      return registry.search(query, limit: 50).map { item($0.state, matchedBy: $0.matchedBy, matchedName: $0.label) }
    }
    return registry.states.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { item($0) }
  }

  static func search(_ request: RouteRequest) throws -> Payload {
    let query = request.query.value("q")
    let states = matches(query, in: request.registry)
    let suggestions = states.isEmpty ? request.registry.suggestions(for: query ?? "", count: 5) : []
    var table = DataTable("id", "name", "years", "matched_by", "matched_name", "cow", "iso3", "earlier_names")
    for state in states {
      table.append([
        state.id.rawValue, state.name, state.years, state.matchedBy, state.matchedName, state.codes["cow"],
        state.codes["iso3"],
        state.periods.map { "\($0.name) (\($0.from.map { String($0.year) } ?? "")–\($0.to.year))" }.joined(
          separator: "; "),
      ])
    }
    return try request.respond(
      json: SearchResult(query: query, states: states, suggestions: suggestions), table: table)
  }

  struct Detail: Encodable, Sendable {
    let state: Item
    let aliases: [String]
    let start: Day?
    let end: Day?
    let links: [String: String]
  }

  static func detail(_ request: RouteRequest) throws -> Payload {
    let state = try request.state("id")
    return try request.respond(
      json: Detail(
        state: item(state), aliases: state.aliases, start: state.start, end: state.end,
        links: [
          "page": "/states/\(state.id)", "partners": "/api/v1/states/\(state.id)/partners",
        ]))
  }
}
