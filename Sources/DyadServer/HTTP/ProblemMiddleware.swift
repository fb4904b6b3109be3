import DyadAnswers
import DyadCore
import DyadStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Answers every error as an RFC 9457 problem document (`application/problem+json`), or as an
/// HTML page carrying the same problem when a browser asks for a page; answers redirects.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
  let routes: RouteTable

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch let redirect as Redirect {
      return Response(
        status: redirect.permanent ? .permanentRedirect : .seeOther,
        headers: [
          .location: redirect.location, .cacheControl: redirect.permanent ? CachePolicy.data.header : "no-store",
        ])
    } catch {
      let problem = problem(for: error, request: request, context: context)
      return Self.response(for: problem, request: request)
    }
  }

  /// The problem an error stands for.
  func problem(for error: any Error, request: Request, context: Context) -> Problem {
    switch error {
    case let problem as Problem:
      return problem
    case let error as HTTPError where error.status == .notFound:
      return .notFound(String(request.uri.path.prefix(200)))
    case let error as any HTTPResponseError:
      return Problem(
        error.status, kind: "http-\(error.status.code)", title: error.status.reasonPhrase,
        detail: "the request could not be answered (\(error.status.reasonPhrase.lowercased()))")
    case let error as AmbiguousStateError:
      return .ambiguousState(error, parameter: "a")
    case let error as StatehoodError:
      return .stateDidNotExist(error)
    case let error as DatasetNotImportedError:
      return .datasetNotImported(error)
    case let error as StoreError:
      context.logger.error("store error", metadata: ["error": .string(error.description)])
      return .storeUnavailable("the store could not be read; the server's log has the details")
    default:
      context.logger.error("unexpected error", metadata: ["error": .string(String(describing: error))])
      return .internalError(requestID: context.id)
    }
  }

  /// The response for a problem: HTML for a browser asking for a page, else problem+json.
  static func response(for problem: Problem, request: Request) -> Response {
    var headers = problem.headers
    headers[.cacheControl] = CachePolicy.noStore.header
    headers[.xContentTypeOptions] = "nosniff"
    let instance = String(request.uri.path.prefix(200))
    let body: Data
    if !request.uri.path.hasPrefix("/api/"), ContentNegotiation.prefersHTML(request.headers[.accept]) {
      headers[.contentType] = Format.html.contentType
      body = Data(ErrorPage(problem: problem, instance: instance).render().utf8)
    } else {
      headers[.contentType] = "application/problem+json"
      body = problem.json(instance: instance)
    }
    if request.method == .head {
      headers[.contentLength] = String(body.count)
      return Response(status: problem.status, headers: headers)
    }
    return Response(status: problem.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
