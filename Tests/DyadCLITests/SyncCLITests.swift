import DyadTestSupport
import Foundation
import Testing

/// `dyad sync` as a user runs it: from a loopback mirror, piped or with --json.
@Suite(
  "CLI sync", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct SyncCLITests {
  let folder = try! TemporaryFolder("dyad-cli-sync")
  var store: String { folder.path("store.sqlite") }
  let server = try! MirrorServer(datasets: ["unsc-vetoes": SharedData.folder("unsc-vetoes")])

  @Test("piped, sync prints a line per file on stderr and a result per dataset on stdout")
  func piped() throws {
    let result = try DyadBinary.run(["sync", "unsc-vetoes", "--mirror", server.baseURL], store: store)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("unsc-vetoes: imported "), "\(result.stdout)")
    #expect(result.stdout.contains("covering 1946–2022") && result.stdout.contains("from \(server.baseURL)"))
    #expect(result.stderr.contains("unsc-vetoes/unsc_vetoes_1946_sept2022.csv: 33.8 kB in "), "\(result.stderr)")
    #expect(!result.stderr.contains("\r"))  // no progress bar when piped

    // Again, through $DYAD_MIRROR: nothing changed.
    let again = try DyadBinary.run(["sync", "unsc-vetoes"], store: store, environment: ["DYAD_MIRROR": server.baseURL])
    #expect(again.status == 0)
    #expect(again.stdout == "unsc-vetoes: unchanged; the server says no file changed since the last sync.\n")

    // dyad datasets shows the release, its last year and where it came from.
    let datasets = try DyadBinary.run(["datasets", "--json"], store: store)
    let list = try JSONSerialization.jsonObject(with: Data(datasets.stdout.utf8)) as! [[String: Any]]
    let vetoes = try #require(list.first { $0["name"] as? String == "unsc-vetoes" })
    let imported = try #require(vetoes["imported"] as? [String: Any])
    #expect(imported["lastYear"] as? Int == 2022)
    #expect(imported["retrievedFrom"] as? String == server.baseURL)
    let downloads = try #require(vetoes["downloads"] as? [[String: Any]])
    #expect(
      (downloads.first?["url"] as? String)?.hasPrefix("https://raw.githubusercontent.com/world-politics-datalab/")
        == true)
  }

  @Test("--json prints one event per line and a result per dataset; a failure exits 1")
  func json() throws {
    let result = try DyadBinary.run(
      ["sync", "unsc-vetoes", "unga-ideal-points", "--mirror", server.baseURL, "--json"], store: store)
    #expect(result.status == 1)
    let events = try result.stdout.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    #expect(events.first?["event"] as? String == "dataset_started")
    #expect(events.contains { $0["event"] as? String == "file_finished" && $0["bytes"] as? Int == 33_832 })
    let finished = events.filter { $0["event"] as? String == "dataset_finished" }
    #expect(finished.map { $0["outcome"] as? String } == ["imported", "failed"])
    let error = try #require(finished.last?["error"] as? [String: Any])
    #expect(error["kind"] as? String == "http")
    #expect(error["url"] as? String == "\(server.baseURL)/unga-ideal-points/IdealpointestimatesAll_Jun2024.csv")
  }

  @Test("on a terminal, sync draws a progress bar with bytes, rate and time left")
  func progressBar() throws {
    server.inject(.slow(chunk: 2_000, delay: .milliseconds(60)), at: "/unsc-vetoes/unsc_vetoes_1946_sept2022.csv")
    // script(1) gives the command a terminal; its output is what the terminal showed.
    let command = [DyadBinary.url.path, "sync", "unsc-vetoes", "--mirror", server.baseURL, "--store", store]
      .map { "'\($0)'" }.joined(separator: " ")
    let result = try DyadBinary.runTool("/usr/bin/script", ["-qefc", command, "/dev/null"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("unsc-vetoes/unsc_vetoes_1946_sept2022.csv ["), "\(result.stdout)")
    #expect(
      result.stdout.contains(" of 33.8 kB, ") && result.stdout.contains("/s, ") && result.stdout.contains(" left"))
    #expect(result.stdout.contains("unsc-vetoes: imported "))
  }

  @Test("--release reads an earlier release in place of the newest, and names the ones there are")
  func release() throws {
    let first = try DyadBinary.run(["sync", "unsc-vetoes", "--mirror", server.baseURL], store: store)
    #expect(first.status == 0, "\(first.stderr)")
    // The publisher revises the list: a newer release without its last row.
    // (Bytes, not Characters: Swift counts "\r\n" as one character, and the file has both line ends.)
    let original = Array(try Data(contentsOf: SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv")))
    let body = original.last == 0x0A ? original.dropLast() : original[...]
    let revised = Array(body[...body.lastIndex(of: 0x0A)!])
    server.replace(
      "/unsc-vetoes/unsc_vetoes_1946_sept2022.csv", with: revised,
      lastModified: Date(timeIntervalSince1970: 1_900_000_000))
    let second = try DyadBinary.run(["sync", "unsc-vetoes", "--mirror", server.baseURL], store: store)
    #expect(second.status == 0, "\(second.stdout) \(second.stderr)")

    let datasets = try DyadBinary.run(["datasets", "--json"], store: store)
    let list = try JSONSerialization.jsonObject(with: Data(datasets.stdout.utf8)) as! [[String: Any]]
    let imported = try #require(list.first { $0["name"] as? String == "unsc-vetoes" }?["imported"] as? [String: Any])
    #expect(imported["release"] as? String == "1946 – Sep 2022")
    let earlier = try #require(imported["earlierReleases"] as? [[String: Any]])
    #expect(earlier.count == 1)
    let newestRows = try #require(imported["rowCount"] as? Int)
    #expect(earlier.first?["rowCount"] as? Int ?? 0 > newestRows)

    // The older release, by its id.
    let stamp = try #require(earlier.first?["id"] as? String)
    let old = try DyadBinary.run(["datasets", "--json", "--release", "unsc-vetoes=\(stamp)"], store: store)
    #expect(old.status == 0, "\(old.stderr)")
    let oldList = try JSONSerialization.jsonObject(with: Data(old.stdout.utf8)) as! [[String: Any]]
    let oldImported = try #require(
      oldList.first { $0["name"] as? String == "unsc-vetoes" }?["imported"] as? [String: Any])
    #expect(oldImported["rowCount"] as? Int == earlier.first?["rowCount"] as? Int)

    let unknown = try DyadBinary.run(["vetoes", "China", "Russia", "--release", "unsc-vetoes=1999"], store: store)
    #expect(
      unknown.status != 0
        && unknown.stderr.contains("no such release of unsc-vetoes; the store has 1946 – Sep 2022 (newest)"),
      "\(unknown.stderr)")
    let refused = try DyadBinary.run(["sync", "unsc-vetoes", "--release", "unsc-vetoes=\(stamp)"], store: store)
    #expect(refused.status != 0 && refused.stderr.contains("a sync writes the store"))
  }

  @Test("an unknown dataset or a bad mirror address is refused before anything is fetched")
  func refusals() throws {
    let unknown = try DyadBinary.run(["sync", "nope", "--mirror", server.baseURL], store: store)
    #expect(
      unknown.status != 0 && unknown.stderr.contains("nope: no such dataset; Dyad knows unga-votes"),
      "\(unknown.stderr)")
    let address = try DyadBinary.run(["sync", "--mirror", "ftp://example.org"], store: store)
    #expect(address.status != 0 && address.stderr.contains("is not an http:// or https:// address"))
    #expect(server.requests.isEmpty)
  }
}
