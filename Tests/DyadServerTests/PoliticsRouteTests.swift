import DyadCore
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DyadServer

/// `/api/v1/dyads/{a}/{b}/politics` on a store with the politics data, and on one without.
@Suite(
  "Politics route", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct PoliticsRouteTests {
  static let folder = try! TemporaryFolder("dyad-server-politics")

  static func store() async throws -> Store {
    try await offThePool {
      let path = folder.path("dyad.sqlite")
      if !FileManager.default.fileExists(atPath: path) {
        let writable = try Store.open(at: path)
        let importer = PoliticsImporter()
        _ = try writable.importDataset(
          importer, files: try importer.inputFiles(at: SharedData.folder("politics-demography")))
      }
      return try Store.open(at: path, readOnly: true)
    }
  }

  @Test("JSON and CSV of China–Russia in 2023: V-Dem with intervals, both autocracies; oriented CSV")
  func chinaRussia2023() async throws {
    let server = DyadServer(
      store: try await Self.store(),
      configuration: .init(host: "127.0.0.1", port: 0, cacheCapacity: 0, today: ServerFixture.today))
    try await server.makeApplication().test(.router) { client in
      let response = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/politics?from=2023&to=2023", method: .get)
      #expect(response.status == .ok)
      let data = try #require(try response.json["data"] as? [String: Any])
      let row = try #require((data["rows"] as? [[String: Any]])?.first)
      let sides = try #require(row["sides"] as? [[String: Any]])
      #expect((sides[0]["polyarchy"] as? [String: Any])?["value"] as? Double == 0.074)
      #expect((sides[1]["polyarchy"] as? [String: Any])?["low"] as? Double == 0.172)
      #expect(row["pairing"] as? String == "both autocracies")
      let csv = try await client.execute(uri: "/api/v1/dyads/RUS/CHN/politics.csv?from=2023&to=2023", method: .get)
      #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
      let records = parseCSV(csv.text)
      #expect(records.count == 2 && records[1][1] == "RUS" && records[1][3] == "0.190" && records[1][4] == "0.172")
    }
  }

  @Test("a store without the politics data answers with unknown years and a note, not an error")
  func notImported() async throws {
    try await ServerFixture.server(cache: 0).makeApplication().test(.router) { client in
      let response = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/politics?from=2000&to=2001", method: .get)
      #expect(response.status == .ok)
      let notes = try #require(try response.json["notes"] as? [String])
      #expect(notes.contains { $0.contains("dyad import politics") })
    }
  }
}
