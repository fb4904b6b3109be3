import DyadCore

/// A value of one column of a stored row.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int)
  case real(Double)
  case text(String)
  /// Raw bytes, for packed series (see `COWTradeSeries`).
  case blob([UInt8])
}

/// Where an importer writes what it reads: typed rows of the store's tables (``StoreRecord``).
/// The store implements it inside one transaction, so an importer that throws leaves nothing
/// behind; the tests' recording sink keeps the rows in memory.
public protocol ImportSink: AnyObject {
  /// Inserts one row.
  func insert<Record: StoreRecord>(_ record: Record) throws

  /// Inserts `count` rows of one table, `row(i)` giving the i-th: the store writes them
  /// through one prepared statement, without a statement lookup or a value array per row.
  func insert<Record: StoreRecord>(_ type: Record.Type, count: Int, _ row: (_ index: Int) throws -> Record) throws

  /// Records a source and returns its id, reusing the row of an equal source.
  func sourceID(for source: Source) throws -> Int

  /// Records one state-year (`b == nil`) or dyad-year value of a named indicator.
  func observe(_ observation: Observation) throws
}

/// One value of a named indicator for a state-year or a dyad-year, with its provenance.
public struct Observation: Sendable, Equatable {
  public let indicator: String
  public let a: StateID
  /// The second state of a dyad-year; `nil` for a state-year.
  public let b: StateID?
  public let year: Int
  /// `nil` for a missing value: missing is not zero.
  public let value: Double?
  public let status: ObservationStatus
  public let sourceID: Int

  public init(
    indicator: String, a: StateID, b: StateID? = nil, year: Int, value: Double?, status: ObservationStatus,
    sourceID: Int
  ) {
    self.indicator = indicator
    self.a = a
    self.b = b
    self.year = year
    self.value = value
    self.status = value == nil ? .missing : status
    self.sourceID = sourceID
  }
}
