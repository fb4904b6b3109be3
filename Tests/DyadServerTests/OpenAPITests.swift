import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DyadServer

/// The OpenAPI document against the server: every documented route answers, and every route the
/// router serves is documented.
@Suite("OpenAPI document")
struct OpenAPITests {
  /// The document as the server serves it.
  static func document(_ client: any TestClientProtocol) async throws -> [String: Any] {
    let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
    #expect(response.status == .ok)
    return try response.json
  }

  @Test("the document is OpenAPI 3.1 with unique operation ids and declared path parameters")
  func shape() async throws {
    try await ServerFixture.live { client in
      let document = try await Self.document(client)
      #expect(document["openapi"] as? String == "3.1.0")
      let paths = try #require(document["paths"] as? [String: [String: Any]])
      var operationIDs: [String] = []
      for (path, item) in paths {
        #expect(Set(item.keys) == ["get"], "\(path)")
        let operation = try #require(item["get"] as? [String: Any])
        operationIDs.append(try #require(operation["operationId"] as? String))
        let parameters = operation["parameters"] as? [[String: Any]] ?? []
        let declared = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
        let placeholders = Set(
          path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().prefix { $0 != "}" }) })
        #expect(declared == placeholders, "\(path)")
        let responses = try #require(operation["responses"] as? [String: Any])
        #expect(responses["200"] != nil && responses["405"] != nil, "\(path)")
      }
      #expect(Set(operationIDs).count == operationIDs.count)
      let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
      #expect(schemas["Problem"] != nil)
    }
  }

  @Test("every documented route answers, in every documented media type")
  func documentedRoutesAnswer() async throws {
    try await ServerFixture.live { client in
      let paths = try #require(try await Self.document(client)["paths"] as? [String: [String: Any]])
      #expect(paths.count >= 20)
      for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
        let operation = try #require(item["get"] as? [String: Any])
        let ok = try #require((operation["responses"] as? [String: Any])?["200"] as? [String: Any])
        let content = try #require(ok["content"] as? [String: Any])
        for mediaType in content.keys {
          let format = try #require(Format.allCases.first { $0.mediaType == mediaType }, "\(mediaType)")
          let path = ServerFixture.example(template)
          let response = try await client.execute(uri: path, method: .get, headers: [.accept: mediaType])
          try RouteTests.expectAnswer(response, format: format, path: "\(path) as \(mediaType)")
        }
      }
    }
  }

  @Test("every route the router serves is documented, and nothing else answers")
  func routesAreDocumented() async throws {
    try await ServerFixture.live { client in
      let paths = try #require(try await Self.document(client)["paths"] as? [String: Any])
      let registered = RouteTable.standard.routes.flatMap { $0.allPaths.map(\.path) }
      #expect(Set(registered) == Set(paths.keys))
      #expect(registered.count == Set(registered).count, "a path is registered twice")
      // The router answers only the table's paths: near misses are 404 problems.
      for path in [
        "/api/v1/dyads/CHN/RUS/unknown", "/api/v1/dyads/CHN", "/api/v2/states", "/api/v1/states.json",
        "/api/v1/dyads/CHN/RUS/events.xml", "/dyads/CHN/RUS/report.pdf", "/static/style.css",
      ] {
        let response = try await client.execute(uri: path, method: .get)
        #expect(response.status == .notFound, "\(path)")
        #expect(response.headers[.contentType] == "application/problem+json", "\(path)")
      }
    }
  }

  @Test("the served document is the one built from the route table")
  func servedDocumentIsBuiltFromTheTable() async throws {
    let built = try OpenAPIDocument.data()
    try await ServerFixture.live { client in
      let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
      #expect(Data(response.text.utf8) == built)
    }
  }
}
