import DyadCore
import Foundation
import GRDB
import GRDBSQLite

/// The store's side of an import: typed rows written through prepared statements, inside the
/// import's transaction.
final class StoreSink: ImportSink {
  let db: Database
  let dataset: String
  /// One single-row statement per record type, with its binder.
  private var statements: [ObjectIdentifier: (statement: Statement, binder: StatementBinder)] = [:]
  private var sources: [String: Int] = [:]

  init(db: Database, dataset: String) {
    self.db = db
    self.dataset = dataset
  }

  func insert<Record: StoreRecord>(_ record: Record) throws {
    let key = ObjectIdentifier(Record.self)
    let prepared: (statement: Statement, binder: StatementBinder)
    if let cached = statements[key] {
      prepared = cached
    } else {
      let statement = try db.makeStatement(sql: Self.insertSQL(Record.self, rows: 1))
      prepared = (statement, StatementBinder(statement: statement.sqliteStatement, parameters: Record.Column.allCases.count))
      statements[key] = prepared
    }
    record.encode(to: RowEncoder(prepared.binder))
    try step(prepared.binder, Record.self)
  }

  /// Inserts many rows through prepared multi-row statements (`INSERT … VALUES (…), (…), …`, up
  /// to 999 parameters each), binding each value with the SQLite C API: no per-row statement
  /// lookup, argument array or observation bookkeeping, and one statement step per batch of rows.
  func insert<Record: StoreRecord>(_ type: Record.Type, count: Int, _ make: (Int) throws -> Record) throws {
    let columns = Record.Column.allCases.count
    guard count > 0, columns > 0 else { return }
    let perStatement = max(1, min(count, 999 / columns))
    var row = 0
    for rows in [perStatement, count % perStatement] where rows > 0 {
      let prepared = try db.makeStatement(sql: Self.insertSQL(Record.self, rows: rows))
      let binder = StatementBinder(statement: prepared.sqliteStatement, parameters: rows * columns)
      let encoder = RowEncoder<Record.Column>(binder)
      while count - row >= rows {
        for k in 0..<rows {
          binder.offset = k * columns
          try make(row + k).encode(to: encoder)
        }
        try step(binder, Record.self)
        row += rows
      }
    }
  }

  /// Runs a statement whose values are bound, throwing the first binding or step failure.
  private func step<Record: StoreRecord>(_ binder: StatementBinder, _ type: Record.Type) throws {
    func fail(_ code: CInt) -> DatabaseError {
      DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
        sql: "INSERT INTO \(Record.tableName)")
    }
    if let failure = binder.takeFailure() {
      sqlite3_reset(binder.statement)
      throw fail(failure)
    }
    let code = sqlite3_step(binder.statement)
    sqlite3_reset(binder.statement)
    guard code == SQLITE_DONE else { throw fail(code) }
  }

  func sourceID(for source: Source) throws -> Int {
    if let id = sources[source.key] { return id }
    let id: Int
    if let stored = try Int.fetchOne(
      db, sql: "SELECT id FROM \(SourceRow.tableName) WHERE key = ?", arguments: [source.key])
    {
      id = stored
    } else {
      try insert(SourceRow(source))
      id = Int(db.lastInsertedRowID)
    }
    sources[source.key] = id
    return id
  }

  func observe(_ observation: Observation) throws {
    try insert(ObservationRow(dataset: dataset, observation))
  }

  /// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows of a record.
  static func insertSQL<Record: StoreRecord>(_ type: Record.Type, rows: Int) -> String {
    let names = Record.Column.names
    let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
    let tuple = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    return "INSERT INTO \"\(Record.tableName)\" (\(quoted)) VALUES " + Array(repeating: tuple, count: rows).joined(separator: ", ")
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

/// Binds values to a prepared statement, each row's columns from `offset` on; remembers the
/// first failure. SQLite keeps bindings across resets, so a text equal to the one bound last
/// time to the same parameter (a dyad's state ids over its years) is not bound again.
final class StatementBinder: ColumnBinder {
  let statement: SQLiteStatement
  /// The parameter index (from 0) of the current row's first column.
  var offset = 0
  private(set) var failure = SQLITE_OK
  /// The text bound to each parameter, if it holds one (unsafe storage: no exclusivity
  /// bookkeeping per access in the per-value hot path).
  private let texts: UnsafeMutablePointer<String?>
  private let parameters: Int
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(statement: SQLiteStatement, parameters: Int) {
    self.statement = statement
    self.parameters = parameters
    texts = .allocate(capacity: parameters)
    texts.initialize(repeating: nil, count: parameters)
  }

  deinit {
    texts.deinitialize(count: parameters)
    texts.deallocate()
  }

  @inline(__always)
  private func check(_ code: CInt) {
    if code != SQLITE_OK { record(code) }
  }

  private func record(_ code: CInt) {
    if failure == SQLITE_OK { failure = code }
  }

  /// The first failure since the last call, if any, cleared.
  func takeFailure() -> CInt? {
    guard failure != SQLITE_OK else { return nil }
    defer { failure = SQLITE_OK }
    return failure
  }

  /// The parameter of a column of the current row, forgetting any text it held.
  @inline(__always)
  private func parameter(_ column: Int) -> Int {
    let index = offset + column
    if texts[index] != nil { texts[index] = nil }
    return index
  }

  func bind(_ value: Int, at column: Int) {
    check(sqlite3_bind_int64(statement, CInt(parameter(column) + 1), Int64(value)))
  }

  func bind(_ value: Double, at column: Int) {
    check(sqlite3_bind_double(statement, CInt(parameter(column) + 1), value))
  }

  func bind(_ value: String, at column: Int) {
    let index = offset + column
    if texts[index] == value { return }
    texts[index] = value
    var text = value
    text.withUTF8 { bytes in
      if let base = bytes.baseAddress, bytes.count > 0 {
        let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        check(sqlite3_bind_text(statement, CInt(index + 1), pointer, CInt(bytes.count), Self.transient))
      } else {
        check(sqlite3_bind_text(statement, CInt(index + 1), "", 0, Self.transient))
      }
    }
  }

  func bind(_ value: [UInt8], at column: Int) {
    let index = parameter(column)
    value.withUnsafeBytes { bytes in
      let pointer = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
      check(sqlite3_bind_blob(statement, CInt(index + 1), pointer, CInt(bytes.count), Self.transient))
    }
  }

  func bindNull(at column: Int) {
    check(sqlite3_bind_null(statement, CInt(parameter(column) + 1)))
  }
}
