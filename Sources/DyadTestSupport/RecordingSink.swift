import DyadCore
import DyadStore

/// The one in-memory sink for importer tests: it keeps every row by table (each row a dictionary
/// by column name), every observation and every source, and refuses a record that leaves a
/// column unwritten. It writes row by row, so it also exercises importers' batch inserts through
/// the plain path.
///
/// ```swift
/// let sink = RecordingSink()
/// _ = try importer.read(files, into: sink, context: context)
/// #expect(sink.table("unsc_veto").count == 3)
/// ```
public final class RecordingSink: ImportSink {
  /// The rows written, by table.
  public private(set) var rows: [String: [[String: SQLValue]]] = [:]
  /// The observations written, in order.
  public private(set) var observations: [Observation] = []
  /// The sources recorded, by id (from 1).
  public private(set) var sources: [Source] = []
  private var sourceIDs: [String: Int] = [:]

  public init() {}

  public func insert<Record: StoreRecord>(_ record: Record) throws {
    let names = Record.Column.names
    let values = RowCollector(count: names.count).collect(record)
    var row: [String: SQLValue] = [:]
    for (name, value) in zip(names, values) {
      guard let value else { throw UnwrittenColumn(table: Record.tableName, column: name) }
      row[name] = value
    }
    rows[Record.tableName, default: []].append(row)
  }

  public func insert<Record: StoreRecord>(_ type: Record.Type, count: Int, _ row: (Int) throws -> Record) throws {
    for i in 0..<count { try insert(try row(i)) }
  }

  public func sourceID(for source: Source) throws -> Int {
    if let id = sourceIDs[source.key] { return id }
    sources.append(source)
    sourceIDs[source.key] = sources.count
    return sources.count
  }

  public func observe(_ observation: Observation) throws { observations.append(observation) }

  /// The rows of a table, by column name.
  public func table(_ name: String) -> [[String: SQLValue]] { rows[name] ?? [] }

  /// The rows of a record's table, by column name.
  public func table<Record: StoreRecord>(_ type: Record.Type) -> [[String: SQLValue]] { table(Record.tableName) }

  /// The first observation of an indicator for a state-year.
  public func observation(_ indicator: String, _ state: StateID, _ year: Int) -> Observation? {
    observations.first { $0.indicator == indicator && $0.a == state && $0.year == year }
  }

  /// A record left a column without a value: the store would have kept the previous row's.
  public struct UnwrittenColumn: Error, CustomStringConvertible {
    public let table: String
    public let column: String
    public var description: String { "a \(table) record wrote no value for \(column)" }
  }
}

extension SQLValue {
  /// The text, if the value is one.
  public var text: String? { if case .text(let v) = self { v } else { nil } }
  /// The whole number, if the value is one.
  public var int: Int? { if case .integer(let v) = self { v } else { nil } }
  /// The number, if the value is a real one.
  public var real: Double? { if case .real(let v) = self { v } else { nil } }
  /// The bytes, if the value is a blob.
  public var bytes: [UInt8]? { if case .blob(let v) = self { v } else { nil } }
}
