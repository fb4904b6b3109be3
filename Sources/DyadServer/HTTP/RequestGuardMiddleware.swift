import Hummingbird

/// Turns away requests no route should see: over-long targets (414), paths that try to climb out
/// of their route (400), and methods other than GET and HEAD (405 on a route, else 404; OPTIONS
/// answers with the allowed methods).
///
/// The server reads nothing from the file system but the store, so no path can reach a file;
/// rejecting traversal here makes that explicit and answers it with a clear problem.
struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
  let routes: RouteTable

  /// The longest request target (path and query) accepted.
  static var targetLimit: Int { 2048 }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let target = request.uri.string
    guard target.utf8.count <= Self.targetLimit else {
      throw Problem.uriTooLong(target.utf8.count, limit: Self.targetLimit)
    }
    let path = request.uri.path
    try Self.checkPath(path)
    if request.method != .get && request.method != .head {
      guard routes.route(matching: path) != nil else { throw Problem.notFound(path) }
      if request.method == .options {
        return Response(status: .noContent, headers: [.allow: "GET, HEAD, OPTIONS"])
      }
      throw Problem.methodNotAllowed(request.method.rawValue, allowed: ["GET", "HEAD"])
    }
    return try await next(request, context)
  }

  /// Throws for a path with dot segments, encoded slashes or backslashes, NUL or control bytes,
  /// or a malformed percent-escape.
  static func checkPath(_ path: String) throws(Problem) {
    guard path.hasPrefix("/") else { throw .badPath("the path must start with /") }
    for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      guard let decoded = QueryString.decodePathSegment(segment) else {
        throw .badPath("the path has a malformed percent-escape")
      }
      if decoded == "." || decoded == ".." || decoded.hasPrefix("..") {
        throw .badPath("the path may not contain '.' or '..' segments")
      }
      if decoded.contains("/") || decoded.contains("\\") {
        throw .badPath("the path may not contain encoded slashes or backslashes")
      }
      if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
        throw .badPath("the path may not contain control characters")
      }
    }
  }
}
