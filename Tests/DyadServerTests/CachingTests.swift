import DyadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DyadServer

/// Validators and caching: strong ETags, 304 for a matching If-None-Match, Cache-Control, and the
/// server's response cache following the store file.
@Suite("Caching")
struct CachingTests {
  @Test("a matching If-None-Match gets 304 without a body; a different tag gets the body")
  func conditionalRequests() async throws {
    try await ServerFixture.live { client in
      let path = "/api/v1/dyads/CHN/RUS/facts?dimension=military"
      let first = try await client.execute(uri: path, method: .get)
      let tag = try #require(first.headers[.eTag])
      #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"))
      #expect(first.headers[.cacheControl] == "public, max-age=300")
      #expect(first.headers[.vary] == "Accept")
      for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
        let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: header])
        #expect(again.status == .notModified, "\(header)")
        #expect(again.body.readableBytes == 0)
        #expect(again.headers[.eTag] == tag)
        #expect(again.headers[.cacheControl] == "public, max-age=300")
      }
      let stale = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"stale\""])
      #expect(stale.status == .ok)
      #expect(stale.text == first.text)
    }
  }

  @Test("the tag follows the body: equal bodies, equal tags; different bodies, different tags")
  func tagsFollowBodies() async throws {
    try await ServerFixture.live(cache: 0) { client in
      let a = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/events?from=2000", method: .get)
      let b = try await client.execute(uri: "/api/v1/dyads/RUS/CHN/events?from=2000", method: .get)
      let c = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/events?from=2001", method: .get)
      let again = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/events?from=2000", method: .get)
      #expect(a.headers[.eTag] == again.headers[.eTag])
      #expect(a.headers[.eTag] == EntityTag.strong(for: Array(a.text.utf8)))
      #expect(a.headers[.eTag] != b.headers[.eTag])  // the states come in the order asked
      #expect(a.headers[.eTag] != c.headers[.eTag])
      let csv = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/events.csv?from=2000", method: .get)
      #expect(csv.headers[.eTag] != a.headers[.eTag])
    }
  }

  @Test("health checks and errors are never stored")
  func noStore() async throws {
    try await ServerFixture.live { client in
      let health = try await client.execute(uri: "/healthz", method: .get)
      #expect(health.status == .ok)
      #expect(health.headers[.cacheControl] == "no-store")
      #expect(try health.json["status"] as? String == "ok")
      let openAPI = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
      #expect(openAPI.headers[.cacheControl] == "public, max-age=3600")
    }
  }

  @Test("the response cache answers repeats once, drops everything when the store changes, and stays bounded")
  func responseCache() async throws {
    let cache = ResponseCache(capacity: 3, byteLimit: 1 << 20)
    let calls = Counter()
    let one = StoreGeneration(parts: [1]), two = StoreGeneration(parts: [2])
    func get(_ key: String, _ generation: StoreGeneration) async throws -> String {
      let payload = try await cache.payload(for: key, generation: generation) {
        await calls.increment()
        return Payload("\(key)@\(generation.parts[0])", format: .json)
      }
      return String(buffer: payload.body)
    }
    #expect(try await get("a", one) == "a@1")
    #expect(try await get("a", one) == "a@1")
    #expect(await calls.value == 1)
    #expect(try await get("a", two) == "a@2")
    #expect(await calls.value == 2)
    for key in ["b", "c", "d", "e"] { _ = try await get(key, two) }
    #expect(await cache.count == 3)
    // Concurrent requests for one key share one computation.
    let before = await calls.value
    try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<16 { group.addTask { try await get("shared", two) } }
      for try await value in group { #expect(value == "shared@2") }
    }
    #expect(await calls.value == before + 1)
  }

  @Test("the store's generation changes when the file changes")
  func generation() throws {
    let folder = try TemporaryFolder("dyad-generation")
    let path = folder.path("store.sqlite")
    try Data("one".utf8).write(to: URL(fileURLWithPath: path))
    let first = StoreGeneration.of(path: path)
    #expect(first == StoreGeneration.of(path: path))
    try Data("two, longer".utf8).write(to: URL(fileURLWithPath: path))
    #expect(first != StoreGeneration.of(path: path))
  }
}

actor Counter {
  var value = 0
  func increment() { value += 1 }
}
