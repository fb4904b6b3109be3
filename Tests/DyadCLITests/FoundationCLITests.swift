import DyadTestSupport
import Foundation
import Testing

/// The foundation commands, end to end through the built `dyad` binary.
@Suite("CLI foundation", .serialized)
struct FoundationCLITests {
  let folder = try! TemporaryFolder("dyad-cli")
  var store: String { folder.path("store.sqlite") }

  @Test("dyad timeline China Russia lists dated, sourced events, including the 2001 treaty and the 2022 statement")
  func timeline() throws {
    let result = try DyadBinary.run(["timeline", "China", "Russia"], store: store)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "DATE\tKIND\tEVENT\tPLACE\tSOURCE")
    #expect(lines.contains { $0.hasPrefix("2001-07-16\ttreaty\t") && $0.contains("http") })
    #expect(lines.contains { $0.hasPrefix("2022-02-04\tjoint-statement\t") && $0.contains("kremlin.ru") })
    // Every event line has a date and a source address.
    for line in lines.dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      #expect(fields.count == 5)
      #expect(fields[0].count >= 4 && fields[4].contains("<http"))
    }
  }

  @Test("timeline filters by years and kind, and writes JSON")
  func timelineFilters() throws {
    let result = try DyadBinary.run(
      ["timeline", "PRC", "Russian Federation", "--from", "2022", "--to", "2022", "--kind", "leader-meeting", "--json"],
      store: store)
    #expect(result.status == 0, "\(result.stderr)")
    // Changed deliberately: `--json` prints the events as the API's `data` holds them.
    let events = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
    #expect(!events.isEmpty)
    for event in events {
      #expect((event["date"] as! String).hasPrefix("2022-"))
      #expect(event["kind"] as! String == "leader-meeting")
      #expect(((event["source"] as! [String: Any])["url"] as! String).hasPrefix("http"))
    }
  }

  @Test("dyad states resolves the Soviet Union and COW 365 to Russia")
  func states() throws {
    for query in ["Soviet Union", "365"] {
      let result = try DyadBinary.run(["states", query], store: store)
      #expect(result.status == 0)
      #expect(result.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("RUS\tRussia\t") == true, "\(query): \(result.stdout)")
    }
  }

  @Test("an unknown state is one clear line with suggestions, a non-zero exit, and no store written")
  func unknownState() throws {
    let fresh = folder.path("untouched.sqlite")
    let result = try DyadBinary.run(["timeline", "Rusia", "China"], store: fresh)
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown state 'Rusia'; did you mean Russia (RUS)"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test("an inverted year range is refused")
  func invertedRange() throws {
    let result = try DyadBinary.run(["timeline", "China", "Russia", "--from", "2020", "--to", "2010"], store: store)
    #expect(result.status != 0)
    #expect(result.stderr.contains("inverted"))
  }

  @Test("an unreadable store is refused with what to do, and left as it was")
  func unreadableStore() throws {
    let junk = try folder.write("junk.sqlite", String(repeating: "junk", count: 1000)).path
    let result = try DyadBinary.run(["sources"], store: junk)
    #expect(result.status != 0)
    #expect(result.stderr.contains("is not a readable Dyad store"))
    #expect(try String(contentsOfFile: junk, encoding: .utf8) == String(repeating: "junk", count: 1000))
  }

  @Test("facts, sources and datasets list what the store holds")
  func listings() throws {
    let facts = try DyadBinary.run(["facts", "China", "Russia", "--dimension", "diplomatic"], store: store)
    #expect(facts.status == 0, "\(facts.stderr)")
    #expect(facts.stdout.contains("Treaty") && facts.stdout.contains("2001-07-16"))
    #expect(!facts.stdout.contains("\neconomic\t"))
    let sources = try DyadBinary.run(["sources", "--json"], store: store)
    let list = try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as! [[String: Any]]
    #expect(list.count > 100)
    let datasets = try DyadBinary.run(["datasets"], store: store)
    #expect(datasets.stdout.contains("curated") && datasets.stdout.contains("unga-votes"))
  }

  @Test("import refuses an unknown dataset name and a missing path without touching the store")
  func importErrors() throws {
    let unknown = try DyadBinary.run(["import", "nope", "/tmp"], store: store)
    #expect(unknown.status != 0 && unknown.stderr.contains("unknown dataset 'nope'"))
  }
}
