import Foundation
import Hummingbird

/// Runs a route for a request: negotiates the format, checks the query and path parameters, and
/// answers from the response cache or the handler, with validators.
enum RouteDispatcher {
  static func respond(
    route: Route, suffix: Format?, request: Request, context: BasicRequestContext, state: ServerState
  ) async throws -> Response {
    let format: Format
    if let suffix {
      format = suffix
    } else {
      let accept = request.headers[.accept]
      guard let chosen = ContentNegotiation.choose(from: route.formats, accept: accept) else {
        throw Problem.notAcceptable(accept ?? "", offered: route.formats.map(\.mediaType))
      }
      format = chosen
    }
    let query = try QueryString(parsing: request.uri.query)
    try check(query, for: route)
    var parameters: [String: String] = [:]
    for (name, _) in route.pathParameters {
      guard let raw = context.parameters.get(name), let decoded = QueryString.decodePathSegment(Substring(raw)) else {
        throw Problem.badPath("the path segment '\(name)' is malformed")
      }
      parameters[name] = decoded
    }
    let routeRequest = RouteRequest(
      route: route, format: format, parameters: parameters, query: query, server: state, path: request.uri.path)
    let payload: Payload
    if route.memoize {
      let key = "\(format.rawValue) \(request.uri.path)?\(query.canonical)"
      payload = try await state.cache.payload(for: key, generation: state.store.generation) {
        try await route.handler(routeRequest)
      }
    } else {
      payload = try await route.handler(routeRequest)
    }
    return payload.response(to: request, cache: route.cache, vary: suffix == nil && route.formats.count > 1)
  }

  /// Rejects unknown (on API routes), repeated and malformed query parameters.
  static func check(_ query: QueryString, for route: Route) throws(Problem) {
    let known = Dictionary(route.query.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var seen = Set<String>()
    for (name, _) in query.pairs where seen.insert(name).inserted {
      guard let parameter = known[name] else {
        if route.isStrict {
          let accepted = route.query.map(\.name)
          throw .badParameter(
            name,
            accepted.isEmpty
              ? "this route takes no query parameters; '\(name)' is not one"
              : "unknown query parameter '\(name)'; this route takes \(accepted.joined(separator: ", "))")
        }
        continue
      }
      try parameter.validate(query.values(name))
    }
  }
}
