import DyadCore
import Foundation
import Hummingbird

/// A request as a route handler sees it: the negotiated format, decoded path parameters, the
/// validated query, and the server's store.
struct RouteRequest: Sendable {
  let route: Route
  let format: Format
  /// Decoded path parameters by name.
  let parameters: [String: String]
  let query: QueryString
  let server: ServerState
  /// The request path, for canonical links.
  let path: String

  var registry: StateRegistry { server.store.registry }

  /// A path parameter (always present: the router matched the template).
  func parameter(_ name: String) -> String { parameters[name] ?? "" }

  /// The dates the request asks about, for reading state names: `year`, else `from` and `to`,
  /// else the server's today.
  var dates: QueryDates {
    QueryDates.asked(year: year("year"), from: year("from"), to: year("to"), today: server.today)
  }

  /// The state a path parameter names, by any name or code, in the dates asked about; 404 with
  /// suggestions when none does, 400 with the candidates when several do.
  func state(_ name: String) throws(Problem) -> State {
    try server.resolve(parameter(name), parameter: name, during: dates)
  }

  /// The dyad of the `{a}` and `{b}` path parameters, with both states in the order given.
  func dyad() throws(Problem) -> (dyad: Dyad, a: State, b: State) {
    let a = try state("a")
    let b = try state("b")
    do {
      return (try Dyad(a.id, b.id), a, b)
    } catch {
      throw .sameState(a.name)
    }
  }

  /// A year query parameter, validated by the route.
  func year(_ name: String) -> Int? { query.value(name).flatMap { Int($0) } }

  /// The years of `from` and `to`: `nil` when neither is given, else the range with open ends
  /// filled from `fallback`; 400 when inverted.
  func years(default fallback: YearRange) throws(Problem) -> YearRange? {
    let from = year("from"), to = year("to")
    guard from != nil || to != nil else { return nil }
    do {
      return try YearRange(from: from, to: to, default: fallback)
    } catch {
      throw .badRange(
        "the year range \(from ?? fallback.lowerBound)–\(to ?? fallback.upperBound) is inverted: 'from' must not be after 'to'"
      )
    }
  }

  /// The reference dyads of the `compare` parameters.
  func comparisons() throws(Problem) -> [(State, State)] {
    try query.values("compare").filter { !$0.isEmpty }.map { (value) throws(Problem) -> (State, State) in
      let sides = value.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      let a = try server.resolve(sides[0], parameter: "compare", during: dates)
      let b = try server.resolve(sides[1], parameter: "compare", during: dates)
      guard a.id != b.id else { throw .sameState(a.name) }
      return (a, b)
    }
  }
}
