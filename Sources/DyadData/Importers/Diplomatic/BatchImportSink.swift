/// A sink that writes many rows of one table through one prepared statement, binding each row's
/// values straight from a reused buffer: no statement lookup and no allocation per row.
///
/// The store's sink conforms; importers of large tables (UN votes, the dyad-year similarity
/// table, COW IGO dyad-years) use ``ImportSink/insertRows(into:columns:count:_:)``, which falls
/// back to row-by-row ``ImportSink/insert(into:columns:values:)`` for other sinks.
public protocol BatchImportSink: ImportSink {
  /// Inserts `count` rows; `fill(i, &values)` sets row i's values, one per column, in a buffer
  /// that holds the previous row's values.
  func insertBatch(
    into table: String, columns: [String], count: Int, _ fill: (_ row: Int, _ values: inout [SQLValue]) throws -> Void
  ) throws
}

extension ImportSink {
  /// Inserts `count` rows, through one prepared statement when the sink supports it.
  public func insertRows(
    into table: String, columns: [String], count: Int, _ fill: (_ row: Int, _ values: inout [SQLValue]) throws -> Void
  ) throws {
    if let batch = self as? any BatchImportSink {
      try batch.insertBatch(into: table, columns: columns, count: count, fill)
      return
    }
    var values = [SQLValue](repeating: .null, count: columns.count)
    for row in 0..<count {
      try fill(row, &values)
      try insert(into: table, columns: columns, values: values)
    }
  }
}
