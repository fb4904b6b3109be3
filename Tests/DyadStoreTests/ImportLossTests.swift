import DyadCore
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import GRDB
import Testing

/// A re-import that would lose much of a dataset (a truncated or wrong file) stops, names what
/// would be lost and changes nothing, unless the caller says to replace.
@Suite("Import loss")
struct ImportLossTests {
  let folder = try! TemporaryFolder("dyad-import-loss")
  let importer = FixtureImporter()

  /// A fixture file with one China–Russia value for each year.
  func file(_ name: String, years: ClosedRange<Int>, value: Int = 1) throws -> [URL] {
    let rows = years.map { "CHN,RUS,\($0),\(value)\n" }.joined()
    return [try folder.write("\(name)/fixture.csv", "state,partner,year,value\n" + rows)]
  }

  func stored(_ store: Store) throws -> (rows: Int, dataset: Row?) {
    try store.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM observation WHERE dataset = 'fixture'") ?? 0,
        try Row.fetchOne(db, sql: "SELECT row_count, coverage_from, coverage_to, checksum FROM dataset WHERE name = 'fixture'")
      )
    }
  }

  @Test func aShrinkingReimportStopsAndNamesTheLoss() throws {
    let store = try Store.open(at: folder.path("loss.sqlite"))
    guard case .imported = try store.importDataset(importer, files: try file("whole", years: 2000...2009)) else {
      Issue.record("the first import should write")
      return
    }
    let before = try stored(store)
    #expect(before.rows == 10)

    // Four of the ten rows: too few rows, and the years 2004–2009 gone.
    let truncated = try file("truncated", years: 2000...2003)
    let error = try #require(throws: ImportLossError.self) {
      _ = try store.importDataset(importer, files: truncated)
    }
    #expect(error.previousRows == 10 && error.rows == 4)
    #expect(error.lostRows)
    #expect(error.lostYears == [try YearRange(from: 2004, to: 2009)])
    #expect(
      error.description
        == "fixture: this import would replace the 10 rows covering 2000–2009 the store holds with 4 rows covering "
        + "2000–2003, losing more than half the rows and the years 2004–2009; the store is unchanged. If these files "
        + "are meant to replace it, run the import again with --replace.")
    let after = try stored(store)
    #expect(after.rows == before.rows)
    #expect(after.dataset == before.dataset)

    // Six rows keep more than half, but both ends are lost.
    let middle = try file("middle", years: 2002...2007)
    let ends = try #require(throws: ImportLossError.self) { _ = try store.importDataset(importer, files: middle) }
    #expect(!ends.lostRows)
    #expect(ends.lostYears == [try YearRange(from: 2000, to: 2001), try YearRange(from: 2008, to: 2009)])
    #expect(try stored(store).rows == 10)

    // New values for the same years, and more years, replace freely.
    guard case .imported = try store.importDataset(importer, files: try file("revised", years: 2000...2012, value: 2))
    else {
      Issue.record("a revision with more years should import")
      return
    }
    #expect(try stored(store).rows == 13)

    // Asked to replace, the truncated file replaces the dataset.
    guard case .imported(let summary) = try store.importDataset(importer, files: truncated, replace: true) else {
      Issue.record("--replace should import")
      return
    }
    #expect(summary.rowsWritten == 4)
    #expect(try stored(store).rows == 4)
    #expect(try stored(store).dataset?["coverage_to"] as Int? == 2003)
  }

  @Test func theRuleKeepsHalfTheRowsAndEveryYear() {
    #expect(
      ImportLossError.check(dataset: "x", previousRows: 0, previousCoverage: nil, rows: 0, coverage: nil) == nil)
    #expect(
      ImportLossError.check(
        dataset: "x", previousRows: 10, previousCoverage: try! YearRange(from: 1990, to: 1999), rows: 5,
        coverage: try! YearRange(from: 1990, to: 1999)) == nil)
    #expect(
      ImportLossError.check(
        dataset: "x", previousRows: 10, previousCoverage: try! YearRange(from: 1990, to: 1999), rows: 0,
        coverage: nil)?.lostYears == [try! YearRange(from: 1990, to: 1999)])
  }
}
