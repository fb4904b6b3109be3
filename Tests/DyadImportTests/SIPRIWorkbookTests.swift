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
}
