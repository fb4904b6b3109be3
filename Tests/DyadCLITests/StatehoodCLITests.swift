import DyadTestSupport
import Foundation
import Testing

/// Ambiguous names and years in which a state did not exist, end to end through the built `dyad`
/// binary. Dates from the Correlates of War state system list (states2016): West Germany 260
/// 1955-05-05–1990-10-02, East Germany 265 1954-03-25–1990-10-02; North Korea 731 and South
/// Korea 732 both exist today.
@Suite("CLI ambiguous names and statehood", .serialized)
struct StatehoodCLITests {
  let folder = try! TemporaryFolder("dyad-cli-statehood")
  var store: String { folder.path("store.sqlite") }

  @Test("dyad allies Korea Russia is refused, listing North and South Korea")
  func ambiguousKorea() throws {
    let result = try DyadBinary.run(["allies", "Korea", "Russia"], store: store)
    #expect(result.status != 0)
    #expect(result.stderr.contains("'Korea' names several states today"), "\(result.stderr)")
    #expect(result.stderr.contains("North Korea (PRK, COW 731"))
    #expect(result.stderr.contains("South Korea (KOR, COW 732"))
    #expect(result.stderr.contains("say `North Korea` or `South Korea`, or give a year"))
    #expect(result.stdout.isEmpty)
  }

  @Test("dyad allies Korea Russia --year 1900 is Joseon Korea")
  func koreaIn1900() throws {
    let result = try DyadBinary.run(["allies", "Korea", "Russia", "--year", "1900"], store: store)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Korea–Russia in 1900") || result.stdout.hasPrefix("Korea–Russian Empire in 1900"), "\(result.stdout.prefix(200))")
  }

  @Test("dyad allies West Germany East Germany --year 2026 is refused, naming 1955–1990")
  func verdictOutsideStatehood() throws {
    let result = try DyadBinary.run(["allies", "West Germany", "East Germany", "--year", "2026"], store: store)
    #expect(result.status != 0)
    #expect(result.stderr.contains("West Germany (COW 260) did not exist in 2026: it existed 1955-05-05 – 1990-10-02"), "\(result.stderr)")
    #expect(result.stderr.contains("ask for years in 1955–1990"))
  }

  @Test("dyad allies FRG GDR without a year answers for 1990, the last year both existed, and says so")
  func verdictDefaultYear() throws {
    let result = try DyadBinary.run(["allies", "FRG", "GDR"], store: store)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("West Germany–East Germany in 1990:"), "\(result.stdout.prefix(200))")
    #expect(result.stdout.contains("Showing 1990: the last year both West Germany and East Germany existed."))
    let json = try DyadBinary.run(["allies", "FRG", "GDR", "--json"], store: store)
    let payload = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    #expect((payload["verdict"] as! [String: Any])["year"] as? Int == 1990)
  }

  @Test("dyad trade West Germany France --from 1950 --to 2000 shows 1955–1990 and says why")
  func tradeClamped() throws {
    let result = try DyadBinary.run(["trade", "West Germany", "France", "--from", "1950", "--to", "2000"], store: store)
    #expect(result.stderr.contains("note: Showing 1955–1990: the years both West Germany and France existed."), "\(result.stderr)")
    // The curated store has no trade series: the refusal names the clamped years.
    if result.status != 0 { #expect(result.stderr.contains("West Germany–France in 1955–1990")) }
  }

  @Test("dyad states Korea lists every Korea with its years, and is no error")
  func statesSearch() throws {
    let result = try DyadBinary.run(["states", "Korea"], store: store)
    #expect(result.status == 0, "\(result.stderr)")
    let ids = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" }
    #expect(Set(ids).isSuperset(of: ["JOS", "PRK", "KOR"]), "\(result.stdout)")
    #expect(result.stdout.contains("1887–1905"))
  }
}
