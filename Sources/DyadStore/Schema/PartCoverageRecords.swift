import DyadCore

/// The table a ``PartCoverageRow`` is a row of: one per catalogue dataset whose import fills
/// several datasets, each with its own years (`conflict`, `politics`).
public protocol PartCoverageTable: Sendable {
  static var tableName: String { get }
}

/// The years one part of a multi-part dataset covers, its title and version, and the rows the
/// import stored of it: a year outside them is unknown, never "none".
public struct PartCoverageRow<Table: PartCoverageTable>: StoreRecord {
  public static var tableName: String { Table.tableName }
  public enum Column: Int, StoreColumn { case dataset, coverageFrom, coverageTo, version, rows }
  /// The part's key (`ConflictDataset.rawValue`, `PoliticsDataset.rawValue`).
  public var dataset: String
  public var coverageFrom: Int
  public var coverageTo: Int
  /// The part's title and version ("Correlates of War Militarized Interstate Disputes 5").
  public var version: String
  /// The rows stored of it.
  public var rows: Int

  public init(dataset: String, coverageFrom: Int, coverageTo: Int, version: String, rows: Int) {
    (self.dataset, self.coverageFrom, self.coverageTo, self.version, self.rows) =
      (dataset, coverageFrom, coverageTo, version, rows)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.coverageFrom] = coverageFrom
    row[.coverageTo] = coverageTo
    row[.version] = version
    row[.rows] = rows
  }
}
