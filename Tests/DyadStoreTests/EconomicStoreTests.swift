import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// A store holding the three economic datasets from `shared/data`, imported once for the suite.
final class EconomicStoreFixture: Sendable {
  let folder: TemporaryFolder
  let store: Store

  static let shared = Result { try EconomicStoreFixture() }

  private init() throws {
    folder = try TemporaryFolder("dyad-econ-store")
    store = try Store.open(at: folder.path("econ.sqlite"))
    for (importer, name) in [
      (COWTradeImporter() as any DatasetImporter, "cow-trade"), (IMFDirectionOfTradeImporter(), "imf-dots-russia"),
      (COWGDPPopulationImporter(), "economy-gdp-pop"),
    ] {
      _ = try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder(name)))
    }
  }
}

/// Rows of the raw COW files, read here with plain string splitting, independently of the importer.
enum RawCOW {
  struct Row {
    let code1: Int, code2: Int, year: Int
    /// `nil` for empty, NA or −9.
    let flow1: Double?, flow2: Double?
  }

  static func flow(_ text: Substring) -> Double? {
    guard !text.isEmpty, text != "NA", let value = Double(text), value != -9 else { return nil }
    return value
  }

  static func rows(_ file: URL, where keep: (Substring) -> Bool = { _ in true }) throws -> [Row] {
    let text = try String(contentsOf: file, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().filter(keep).map { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      return Row(code1: Int(f[0])!, code2: Int(f[1])!, year: Int(f[2])!, flow1: flow(f[3]), flow2: flow(f[4]))
    }
  }

  /// China's (COW 710) rows of the all-pairs file.
  static let china: Result<[Row], any Error> = Result {
    try rows(SharedData.file("cow-trade", "cow_trade_dyadic_nondirected.csv")) {
      $0.hasPrefix("710,") || $0.contains(",710,")
    }.filter { $0.code1 == 710 || $0.code2 == 710 }
  }

  /// A state's national totals (imports, exports) in a year from the state-year file.
  static func totals(_ code: Int, _ year: Int) throws -> (imports: Double, exports: Double) {
    let text = try String(contentsOf: SharedData.file("cow-trade", "cow_trade_state_year.csv"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("\(code),\(year),") })
    let f = line.split(separator: ",")
    return (Double(f[2])!, Double(f[3])!)
  }
}

@Suite("Economic store", .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct EconomicStoreTests {
  var store: Store { get throws { try EconomicStoreFixture.shared.get().store } }
  let chinaRussia = try! Dyad("CHN", "RUS")

  @Test func chinaRussiaFlowsEqualTheExtract() throws {
    // The extract's rows are 710 (China) → 365: flow1 is China's imports from Russia.
    let extract = try RawCOW.rows(SharedData.file("cow-trade", "china_russia_cow_trade.csv"))
    #expect(extract.count == 110)
    let stored = Dictionary(uniqueKeysWithValues: try store.cowTrade(for: chinaRussia).map { ($0.year, $0) })
    for row in extract {
      let year = try #require(stored[row.year])
      #expect(year.firstImportsFromSecond == row.flow1, "\(row.year)")
      #expect(year.secondImportsFromFirst == row.flow2, "\(row.year)")
    }
    let total2014 = try #require(extract.first { $0.year == 2014 }.map { $0.flow1! + $0.flow2! })
    #expect(total2014 == 93_942)  // PROVENANCE: 42,807 + 51,135
    let profile = try store.tradeProfile(for: chinaRussia, years: try YearRange(from: 2014, to: 2014))
    #expect(profile.row(.cow, in: 2014)?.total.value == total2014)
  }

  /// The importer digests the 20 MB dyadic file as it reads it, block by block on every core; the
  /// store's own digest of the same files, computed afresh for a re-import, must equal it.
  @Test func importingTheSameCOWFilesAgainChangesNothing() throws {
    let importer = COWTradeImporter()
    let files = try importer.inputFiles(at: SharedData.folder("cow-trade"))
    #expect(try store.importDataset(importer, files: files) == .unchanged)
  }

  @Test func chinasRankOfRussiaIn2014AgreesWithACount() throws {
    let rows = try RawCOW.china.get().filter { $0.year == 2014 }
    func total(_ row: RawCOW.Row) -> Double? { row.flow1.flatMap { f in row.flow2.map { f + $0 } } }
    let russia = try #require(rows.first { $0.code1 == 365 || $0.code2 == 365 }.flatMap(total))
    let larger = rows.filter { row in total(row).map { $0 > russia } ?? false }.count
    let expected = larger + 1
    let series = try store.cowTrade(for: chinaRussia)
    #expect(series.first { $0.year == 2014 }?.rankOfSecondForFirst == expected)  // Russia among China's partners
    let partners = try #require(try store.tradePartners(of: "CHN", year: 2014))
    #expect(partners.source == .cow)
    #expect(partners.partners.first { $0.partner == "RUS" }?.rank == expected)
    #expect(partners.ranked == rows.filter { total($0) != nil }.count)
  }

  @Test func missingFlowsAreMissingAndLowerNoRank() throws {
    // The year in which most of China's partners have exactly one flow missing.
    let china = try RawCOW.china.get()
    let partial = china.filter { ($0.flow1 == nil) != ($0.flow2 == nil) }
    let year = try #require(Dictionary(grouping: partial, by: \.year).max { ($0.value.count, $0.key) < ($1.value.count, $1.key) }?.key)
    let rows = china.filter { $0.year == year }
    let registry = try StateRegistry.standard()
    func partner(_ row: RawCOW.Row) throws -> StateID {
      try registry.resolve("cow:\(row.code1 == 710 ? row.code2 : row.code1)", on: Day.startOf(year: year)).id
    }
    // Competition ranks over complete rows only, worked out here.
    let complete = rows.compactMap { row in row.flow1.flatMap { f in row.flow2.map { (row, f + $0) } } }
    let list = try #require(try store.tradePartners(of: "CHN", year: year, source: .cowTrade))
    #expect(list.ranked == complete.count)
    for (row, total) in complete {
      let expected = complete.filter { $0.1 > total }.count + 1
      let entry = try #require(list.partners.first { $0.partner == (try partner(row)) })
      #expect(entry.rank == expected)
      #expect(entry.total.value == total)
    }
    for row in rows where (row.flow1 == nil) != (row.flow2 == nil) {
      let entry = try #require(list.partners.first { $0.partner == (try partner(row)) })
      #expect(entry.rank == nil)
      #expect(entry.total.value == nil && entry.total.status == .missing)
      // China's imports from the partner are flow1 when China is ccode1.
      let chinaImports = row.code1 == 710 ? row.flow1 : row.flow2
      let partnerImports = row.code1 == 710 ? row.flow2 : row.flow1
      #expect(entry.imports.value == chinaImports)
      #expect(entry.exports.value == partnerImports)
    }
  }

  @Test func imfRussiasExportsToChinaIn2021() throws {
    let text = try String(contentsOf: SharedData.file("imf-dots-russia", "russia_dots_by_partner_long.csv"), encoding: .utf8)
    let line = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("Russian Federation,\"China, P.R.: Mainland\",0,exports_fob,2021,") })
    let fromFile = try #require(Double(line.split(separator: ",").last!))
    #expect(fromFile == 68_422.666053)
    let flows = try store.imfTrade(reportedBy: "RUS")
    let stored = try #require(flows.first { $0.partner == "CHN" && $0.direction == .exports && $0.year == 2021 })
    #expect(stored.value == 68_422.666053)
    #expect(stored.partnerName == "China, P.R.: Mainland")
    let profile = try store.tradeProfile(of: "CHN", with: "RUS", years: try YearRange(from: 2021, to: 2021))
    #expect(profile.row(.imf("RUS"), in: 2021)?.bToA.value == 68_422.666053)  // Russia → China
    // Hong Kong and Macao are partners of their own, not part of China.
    #expect(flows.contains { $0.partnerName == "China, P.R.: Hong Kong" && $0.partner != "CHN" })
  }

  @Test func chinaRussiaProfileShowsEachSourceAndTheAnswer() throws {
    let profile = try store.tradeProfile(of: "CHN", with: "RUS", years: try YearRange(from: 1992, to: 2025))
    let cowYears = profile.rows(of: .cow).filter(\.hasData).map(\.year)
    #expect(cowYears == Array(1992...2014))
    #expect(profile.rows(of: .official("CHN")).contains { $0.year == 2024 && $0.total.value == 244_810 })
    #expect(profile.rows.filter { $0.year > 2014 }.allSatisfy { $0.source.kind != .cowTrade })
    #expect(profile.rows(of: .imf("RUS")).map(\.year).max() == 2023)
    #expect(profile.missingDatasets.map(\.name) == ["imf-dots-all"])  // this store holds the others
    // Both figures and the gap where COW and China's customs report 2014.
    let gap = try #require(profile.comparisons.first { $0.year == 2014 && $0.measure == .total })
    #expect(gap.figures.contains { $0.source == .cow && $0.value == 93_942 })
    #expect(gap.figures.contains { $0.source == .official("CHN") && $0.value == 95_280 })

    // The answer's shares, worked out from the raw files.
    let china = try RawCOW.totals(710, 2014), russia = try RawCOW.totals(365, 2014)
    let russiaInChina = 93_942 / (china.imports + china.exports) * 100
    let chinaInRussia = 93_942 / (russia.imports + russia.exports) * 100
    let answer = try #require(profile.answer)
    #expect(
      answer.hasPrefix(
        "In 2014 Russia relied on China for \(String(format: "%.1f", chinaInRussia))% of its trade while China relied on Russia for \(String(format: "%.1f", russiaInChina))% (COW Trade 4.0)"))
    #expect(answer.contains("IMF DOTS"))
    #expect(answer.contains("official figures"))
    let row = try #require(profile.row(.cow, in: 2014))
    #expect(abs(row.asymmetry.value! - russiaInChina / chinaInRussia) < 1e-12)
    #expect(row.tradeToGDPOfA.value != nil)  // GDP estimates run to 2016
  }

  @Test func gdpLevelsAndCodesOutsideTheRegistry() throws {
    let usa = try #require(try store.gdpEstimates(of: "USA").first)
    #expect(usa.year == 1800)
    #expect(usa.gdp == exp(22.962753010562913))  // about US$9.4 bn (PROVENANCE)
    #expect(try store.gdpUnmatchedCodes().contains { $0.code == 564 })
  }

  @Test func russiasPartnersDefaultToTheLatestYearWithBothFlows() throws {
    let list = try #require(try store.tradePartners(of: "RUS"))
    #expect(list.source == .imf("RUS"))
    #expect(list.year == 2022)  // imports end in 2022
    #expect(list.partners.first?.partner == "CHN")
    #expect(try store.tradePartners(of: "CHN", year: 2020) == nil)
  }

  @Test func aBadTradeFileIsRejectedWithItsLineAndTheStoreUnchanged() throws {
    let folder = try TemporaryFolder("dyad-econ-bad")
    let store = try Store.open(at: folder.path("small.sqlite"))
    let importer = COWTradeImporter()
    let header = "ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2\n"
    let states = "ccode,year,imports,exports\n710,2014,1000,1200\n"
    try folder.write("good/cow_trade_dyadic_nondirected.csv", header + "365,710,2014,51135,42807,,\n")
    try folder.write("good/cow_trade_state_year.csv", states)
    let good = try importer.inputFiles(at: folder.url.appendingPathComponent("good"))
    guard case .imported = try store.importDataset(importer, files: good) else {
      Issue.record("the first import should write")
      return
    }
    #expect(try store.importDataset(importer, files: good) == .unchanged)
    let before = (try store.datasets(), try store.cowTrade(for: chinaRussia), try store.count("cow_trade"))

    try folder.write("bad/cow_trade_dyadic_nondirected.csv", header + "2,20,2014,1,2,,\n365,710,2014,51135,forty,,\n")
    try folder.write("bad/cow_trade_state_year.csv", states)
    let bad = try importer.inputFiles(at: folder.url.appendingPathComponent("bad"))
    #expect(
      throws: ImportError(
        file: "cow_trade_dyadic_nondirected.csv", line: 3, field: "flow2",
        message: "'forty' is not a number (a missing value is empty, NA or −9)")
    ) { _ = try store.importDataset(importer, files: bad) }
    #expect(try store.datasets() == before.0)
    #expect(try store.cowTrade(for: chinaRussia) == before.1)
    #expect(try store.count("cow_trade") == before.2)
  }

  @Test func aStoreWithoutTheDatasetsSaysWhatToImport() throws {
    let folder = try TemporaryFolder("dyad-econ-empty")
    let store = try Store.open(at: folder.path("empty.sqlite"))
    let profile = try store.tradeProfile(for: chinaRussia)
    #expect(profile.missingDatasets.map(\.name) == ["cow-trade", "imf-dots", "imf-dots-all", "cow-gdp-pop"])
    // The curated official totals are always there.
    #expect(profile.rows.allSatisfy { $0.source.kind == .official })
    #expect(try store.tradePartners(of: "CHN") == nil)
  }
}
