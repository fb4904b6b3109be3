import DyadTestSupport
import Foundation
import Testing

/// `dyad trade` and `dyad partners`, end to end through the built binary, on a store holding the
/// three economic datasets (imported once for the suite with `dyad import`).
@Suite("CLI economic", .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct EconomicCLITests {
  static let imported: Result<(TemporaryFolder, String), any Error> = Result {
    let folder = try TemporaryFolder("dyad-cli-econ")
    let store = folder.path("econ.sqlite")
    for (name, path) in [("cow-trade", "cow-trade"), ("imf-dots", "imf-dots-russia"), ("cow-gdp-pop", "economy-gdp-pop")] {
      let result = try DyadBinary.run(["import", name, SharedData.folder(path).path], store: store)
      guard result.status == 0 else { throw ImportFailed(message: result.stderr) }
    }
    return (folder, store)
  }

  struct ImportFailed: Error { let message: String }

  static func store() throws -> String { try imported.get().1 }

  static func fields(_ line: Substring) -> [String] {
    line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }

  @Test("dyad trade China Russia: 1992–2014 from COW, later years from official totals and IMF, with the answer")
  func tradeChinaRussia() throws {
    let result = try DyadBinary.run(["trade", "China", "Russia"], store: try Self.store())
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    let flowsHeader = try #require(lines.firstIndex { $0.hasPrefix("YEAR\tSOURCE\tCHN→RUS\tRUS→CHN\tTOTAL") })
    let rows = lines[(flowsHeader + 1)...].prefix { !$0.isEmpty && $0.first!.isNumber }.map(Self.fields)
    let bySource = Dictionary(grouping: rows, by: { $0[1] })
    #expect(bySource["COW Trade 4.0"]?.map { Int($0[0])! } == Array(1992...2014))
    #expect(bySource["COW Trade 4.0"]?.last?[4] == "93,942")  // 2014: 42,807 + 51,135
    let official = try #require(bySource["Official (CHN)"]).map { Int($0[0])! }
    #expect(official.contains(2025) && official.contains(2016))
    let imf = try #require(bySource["IMF DOTS (RUS)"]).map { Int($0[0])! }
    #expect(imf.max() == 2023 && imf.contains(2021))
    #expect(rows.filter { Int($0[0])! > 2014 }.allSatisfy { $0[1] != "COW Trade 4.0" })
    #expect(!result.stdout.contains("nan") && !result.stdout.contains("Optional("))
    let answer = try #require(lines.first { $0.hasPrefix("Answer: ") })
    #expect(answer.contains("In 2014 Russia relied on China for"))
    #expect(answer.contains("(COW Trade 4.0)") && answer.contains("IMF DOTS"))
    #expect(result.stdout.contains("COW Trade 4.0: 1992–2014 for China–Russia (the dataset covers 1870–2014)"))
  }

  @Test("dyad trade --csv leaves missing values empty and --json carries the profile")
  func tradeCSVAndJSON() throws {
    let store = try Self.store()
    let csv = try DyadBinary.run(["trade", "PRC", "Russian Federation", "--from", "2014", "--to", "2023", "--csv"], store: store)
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = try #require(lines.first)
    let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
    let cow2014 = try #require(lines.first { $0[0] == "2014" && $0[1] == "cow-trade" })
    #expect(cow2014[column["total"]!] == "93942")
    #expect(cow2014[column["a_to_b"]!] == "51135")  // China's exports = Russia's imports from China
    let imf2023 = try #require(lines.first { $0[0] == "2023" && $0[1] == "imf-dots" })
    #expect(imf2023[column["reporter"]!] == "RUS")
    #expect(imf2023[column["a_to_b"]!] == "")  // no 2023 import figure: missing, not 0
    #expect(imf2023[column["total_status"]!] == "missing")
    #expect(!csv.stdout.contains("–"))

    let json = try DyadBinary.run(["trade", "China", "Russia", "--from", "2021", "--to", "2021", "--json"], store: store)
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["a"] as? String == "CHN")
    let rows = try #require(object["rows"] as? [[String: Any]])
    let imf = try #require(rows.first { ($0["source"] as? [String: Any])?["kind"] as? String == "imf-dots" })
    #expect((imf["bToA"] as? [String: Any])?["value"] as? Double == 68_422.666053)
  }

  @Test("dyad partners China --year 2014 ranks Russia as a count of larger partners does")
  func partnersChina() throws {
    let result = try DyadBinary.run(["partners", "China", "--year", "2014", "--top", "0"], store: try Self.store())
    #expect(result.status == 0, "\(result.stderr)")
    // An independent count: China's (710) partners in 2014 with both flows and a larger total.
    let text = try String(contentsOf: SharedData.file("cow-trade", "cow_trade_dyadic_nondirected.csv"), encoding: .utf8)
    var totals: [Int: Double] = [:]
    for line in text.split(separator: "\n") where line.contains(",2014,") && (line.hasPrefix("710,") || line.contains(",710,")) {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      guard f[2] == "2014", let x = Double(f[3]), let y = Double(f[4]) else { continue }
      totals[Int(f[0])! == 710 ? Int(f[1])! : Int(f[0])!] = x + y
    }
    let russia = try #require(totals[365])
    let rank = totals.values.filter { $0 > russia }.count + 1
    let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("\tRussia\t") })
    #expect(Self.fields(line)[0] == String(rank))
    #expect(result.stdout.contains("\(totals.count) ranked"))
  }

  @Test("a store without the datasets names the imports that fill it")
  func missingDatasets() throws {
    let folder = try TemporaryFolder("dyad-cli-econ-empty")
    let store = folder.path("empty.sqlite")
    let trade = try DyadBinary.run(["trade", "Chad", "Fiji"], store: store)
    #expect(trade.status != 0)
    #expect(trade.stderr.contains("dyad import cow-trade"))
    #expect(!trade.stderr.contains("Usage"))
    let partners = try DyadBinary.run(["partners", "Chad"], store: store)
    #expect(partners.status != 0)
    #expect(partners.stderr.contains("dyad import cow-trade"))
    let china = try DyadBinary.run(["trade", "China", "Russia"], store: store)
    #expect(china.status == 0, "\(china.stderr)")
    #expect(china.stdout.contains("Not in the store: cow-trade"))
    #expect(china.stdout.contains("run `dyad import cow-trade PATH`"))
  }

  @Test("a bad trade file is rejected with its line; bad options get one clear line")
  func errors() throws {
    let folder = try TemporaryFolder("dyad-cli-econ-bad")
    try folder.write(
      "cow/cow_trade_dyadic_nondirected.csv",
      "ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2\n2,20,2000,1,2,1,2\n2,365,2000,1,x,1,2\n")
    try folder.write("cow/cow_trade_state_year.csv", "ccode,year,imports,exports\n")
    let store = folder.path("store.sqlite")
    let bad = try DyadBinary.run(["import", "cow-trade", folder.url.appendingPathComponent("cow").path], store: store)
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("cow_trade_dyadic_nondirected.csv:3 field 'flow2'"))
    // Nothing of the failed import is left: the store still lacks cow-trade.
    let after = try DyadBinary.run(["trade", "China", "Russia"], store: store)
    #expect(after.stdout.contains("Not in the store: cow-trade"))

    let inverted = try DyadBinary.run(["trade", "China", "Russia", "--from", "2014", "--to", "2000"], store: store)
    #expect(inverted.status != 0)
    #expect(inverted.stderr.contains("inverted"))
    let both = try DyadBinary.run(["partners", "China", "--json", "--csv"], store: store)
    #expect(both.status != 0)
  }
}
