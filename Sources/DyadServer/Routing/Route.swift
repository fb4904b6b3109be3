import DyadAnswers

/// One GET resource of the server: its path, what it offers, what it accepts and how it answers.
///
/// The router registers every route of ``RouteTable`` and the OpenAPI document describes the
/// same values, so the two cannot drift apart.
struct Route: Sendable {
  /// Which part of the server a route belongs to; the OpenAPI tag.
  enum Section: String, Sendable, CaseIterable {
    case pages = "Pages"
    case states = "States"
    case dyads = "Dyads"
    case sources = "Sources"
    case meta = "Service"
  }

  /// A stable identifier, the OpenAPI `operationId`.
  let id: String
  /// The path template, with `{name}` path parameters: `/api/v1/dyads/{a}/{b}/events`.
  let path: String
  let section: Section
  let summary: String
  let description: String
  /// The path parameters, in order, with their descriptions.
  let pathParameters: [(name: String, description: String)]
  /// The accepted query parameters.
  let query: [QueryParameter]
  /// The representations offered; the first is the default.
  let formats: [Format]
  /// The representations also reachable with a path suffix: `events.csv`, `report.md`.
  let suffixes: [Format]
  let cache: CachePolicy
  /// Whether answers are kept in the server's ``ResponseCache``.
  let memoize: Bool
  /// The JSON schema of the 200 JSON response, for the OpenAPI document.
  let schema: JSONSchema?
  /// The documented columns of the CSV representation (and of the rows the JSON's data holds).
  let table: TableSchema?
  let handler: @Sendable (RouteRequest) async throws -> Payload

  init(
    _ id: String, _ path: String, section: Section, summary: String, description: String = "",
    pathParameters: [(name: String, description: String)] = [], query: [QueryParameter] = [],
    formats: [Format] = [.json], suffixes: [Format] = [], cache: CachePolicy = .data, memoize: Bool = true,
    schema: JSONSchema? = nil, table: TableSchema? = nil, handler: @escaping @Sendable (RouteRequest) async throws -> Payload
  ) {
    self.id = id
    self.path = path
    self.section = section
    self.summary = summary
    self.description = description
    self.pathParameters = pathParameters
    self.query = query
    self.formats = formats
    self.suffixes = suffixes
    self.cache = cache
    self.memoize = memoize
    self.schema = schema
    self.table = table
    self.handler = handler
  }

  /// Whether unknown query parameters are an error (API) or ignored (pages, whose links may carry
  /// tracking parameters).
  var isStrict: Bool { path.hasPrefix("/api/") }

  /// The path with a format's suffix: `/api/v1/dyads/{a}/{b}/events.csv`.
  func path(suffix format: Format) -> String { "\(path).\(format.suffix)" }

  /// Every concrete path template the router registers for this route.
  var allPaths: [(path: String, format: Format?)] {
    [(path, nil)] + suffixes.map { (path(suffix: $0), $0) }
  }

  /// Whether a request path matches one of this route's templates.
  func matches(_ requestPath: String) -> Bool {
    let segments = requestPath.split(separator: "/", omittingEmptySubsequences: true)
    return allPaths.contains { candidate in
      let template = candidate.path.split(separator: "/", omittingEmptySubsequences: true)
      guard template.count == segments.count else { return false }
      return zip(template, segments).allSatisfy { $0.first == "{" || $0 == $1 }
    }
  }
}
