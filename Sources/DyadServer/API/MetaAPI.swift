import DyadStore
import Foundation

/// The service routes: the API index, the OpenAPI document and the health check.
enum MetaAPI {
  static func index(_ request: RouteRequest) throws -> Payload {
    var links: [String: String] = [:]
    for route in RouteTable.standard.routes where route.path.hasPrefix("/api/v1/") || route.path == "/healthz" {
      links[route.id] = route.path
    }
    return try request.respond(json: ["links": links])
  }

  static let openAPIData: Data = (try? OpenAPIDocument.data()) ?? Data("{}".utf8)

  static func openAPI(_ request: RouteRequest) throws -> Payload {
    Payload(openAPIData, format: .json)
  }

  struct Health: Encodable, Sendable {
    let status: String
    let datasets: Int
    let cachedResponses: Int
  }

  /// `ok` when the store answers a query; 503 with a problem when it does not.
  static func health(_ request: RouteRequest) async throws -> Payload {
    let datasets: Int
    do {
      datasets = try await request.server.store.read { try $0.datasets().count }
    } catch {
      request.server.logger.error("health check failed", metadata: ["error": .string(String(describing: error))])
      throw Problem.storeUnavailable("the store does not answer a query; the server's log has the details")
    }
    let cached = await request.server.cache.count
    return try request.respond(json: Health(status: "ok", datasets: datasets, cachedResponses: cached))
  }
}
