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

/// `/api/v1/dyads/{a}/{b}/conflict` on a store with the conflict tables, and on one without.
@Suite(
  "Conflict route", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ConflictRouteTests {
  static let folder = try! TemporaryFolder("dyad-server-conflict")

  static func store() async throws -> Store {
    try await offThePool {
      let path = folder.path("dyad.sqlite")
      if !FileManager.default.fileExists(atPath: path) {
        let writable = try Store.open(at: path)
        let importer = ConflictImporter()
        _ = try writable.importDataset(
          importer, files: try importer.inputFiles(at: SharedData.folder("conflict-rivalry")))
      }
      return try Store.open(at: path, readOnly: true)
    }
  }

  @Test("JSON and CSV of China–Russia in 1969: dispute 349 in both MID datasets, conflict 305 on opposite sides")
  func chinaRussia1969() async throws {
    let server = DyadServer(
      store: try await Self.store(),
      configuration: .init(host: "127.0.0.1", port: 0, cacheCapacity: 0, today: ServerFixture.today))
    try await server.makeApplication().test(.router) { client in
      let response = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/conflict?from=1969&to=1969", method: .get)
      #expect(response.status == .ok)
      let data = try #require(try response.json["data"] as? [String: Any])
      let row = try #require((data["rows"] as? [[String: Any]])?.first)
      #expect((row["cowMID"] as? [String: Any])?["disputes"] as? [Int] == [349])
      #expect((row["gmlMID"] as? [String: Any])?["firstFatality"] as? Int == 2)
      #expect(row["oppositeSideConflicts"] as? [Int] == [305])
      let csv = try await client.execute(uri: "/api/v1/dyads/RUS/CHN/conflict.csv?from=1969&to=1969", method: .get)
      #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
      let records = parseCSV(csv.text)
      #expect(records.count == 2 && records[0][0] == "year" && records[1][1] == "RUS" && records[1][5] == "349")
      let unknown = try await client.execute(uri: "/api/v1/dyads/CHN/XXQ/conflict", method: .get)
      #expect(unknown.status == .notFound)
    }
  }

  @Test("a store without the conflict tables answers with unknown years and a note, not an error")
  func notImported() async throws {
    try await ServerFixture.server(cache: 0).makeApplication().test(.router) { client in
      let response = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/conflict?from=2000&to=2001", method: .get)
      #expect(response.status == .ok)
      let json = try response.json
      let notes = try #require(json["notes"] as? [String])
      #expect(notes.contains { $0.contains("dyad import conflict") })
      let rows = try #require((json["data"] as? [String: Any])?["rows"] as? [[String: Any]])
      #expect(rows.count == 2 && rows.allSatisfy { $0["cowMID"] == nil })
    }
  }
}
