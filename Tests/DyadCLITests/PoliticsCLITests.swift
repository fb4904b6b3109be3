import DyadTestSupport
import Foundation
import Testing

/// `dyad import politics` and `dyad politics`, end to end through the built binary.
@Suite(
  "Politics CLI", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct PoliticsCLITests {
  static let imported: Result<(TemporaryFolder, String), any Error> = Result {
    let folder = try TemporaryFolder("dyad-politics-cli")
    let store = folder.path("store.sqlite")
    let result = try DyadBinary.run(["import", "politics", SharedData.folder("politics-demography").path], store: store)
    guard result.status == 0 else { throw CLIFailure(message: result.stderr) }
    return (folder, store)
  }

  struct CLIFailure: Error { let message: String }

  static func store() async throws -> String { try await offThePool { try imported.get().1 } }

  @Test("dyad politics China Russia: V-Dem 2023 with intervals, n/a after the data, working age; --json; --csv oriented")
  func chinaRussia() async throws {
    let store = try await Self.store()
    let text = try DyadBinary.run(["politics", "China", "Russia", "--from", "2019", "--to", "2026"], store: store)
    #expect(text.status == 0, "\(text.stderr)")
    let lines = text.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(lines.first?.prefix(4) == ["YEAR", "POLYARCHY CHN", "REGIME CHN", "FH CHN"])
    #expect(lines.count == 1 + 8)
    let y2023 = try #require(lines.first { $0.first == "2023" })
    #expect(y2023[1] == "0.074 [0.069–0.077]" && y2023[2] == "autocracy" && y2023[3] == "NF 13")
    #expect(y2023[4] == "0.190 [0.172–0.204]" && y2023[7] == "0.116")
    let y2025 = try #require(lines.first { $0.first == "2025" })
    #expect(y2025[1] == "0.072 (v16)" && y2025[3] == "n/a")
    let y2026 = try #require(lines.first { $0.first == "2026" })
    #expect(y2026[1] == "n/a" && y2026[7] == "n/a")
    let y2020 = try #require(lines.first { $0.first == "2020" })
    #expect(y2020[10] == "990M" && y2020[11] == "97.9M")

    let json = try DyadBinary.run(["politics", "China", "Russia", "--json"], store: store)
    #expect(json.status == 0, "\(json.stderr)")
    let payload = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let sides = try #require(payload["sides"] as? [[String: Any]])
    #expect(sides.map { $0["state"] as? String } == ["CHN", "RUS"])
    // Xi came to power on 2012-11-15 as REIGN codes the effective leader, Putin on 2000-01-01.
    #expect((sides[0]["current"] as? [String: Any])?["since"] as? String == "2012-11-15")
    #expect((sides[1]["current"] as? [String: Any])?["since"] as? String == "2000-01-01")

    let csv = try DyadBinary.run(["politics", "Russia", "China", "--from", "2020", "--to", "2020", "--csv"], store: store)
    let csvLines = csv.stdout.components(separatedBy: "\r\n")
    #expect(csvLines[0].hasPrefix("year,state_a,state_b,polyarchy_a,polyarchy_a_low,polyarchy_a_high"))
    // Oriented as asked: A is Russia. WPP's 2020 working age, rounded to thousands: 97,863.
    let fields = csvLines[1].components(separatedBy: ",")
    #expect(fields[0...3] == ["2020", "RUS", "CHN", "0.256"])
    #expect(fields.contains("97863") && fields.contains("989717"))
  }

  @Test("dyad politics on a store without the data: a note on stderr, every measure n/a")
  func notImported() async throws {
    let folder = try TemporaryFolder("dyad-politics-cli-empty")
    let result = try await offThePool {
      try DyadBinary.run(["politics", "China", "Russia", "--from", "2000", "--to", "2001"], store: folder.path("store.sqlite"))
    }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("note: politics is not in the store") && result.stderr.contains("dyad import politics PATH"))
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3 && lines.dropFirst().allSatisfy { $0.split(separator: "\t")[1] == "n/a" })
  }
}
