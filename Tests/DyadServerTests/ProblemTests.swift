import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DyadServer

/// Bad input: each answered with the right status and an RFC 9457 problem document.
@Suite("Problem documents")
struct ProblemTests {
  struct Case: Sendable, CustomStringConvertible {
    let path: String
    var method: HTTPRequest.Method = .get
    var headers: HTTPFields = [:]
    let status: HTTPResponse.Status
    let kind: String
    var description: String { "\(method) \(path.count > 90 ? path.prefix(90) + "…" : path)" }
  }

  static let longQuery = String(repeating: "x", count: 3000)

  static let cases: [Case] = [
    Case(path: "/api/v1/dyads/Rusia/China/events", status: .notFound, kind: "unknown-state"),
    Case(path: "/api/v1/states/Atlantis", status: .notFound, kind: "unknown-state"),
    Case(path: "/api/v1/dyads/CHN/CHN/facts", status: .badRequest, kind: "same-state"),
    Case(path: "/api/v1/dyads/CHN/RUS/events?from=abc", status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/events?from=2010&to=2000", status: .badRequest, kind: "bad-range"),
    Case(path: "/api/v1/dyads/CHN/RUS/events?from=1492", status: .badRequest, kind: "bad-range"),
    Case(path: "/api/v1/dyads/CHN/RUS/verdict?year=99999", status: .badRequest, kind: "bad-range"),
    Case(path: "/api/v1/dyads/CHN/RUS/verdict?year=1e3", status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/events?from=2000&from=2001", status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/events?kind=picnic", status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/events?colour=red", status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/facts?dimension=%ZZ", status: .badRequest, kind: "malformed-query"),
    Case(path: "/api/v1/dyads/CHN/RUS/facts?dimension=%C3%28", status: .badRequest, kind: "malformed-query"),
    Case(
      path: "/api/v1/states?" + (1...30).map { "q\($0)=1" }.joined(separator: "&"), status: .badRequest,
      kind: "malformed-query"),
    Case(path: "/api/v1/states?q=" + String(repeating: "a", count: 300), status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/states?q=" + longQuery, status: .uriTooLong, kind: "uri-too-long"),
    Case(path: "/api/v1/dyads/..%2F..%2Fetc/passwd/events", status: .badRequest, kind: "bad-path"),
    Case(path: "/api/v1/dyads/CHN/../../../etc/passwd", status: .badRequest, kind: "bad-path"),
    Case(path: "/api/v1/%2e%2e/%2e%2e/etc/passwd", status: .badRequest, kind: "bad-path"),
    Case(path: "/dyads/CHN/RUS%00/report.md", status: .badRequest, kind: "bad-path"),
    Case(path: "/etc/passwd", status: .notFound, kind: "not-found"),
    Case(path: "/api/v1/dyads/CHN/RUS/report?compare=USA/Atlantis", status: .notFound, kind: "unknown-state"),
    Case(path: "/api/v1/dyads/CHN/RUS/report?compare=USA", status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/report?compare=USA/United+States", status: .badRequest, kind: "same-state"),
    Case(
      path: "/api/v1/dyads/CHN/RUS/report?" + (1...5).map { _ in "compare=USA/GBR" }.joined(separator: "&"),
      status: .badRequest, kind: "bad-parameter"),
    Case(path: "/api/v1/dyads/CHN/RUS/events", method: .post, status: .methodNotAllowed, kind: "method-not-allowed"),
    Case(path: "/api/v1/openapi.json", method: .delete, status: .methodNotAllowed, kind: "method-not-allowed"),
    Case(path: "/dyads/CHN/RUS", method: .put, status: .methodNotAllowed, kind: "method-not-allowed"),
    Case(
      path: "/api/v1/dyads/CHN/RUS/events", headers: [.accept: "image/png"], status: .notAcceptable,
      kind: "not-acceptable"),
    Case(
      path: "/api/v1/dyads/CHN/RUS/verdict", headers: [.accept: "text/csv;q=0, application/json;q=0"],
      status: .notAcceptable, kind: "not-acceptable"),
    Case(path: "/api/v1/openapi.json", headers: [.accept: "text/csv"], status: .notAcceptable, kind: "not-acceptable"),
    Case(path: "/sources", headers: [.accept: "application/json"], status: .notAcceptable, kind: "not-acceptable"),
  ]

  @Test("bad requests get problem documents")
  func problems() async throws {
    try await ServerFixture.live { client in
      for item in Self.cases {
        try await Self.check(item, client)
      }
    }
  }

  static func check(_ item: Case, _ client: any TestClientProtocol) async throws {
    do {
      let response = try await client.execute(uri: item.path, method: item.method, headers: item.headers)
      #expect(response.status == item.status, "\(item): \(response.text.prefix(300))")
      #expect(response.headers[.contentType] == "application/problem+json", "\(item)")
      #expect(response.headers[.cacheControl] == "no-store", "\(item)")
      let problem = try response.json
      #expect(problem["type"] as? String == Problem.typeBase + item.kind, "\(item)")
      #expect(problem["status"] as? Int == item.status.code, "\(item)")
      #expect((problem["title"] as? String)?.isEmpty == false)
      #expect((problem["detail"] as? String)?.isEmpty == false)
      #expect(problem["instance"] as? String != nil)
      if item.status == .methodNotAllowed { #expect(response.headers[.allow] == "GET, HEAD") }
    }
  }

  @Test("an unknown state's problem suggests the names meant")
  func suggestions() async throws {
    try await ServerFixture.live { client in
      let response = try await client.execute(uri: "/api/v1/dyads/China/Rusia/facts", method: .get)
      let problem = try response.json
      #expect((problem["suggestions"] as? [String])?.contains("Russia (RUS)") == true)
      #expect(problem["parameter"] as? String == "b")
    }
  }

  @Test("a name that means several states is a 400 listing the candidates; a date makes it one")
  func ambiguousState() async throws {
    try await ServerFixture.live { client in
      // North Korea (COW 731) and South Korea (COW 732) both exist today.
      let response = try await client.execute(uri: "/api/v1/dyads/Korea/Russia/verdict", method: .get)
      #expect(response.status == .badRequest)
      let problem = try response.json
      #expect(problem["type"] as? String == Problem.typeBase + "ambiguous-state")
      #expect(problem["parameter"] as? String == "a")
      let candidates = problem["candidates"] as? [[String: Any]] ?? []
      #expect(candidates.map { $0["id"] as? String } == ["PRK", "KOR"])
      #expect(candidates.map { $0["cow"] as? String } == ["731", "732"])
      #expect(candidates.first?["years"] as? String == "1948–")
      // In 1900 Korea is Joseon Korea (COW 730, 1887–1905).
      let joseon = try await client.execute(uri: "/api/v1/dyads/Korea/Russia/verdict?year=1900", method: .get)
      #expect(joseon.status == .ok, "\(joseon.text.prefix(300))")
      // West Germany (COW 260) existed 1955-05-05 – 1990-10-02.
      let gone = try await client.execute(uri: "/api/v1/dyads/FRG/GDR/events?from=2000&to=2010", method: .get)
      #expect(gone.status == .badRequest)
      #expect(try gone.json["type"] as? String == Problem.typeBase + "state-did-not-exist")
      #expect((try gone.json["detail"] as? String)?.contains("1955-05-05 – 1990-10-02") == true)
    }
  }

  @Test("a browser asking for a missing page gets the problem as a page")
  func browserErrorPage() async throws {
    try await ServerFixture.live { client in
      let response = try await client.execute(
        uri: "/dyads/Atlantis/RUS", method: .get, headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"])
      #expect(response.status == .notFound)
      #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
      #expect(response.text.contains("Unknown state"))
      #expect(response.text.contains("Atlantis"))
    }
  }

  @Test("OPTIONS lists the methods; a method on no route is 404")
  func options() async throws {
    try await ServerFixture.live { client in
      let options = try await client.execute(uri: "/api/v1/states", method: .options)
      #expect(options.status == .noContent)
      #expect(options.headers[.allow] == "GET, HEAD, OPTIONS")
      let missing = try await client.execute(uri: "/nowhere", method: .post)
      #expect(missing.status == .notFound)
    }
  }

  @Test(
    "path checks",
    arguments: [
      ("/api/v1/states", true), ("/dyads/CHN/RUS", true), ("/api/v1/states/C%C3%B4te%20d%27Ivoire", true),
      ("/a/../b", false), ("/a/./b", false), ("/a/%2E%2E/b", false), ("/a/%2f/b", false), ("/a/b%5Cc", false),
      ("/a/%00", false), ("/a/%G0", false), ("/a/b%0A", false),
    ])
  func pathChecks(_ path: String, _ allowed: Bool) {
    let passed = (try? RequestGuardMiddleware<BasicRequestContext>.checkPath(path)) != nil
    #expect(passed == allowed, "\(path)")
  }
}
