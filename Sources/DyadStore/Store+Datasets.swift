import DyadCore
import DyadFast
import Foundation
import GRDB

extension Store {
  /// The checksum recorded by a dataset's last import, or `nil` when the store does not hold it.
  public func recordedChecksum(of dataset: String) throws -> String? {
    try queue.read { db in
      try String.fetchOne(db, sql: "SELECT checksum FROM dataset WHERE name = ?", arguments: [dataset])
    }
  }

  /// Writes a dataset in one transaction, replacing any earlier import of it: empties the tables
  /// the dataset owns and its rows of the shared tables, lets `body` write through a sink, then
  /// records the dataset with its coverage and checksum. An error anywhere rolls everything back.
  ///
  /// - Parameters:
  ///   - tables: the tables the dataset owns (emptied first).
  ///   - checksum: the digest of the files, asked for after `body` has run (an importer may have
  ///     computed it while reading).
  public func replaceDataset(
    _ info: DatasetInfo, tables: [String], sourcePath: String?, checksum: () throws -> String,
    _ body: (any ImportSink) throws -> ImportSummary
  ) throws -> ImportSummary {
    try queue.write { db in
      for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
      for shared in ["observation", "event", "exercise"] {
        try db.execute(sql: "DELETE FROM \(shared) WHERE dataset = ?", arguments: [info.name])
      }
      try db.execute(sql: "DELETE FROM dataset WHERE name = ?", arguments: [info.name])
      let sink = StoreSink(db: db, dataset: info.name)
      let sourceID = try sink.sourceID(for: info.source)
      sink.defaultSourceID = sourceID
      let summary = try body(sink)
      try db.execute(
        sql: """
          INSERT INTO dataset (name, title, version, source_id, coverage_from, coverage_to, imported_at,
                               row_count, checksum, path)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          info.name, info.title, info.version, sourceID, summary.coverage?.lowerBound,
          summary.coverage?.upperBound, Self.timestamp(), summary.rowsWritten, try checksum(), sourcePath,
        ])
      return summary
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
