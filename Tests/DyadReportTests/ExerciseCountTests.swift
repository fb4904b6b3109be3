import DyadAnalysis
import DyadCore
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadReport

/// One drill is one exercise everywhere: with the curated exercises, the Russian MoD's `exercises`
/// and MME imported, `dyad facts`, `dyad military`, the timeline and the report count the same
/// merged China–Russia exercises.
@Suite(
  "Exercise counts agree", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ExerciseCountTests {
  static let folder = try! TemporaryFolder("dyad-exercise-counts")
  static let store: Result<Store, any Error> = Result {
    let store = try Store.open(at: folder.path("counts.sqlite"))
    for (name, path) in [("exercises", "joint-exercises-russia"), ("mme", "military-exercises-mme")] {
      guard let importer = DatasetCatalog.importers[name] else { throw CocoaError(.featureUnsupported) }
      _ = try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder(path)))
    }
    return store
  }
  static let dyad = try! Dyad("CHN", "RUS")
  static let today = Day(year: 2026, month: 11, day: 29)!

  /// The leading number of the first text that contains a marker.
  static func count(in texts: [String], _ marker: String) -> Int? {
    texts.first { $0.contains(marker) }.flatMap { Int($0.prefix { $0.isNumber }) }
  }

  @Test("facts, the military profile, the timeline and the report give one China–Russia count")
  func sameCount() throws {
    let store = try Self.store.get()
    let merged = try store.mergedExercises(involving: Self.dyad)
    let reports = try store.reportedExercises(involving: Self.dyad)
    #expect(merged.count < reports.count)

    let record = CuratedRecord(exercises: reports)
    let facts = record.facts(about: Self.dyad, names: { id, _ in id.rawValue }, asOf: 2026)
    let factCount = Self.count(in: facts.map(\.statement), "recorded joint exercises")

    let years = try YearRange(from: 1946, to: Self.today.year)
    let profile = try store.militaryProfile(for: Self.dyad, years: years)
    let profileCount = profile.rows.map(\.exerciseCount).reduce(0, +)

    let timeline = try store.timeline(for: Self.dyad, kinds: [.exercise])

    let registry = store.registry
    let report = try ReportBuilder(store: store, today: Self.today).build(
      try registry.resolve("China"), try registry.resolve("Russia"))
    let military = try #require(report.sections.first { $0.id == "military" })
    let paragraphs = military.blocks.compactMap { block -> String? in
      if case .paragraph(let p) = block { return p.text }
      return nil
    }
    let reportCount = Self.count(in: paragraphs, "joint exercises of")

    #expect(factCount == merged.count)
    #expect(profileCount == merged.count)
    #expect(timeline.count == merged.count)
    #expect(reportCount == merged.count)
  }

  @Test("Peace Mission 2009 (curated, MoD, MME) is one exercise; each MME China–Russia exercise appears once")
  func peaceMission2009() throws {
    let store = try Self.store.get()
    let merged = try store.mergedExercises(involving: Self.dyad)
    let pm2009 = merged.filter { $0.year == 2009 && ExerciseSeries.key(for: $0.name) == "peace mission" }
    #expect(pm2009.count == 1)
    #expect(Set(pm2009.first?.reportedBy ?? []) == ["curated", "exercises", "mme"])
    #expect(pm2009.first?.name == "Peace Mission 2009")
    let mme = try store.reportedExercises(involving: Self.dyad).filter { $0.dataset == "mme" }
    #expect(mme.count == 10)
    // MME (10) and the curated list share Peace Mission 2005, 2007, 2009 and 2010; the MoD and MME
    // share Peace Mission 2009 and 2010 and Norak-Antiterror-2009.
    let withMME = merged.filter { $0.reportedBy.contains("mme") }
    #expect(withMME.count == 10)
    #expect(withMME.filter { $0.reportedBy.contains("curated") }.map(\.year).sorted() == [2005, 2007, 2009, 2010])
    #expect(
      withMME.filter { $0.reportedBy.contains("exercises") }.map(\.name).sorted()
        == ["Norak-Antiterror-2009", "Peace Mission 2009", "Peace Mission 2010"])
  }
}
