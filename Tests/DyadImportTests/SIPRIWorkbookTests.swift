import DyadCore
import DyadData
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadImport

/// SIPRI's milex workbook read directly, in both releases in ../shared/data. The expected values are
/// SIPRI's (PROVENANCE: "Current US$ m, 2024: USA 997,309; China 313,658.3; Russia 148,967.3";
/// "China 2023 is 296,821.4 here against 296,439 in the long CSV"), and the long CSV is an
/// independent conversion of the 2024-release workbook (openpyxl), rounded to 4 decimals.
@Suite(
  "SIPRI milex workbook",
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct SIPRIWorkbookTests {
  let registry = try! StateRegistry.standard()

  func read(_ file: String) throws -> (RecordingSink, ImportSummary) {
    let sink = RecordingSink()
    let summary = try SIPRIMilexImporter().read(
      [SharedData.file("sipri-milex", file)], into: sink, context: ImportContext(registry: registry))
    return (sink, summary)
  }

  @Test func theWorkbookGivesTheLongCSVsFiguresAndSIPRIsEstimateFlags() throws {
    let (book, bookSummary) = try read("SIPRI-Milex-data-1948-2023.xlsx")
    let (long, longSummary) = try read("sipri_milex_long.csv")
    #expect(bookSummary.release == "data 1948–2023, constant 2022 US$ (from the workbook)")
    #expect(longSummary.release == nil)
    #expect(bookSummary.rowsWritten == longSummary.rowsWritten && bookSummary.coverage == longSummary.coverage)

    // Every figure of the conversion, from the workbook: the same keys, the same values to the
    // conversion's rounding (4 decimals, or 6 significant digits below 1).
    struct Key: Hashable {
      let indicator: String, state: StateID, year: Int
    }
    let fromBook = Dictionary(
      uniqueKeysWithValues: book.observations.map { (Key(indicator: $0.indicator, state: $0.a, year: $0.year), $0) })
    var compared = 0
    for observation in long.observations {
      let key = Key(indicator: observation.indicator, state: observation.a, year: observation.year)
      let other = try #require(fromBook[key], "\(key) is in the CSV but not read from the workbook")
      switch (observation.value, other.value) {
      case (nil, nil): break
      case (let a?, let b?): #expect(abs(a - b) <= max(5e-5, abs(a) * 1e-5), "\(key): \(a) against \(b)")
      default:
        Issue.record("\(key): \(String(describing: observation.value)) against \(String(describing: other.value))")
      }
      compared += 1
    }
    #expect(compared == fromBook.count)
    // The CSV lost SIPRI's font colours; the workbook keeps them as estimates.
    #expect(long.observations.allSatisfy { $0.status != .estimated })
    let estimated = book.observations.filter { $0.status == .estimated }
    #expect(estimated.count > 1_000)
    #expect(book.observation("sipri_milex_current_usd_m", "CHN", 2023)?.status == .estimated)
    #expect(book.observation("sipri_milex_current_usd_m", "USA", 2023)?.status == .observed)
  }

  @Test func theNewReleaseHasItsOwnYearsBaseYearAndRevisions() throws {
    let (book, summary) = try read("SIPRI-Milex-data-1949-2024.xlsx")
    #expect(summary.release == "data 1949–2024, constant 2023 US$ (from the workbook)")
    #expect(summary.coverage == (try YearRange(from: 1949, to: 2024)))
    #expect(book.observation("sipri_milex_current_usd_m", "USA", 2024)?.value == 997_309)
    #expect(book.observation("sipri_milex_current_usd_m", "USA", 2024)?.status == .observed)
    #expect(
      book.observation("sipri_milex_current_usd_m", "CHN", 2024).map { ($0.value! * 10).rounded() / 10 } == 313_658.3)
    #expect(book.observation("sipri_milex_current_usd_m", "CHN", 2024)?.status == .estimated)
    #expect(
      book.observation("sipri_milex_current_usd_m", "RUS", 2024).map { ($0.value! * 10).rounded() / 10 } == 148_967.3)
    // SIPRI revised China's 2023 figure: 296,821.4 in this release against 296,439 in the last.
    #expect(
      book.observation("sipri_milex_current_usd_m", "CHN", 2023).map { ($0.value! * 10).rounded() / 10 } == 296_821.4)
    // Constant dollars at this release's base year, under their own indicator.
    #expect(book.observation("sipri_milex_constant_2023_usd_m", "CHN", 2023) != nil)
    #expect(book.observation("sipri_milex_constant_2022_usd_m", "CHN", 2023) == nil)
  }

  @Test func aWorkbookThatIsNotSIPRIsIsRefused() throws {
    let sink = RecordingSink()
    let imf = SharedData.file("imf-dots-all-reporters", "Exports_to_Count (1).xlsx")
    let error = try #require(throws: ImportError.self) {
      _ = try SIPRIMilexImporter().read([imf], into: sink, context: ImportContext(registry: registry))
    }
    #expect(error.file == "Exports_to_Count (1).xlsx")
    #expect(
      error.message
        == "is not a SIPRI milex workbook Dyad reads: it lacks the sheets 'Current US$', 'Share of GDP', 'Constant (YYYY) US$'"
    )
  }

  /// A workbook in SIPRI's layout, zipped by the system's zip: each sheet's rows after a header
  /// row (`Country`, `Notes`, 2021, 2022), as inline strings and numbers; `cutSheet` cuts the
  /// second sheet's XML two thirds of the way through.
  static func workbook(in folder: TemporaryFolder, rows: [String], cutSheet: Bool = false) throws -> URL {
    let sheets = ["Constant (2022) US$", "Current US$", "Share of GDP"]
    func cell(_ reference: String, _ value: String) -> String {
      Double(value) != nil
        ? "<c r=\"\(reference)\"><v>\(value)</v></c>"
        : "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }
    func row(_ number: Int, _ values: [String]) -> String {
      "<row r=\"\(number)\">" + zip(["A", "B", "C", "D"], values).map { cell("\($0)\(number)", $1) }.joined()
        + "</row>\n"
    }
    let base = folder.url.appendingPathComponent("book")
    try FileManager.default.createDirectory(
      at: base.appendingPathComponent("xl/worksheets"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: base.appendingPathComponent("xl/_rels"), withIntermediateDirectories: true)
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    try Data(
      ("<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets>"
        + sheets.enumerated().map { "<sheet name=\"\($1)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        + "</sheets></workbook>").utf8
    ).write(to: base.appendingPathComponent("xl/workbook.xml"))
    try Data(
      ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        + "</Relationships>").utf8
    ).write(to: base.appendingPathComponent("xl/_rels/workbook.xml.rels"))
    for index in sheets.indices {
      var xml = "<worksheet xmlns=\"\(main)\"><sheetData>\n" + row(6, ["Country", "Notes", "2021", "2022"])
      for (offset, line) in rows.enumerated() {
        // Shares are fractions: the share sheet holds 1.7% where the dollar sheets hold US$ m.
        let values = line.components(separatedBy: ",").map {
          sheets[index] == "Share of GDP" && Double($0) != nil ? "0.017" : $0
        }
        xml += row(8 + offset, values)
      }
      xml += "</sheetData></worksheet>\n"
      if cutSheet && index == 1 { xml = String(xml.prefix(xml.count * 2 / 3)) }  // cut mid-line
      try Data(xml.utf8).write(to: base.appendingPathComponent("xl/worksheets/sheet\(index + 1).xml"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
    process.arguments = ["-q", "-X", "-r", "../milex.xlsx", "xl"]
    process.currentDirectoryURL = base
    try process.run()
    process.waitUntilExit()
    return folder.url.appendingPathComponent("milex.xlsx")
  }

  /// Imports a file into a new store; the error, and whether the store holds the dataset after.
  func refusal(_ file: URL, folder: TemporaryFolder) throws -> (ImportError?, held: Bool) {
    let store = try Store.open(at: folder.path("store.sqlite"))
    var error: ImportError?
    do { _ = try store.importDataset(SIPRIMilexImporter(), files: [file]) } catch let caught as ImportError {
      error = caught
    }
    return (error, try store.recordedChecksum(of: "sipri-milex") != nil)
  }

  @Test func aWorkbookWithHeadersOnlyADuplicatedRowOrACutSheetIsRefusedAndChangesNothing() throws {
    let folder = try TemporaryFolder("dyad-milex-book")
    // The fixture reads: two countries' figures in every sheet.
    let good = try Self.workbook(in: folder, rows: ["China,,250000,292000", "Russia,,65900,102400"])
    let summary = try SIPRIMilexImporter().read(
      [good], into: RecordingSink(), context: ImportContext(registry: registry))
    #expect(summary.rowsRead == 6 && summary.release == "data 2021–2022, constant 2022 US$ (from the workbook)")
    try FileManager.default.removeItem(at: good)

    let headerOnly = try Self.workbook(in: folder, rows: [])
    let (empty, heldEmpty) = try refusal(headerOnly, folder: folder)
    #expect(empty?.message == "has header rows but no country rows: no rows to import" && empty?.file == "milex.xlsx")
    #expect(!heldEmpty)
    try FileManager.default.removeItem(at: headerOnly)

    let duplicated = try Self.workbook(
      in: folder, rows: ["China,,250000,292000", "Russia,,65900,102400", "China,,250000,292000"])
    let (twice, heldTwice) = try refusal(duplicated, folder: folder)
    #expect(twice?.file == "milex.xlsx [Constant (2022) US$]" && twice?.line == 10 && twice?.field == "A10")
    #expect(
      twice?.message == "'China' has a second constant_2022_usd_millions figure for 2021 (the first is on line 8)")
    #expect(!heldTwice)
    try FileManager.default.removeItem(at: duplicated)

    let cut = try Self.workbook(in: folder, rows: ["China,,250000,292000", "Russia,,65900,102400"], cutSheet: true)
    let (broken, heldBroken) = try refusal(cut, folder: folder)
    #expect(broken?.file == "milex.xlsx [Current US$]" && broken?.line != nil, "\(String(describing: broken))")
    #expect(
      broken?.message.contains("is not well-formed XML") == true
        || broken?.message.contains("without closing its data: the workbook is truncated") == true)
    #expect(!heldBroken)
  }

  @Test func aDuplicatedRowOfTheLongCSVIsRefusedWithItsLine() throws {
    let folder = try TemporaryFolder("dyad-milex-csv")
    let row = "China,East Asia,current_usd_millions,2023,296439,296439,\n"
    let file = try folder.write("milex.csv", "country,region_heading,measure,year,value,raw,notes\n" + row + row)
    let (error, held) = try refusal(file, folder: folder)
    #expect(error?.line == 3 && error?.field == "country", "\(String(describing: error))")
    #expect(error?.message == "'China' has a second current_usd_millions figure for 2023 (the first is on line 2)")
    #expect(!held)
  }
}
