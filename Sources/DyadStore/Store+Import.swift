import DyadCore
import DyadData
import Foundation
import GRDB

/// What happened when a dataset was imported.
public enum ImportOutcome: Sendable, Equatable {
  /// The dataset was written (replacing an earlier import of it).
  case imported(ImportSummary)
  /// The same files were imported before: nothing changed.
  case unchanged
}

extension Store {
  /// Imports a dataset's files in one transaction, replacing any earlier import of the dataset.
  ///
  /// Importing the same files again changes nothing; an error in any row leaves the store exactly
  /// as it was.
  public func importDataset(
    _ importer: some DatasetImporter, files: [URL], sourcePath: String? = nil,
    progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) throws -> ImportOutcome {
    let info = importer.info
    let stored = try queue.read { db in
      try String.fetchOne(db, sql: "SELECT checksum FROM dataset WHERE name = ?", arguments: [info.name])
    }
    // Files of the size last imported may be the same files: their digest decides first. Files of
    // another size have changed: the import goes ahead, and their digest (recorded for the next
    // import) is taken from the importer where it computed it while reading them.
    let checksum: String?
    if let stored, Checksum.byteCount(of: stored) == (try Checksum.byteCount(of: files)) {
      let digest = try Checksum.of(files: files)
      if digest == stored { return .unchanged }
      checksum = digest
    } else {
      checksum = nil
    }
    let digests = FileDigests()
    let context = ImportContext(registry: registry, digests: digests, progress: progress)
    return try queue.write { db in
      for table in importer.tables { try db.execute(sql: "DELETE FROM \(table)") }
      for shared in ["observation", "event", "exercise"] {
        try db.execute(sql: "DELETE FROM \(shared) WHERE dataset = ?", arguments: [info.name])
      }
      try db.execute(sql: "DELETE FROM dataset WHERE name = ?", arguments: [info.name])
      let sink = StoreSink(db: db, dataset: info.name)
      let sourceID = try sink.sourceID(for: info.source)
      sink.defaultSourceID = sourceID
      let summary = try importer.read(files, into: sink, context: context)
      try db.execute(
        sql: """
          INSERT INTO dataset (name, title, version, source_id, coverage_from, coverage_to, imported_at,
                               row_count, checksum, path)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          info.name, info.title, info.version, sourceID, summary.coverage?.lowerBound,
          summary.coverage?.upperBound, Self.timestamp(), summary.rowsWritten,
          try checksum ?? Checksum.of(files: files, recorded: digests), sourcePath,
        ])
      return .imported(summary)
    }
  }

  static func timestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}

/// The store's side of an import: prepared statements inside the import's transaction.
final class StoreSink: ImportSink {
  let db: Database
  let dataset: String
  var defaultSourceID = 0
  private var statements: [String: Statement] = [:]
  private var sources: [String: Int] = [:]

  init(db: Database, dataset: String) {
    self.db = db
    self.dataset = dataset
  }

  func insert(into table: String, columns: [String], values: [SQLValue]) throws {
    let key = table + "|" + columns.joined(separator: ",")
    let statement: Statement
    if let cached = statements[key] {
      statement = cached
    } else {
      let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
      let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
      statement = try db.makeStatement(sql: "INSERT INTO \"\(table)\" (\(quoted)) VALUES (\(marks))")
      statements[key] = statement
    }
    statement.setUncheckedArguments(StatementArguments(values.map(\.databaseValue)))
    try statement.execute()
  }

  func sourceID(for source: Source) throws -> Int {
    if let id = sources[source.key] { return id }
    let id = try Store.upsertSource(source, in: db)
    sources[source.key] = id
    return id
  }

  func observe(_ observation: Observation) throws {
    let (a, b) = Store.orderedPair(observation.a, observation.b)
    try insert(
      into: "observation",
      columns: ["dataset", "indicator", "state_a", "state_b", "year", "value", "status", "source_id"],
      values: [
        .text(dataset), .text(observation.indicator), .text(a), .text(b), .integer(observation.year),
        SQLValue(observation.value), .text(observation.status.rawValue), .integer(observation.sourceID),
      ])
  }
}

extension SQLValue {
  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let value): value.databaseValue
    case .real(let value): value.databaseValue
    case .text(let value): value.databaseValue
    case .blob(let bytes): Data(bytes).databaseValue
    }
  }
}

extension Store {
  static func upsertSource(_ source: Source, in db: Database) throws -> Int {
    if let id = try Int.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [source.key]) {
      return id
    }
    try db.execute(
      sql: "INSERT INTO source (key, publisher, title, date, url, licence) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [source.key, source.publisher, source.title, source.date, source.url, source.licence])
    return Int(db.lastInsertedRowID)
  }

  /// Dyad-year rows are stored with the smaller id first; state-year rows with an empty second id.
  static func orderedPair(_ a: StateID, _ b: StateID?) -> (String, String) {
    guard let b else { return (a.rawValue, "") }
    return a < b ? (a.rawValue, b.rawValue) : (b.rawValue, a.rawValue)
  }
}
