import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// The MME importer on the real long table in `../shared/data/military-exercises-mme`.
///
/// The expected numbers come from the raw file, independently of Dyad, with:
///
/// ```python
/// import csv, collections
/// ex = {}
/// for r in csv.DictReader(open('mme-v7-long.csv', encoding='utf-8')):
///     key = (r['MMEID'], r['Ex_Name'], r['StartDate'], r['EndDate'], r['Location'])
///     ex.setdefault(key, (int(r['s.year']), r['Ex_Name'], set()))[2].add(r['gwcode'])
/// def per_year(a, b):
///     return collections.Counter(y for y, _, codes in ex.values() if a in codes and b in codes)
/// len(ex)                                     # 3707 exercises
/// per_year('710', '365')                      # China–Russia: 10
/// sorted(n for _, n, c in ex.values() if '710' in c and '365' in c)
/// per_year('2', '740')                        # United States–Japan: 211
/// per_year('750', '2')                        # India–United States: 56
/// ```
@Suite(
  "MME importer", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct MMEImporterTests {
  static let folder = try! TemporaryFolder("dyad-mme")
  static let store: Result<Store, any Error> = Result {
    let store = try Store.open(at: folder.path("mme.sqlite"))
    let importer = MMEImporter()
    _ = try store.importDataset(
      importer, files: try importer.inputFiles(at: SharedData.folder("military-exercises-mme")))
    return store
  }

  /// The MME exercises of a pair, by start year.
  static func perYear(_ a: String, _ b: String) throws -> [Int: Int] {
    let reports = try store.get().reportedExercises(involving: try Dyad(StateID(a), StateID(b)))
    var counts: [Int: Int] = [:]
    for report in reports where report.dataset == "mme" { counts[report.exercise.start.year, default: 0] += 1 }
    return counts
  }

  static func count(_ store: Store, _ table: String) throws -> Int {
    try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
  }

  @Test("China and Russia take part together in the 10 exercises of the raw file")
  func chinaRussia() throws {
    let reports = try Self.store.get().reportedExercises(involving: try Dyad("CHN", "RUS")).filter {
      $0.dataset == "mme"
    }
    #expect(reports.count == 10)
    #expect(try Self.perYear("CHN", "RUS") == [1999: 1, 2005: 1, 2007: 3, 2009: 2, 2010: 3])
    let named = reports.filter { !$0.isUnnamed }.map(\.exercise.name).sorted()
    #expect(
      named == [
        "Angkor Sentinel 2010", "Cooperation 2007", "Norak-Antiterror-2009", "Peace Mission 2005", "Peace Mission 2007",
        "Peace Mission 2009", "Peace Mission 2010",
      ])
    let unnamed = reports.filter(\.isUnnamed)
    #expect(unnamed.map(\.exercise.start.year).sorted() == [1999, 2007, 2010])
    #expect(unnamed.allSatisfy { $0.exercise.name.hasPrefix("Unnamed exercise") })
    // Angkor Sentinel 2010: 24 participants, all states.
    let angkor = try #require(reports.first { $0.exercise.name == "Angkor Sentinel 2010" })
    #expect(angkor.exercise.participants.count == 24)
    #expect(angkor.exercise.precision == .day && angkor.exercise.start == Day(year: 2010, month: 7, day: 17))
    // "2007-01-xx": month precision.
    let january = try #require(unnamed.first { $0.exercise.start.year == 2007 })
    #expect(january.exercise.precision == .month && january.exercise.start == Day(year: 2007, month: 1, day: 1))
  }

  @Test("pairs without China or Russia: United States–Japan and India–United States, year by year")
  func otherPairs() throws {
    let japan = try Self.perYear("USA", "JPN")
    #expect(japan.values.reduce(0, +) == 211)
    #expect(japan[1980] == 3 && japan[1988] == 16 && japan[2007] == 14 && japan[2010] == 10)
    let india = try Self.perYear("IND", "USA")
    #expect(
      india == [
        1992: 1, 1994: 1, 1995: 2, 1996: 1, 2001: 1, 2002: 7, 2003: 5, 2004: 5, 2005: 4, 2006: 6, 2007: 6, 2008: 7,
        2009: 4,
        2010: 6,
      ])
  }

  @Test(
    "every exercise is stored once; organisations are kept by name; coverage 1980–2010; a second import changes nothing"
  )
  func storedAndIdempotent() throws {
    let store = try Self.store.get()
    #expect(try Self.count(store, "exercise WHERE dataset = 'mme'") == 3707)
    #expect(try Self.count(store, "mme_exercise") == 3707)
    #expect(try Self.count(store, "mme_other_participant WHERE name = 'NATO' AND kind = 'organisation'") == 2)
    #expect(try Self.count(store, "mme_exercise WHERE unnamed = 1") == 1033)
    let dataset = try #require(try store.datasets().first { $0.name == "mme" })
    #expect(dataset.coverage == (try YearRange(from: 1980, to: 2010)))
    let before = try Self.count(store, "exercise_state")
    let importer = MMEImporter()
    _ = try store.importDataset(
      importer, files: try importer.inputFiles(at: SharedData.folder("military-exercises-mme")))
    #expect(try Self.count(store, "exercise_state") == before)
    #expect(try Self.count(store, "exercise WHERE dataset = 'mme'") == 3707)
  }

  /// The real file with one line changed.
  static func mutated(_ change: (inout [String]) -> Void, in folder: TemporaryFolder) throws -> URL {
    let text = try String(contentsOf: SharedData.file("military-exercises-mme", "mme-v7-long.csv"), encoding: .utf8)
    var lines = text.components(separatedBy: "\n")
    change(&lines)
    let url = folder.url.appendingPathComponent("mme-v7-long.csv")
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// Replaces one field of a line (a field without quotes or commas).
  static func replacing(_ line: String, field index: Int, with value: String) -> String {
    var fields = line.components(separatedBy: ",")
    fields[index] = value
    return fields.joined(separator: ",")
  }

  @Test(
    "a bad row stops the import naming the file, line and field; the store is unchanged",
    arguments: [
      // Line 2: mme100, Canada (GW 20). Columns: 3 gwcode, 4 country, 11 s.month, 12 s.day.
      (3, "1234", "gwcode"), (3, "abc", "gwcode"), (11, "13", "s.month"), (12, "xx", "StartDate"), (5, "1979", "year"),
    ])
  func badRow(field: Int, value: String, column: String) throws {
    let folder = try TemporaryFolder("dyad-mme-bad")
    let store = try Store.open(at: folder.path("bad.sqlite"))
    let url = try Self.mutated({ $0[1] = Self.replacing($0[1], field: field, with: value) }, in: folder)
    do {
      _ = try store.importDataset(MMEImporter(), files: [url])
      Issue.record("a bad \(column) was accepted")
    } catch let error as ImportError {
      #expect(error.file.hasSuffix("mme-v7-long.csv"))
      #expect(error.line == 2, "\(error)")
      #expect(error.field == column, "\(error)")
    }
    #expect(try store.datasets().first { $0.name == "mme" } == nil)
    #expect(try Self.count(store, "exercise WHERE dataset = 'mme'") == 0)
  }

  @Test("an unknown participant without a GW code is an error, not a guess")
  func unknownName() throws {
    let folder = try TemporaryFolder("dyad-mme-name")
    let store = try Store.open(at: folder.path("name.sqlite"))
    let url = try Self.mutated(
      { lines in
        lines[1] = Self.replacing(Self.replacing(lines[1], field: 3, with: "NA"), field: 4, with: "Atlantis")
      }, in: folder)
    #expect {
      _ = try store.importDataset(MMEImporter(), files: [url])
    } throws: { error in
      guard let error = error as? ImportError else { return false }
      return error.line == 2 && error.field == "country" && error.message.contains("Atlantis")
    }
  }

  @Test(
    "fuzz: random mutations of the real file never crash; a failure is an ImportError and leaves the store as it was")
  func fuzz() throws {
    var random = FastPathEquivalenceTests.Generator(state: 14)
    let folder = try TemporaryFolder("dyad-mme-fuzz")
    let garbage = ["", "xx", "-9", "NA", "\"", "1/1/1", "2010-13-01", "99999", "é", ",,", "mme", "0"]
    for round in 0..<6 {
      let url = try Self.mutated(
        { lines in
          for _ in 0..<3 {
            let line = Int.random(in: 1..<(lines.count - 60), using: &random)
            var fields = lines[line].components(separatedBy: ",")
            let field = Int.random(in: 0..<fields.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: fields[field] = garbage.randomElement(using: &random)!
            case 1: fields.remove(at: field)
            default: lines.insert(lines[line], at: line + Int.random(in: 2...50, using: &random))
            }
            lines[line] = fields.joined(separator: ",")
          }
        }, in: folder)
      let store = try Store.open(at: folder.path("fuzz-\(round).sqlite"))
      do {
        _ = try store.importDataset(MMEImporter(), files: [url])
        // A mutation may leave a valid file (a blank description): it is then imported whole.
        #expect(try Self.count(store, "exercise WHERE dataset = 'mme'") >= 3700, "round \(round)")
      } catch let error as ImportError {
        #expect(error.file.hasSuffix("mme-v7-long.csv"), "round \(round): \(error)")
        #expect(error.line != nil, "round \(round): \(error)")
        #expect(try Self.count(store, "exercise WHERE dataset = 'mme'") == 0, "round \(round)")
        #expect(try store.datasets().first { $0.name == "mme" } == nil, "round \(round)")
      }
    }
  }
}
