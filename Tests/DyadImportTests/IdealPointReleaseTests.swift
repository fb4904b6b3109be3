import DyadAnalysis
import DyadCore
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadImport

/// The June 2024 ideal points beside the July 2023 ones. Expected values are PROVENANCE's: session
/// 78 (2023) USA 2.500, Russia −0.532, China −0.801; session 77 China −1.092 in June 2024 against
/// −0.98 in July 2023 (re-fitted with each release).
@Suite(
  "Ideal points: the June 2024 release beside July 2023",
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct IdealPointReleaseTests {
  @Test func bothReleasesAreKeptAndEachValueNamesItsRelease() throws {
    let folder = try TemporaryFolder("dyad-ideal-releases")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = UNGAIdealPointsImporter()
    _ = try store.importDataset(
      importer, files: [SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jul2023.csv")])
    // The folder's file is the June 2024 release.
    _ = try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder("unga-ideal-points")))
    let june = try store.idealPoints(for: try Dyad("CHN", "RUS"))
    let last = try #require(june.rows.last)
    #expect(last.session == 78 && abs(last.first.value - -0.801) < 0.0005 && abs(last.second.value - -0.532) < 0.0005)
    #expect(abs((june.rows.first { $0.session == 77 }?.first.value ?? 0) - -1.092) < 0.0005)
    #expect(try store.dataset(named: "unga-ideal-points")?.release == "June 2024 (sessions 1–78)")

    let kept = try #require(try store.archivedReleases(of: "unga-ideal-points").first)
    #expect(kept.name == "July 2023 (sessions 1–77)")
    let july = try Store.open(at: store.path, releases: [kept])
    let earlier = try #require(try july.idealPoints(for: try Dyad("CHN", "RUS")).rows.last)
    #expect(earlier.session == 77 && abs(earlier.first.value - -0.98) < 0.005)
  }

  @Test func theReleaseIsToldByTheFileName() {
    #expect(
      UNGAIdealPointsImporter.release(of: "IdealpointestimatesAll_Jun2024.csv", lastSession: 78)
        == "June 2024 (sessions 1–78)")
    #expect(UNGAIdealPointsImporter.release(of: "ideal.csv", lastSession: 77) == "sessions 1–77")
  }
}
