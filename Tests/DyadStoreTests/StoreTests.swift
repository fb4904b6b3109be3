import DyadCore
import DyadData
import DyadImport
import DyadTestSupport
import Foundation
import GRDB
import Testing

@testable import DyadStore

@Suite("Store")
struct StoreTests {
  let folder: TemporaryFolder
  let curated: URL

  init() throws {
    folder = try TemporaryFolder()
    curated = try Fixtures.curated(in: folder)
  }

  func open(_ name: String = "dyad.sqlite") throws -> Store {
    try Store.open(at: folder.path(name), registry: Fixtures.registry, curatedDirectory: curated)
  }

  @Test("the store path: --store, then DYAD_STORE, then XDG_DATA_HOME, then ~/.local/share")
  func defaultPath() {
    #expect(Store.defaultPath(explicit: "/x.sqlite", environment: ["DYAD_STORE": "/y"]) == "/x.sqlite")
    #expect(Store.defaultPath(environment: ["DYAD_STORE": "/y.sqlite", "XDG_DATA_HOME": "/d"]) == "/y.sqlite")
    #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/dyad/dyad.sqlite")
    #expect(Store.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/dyad/dyad.sqlite")
  }

  /// Writes a store migrated up to v4 (before the similarity table was packed), then `fill`s it.
  func makeV4Store(_ name: String, fill: (Database) throws -> Void) throws {
    let queue = try DatabaseQueue(path: folder.path(name))
    var migrator = DatabaseMigrator()
    for (name, body) in StoreMigrations.all.prefix(while: { $0.0 != "v5-similarity-packed" }) {
      migrator.registerMigration(name, migrate: body)
    }
    try migrator.migrate(queue)
    try queue.write(fill)
  }

  @Test("a store made before the similarity table was packed keeps its rows, now packed by dyad")
  func similarityTableIsPackedByMigration() throws {
    // A store at v4, with three dyad-years in the row-per-dyad-year table.
    try makeV4Store("v4.sqlite") { db in
      for year in [2018, 2019, 2020] {
        try db.execute(
          sql: "INSERT INTO unga_similarity_year VALUES (?, 10, 3, 3, 0.5, 0.5, 0.1, 0.2, 0.2)", arguments: [year])
      }
      try db.execute(
        sql: """
          INSERT INTO unga_similarity VALUES
            ('CHN', 'RUS', 2018, 5, 1, 0, 0, 2, 0, 0, 0, 2, 10000, 9000, 8333, 7500, 300),
            ('CHN', 'RUS', 2020, 300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL),
            ('RUS', 'USA', 2019, 0, 1, 4, 0, 0, 1, 3, 0, 1, 0, 50, 1, 0, 9999)
          """)
    }
    let store = try open("v4.sqlite")
    let rows = try store.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM unga_similarity ORDER BY state_a, state_b, year").map {
        row in Array(row.databaseValues.map(\.storage))
      }
    }
    func values(_ a: String, _ b: String, _ year: Int, _ numbers: [Int?]) -> [DatabaseValue.Storage] {
      // Since v9 the rows say their dataset; those of v4 are unga-votes'.
      [.string("unga-votes"), .string(a), .string(b), .int64(Int64(year))]
        + numbers.map { $0.map { .int64(Int64($0)) } ?? .null }
    }
    #expect(
      rows == [
        values("CHN", "RUS", 2018, [5, 1, 0, 0, 2, 0, 0, 0, 2, 10000, 9000, 8333, 7500, 300]),
        values("CHN", "RUS", 2020, [300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, nil, nil]),
        values("RUS", "USA", 2019, [0, 1, 4, 0, 0, 1, 3, 0, 1, 0, 50, 1, 0, 9999]),
      ])
    // One row per dyad; 2019, without CHN–RUS votes, is an empty record in its span.
    let dyads = try store.read { db in
      try Row.fetchAll(
        db, sql: "SELECT state_a, first_year, last_year, length(data) FROM unga_similarity_dyad ORDER BY 1"
      )
      .map { [$0[0] as String, "\($0[1] as Int)", "\($0[2] as Int)", "\($0[3] as Int)"] }
    }
    #expect(dyads == [["CHN", "2018", "2020", "84"], ["RUS", "2019", "2019", "28"]])
    // The measures view reads the unpacked rows: 9 of 10 identical, one yes against abstain.
    let agree = try store.read { db in
      try Double.fetchOne(db, sql: "SELECT agree FROM unga_similarity_measures WHERE state_a = 'CHN' AND year = 2018")
    }
    #expect(agree == 0.9)
  }

  @Test("a store without the old similarity table (from a development build) still migrates")
  func similarityMigrationWithoutTheOldTable() throws {
    try makeV4Store("v4-bare.sqlite") { db in
      try db.execute(sql: "DROP VIEW unga_similarity_measures; DROP TABLE unga_similarity")
    }
    let store = try open("v4-bare.sqlite")
    #expect(try store.count("unga_similarity_dyad") == 0)
    #expect(try store.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) } == StoreMigrations.known)
  }

  @Test("v6 keeps every observation and IMF row, and lets a figure be estimated")
  func estimatedStatusMigration() throws {
    let queue = try DatabaseQueue(path: folder.path("v5.sqlite"))
    var migrator = DatabaseMigrator()
    for (name, body) in StoreMigrations.all.prefix(while: { $0.0 != "v6-estimated-status" }) {
      migrator.registerMigration(name, migrate: body)
    }
    try migrator.migrate(queue)
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO source (id, key, publisher, title, date, url) VALUES (1, 'k', 'P', 'T', '2024', 'https://example.org');
          INSERT INTO dataset (name, title, version, source_id, imported_at, row_count, checksum)
            VALUES ('sipri-milex', 'SIPRI', '2024', 1, '2026-01-01T00:00:00Z', 2, 'x');
          INSERT INTO observation VALUES ('sipri-milex', 'milex', 'CHN', '', 2020, 252.3, 'observed', 1);
          INSERT INTO observation VALUES ('sipri-milex', 'milex', 'RUS', '', 1991, NULL, 'missing', 1);
          INSERT INTO imf_dots VALUES ('RUS', 'China', 'CHN', 'state', 'exports', 'fob', 2020, 49.1, 'observed');
          """)
      // Before v6 an estimate is refused by the CHECK constraint.
      #expect(throws: DatabaseError.self) {
        try db.execute(
          sql: "INSERT INTO observation VALUES ('sipri-milex', 'milex', 'USA', '', 2020, 1.0, 'estimated', 1)")
      }
    }
    try queue.close()
    let store = try open("v5.sqlite")
    let rows = try store.read { db in
      try Row.fetchAll(db, sql: "SELECT state_a, year, value, status FROM observation ORDER BY state_a").map {
        "\($0[0] as String) \($0[1] as Int) \(($0[2] as Double?).map { "\($0)" } ?? "NULL") \($0[3] as String)"
      }
    }
    #expect(rows == ["CHN 2020 252.3 observed", "RUS 1991 NULL missing"])
    #expect(try store.count("imf_dots") == 1)
    try DatabaseQueue(path: folder.path("v5.sqlite")).write { db in
      try db.execute(
        sql: "INSERT INTO observation VALUES ('sipri-milex', 'milex', 'USA', '', 2020, 1.0, 'estimated', 1)")
      try db.execute(
        sql: "INSERT INTO imf_dots VALUES ('RUS', 'India', 'IND', 'state', 'exports', 'fob', 2020, 5.8, 'estimated')")
      // Missing is still never a value.
      #expect(throws: DatabaseError.self) {
        try db.execute(
          sql: "INSERT INTO observation VALUES ('sipri-milex', 'milex', 'GBR', '', 2020, NULL, 'estimated', 1)")
      }
    }
  }

  @Test("opening migrates to every known migration and loads the curated data once")
  func migratesAndSeeds() throws {
    let store = try open()
    let applied = try store.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) }
    #expect(applied == StoreMigrations.known)
    #expect(try store.count("treaty") == 1)
    #expect(try store.count("event") == 1)
    #expect(try store.count("membership") == 1)
    #expect(try store.count("exercise") == 1)
    #expect(try store.count("reported_trade") == 1)
    #expect(try store.count("state") == 3)
    let datasets = try store.datasets()
    #expect(datasets.map(\.name) == ["curated"])
    // One row each of treaties, events, memberships, exercises, trade, vetoes, tallies and leaders.
    #expect(datasets[0].rowCount == 8)
    #expect(datasets[0].coverage == (try YearRange(from: 2001, to: 2024)))
    #expect(try store.count("curated_veto") == 1 && store.count("official_tally") == 1)
    #expect(try store.count("leader_spell") == 1)
    // Opening again changes nothing: same checksum, same import time.
    let again = try open()
    #expect(try again.datasets() == datasets)
  }

  @Test("queries return curated rows with their sources")
  func queries() throws {
    let store = try open()
    let dyad = try Dyad("RUS", "CHN")
    let events = try store.events(involving: dyad)
    #expect(events.map(\.id) == ["e1"])
    #expect(events[0].source.url == "https://example.org/a")
    #expect(events[0].states == ["CHN", "RUS"])
    #expect(try store.events(involving: dyad, years: try YearRange(from: 2023, to: 2024)).isEmpty)
    #expect(try store.events(involving: dyad, kinds: [.leaderMeeting]).isEmpty)
    #expect(try store.treaties(binding: dyad).first?.obligations == [.nonaggression, .consultation])
    #expect(try store.exercises(involving: dyad).first?.isBilateral == true)
    #expect(try store.reportedTrade(for: dyad).first?.valueUSDMillions == 240110)
    #expect(try store.events(involving: try Dyad("USA", "CHN")).isEmpty)
  }

  @Test("an import is idempotent: the same file twice changes nothing")
  func idempotentImport() throws {
    let store = try open()
    let file = try folder.write("fixture.csv", "state,partner,year,value\nChina,Russia,2000,1.5\nPRC,USA,2001,\n")
    let first = try store.importDataset(FixtureImporter(), files: [file])
    #expect(
      first == .imported(ImportSummary(rowsRead: 2, rowsWritten: 2, coverage: try YearRange(from: 2000, to: 2001))))
    let snapshot = try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM observation ORDER BY year") }
    #expect(snapshot.count == 2)
    // Missing is stored as missing, not zero.
    #expect(snapshot[1]["value"] as Double? == nil)
    #expect(snapshot[1]["status"] as String == "missing")
    #expect(try store.importDataset(FixtureImporter(), files: [file]) == .unchanged)
    #expect(try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM observation ORDER BY year") } == snapshot)
  }

  @Test("a bad row stops the import with its line and field, and the store is exactly as before")
  func atomicImport() throws {
    let store = try open()
    let good = try folder.write("fixture.csv", "state,partner,year,value\nChina,Russia,2000,1.5\n")
    _ = try store.importDataset(FixtureImporter(), files: [good])
    let before = try store.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT * FROM observation"),
        try Row.fetchAll(db, sql: "SELECT * FROM dataset ORDER BY name")
      )
    }
    let bad = try folder.write(
      "bad/fixture.csv", "state,partner,year,value\nChina,Russia,2001,2\nChina,Russia,2002,lots\n")
    #expect {
      _ = try store.importDataset(FixtureImporter(), files: [bad])
    } throws: { error in
      let error = try #require(error as? ImportError)
      return error.file == "fixture.csv" && error.line == 3 && error.field == "value"
    }
    let after = try store.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT * FROM observation"),
        try Row.fetchAll(db, sql: "SELECT * FROM dataset ORDER BY name")
      )
    }
    #expect(after.0 == before.0)
    #expect(after.1 == before.1)
  }

  @Test("a file that is not SQLite is refused with a clear message and left untouched")
  func unreadableStore() throws {
    let path = try folder.write("junk.sqlite", String(repeating: "not a database\n", count: 100)).path
    #expect {
      _ = try Store.open(at: path, registry: Fixtures.registry, curatedDirectory: curated)
    } throws: { error in
      "\(error)".contains("is not a readable Dyad store")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("not a database"))
  }

  @Test("a store from a newer version is refused, and not changed")
  func newerStore() throws {
    _ = try open("newer.sqlite")
    let queue = try DatabaseQueue(path: folder.path("newer.sqlite"))
    try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
    let before = try Data(contentsOf: URL(fileURLWithPath: folder.path("newer.sqlite")))
    #expect {
      _ = try open("newer.sqlite")
    } throws: { error in
      "\(error)".contains("newer version of Dyad") && "\(error)".contains("v99-future")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("newer.sqlite"))) == before)
  }

  @Test("a corrupt curated row is reported with file, line and field, and the store is not changed")
  func corruptCurated() throws {
    let store = try open()
    let rowsBefore = try store.count("event")
    let broken = try TemporaryFolder()
    let dir = try Fixtures.curated(
      in: broken,
      events: "e1,2022-02-04,day,joint-statement,CHN;RUS,Fine,Text,Beijing,\(Fixtures.source)\n"
        + "e2,2022-02-30,day,joint-statement,CHN;RUS,Bad date,Text,Beijing,\(Fixtures.source)\n")
    #expect {
      _ = try Store.open(at: folder.path("dyad.sqlite"), registry: Fixtures.registry, curatedDirectory: dir)
    } throws: { error in
      let error = try #require(error as? ImportError)
      return error.file == "events.csv" && error.line == 3 && error.field == "date"
    }
    #expect(try store.count("event") == rowsBefore)
  }
}
