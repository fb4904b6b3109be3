import DyadCore
import DyadFast
import Foundation
import GRDB

extension Store {
  /// The checksum recorded by a dataset's last import, or `nil` when the store does not hold it.
  public func recordedChecksum(of dataset: String) throws -> String? {
    try queue.read { db in
      try String.fetchOne(db, sql: "SELECT checksum FROM \(DatasetRow.tableName) WHERE name = ?", arguments: [dataset])
    }
  }

  /// Writes a dataset in one transaction, replacing any earlier import of it: empties the tables
  /// the dataset owns and its rows of the shared tables, lets `body` write through a sink, then
  /// records the dataset with its coverage and checksum. An error anywhere rolls everything back.
  ///
  /// - Parameters:
  ///   - tables: the records of the tables the dataset owns (emptied first).
  ///   - checksum: the digest of the files, asked for after `body` has run (an importer may have
  ///     computed it while reading).
  ///   - check: asked, before the transaction commits, with what the store held of the dataset
  ///     (`nil` for a first import) and what `body` wrote; an error it throws rolls back.
  ///   - release: the release `dyad sync` fetched, recorded with its files in the same transaction.
  public func replaceDataset(
    _ info: DatasetInfo, tables: [any StoreRecord.Type], sourcePath: String?, release: DatasetRelease? = nil,
    checksum: () throws -> String,
    check: (_ previous: ImportSummary?, _ summary: ImportSummary) throws -> Void = { _, _ in },
    _ body: (any ImportSink) throws -> ImportSummary
  ) throws -> ImportSummary {
    // The release the store holds is kept beside it when other files replace it.
    let incoming = try archiveRelease(of: info.name, tables: tables.map { StoreSchema.columns(of: $0).table })
    do {
      let summary = try queue.write { db in
        let previous = try Row.fetchOne(
          db, sql: "SELECT row_count, coverage_from, coverage_to FROM \(DatasetRow.tableName) WHERE name = ?",
          arguments: [info.name]
        ).map { row in
          ImportSummary(
            rowsWritten: row["row_count"],
            coverage: (row["coverage_from"] as Int?).flatMap { from in
              (row["coverage_to"] as Int?).flatMap { try? YearRange(from: from, to: $0) }
            })
        }
        for record in tables { try db.execute(sql: "DELETE FROM \(StoreSchema.columns(of: record).table)") }
        // The shared tables' rows of the dataset (links of events and exercises go with them).
        for record in StoreSchema.sharedRecords {
          try db.execute(
            sql: "DELETE FROM \(StoreSchema.columns(of: record).table) WHERE dataset = ?", arguments: [info.name])
        }
        try db.execute(sql: "DELETE FROM \(DatasetFileRow.tableName) WHERE dataset = ?", arguments: [info.name])
        try db.execute(sql: "DELETE FROM \(DatasetRow.tableName) WHERE name = ?", arguments: [info.name])
        let sink = StoreSink(db: db, dataset: info.name)
        let sourceID = try sink.sourceID(for: info.source)
        let summary = try body(sink)
        try check(previous, summary)
        try sink.insert(
          DatasetRow(
            name: info.name, title: info.title, version: info.version, sourceID: sourceID,
            coverage: summary.coverage, importedAt: Self.timestamp(),
            rowCount: summary.rowsWritten, checksum: try checksum(), path: sourcePath, release: release,
            toldRelease: summary.release))
        for file in release?.files ?? [] { try sink.insert(DatasetFileRow(dataset: info.name, file: file)) }
        return summary
      }
      if let incoming { try keepArchivedRelease(incoming) }
      return summary
    } catch {
      if let incoming { try? FileManager.default.removeItem(at: incoming) }
      throw error
    }
  }

  /// Records the release a sync fetched for a dataset the store already holds from the same bytes
  /// (a new address or new validators for unchanged files), in one transaction.
  public func recordRelease(_ release: DatasetRelease, of dataset: String) throws {
    try queue.write { db in
      guard
        try Bool.fetchOne(db, sql: "SELECT 1 FROM \(DatasetRow.tableName) WHERE name = ?", arguments: [dataset]) == true
      else {
        throw StoreError(path: path, message: "cannot record a release of \(dataset): the store does not hold it")
      }
      try db.execute(
        sql:
          "UPDATE \(DatasetRow.tableName) SET release = ?, retrieved_at = ?, retrieved_from = ?, path = ? WHERE name = ?",
        arguments: [release.name, release.retrievedAt, release.origin, release.origin, dataset])
      try db.execute(sql: "DELETE FROM \(DatasetFileRow.tableName) WHERE dataset = ?", arguments: [dataset])
      let sink = StoreSink(db: db, dataset: dataset)
      for file in release.files { try sink.insert(DatasetFileRow(dataset: dataset, file: file)) }
    }
  }

  /// The release a dataset's last sync recorded, or `nil` when the store does not hold the dataset
  /// or filled it from local files.
  public func release(of dataset: String) throws -> DatasetRelease? {
    try queue.read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT release, retrieved_at, retrieved_from FROM \(DatasetRow.tableName) WHERE name = ?",
          arguments: [dataset]),
        let name: String = row["release"], let retrievedAt: String = row["retrieved_at"],
        let origin: String = row["retrieved_from"]
      else { return nil }
      let files = try Row.fetchAll(
        db, sql: "SELECT * FROM \(DatasetFileRow.tableName) WHERE dataset = ? ORDER BY file", arguments: [dataset]
      ).map { row in
        DatasetRelease.File(
          name: row["file"], url: row["url"], byteCount: row["byte_count"], sha256: row["sha256"], etag: row["etag"],
          lastModified: row["last_modified"])
      }
      return DatasetRelease(name: name, retrievedAt: retrievedAt, origin: origin, files: files)
    }
  }

  /// An ISO 8601 time, to the second, in UTC: when a dataset was imported or fetched.
  package static func timestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
