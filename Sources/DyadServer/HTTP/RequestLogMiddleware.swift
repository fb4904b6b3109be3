import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Logs one structured line per request with swift-log: method, path, status, duration and size,
/// under the request id Hummingbird assigns (`hb.request.id`), which the response carries as
/// `X-Request-ID`.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
  let level: Logger.Level

  init(level: Logger.Level = .info) { self.level = level }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let start = ContinuousClock.now
    do {
      var response = try await next(request, context)
      response.headers[.xRequestID] = context.id
      log(request, context: context, status: response.status.code, bytes: response.body.contentLength, since: start)
      return response
    } catch {
      log(request, context: context, status: 500, bytes: nil, since: start)
      throw error
    }
  }

  private func log(_ request: Request, context: Context, status: Int, bytes: Int?, since start: ContinuousClock.Instant)
  {
    let elapsed = ContinuousClock.now - start
    let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
    var metadata: Logger.Metadata = [
      "method": .string(request.method.rawValue),
      "path": .string(String(request.uri.path.prefix(256))),
      "status": .stringConvertible(status),
      "duration_ms": .string(String(format: "%.3f", Double(microseconds) / 1000)),
    ]
    if let query = request.uri.query, !query.isEmpty { metadata["query"] = .string(String(query.prefix(256))) }
    if let bytes { metadata["bytes"] = .stringConvertible(bytes) }
    context.logger.log(level: status >= 500 ? .error : level, "request", metadata: metadata)
  }
}
