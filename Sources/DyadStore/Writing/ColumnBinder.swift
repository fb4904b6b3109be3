import DyadCore

/// Receives the values of the row being written, by column index (from 0). Records write
/// through a ``RowEncoder``, which names columns by case; a sink implements this.
public protocol ColumnBinder: AnyObject {
  func bind(_ value: Int, at column: Int)
  func bind(_ value: Double, at column: Int)
  func bind(_ value: String, at column: Int)
  func bind(_ value: [UInt8], at column: Int)
  func bindNull(at column: Int)
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

/// Collects one row's values, for sinks that keep rows as values (the tests' recording sink). A
/// column the record did not encode stays `nil`.
public final class RowCollector: ColumnBinder {
  /// The values by column index; `nil` where the record gave none.
  public private(set) var values: [SQLValue?]

  /// A collector for a table of `count` columns.
  public init(count: Int) { values = Array(repeating: nil, count: count) }

  /// Collects a record's values, forgetting the previous row's.
  public func collect<Record: StoreRecord>(_ record: Record) -> [SQLValue?] {
    for i in values.indices { values[i] = nil }
    record.encode(to: RowEncoder(self))
    return values
  }

  public func bind(_ value: Int, at column: Int) { values[column] = .integer(value) }
  public func bind(_ value: Double, at column: Int) { values[column] = .real(value) }
  public func bind(_ value: String, at column: Int) { values[column] = .text(value) }
  public func bind(_ value: [UInt8], at column: Int) { values[column] = .blob(value) }
  public func bindNull(at column: Int) { values[column] = .null }
}
