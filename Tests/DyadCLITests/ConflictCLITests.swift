import DyadTestSupport
import Foundation
import Testing

/// `dyad import conflict` and `dyad conflict`, end to end through the built binary.
@Suite(
  "Conflict CLI", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ConflictCLITests {
  /// A store with the conflict tables imported as a user would, built once for the suite.
  static let imported: Result<(TemporaryFolder, String), any Error> = Result {
    let folder = try TemporaryFolder("dyad-conflict-cli")
    let store = folder.path("store.sqlite")
    let result = try DyadBinary.run(["import", "conflict", SharedData.folder("conflict-rivalry").path], store: store)
    guard result.status == 0 else { throw CLIFailure(message: result.stderr) }
    return (folder, store)
  }

  struct CLIFailure: Error { let message: String }

  static func store() async throws -> String { try await offThePool { try imported.get().1 } }

  @Test("dyad conflict China Russia: the 1969 clashes in both MID datasets, n/c after each dataset's end; --json")
  func chinaRussia() async throws {
    let store = try await Self.store()
    // Piped, the table is tab-separated with a header line.
    let text = try DyadBinary.run(["conflict", "China", "Russia", "--from", "1968", "--to", "2016"], store: store)
    #expect(text.status == 0, "\(text.stderr)")
    let lines = text.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(lines.first?.first == "YEAR" && lines.first?.contains("FATALITY CHN/RUS") == true)
    #expect(lines.count == 1 + 49)
    let y1969 = try #require(lines.first { $0.first == "1969" })
    // COW: dispute 349 began, use of force, China's fatality level 3 and Russia's 2, China initiated.
    #expect(y1969[1].hasPrefix("349") && y1969[2] == "4 use of force" && y1969[3] == "3/2" && y1969[4] == "CHN")
    #expect(y1969[5].hasPrefix("349") && y1969[7] == "2/2")
    #expect(y1969[9].contains("China-USSR") && y1969[11].contains("opposed: 305") && y1969[12] == "land")
    let y2015 = try #require(lines.first { $0.first == "2015" })
    #expect(y2015[1] == "n/c" && y2015[5] == "n/c" && y2015[8] == "n/c" && y2015[9] == "none")

    let json = try DyadBinary.run(["conflict", "China", "Russia", "--json"], store: store)
    #expect(json.status == 0, "\(json.stderr)")
    let payload = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let summary = try #require(payload["summary"] as? [String: Any])
    #expect(summary["cowMIDOnsets"] as? Int == 45 && summary["gmlMIDOnsets"] as? Int == 41)
    #expect(summary["lastCOWMID"] as? Int == 2012)
    let km = try #require(summary["capitalDistanceKm"] as? Double)
    #expect(abs(km - 5776.447) < 0.01)
    let rows = try #require(payload["rows"] as? [[String: Any]])
    #expect(rows.first?["year"] as? Int == 1816)
    // After 2014 COW MIDs are unknown: no cowMID, not an empty one.
    let y2020 = try #require(rows.first { $0["year"] as? Int == 2020 })
    #expect(y2020["cowMID"] == nil && y2020["oppositeSideConflicts"] as? [Int] == [])

    let csv = try DyadBinary.run(["conflict", "Russia", "China", "--from", "1969", "--to", "1969", "--csv"], store: store)
    let csvLines = csv.stdout.components(separatedBy: "\r\n")
    #expect(csvLines[0].hasPrefix("year,state_a,state_b,cow_mids,cow_mid_onsets"))
    // Oriented as asked: A is Russia (fatality 2), B China (3).
    #expect(csvLines[1].hasPrefix("1969,RUS,CHN,1,1,349,4,2,3,CHN,"))
  }

  @Test("dyad conflict on a store without the conflict data says so on stderr; the piped table marks every year n/c")
  func notImported() async throws {
    let folder = try TemporaryFolder("dyad-conflict-cli-empty")
    let result = try await offThePool {
      try DyadBinary.run(["conflict", "China", "Russia", "--from", "2000", "--to", "2001"], store: folder.path("store.sqlite"))
    }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("note: conflict is not in the store") && result.stderr.contains("dyad import conflict PATH"))
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3 && lines.dropFirst().allSatisfy { $0.split(separator: "\t")[1] == "n/c" })
  }
}
