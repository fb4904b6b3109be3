import DyadAnalysis
import DyadCore
import DyadData
import DyadStore
import DyadTestSupport
import Foundation
import GRDB
import Testing
import ZIPFoundation

@testable import DyadImport

/// The IMF DOTS exports workbooks (`imf-dots-all`), 185 files in ../shared/data. Expected values are
/// the PROVENANCE checks (China ↔ Russia 2014–2020, US ↔ China 2020) and, for pairs without China
/// or Russia, values computed from the raw workbooks with openpyxl:
///
/// ```python
/// import openpyxl
/// def table(n):   # {(partner, year): (value, estimated)}, shares of the year's sum, ranks
///     rows = list(openpyxl.load_workbook(f'Exports_to_Count ({n}).xlsx', read_only=True).active.iter_rows(values_only=True))
///     years = [int(y) for y in rows[6][2:] if y is not None]; d = {}
///     for r in rows[7:]:
///         for y, c in zip(years, r[2:]):
///             if c is None: continue
///             e = isinstance(c, str) and c.strip().endswith('e')
///             d[(r[1], y)] = (float(str(c).strip().rstrip('e').strip().replace(',', '')), e)
///     return d
/// # share: value / sum of the reporter's values that year; rank: 1 + partners with a larger value,
/// # among partners other than Belgium-Luxembourg, Yugoslavia, Serbia and Montenegro (no state then)
/// ```
/// India (186) → Pakistan 2019 1,192.59 (0.370%, 45th of 204); Pakistan (48) → India 2018 377.082309
/// (1.636%, 13th of 193); Germany (170) → France 2020 103,870.441753 (7.527%, 3rd of 207); France
/// (165) → Germany 2020 71,072.534527 (14.611%, 1st of 207); India → Russia 2020 2,559.928209 (0.931%,
/// 31st of 206); Russia (59) → India 2020 5,957.996507 (1.765%, 15th of 182); North Korea (2) → China
/// 2015 `'2,343.34 e'`; China's table holds 7,512 values.
@Suite(
  "IMF DOTS exports tables", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct IMFExportTablesTests {
  static let folder = SharedData.folder("imf-dots-all-reporters")
  let registry = try! StateRegistry.standard()

  /// One import of the whole folder, shared by the tests that read it.
  static let imported: (store: Store, summary: ImportSummary, folder: TemporaryFolder) = {
    let folder = try! TemporaryFolder("dyad-imf-all")
    let store = try! Store.open(at: folder.path("dyad.sqlite"))
    let importer = IMFExportTablesImporter()
    guard
      case .imported(let summary) = try! store.importDataset(importer, files: try! importer.inputFiles(at: Self.folder))
    else { fatalError("a first import imports") }
    return (store, summary, folder)
  }()

  /// The shared import, done off Swift's cooperative pool (see ``offThePool(_:)``).
  static func load() async throws { _ = try await offThePool { Self.imported.summary } }

  func value(_ reporter: StateID, _ partner: StateID, _ year: Int) throws -> (Double, String)? {
    try Self.imported.store.read { db in
      try Row.fetchOne(
        db, sql: "SELECT value, status FROM imf_dots_exports WHERE reporter = ? AND partner = ? AND year = ?",
        arguments: [reporter.rawValue, partner.rawValue, year]
      ).map { ($0["value"], $0["status"]) }
    }
  }

  @Test func thePublishedChecksAndTheRawCellsOfPairsWithoutChinaOrRussia() async throws {
    try await Self.load()
    let checks: [(StateID, StateID, Int, Double)] = [
      ("CHN", "RUS", 2014, 53_685.7), ("CHN", "RUS", 2015, 34_810.2), ("CHN", "RUS", 2018, 48_073.7),
      ("CHN", "RUS", 2019, 49_484.5), ("CHN", "RUS", 2020, 50_608.4), ("RUS", "CHN", 2014, 37_494.3),
      ("RUS", "CHN", 2015, 28_606.4), ("RUS", "CHN", 2018, 56_079.1), ("RUS", "CHN", 2019, 54_937.5),
      ("RUS", "CHN", 2020, 49_583.1), ("USA", "CHN", 2020, 124_581.5), ("CHN", "USA", 2020, 452_832.2),
      ("IND", "PAK", 2019, 1_192.59), ("PAK", "IND", 2018, 377.082309), ("DEU", "FRA", 2020, 103_870.441753),
      ("FRA", "DEU", 2020, 71_072.534527),
    ]
    for (reporter, partner, year, expected) in checks {
      let (found, status) = try #require(try value(reporter, partner, year), "\(reporter) → \(partner) \(year)")
      #expect(abs(found - expected) < 0.06, "\(reporter) → \(partner) \(year): \(found)")
      #expect(status == "observed")
    }
    // IMF's estimate flag: every North Korean figure is an IMF estimate.
    let (estimate, status) = try #require(try value("PRK", "CHN", 2015))
    #expect(estimate == 2_343.34 && status == "estimated")
    // An empty cell is no row, never 0: North Korea's table has no 2005 value for South Korea.
    #expect(try value("KOR", "PRK", 2005) == nil)
    let chinaCells = try Self.imported.store.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM imf_dots_exports WHERE reporter = 'CHN'")
    }
    #expect(chinaCells == 7_512)
  }

  @Test func reportersByDateTheirTablesYearsAndTheRepeatedWorkbooks() async throws {
    try await Self.load()
    let summary = Self.imported.summary
    #expect(summary.coverage == (try YearRange(from: 1961, to: 2020)))
    // The four reporters served twice with the same values are read once, and said.
    let repeats = summary.notes.filter { $0.contains("the same values): read once") }
    #expect(repeats.count == 4)
    #expect(repeats.contains { $0.hasPrefix("Exports_to_Count (168).xlsx repeats Exports_to_Count (167).xlsx (Gabon") })
    // "Germany" is West Germany to 1990 and Germany after; the USSR's table and Russia's are one
    // state's; China's columns skip 1962–1977 (its table has no such years).
    let spans = try Self.imported.store.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT reporter, reporter_name, first_year, last_year FROM imf_dots_export_table
          WHERE reporter IN ('FRG', 'DEU', 'RUS', 'CHN', 'GDR') ORDER BY reporter, first_year
          """
      ).map {
        "\($0["reporter"] as String) \($0["reporter_name"] as String) \($0["first_year"] as Int)–\($0["last_year"] as Int)"
      }
    }
    #expect(
      spans == [
        "CHN China, P.R.: Mainland 1961–1961", "CHN China, P.R.: Mainland 1978–2020", "DEU Germany 1991–2020",
        "FRG Germany 1961–1990", "GDR Eastern Germany 1981–1989", "RUS USSR 1981–1991",
        "RUS Russian Federation 1992–2020",
      ])
    // Aggregates and names that are no state in a year are kept under their IMF names.
    let notStates = try Self.imported.store.read { db in
      try String.fetchAll(
        db, sql: "SELECT DISTINCT partner_name FROM imf_dots_exports WHERE partner_kind = 'aggregate'")
    }
    #expect(notStates == ["Belgium-Luxembourg"])
  }

  @Test func tradeSharesAndRanksForAnyPairToTwentyTwenty() async throws {
    try await Self.load()
    let store = Self.imported.store
    let india = try store.tradeProfile(of: "IND", with: "RUS")
    let row = try #require(india.row(.imfExports, in: 2020))
    #expect(abs((row.aToB.value ?? 0) - 2_559.928209) < 1e-6 && abs((row.bToA.value ?? 0) - 5_957.996507) < 1e-6)
    #expect(row.bToA.note?.contains("mirror") == true)
    #expect(abs((row.shareOfBInAExports.value ?? 0) - 0.9306042078698229) < 1e-9)
    #expect(abs((row.shareOfAInBExports.value ?? 0) - 1.7653753373737153) < 1e-9)
    #expect(row.rankOfBForA == PartnerRank(rank: 31, among: 206, basis: .exports))
    #expect(row.rankOfAForB == PartnerRank(rank: 15, among: 182, basis: .exports))
    #expect(row.shareOfBInA.isMissing, "no share of total trade: the tables give exports only")
    let answer = try #require(india.answer)
    #expect(answer.contains("India sent 0.93% of its exports to Russia (its 31st destination of 206)"))
    #expect(answer.contains("Russia sent 1.8% of its exports to India (its 15th destination of 182)"))

    let europe = try store.tradeProfile(of: "FRA", with: "DEU")
    let y2020 = try #require(europe.row(.imfExports, in: 2020))
    #expect(abs((y2020.shareOfBInAExports.value ?? 0) - 14.61121950986159) < 1e-9)
    #expect(y2020.rankOfBForA?.rank == 1 && y2020.rankOfAForB == PartnerRank(rank: 3, among: 207, basis: .exports))
    #expect(europe.rows(of: .imfExports).last?.year == 2020)

    let southAsia = try store.tradeProfile(of: "IND", with: "PAK")
    #expect(southAsia.row(.imfExports, in: 2019)?.rankOfBForA == PartnerRank(rank: 45, among: 204, basis: .exports))
    #expect(southAsia.row(.imfExports, in: 2018)?.rankOfAForB == PartnerRank(rank: 13, among: 193, basis: .exports))

    // Estimates stay estimates in the profile.
    let korea = try store.tradeProfile(of: "PRK", with: "CHN")
    #expect(korea.row(.imfExports, in: 2015)?.aToB.status == .estimated)
    #expect(korea.row(.imfExports, in: 2015)?.bToA.status == .observed)

    // Partners of a state from the tables: ranked by its exports, imports mirrored.
    let partners = try #require(try store.tradePartners(of: "FRA", year: 2020, source: .imfDotsExports))
    #expect(partners.partners.first?.partner == "DEU" && partners.partners.first?.rank == 1)
    #expect(abs((partners.partners.first?.exportShare.value ?? 0) - 14.61121950986159) < 1e-9)
    #expect(abs((partners.partners.first?.imports.value ?? 0) - 103_870.441753) < 1e-6)
  }

  @Test func aSecondImportOfTheSameFilesChangesNothing() async throws {
    try await Self.load()
    let importer = IMFExportTablesImporter()
    let outcome = try Self.imported.store.importDataset(importer, files: try importer.inputFiles(at: Self.folder))
    guard case .unchanged = outcome else {
      Issue.record("expected unchanged, got \(outcome)")
      return
    }
  }

  // MARK: Bad input

  /// A copy of a small real workbook with its sheet's XML changed.
  func workbook(_ folder: TemporaryFolder, _ name: String = "bad.xlsx", change: (String) -> String) throws -> URL {
    let url = folder.url.appendingPathComponent(name)
    try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("Exports_to_Count (1).xlsx"), to: url)
    let archive = try Archive(url: url, accessMode: .update)
    let path = "xl/worksheets/sheet1.xml"
    let entry = try #require(archive[path])
    var xml = Data()
    _ = try archive.extract(entry) { xml.append($0) }
    try archive.remove(entry)
    let changed = Data(change(String(decoding: xml, as: UTF8.self)).utf8)
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(changed.count), compressionMethod: .deflate,
      provider: { position, size in changed.subdata(in: Int(position)..<Int(position) + size) })
    return url
  }

  func refusal(_ url: URL) throws -> ImportError {
    try #require(throws: ImportError.self) {
      try IMFExportTablesImporter().read([url], into: RecordingSink(), context: ImportContext(registry: registry))
    }
  }

  @Test func aBadCellAWrongUnitOrAnotherTableIsRefusedWithItsFileAndCell() throws {
    let folder = try TemporaryFolder("dyad-imf-bad")
    // The workbook keeps its texts as inline strings or shared strings; find a number cell and
    // make it a text that is no value.
    let text = try workbook(folder, "text.xlsx") { xml in
      guard
        let range = xml.range(
          of: #"<c r="([D-Z])(1[0-9])"( s="[0-9]+")?( t="n")?><v>[0-9.]+</v></c>"#, options: .regularExpression)
      else { return xml }
      let cell = String(xml[range])
      let reference = cell.split(separator: "\"")[1]
      return xml.replacingCharacters(in: range, with: #"<c r="\#(reference)" t="inlineStr"><is><t>12.3 x</t></is></c>"#)
    }
    let bad = try refusal(text)
    #expect(bad.file.hasPrefix("text.xlsx") && bad.line != nil && bad.field?.isEmpty == false)
    #expect(bad.message.contains("'12.3 x' is not a value in US$ millions"), "\(bad)")

    let negative = try workbook(folder, "negative.xlsx") { xml in
      guard let range = xml.range(of: #"<v>[0-9]+\.[0-9]+</v>"#, options: .regularExpression) else { return xml }
      return xml.replacingCharacters(in: range, with: "<v>-5.5</v>")
    }
    #expect(try refusal(negative).message.contains("is not a trade value"))

    let units = try workbook(folder, "units.xlsx") { xml in
      xml.replacingOccurrences(
        of: #"<c r="B5" s="1" t="s"><v>2</v></c>"#,
        with: #"<c r="B5" s="1" t="inlineStr"><is><t>SDR, Millions</t></is></c>"#)
    }
    let unit = try refusal(units)
    #expect(unit.field == "B5" && unit.message.contains("is 'SDR, Millions', not 'US Dollars, Millions'"), "\(unit)")

    // Only the header rows (title, reporter, unit, years): refused on row 8.
    let headerOnly = try workbook(folder, "header.xlsx") { xml in
      xml.replacingOccurrences(
        of: #"<row r="([89]|[1-9][0-9]+)"[^>]*>.*?</row>"#, with: "", options: .regularExpression)
    }
    let empty = try refusal(headerOnly)
    #expect(empty.line == 8 && empty.message.contains("lists no partner"), "\(empty)")

    let notATable = try folder.write("empty/readme.txt", "no workbooks here")
    let none = try #require(throws: ImportError.self) {
      try IMFExportTablesImporter().inputFiles(at: notATable.deletingLastPathComponent())
    }
    #expect(none.message.contains("holds no .xlsx file; imf-dots-all reads the IMF DOTS exports tables"))
  }

  @Test func twoDifferentTablesForOneReporterStopTheImport() throws {
    let folder = try TemporaryFolder("dyad-imf-twice")
    let first = folder.url.appendingPathComponent("a.xlsx")
    try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("Exports_to_Count (1).xlsx"), to: first)
    let second = try workbook(folder, "b.xlsx") { xml in
      guard let range = xml.range(of: #"<v>[0-9]+\.[0-9]+</v>"#, options: .regularExpression) else { return xml }
      return xml.replacingCharacters(in: range, with: "<v>1.5</v>")
    }
    let error = try #require(throws: ImportError.self) {
      try IMFExportTablesImporter().read(
        [first, second], into: RecordingSink(), context: ImportContext(registry: registry))
    }
    #expect(error.file == "b.xlsx" && error.message.contains("(also in a.xlsx) with other values"), "\(error)")
  }

  /// Random damage to a real workbook's sheet (characters replaced, deleted or repeated): the
  /// importer never crashes, and refuses with an error naming the file, or reads a valid table;
  /// the store is unchanged after a refusal.
  @Test func fuzzedWorkbooksAreRefusedCleanlyAndLeaveTheStoreUnchanged() throws {
    let folder = try TemporaryFolder("dyad-imf-fuzz")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = IMFExportTablesImporter()
    let good = folder.url.appendingPathComponent("good")
    try FileManager.default.createDirectory(at: good, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.folder.appendingPathComponent("Exports_to_Count (1).xlsx"), to: good.appendingPathComponent("t.xlsx"))
    _ = try store.importDataset(importer, files: try importer.inputFiles(at: good))
    let before = try store.recordedChecksum(of: "imf-dots-all")
    var generator = SplitMix64(seed: 20261203)
    var refused = 0
    let alphabet = Array("<>/\"=0123456789.,e xcvrt")
    for round in 0..<40 {
      let url = try workbook(folder, "f\(round).xlsx") { xml in
        var characters = Array(xml)
        for _ in 0..<(1 + Int(generator.next() % 4)) {
          let at = Int(generator.next() % UInt64(characters.count))
          switch generator.next() % 3 {
          case 0: characters[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
          case 1: characters.remove(at: at)
          default: characters.insert(contentsOf: characters[at..<min(characters.count, at + 8)], at: at)
          }
        }
        return String(characters)
      }
      let files = folder.url.appendingPathComponent("in\(round)")
      try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
      try FileManager.default.moveItem(at: url, to: files.appendingPathComponent("t.xlsx"))
      do {
        _ = try store.importDataset(importer, files: try importer.inputFiles(at: files), replace: true)
        // A damage that leaves a valid table (a digit changed) is read; put the good one back.
        _ = try store.importDataset(importer, files: try importer.inputFiles(at: good), replace: true)
      } catch let error as ImportError {
        refused += 1
        #expect(error.file.hasPrefix("t.xlsx"), "\(error)")
      } catch let error as StoreError {
        // The loss rule: a damaged table that keeps far fewer rows.
        refused += 1
        #expect(error.message.contains("fewer"), "\(error)")
      }
      #expect(try store.recordedChecksum(of: "imf-dots-all") == before)
    }
    #expect(refused > 10)
  }
}
