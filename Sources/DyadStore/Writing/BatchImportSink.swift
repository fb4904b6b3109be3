import DyadCore
/// A sink that writes many rows of one table through one prepared statement, each value bound
/// straight to the statement: no statement lookup, no value array and no allocation per row.
///
/// The store's sink conforms; importers of large tables (the dyad-year vote-similarity table, COW
/// IGO dyad-years) call ``ImportSink/insertRows(into:columns:count:_:)``, which falls back to
/// row-by-row ``ImportSink/insert(into:columns:values:)`` for other sinks.
public protocol BatchImportSink: ImportSink {
  /// Inserts `count` rows; `fill(i, binder)` binds row i's value of every column. A value not
  /// bound again keeps the previous row's.
  func insertBatch(
    into table: String, columns: [String], count: Int, _ fill: (_ row: Int, _ binder: any ColumnBinder) throws -> Void
  ) throws
}

/// Receives the values of the row being written, by column index (from 0).
public protocol ColumnBinder: AnyObject {
  func bind(_ value: Int, at column: Int)
  func bind(_ value: Double, at column: Int)
  func bind(_ value: String, at column: Int)
  func bind(_ value: [UInt8], at column: Int)
  func bindNull(at column: Int)
  /// Binds consecutive columns from `column` on to whole numbers; NULL (missing) where a value
  /// equals `missing`.
  func bind(_ values: UnsafeBufferPointer<Int32>, at column: Int, missing: Int32?)
}

extension ColumnBinder {
  /// Binds a whole number, or NULL (missing) for `nil`.
  public func bind(_ value: Int?, at column: Int) {
    if let value { bind(value, at: column) } else { bindNull(at: column) }
  }

  /// Binds a number, or NULL (missing) for `nil`.
  public func bind(_ value: Double?, at column: Int) {
    if let value { bind(value, at: column) } else { bindNull(at: column) }
  }

  /// Binds a text, or NULL for `nil`.
  public func bind(_ value: String?, at column: Int) {
    if let value { bind(value, at: column) } else { bindNull(at: column) }
  }

  /// Binds a value of any kind.
  public func bind(_ value: SQLValue, at column: Int) {
    switch value {
    case .null: bindNull(at: column)
    case .integer(let v): bind(v, at: column)
    case .real(let v): bind(v, at: column)
    case .text(let v): bind(v, at: column)
    case .blob(let v): bind(v, at: column)
    }
  }
}

extension ImportSink {
  /// Inserts `count` rows, through one prepared statement when the sink supports it.
  public func insertRows(
    into table: String, columns: [String], count: Int, _ fill: (_ row: Int, _ binder: any ColumnBinder) throws -> Void
  ) throws {
    if let batch = self as? any BatchImportSink {
      try batch.insertBatch(into: table, columns: columns, count: count, fill)
      return
    }
    let values = ValueCollector(count: columns.count)
    for row in 0..<count {
      try fill(row, values)
      try insert(into: table, columns: columns, values: values.values)
    }
  }
}

/// Collects a row's values for sinks without a batch path.
private final class ValueCollector: ColumnBinder {
  var values: [SQLValue]

  init(count: Int) { values = Array(repeating: .null, count: count) }

  func bind(_ value: Int, at column: Int) { values[column] = .integer(value) }
  func bind(_ value: Double, at column: Int) { values[column] = .real(value) }
  func bind(_ value: String, at column: Int) { values[column] = .text(value) }
  func bind(_ value: [UInt8], at column: Int) { values[column] = .blob(value) }
  func bindNull(at column: Int) { values[column] = .null }
  func bind(_ values: UnsafeBufferPointer<Int32>, at column: Int, missing: Int32?) {
    for (k, value) in values.enumerated() {
      self.values[column + k] = value == missing ? .null : .integer(Int(value))
    }
  }
}
