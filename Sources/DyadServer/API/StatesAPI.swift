import DyadAnswers
import DyadCore
import Foundation

/// `/api/v1/states`: search the registry by any name or code; one state's record.
enum StatesAPI {
  struct SearchResult: Encodable, Sendable {
    let query: String?
    let states: [StateAnswers.Item]
    /// The nearest names when nothing matched.
    let suggestions: [String]
  }

  /// The states matching `q` (every state, by name, without it), as ``StateAnswers`` answers it.
  static func search(_ request: RouteRequest) throws -> Payload {
    let query = request.query.value("q")
    let answer = StateAnswers.answer(query, registry: request.registry)
    let suggestions = answer.payload.isEmpty ? request.registry.suggestions(for: query ?? "", count: 5) : []
    return try request.respond(
      json: SearchResult(query: query, states: answer.payload, suggestions: suggestions), table: answer.table)
  }

  struct Detail: Encodable, Sendable {
    let state: StateAnswers.Item
    let aliases: [String]
    let start: Day?
    let end: Day?
    let links: [String: String]
  }

  static func detail(_ request: RouteRequest) throws -> Payload {
    let state = try request.state("id")
    return try request.respond(
      json: Detail(
        state: StateAnswers.item(state), aliases: state.aliases, start: state.start, end: state.end,
        links: [
          "page": "/states/\(state.id)", "partners": "/api/v1/states/\(state.id)/partners",
        ]))
  }
}
