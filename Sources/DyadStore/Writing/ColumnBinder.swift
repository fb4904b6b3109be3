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
