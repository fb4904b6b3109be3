import DyadCore
import Testing

@testable import DyadAnalysis

/// The merge rule of ``MergedExercise/merge(_:)`` on hand-made reports: name (series, in any
/// language), date (same year, within four weeks) and participants, one report per dataset.
@Suite("Merged exercises")
struct MergedExerciseTests {
  static let source = Source(publisher: "Test", title: "Test source", date: "2024", url: "https://example.org")

  static func report(
    _ id: String, _ name: String, _ start: Day, end: Day? = nil, precision: DatePrecision = .day,
    _ participants: [StateID] = ["CHN", "RUS"], dataset: String, unnamed: Bool = false
  ) -> ReportedExercise {
    ReportedExercise(
      exercise: Exercise(
        id: id, name: name, start: start, end: end, precision: precision, participants: participants,
        isBilateral: participants.count == 2, domain: "counter-terrorism", location: nil, description: "",
        source: Source(publisher: dataset, title: id, date: "2024", url: "https://example.org/\(id)")),
      dataset: dataset, isUnnamed: unnamed)
  }

  static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

  @Test("Peace Mission 2009 reported by the curated list, the Russian MoD and MME is one exercise")
  func peaceMission2009() {
    let merged = MergedExercise.merge([
      Self.report("jme-ru-79", "Мирная миссия-2009", Day.startOf(year: 2009), precision: .year, dataset: "exercises"),
      Self.report(
        "mme-mme3247", "Peace Mission 2009", Self.day(2009, 7, 22), end: Self.day(2009, 7, 26), dataset: "mme"),
      Self.report("peace-mission-2009", "Peace Mission 2009", Self.day(2009, 7, 22), dataset: "curated"),
    ])
    #expect(merged.count == 1)
    #expect(merged.first?.reportedBy == ["curated", "mme", "exercises"])
    #expect(merged.first?.name == "Peace Mission 2009")
    #expect(merged.first?.otherNames == ["Мирная миссия-2009"])
    #expect(merged.first?.sources.count == 3)
  }

  @Test("MME's English name and the MoD's Russian name of Norak-Antiterror-2009 match; MME leads")
  func norak() {
    let merged = MergedExercise.merge([
      Self.report(
        "jme-ru-82", "Норак-Антитеррор-2009", Day.startOf(year: 2009), precision: .year, ["RUS", "KAZ", "KGZ", "CHN"],
        dataset: "exercises"),
      Self.report(
        "mme-mme3230", "Norak-Antiterror-2009", Self.day(2009, 4, 17), ["CHN", "KAZ", "KGZ", "RUS", "TJK"],
        dataset: "mme"),
    ])
    #expect(merged.map(\.name) == ["Norak-Antiterror-2009"])
    #expect(merged.first?.displayName == "Norak-Antiterror-2009")
  }

  @Test("reports stay apart: another series, another year, dates months apart, unnamed, one dataset twice")
  func apart() {
    let merged = MergedExercise.merge([
      Self.report("a", "Peace Mission 2009", Self.day(2009, 7, 22), dataset: "curated"),
      // Same series and year, but five months later.
      Self.report("b", "Peace Mission 2009", Self.day(2009, 12, 20), dataset: "mme"),
      // Same series, the next year.
      Self.report("c", "Мирная миссия-2010", Day.startOf(year: 2010), precision: .year, dataset: "exercises"),
      // Unnamed: never matched by name.
      Self.report(
        "d", "Unnamed exercise, Chebarkul, 2009-07", Self.day(2009, 7, 1), precision: .month, dataset: "mme",
        unnamed: true),
      Self.report(
        "e", "Unnamed exercise, Chebarkul, 2009-07", Self.day(2009, 7, 1), precision: .month, dataset: "exercises",
        unnamed: true),
      // Another series the same week.
      Self.report("f", "Joint Sea 2009", Self.day(2009, 7, 23), dataset: "exercises"),
    ])
    #expect(merged.count == 6)
  }

  @Test("within four weeks and month precision: a month-dated MME report matches a day-dated curated one")
  func nearDates() {
    let merged = MergedExercise.merge([
      Self.report("x", "Joint Sea 2007", Self.day(2007, 9, 4), dataset: "curated"),
      Self.report("y", "Joint Sea 2007", Self.day(2007, 8, 1), precision: .month, dataset: "mme"),
      Self.report("z", "Joint Sea 2007", Self.day(2007, 10, 30), dataset: "exercises"),
    ])
    // x (4 Sep) is within 4 days of August (y); z (30 Oct) is 56 days after x.
    #expect(merged.count == 2)
    #expect(merged.first { $0.id == "x" }?.reportedBy == ["curated", "mme"])
  }
}
