import DyadAnswers
import DyadCore
import DyadStore
import Foundation
import Hummingbird

/// An error answered as an RFC 9457 problem document (`application/problem+json`).
///
/// ```json
/// {"type":"https://dyad.invalid/problems/unknown-state","title":"Unknown state","status":404,
///  "detail":"unknown state 'Rusia'","instance":"/api/v1/dyads/Rusia/China/events",
///  "suggestions":["Russia (RUS)"]}
/// ```
struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
  /// A short, stable slug naming the kind of problem; the `type` URI ends with it.
  var kind: String
  var title: String
  var status: HTTPResponse.Status
  var detail: String
  /// Names or codes the client may have meant (unknown states).
  var suggestions: [String]
  /// The query parameter or path segment at fault, if any.
  var parameter: String?
  /// Methods the resource allows (405) or media types it offers (406).
  var allowed: [String]
  /// The states an ambiguous name could mean (ambiguous states).
  var candidates: [AmbiguousStateError.Candidate] = []
  /// Extra response headers, such as `Allow`.
  var headers: HTTPFields

  init(
    _ status: HTTPResponse.Status, kind: String, title: String, detail: String, suggestions: [String] = [],
    parameter: String? = nil, allowed: [String] = [], headers: HTTPFields = [:]
  ) {
    self.status = status
    self.kind = kind
    self.title = title
    self.detail = detail
    self.suggestions = suggestions
    self.parameter = parameter
    self.allowed = allowed
    self.headers = headers
  }

  /// The base of every problem `type` URI. The document at each URI is the problem catalogue in
  /// the OpenAPI document; the `.invalid` host marks it as an identifier, not a page to fetch.
  static let typeBase = "https://dyad.invalid/problems/"

  /// The `type` member: a URI naming the kind of problem.
  var type: String { Self.typeBase + kind }

  var description: String { "\(status.code) \(title): \(detail)" }

  // MARK: - The problems the server answers with

  /// 400: a query parameter that is malformed, repeated, unknown or out of range.
  static func badParameter(_ name: String, _ detail: String) -> Problem {
    Problem(.badRequest, kind: "bad-parameter", title: "Bad query parameter", detail: detail, parameter: name)
  }

  /// 400: a year range whose start is after its end, or outside the years Dyad covers.
  static func badRange(_ detail: String, parameter: String = "from") -> Problem {
    Problem(.badRequest, kind: "bad-range", title: "Bad year range", detail: detail, parameter: parameter)
  }

  /// 400: a query string that cannot be parsed (bad percent-encoding, too many parameters).
  static func malformedQuery(_ detail: String) -> Problem {
    Problem(.badRequest, kind: "malformed-query", title: "Malformed query string", detail: detail)
  }

  /// 400: a path that tries to leave its route (`..`, encoded slashes, NUL bytes).
  static func badPath(_ detail: String) -> Problem {
    Problem(.badRequest, kind: "bad-path", title: "Bad path", detail: detail)
  }

  /// 404: a name or code no state answers to.
  static func unknownState(_ query: String, parameter: String, suggestions: [String]) -> Problem {
    var detail = "no state is named or coded '\(query)'"
    detail +=
      suggestions.isEmpty
      ? "; search with /api/v1/states?q=NAME" : "; did you mean \(suggestions.joined(separator: ", "))?"
    return Problem(
      .notFound, kind: "unknown-state", title: "Unknown state", detail: detail, suggestions: suggestions,
      parameter: parameter)
  }

  /// 400: a name that means several states in the years asked about ("Korea" today); the
  /// problem lists the candidates, each with what to say to mean it.
  static func ambiguousState(_ error: AmbiguousStateError, parameter: String) -> Problem {
    var problem = Problem(
      .badRequest, kind: "ambiguous-state", title: "Ambiguous state",
      detail: error.description + " Give a year with 'year', or 'from' and 'to'.", suggestions: error.candidates.map(\.say),
      parameter: parameter)
    problem.candidates = error.candidates
    return problem
  }

  /// 400: years in which one of the dyad's states did not exist, or two states that never
  /// existed together.
  static func stateDidNotExist(_ error: StatehoodError, parameter: String? = "year") -> Problem {
    Problem(
      .badRequest, kind: "state-did-not-exist", title: "State did not exist", detail: error.description,
      parameter: parameter)
  }

  /// 400: a dyad whose two sides name the same state.
  static func sameState(_ name: String) -> Problem {
    Problem(
      .badRequest, kind: "same-state", title: "Same state twice",
      detail: "a dyad needs two different states; both sides name \(name)")
  }

  /// 404: a resource that needs a dataset the store does not hold; the detail names the import
  /// command.
  static func datasetNotImported(_ error: DatasetNotImportedError) -> Problem {
    Problem(
      .notFound, kind: "dataset-not-imported", title: "Dataset not imported", detail: error.description,
      parameter: nil, allowed: [])
  }

  /// 404: no route at this path.
  static func notFound(_ path: String) -> Problem {
    Problem(
      .notFound, kind: "not-found", title: "Not found",
      detail: "nothing is served at \(path); the API's routes are listed in /api/v1/openapi.json")
  }

  /// 405: a route that exists but not for this method.
  static func methodNotAllowed(_ method: String, allowed: [String]) -> Problem {
    Problem(
      .methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
      detail: "\(method) is not supported here; Dyad is read-only: use \(allowed.joined(separator: " or "))",
      allowed: allowed, headers: [.allow: allowed.joined(separator: ", ")])
  }

  /// 406: an `Accept` header that matches none of the resource's media types.
  static func notAcceptable(_ accept: String, offered: [String]) -> Problem {
    Problem(
      .notAcceptable, kind: "not-acceptable", title: "Not acceptable",
      detail: "this resource is available as \(offered.joined(separator: ", ")), not as '\(accept)'",
      allowed: offered)
  }

  /// 414: a request target longer than the server accepts.
  static func uriTooLong(_ length: Int, limit: Int) -> Problem {
    Problem(
      .uriTooLong, kind: "uri-too-long", title: "URI too long",
      detail: "the request target is \(length) bytes; the limit is \(limit)")
  }

  /// 500: an error the server did not expect; the detail is logged, not sent.
  static func internalError(requestID: String) -> Problem {
    Problem(
      .internalServerError, kind: "internal-error", title: "Internal server error",
      detail: "the server failed to answer this request; it is logged as request \(requestID)")
  }

  /// 503: the store could not be read.
  static func storeUnavailable(_ detail: String) -> Problem {
    Problem(.serviceUnavailable, kind: "store-unavailable", title: "Store unavailable", detail: detail)
  }

  // MARK: - Encoding

  /// The problem document.
  struct Document: Encodable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let instance: String
    let suggestions: [String]?
    let parameter: String?
    let allowed: [String]?
    let candidates: [AmbiguousStateError.Candidate]?
  }

  func document(instance: String) -> Document {
    Document(
      type: type, title: title, status: status.code, detail: detail, instance: instance,
      suggestions: suggestions.isEmpty ? nil : suggestions, parameter: parameter,
      allowed: allowed.isEmpty ? nil : allowed, candidates: candidates.isEmpty ? nil : candidates)
  }

  /// The JSON body.
  func json(instance: String) -> Data {
    (try? JSONCoding.encoder.encode(document(instance: instance))) ?? Data("{}".utf8)
  }
}
