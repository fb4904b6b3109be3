import DyadCore
import Foundation
import GRDB

/// An earlier release of a dataset, kept beside the store when a newer one replaced it: SIPRI
/// revises past years in every edition and ideal points are re-fitted each release, so an analyst
/// can read the figures of the release a study used (`--release NAME=RELEASE`).
public struct ArchivedRelease: Sendable, Hashable {
  /// The dataset's name.
  public let dataset: String
  /// The release's name (the one a sync fetched, else the dataset's version).
  public let name: String
  /// When it was imported, and the years it covers.
  public let importedAt: String
  public let coverage: YearRange?
  public let rowCount: Int
  /// The file holding it: `STORE.releases/NAME/ID.sqlite`.
  public let file: URL

  /// Its identifier, unique among the dataset's kept releases: when it was replaced
  /// (`2026-12-03T114512Z`).
  public var id: String { file.deletingPathExtension().lastPathComponent }

  /// Whether `text` names this release: its name, or the day (or time) it was imported.
  public func matches(_ text: String) -> Bool { name == text || importedAt.hasPrefix(text) }
}

extension Store {
  /// Where earlier releases of the store's datasets are kept: `STORE.releases/`.
  public var releasesFolder: URL { URL(fileURLWithPath: path + ".releases", isDirectory: true) }

  /// The tables shared by datasets, whose rows are told by their `dataset` column, and the link
  /// tables whose rows go with them.
  static let sharedTables = StoreSchema.sharedRecords.map { StoreSchema.columns(of: $0).table }
  static let linkTables = [("event_state", "event_id", "event"), ("exercise_state", "exercise_id", "exercise")]

  /// The earlier releases kept of a dataset, newest first.
  public func archivedReleases(of dataset: String) throws -> [ArchivedRelease] {
    let folder = releasesFolder.appendingPathComponent(dataset, isDirectory: true)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return try names.filter { $0.hasSuffix(".sqlite") }.sorted().reversed().compactMap { name in
      let file = folder.appendingPathComponent(name)
      var configuration = Configuration()
      configuration.readonly = true
      let archive = try DatabaseQueue(path: file.path, configuration: configuration)
      defer { try? archive.close() }
      return try archive.read { db -> ArchivedRelease? in
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE name = ?", arguments: [dataset]) else {
          return nil
        }
        let from: Int? = row["coverage_from"], to: Int? = row["coverage_to"]
        return ArchivedRelease(
          dataset: dataset, name: (row["release"] as String?) ?? row["version"], importedAt: row["imported_at"],
          coverage: from.flatMap { f in to.flatMap { try? YearRange(from: f, to: $0) } }, rowCount: row["row_count"],
          file: file)
      }
    }
  }

  /// Copies a dataset as the store holds it (its tables, its rows of the shared tables, its record)
  /// into a new file beside the store, to be kept once the import replacing it commits. `nil`
  /// when the store does not hold the dataset.
  func archiveRelease(of dataset: String, tables: [String]) throws -> URL? {
    guard
      try queue.read({ db in try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE name = ?", arguments: [dataset]) })
        == true
    else { return nil }
    let folder = releasesFolder.appendingPathComponent(dataset, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(".incoming-\(UUID().uuidString).sqlite")
    do {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "ATTACH DATABASE ? AS archive", arguments: [file.path])
        defer { try? db.execute(sql: "DETACH DATABASE archive") }
        try db.inTransaction {
          try db.execute(sql: "CREATE TABLE archive.archived_table (name TEXT PRIMARY KEY NOT NULL)")
          func copy(_ table: String, where condition: String = "1", _ arguments: StatementArguments = []) throws {
            try db.execute(
              sql: "CREATE TABLE archive.\"\(table)\" AS SELECT * FROM main.\"\(table)\" WHERE \(condition)",
              arguments: arguments)
          }
          for table in tables {
            try copy(table)
            try db.execute(sql: "INSERT INTO archive.archived_table VALUES (?)", arguments: [table])
          }
          for table in Self.sharedTables { try copy(table, where: "dataset = ?", [dataset]) }
          for (table, key, parent) in Self.linkTables {
            try copy(table, where: "\(key) IN (SELECT id FROM main.\(parent) WHERE dataset = ?)", [dataset])
          }
          try copy("dataset", where: "name = ?", [dataset])
          try copy("dataset_file", where: "dataset = ?", [dataset])
          return .commit
        }
      }
    } catch {
      try? FileManager.default.removeItem(at: file)
      throw error
    }
    return file
  }

  /// Keeps an archived release under its final name: the time it was replaced, so that names sort
  /// oldest first.
  func keepArchivedRelease(_ incoming: URL) throws {
    let stamp = Self.timestamp().replacingOccurrences(of: ":", with: "")
    var target = incoming.deletingLastPathComponent().appendingPathComponent("\(stamp).sqlite")
    var suffix = 1
    while FileManager.default.fileExists(atPath: target.path) {
      suffix += 1
      target = incoming.deletingLastPathComponent().appendingPathComponent("\(stamp)-\(suffix).sqlite")
    }
    try FileManager.default.moveItem(at: incoming, to: target)
  }

  /// The statements that make one connection read archived releases in place of the store's:
  /// each archive attached, and temporary views (which SQLite finds before the main tables) over
  /// their tables, and over the shared tables with the store's rows of those datasets swapped for
  /// theirs.
  static func releaseViews(_ releases: [ArchivedRelease], db: Database) throws {
    let aliases = releases.indices.map { "release\($0)" }
    for (release, alias) in zip(releases, aliases) {
      try db.execute(sql: "ATTACH DATABASE ? AS \(alias)", arguments: [release.file.path])
      for table in try String.fetchAll(db, sql: "SELECT name FROM \(alias).archived_table") {
        try requireSameColumns(table, alias: alias, release: release, db: db)
        try db.execute(sql: "CREATE TEMP VIEW \"\(table)\" AS SELECT * FROM \(alias).\"\(table)\"")
      }
      for table in sharedTables + ["dataset_file", "dataset"] + linkTables.map(\.0) {
        try requireSameColumns(table, alias: alias, release: release, db: db)
      }
    }
    let names = releases.map { "'" + $0.dataset.replacingOccurrences(of: "'", with: "''") + "'" }.joined(
      separator: ", ")
    func union(_ table: String) -> String { aliases.map { " UNION ALL SELECT * FROM \($0).\"\(table)\"" }.joined() }
    for (table, column) in sharedTables.map({ ($0, "dataset") }) + [("dataset_file", "dataset"), ("dataset", "name")] {
      try db.execute(
        sql:
          "CREATE TEMP VIEW \"\(table)\" AS SELECT * FROM main.\"\(table)\" WHERE \(column) NOT IN (\(names))\(union(table))"
      )
    }
    for (table, key, parent) in linkTables {
      try db.execute(
        sql: """
          CREATE TEMP VIEW "\(table)" AS SELECT * FROM main."\(table)"
            WHERE \(key) NOT IN (SELECT id FROM main."\(parent)" WHERE dataset IN (\(names)))\(union(table))
          """)
    }
  }

  private static func requireSameColumns(_ table: String, alias: String, release: ArchivedRelease, db: Database) throws
  {
    let main = try db.columns(in: table, in: "main").map(\.name)
    let archived = try db.columns(in: table, in: alias).map(\.name)
    guard main == archived else {
      throw StoreError(
        path: release.file.path,
        message:
          "the release \(release.name) of \(release.dataset) was kept by an older Dyad (its table \(table) has other columns); it cannot be read in place of the current one"
      )
    }
  }
}
