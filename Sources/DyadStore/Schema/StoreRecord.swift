import DyadCore

/// The columns of one store table, as the cases of an enum: a case's position (its `Int` raw
/// value, from 0 in declaration order) is the column's position in an insert, and its name in
/// snake case (`stateA` → `state_a`, `valueUSDMillions` → `value_usd_millions`) is the column's
/// SQL name, unless the enum gives ``name`` itself.
///
/// A misspelt column is a compile error in every importer that writes it; ``StoreSchema`` and its
/// test check every record against the tables the migrations create.
public protocol StoreColumn: RawRepresentable<Int>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
  /// The column's SQL name.
  var name: String { get }
}

extension StoreColumn {
  public var name: String { StoreColumnName.snakeCase(String(describing: self)) }

  /// Every column's SQL name, in insert order.
  public static var names: [String] { allCases.map(\.name) }
}

/// A row of one store table, with the table's name and columns: the one place an importer, the
/// store and the schema test learn them from (GRDB's record types play the same part).
///
/// ```swift
/// public struct COWIGODyadYear: StoreRecord {
///   public static let tableName = "cow_igo_dyad_year"
///   public enum Column: Int, StoreColumn { case stateA, stateB, year, shared }
///   public var stateA: StateID, stateB: StateID, year: Int, shared: Int
///   public func encode(to row: RowEncoder<Column>) {
///     row[.stateA] = stateA; row[.stateB] = stateB; row[.year] = year; row[.shared] = shared
///   }
/// }
/// ```
public protocol StoreRecord: Sendable {
  associatedtype Column: StoreColumn
  /// The table the record is a row of.
  static var tableName: String { get }
  /// Gives the record's value of every column, once each.
  func encode(to row: RowEncoder<Column>)
}

/// Receives a record's values by column: `row[.year] = year`. An optional value writes NULL
/// (missing) for `nil`.
public struct RowEncoder<Column: StoreColumn> {
  @usableFromInline let binder: any ColumnBinder

  /// Wraps a binder; the store and the recording sinks make encoders, importers only use them.
  public init(_ binder: any ColumnBinder) { self.binder = binder }

  /// Writes a column's value (write-only: reading it back is a programming error).
  @inlinable public subscript<Value: StoreValue>(column: Column) -> Value? {
    get { preconditionFailure("a row encoder is write-only") }
    nonmutating set {
      if let newValue { newValue.bind(to: binder, at: column.rawValue) } else { binder.bindNull(at: column.rawValue) }
    }
  }
}

/// A value a column can hold: numbers, text and bytes as they are; a state as its id, a day as
/// its ISO 8601 text, a Boolean as 1 or 0.
public protocol StoreValue {
  /// Binds the value to a column of the row being written.
  func bind(to binder: any ColumnBinder, at column: Int)
}

extension Int: StoreValue {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(self, at: column) }
}
extension Double: StoreValue {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(self, at: column) }
}
extension String: StoreValue {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(self, at: column) }
}
extension Array: StoreValue where Element == UInt8 {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(self, at: column) }
}
extension Bool: StoreValue {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(self ? 1 : 0, at: column) }
}
extension StateID: StoreValue {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(rawValue, at: column) }
}
extension Day: StoreValue {
  @inlinable public func bind(to binder: any ColumnBinder, at column: Int) { binder.bind(description, at: column) }
}

/// Column names from case names.
enum StoreColumnName {
  /// `stateA` → `state_a`, `valueUSDMillions` → `value_usd_millions`, `iso2` → `iso2`.
  static func snakeCase(_ name: String) -> String {
    let characters = Array(name)
    var result = ""
    for (i, c) in characters.enumerated() {
      if c.isUppercase, i > 0 {
        let previous = characters[i - 1]
        let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
        if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { result.append("_") }
      }
      result.append(contentsOf: c.lowercased())
    }
    return result
  }
}
