import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// Imports of the hand-made votes folder into a real store: the answers, and the rejection of
/// malformed files with the store left unchanged.
@Suite struct DiplomaticImportTests {
  func fixtureStore(_ folder: TemporaryFolder) throws -> Store {
    let store = try Store.open(at: folder.path("store.sqlite"))
    let importer = UNGAVotesImporter()
    _ = try store.importDataset(importer, files: try importer.inputFiles(at: try DiplomaticFixture.write(in: folder)))
    return store
  }

  @Test func alignmentOfTheFixture() throws {
    let folder = try TemporaryFolder("dipl-store")
    let store = try fixtureStore(folder)
    let summary = try store.alignment(for: try Dyad("CHN", "RUS"))
    #expect(summary.rows.map(\.year) == [1985, 2019])
    let year = try #require(summary.row(inYear: 2019))
    #expect(year.measures.n == 3)
    #expect(abs(year.measures.pi! - 5.0 / 11) < 1e-12)
    #expect(year.percentiles.s == 83.33)
    #expect(abs(year.medians.s! - -1.0 / 6) < 1e-12)
    #expect(year.dyads == 6)
    // Important votes only (7 and 9): identical votes, so every measure is 1.
    let important = try #require(try store.alignment(for: try Dyad("CHN", "RUS"), importantOnly: true).row(inYear: 2019))
    #expect(important.measures.n == 2 && important.measures.kappa == 1 && important.measures.pi == 1)
    // Human rights (7 and 8): yes–yes and abstain–yes.
    let hr = try #require(try store.alignment(for: try Dyad("CHN", "RUS"), issue: .humanRights).row(inYear: 2019))
    #expect(hr.measures.n == 2 && hr.measures.agree == 0.5 && hr.measures.agreeHalf == 0.75)
    // USA–Namibia 1990: yes twice; π and κ undefined, so no percentile either.
    let unanimous = try #require(try store.alignment(for: try Dyad("USA", "NAM")).row(inYear: 1990))
    #expect(unanimous.measures.agree == 1 && unanimous.measures.kappa == nil && unanimous.percentiles.kappa == nil)
  }

  @Test func missingDatasetsNameTheImportCommand() throws {
    let folder = try TemporaryFolder("dipl-store")
    let store = try Store.open(at: folder.path("empty.sqlite"))
    let error = #expect(throws: DatasetNotImportedError.self) { _ = try store.alignment(for: try Dyad("CHN", "RUS")) }
    #expect(error?.description.contains("dyad import unga-votes") == true)
    #expect(throws: DatasetNotImportedError.self) { _ = try store.vetoes(for: try Dyad("CHN", "RUS")) }
    #expect(throws: DatasetNotImportedError.self) { _ = try store.idealPoints(for: try Dyad("CHN", "RUS")) }
    // Institutions fall back on the curated memberships alone.
    let institutions = try store.sharedInstitutions(for: try Dyad("CHN", "RUS"))
    #expect(institutions.igoCoverage == nil && institutions.memberships.contains { $0.institution == "SCO" })
  }

  @Test(arguments: [
    ("bad vote value", 15, "vote"), ("unknown country", 12, "country"), ("truncated line", 38, nil),
  ] as [(String, Int, String?)])
  func malformedVotesAreRejectedAndTheStoreIsUnchanged(_ kind: String, _ line: Int, _ field: String?) throws {
    let folder = try TemporaryFolder("dipl-store")
    let store = try fixtureStore(folder)
    let before = try store.dataset(named: "unga-votes")
    let tables = ["unga_vote", "unga_roll_call", "unga_similarity", "unga_voter"]
    let counts = try tables.map { try store.count($0) }
    let bad = try DiplomaticFixture.write(in: folder, name: "bad") { lines in
      switch kind {
      case "bad vote value": lines[14] = "4,Russia,RU,maybe"
      case "unknown country": lines[11] = "3,Atlantis,AT,no"
      default: lines.append("9,Chi")
      }
    }
    let importer = UNGAVotesImporter()
    let error = #expect(throws: ImportError.self) {
      _ = try store.importDataset(importer, files: try importer.inputFiles(at: bad))
    }
    #expect(error?.file == "un_votes.csv")
    #expect(error?.line == line)
    #expect(error?.field == field)
    #expect(try store.dataset(named: "unga-votes") == before)
    #expect(try tables.map { try store.count($0) } == counts)
  }
}
