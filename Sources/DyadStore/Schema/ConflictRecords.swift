import DyadCore

// The conflict tables (`dyad import conflict`): militarized disputes (COW and GML) and wars by
// dyad-year, strategic rivalries (TSS and TD), UCDP conflict-year sides, direct contiguity and
// capitals, and the years each of those datasets covers. Every dyad table holds an undirected
// pair once, `state_a < state_b` as ``Dyad`` orders them.

/// The years one of the conflict datasets covers (`conflict_coverage`).
public typealias ConflictCoverageRow = PartCoverageRow<ConflictCoverageTable>

/// The table of the conflict datasets' coverage.
public enum ConflictCoverageTable: PartCoverageTable {
  public static let tableName = "conflict_coverage"
}

/// One side's part in a militarized dispute in a year, as the dyad-year tables store it.
public struct MIDSideColumns: Sendable, Equatable {
  /// 1 none … 5 war.
  public var hostility: Int
  /// COW action codes 0–23.
  public var highestAction: Int
  /// 0–6; `nil` for unknown (−9).
  public var fatality: Int?
  /// On side A (the side that made the first militarized move).
  public var sideA: Bool
  /// An originator of the dispute.
  public var originator: Bool

  public init(hostility: Int, highestAction: Int, fatality: Int?, sideA: Bool, originator: Bool) {
    (self.hostility, self.highestAction, self.fatality, self.sideA, self.originator) =
      (hostility, highestAction, fatality, sideA, originator)
  }
}

/// A dyad-year of a militarized interstate dispute (COW MID 5 or GML 2.2.1, told by `dataset`),
/// the pair once (`state_a < state_b`) with both sides' columns.
public struct MIDDyadYearRow: StoreRecord {
  public static let tableName = "mid_dyad_year"
  public enum Column: Int, StoreColumn {
    case dataset, dispute, stateA, stateB, year, onset, aHostility, bHostility, aHighestAction, bHighestAction,
      aFatality, bFatality, aSideA, bSideA, aOriginator, bOriginator
  }
  /// `cow-mid` or `gml-mid`.
  public var dataset: String
  public var dispute: Int
  public var stateA: StateID
  public var stateB: StateID
  public var year: Int
  public var onset: Bool
  public var a: MIDSideColumns
  public var b: MIDSideColumns

  public init(
    dataset: String, dispute: Int, stateA: StateID, stateB: StateID, year: Int, onset: Bool, a: MIDSideColumns,
    b: MIDSideColumns
  ) {
    (self.dataset, self.dispute, self.stateA, self.stateB, self.year, self.onset, self.a, self.b) =
      (dataset, dispute, stateA, stateB, year, onset, a, b)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.dispute] = dispute
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.year] = year
    row[.onset] = onset
    row[.aHostility] = a.hostility
    row[.bHostility] = b.hostility
    row[.aHighestAction] = a.highestAction
    row[.bHighestAction] = b.highestAction
    row[.aFatality] = a.fatality
    row[.bFatality] = b.fatality
    row[.aSideA] = a.sideA
    row[.bSideA] = b.sideA
    row[.aOriginator] = a.originator
    row[.bOriginator] = b.originator
  }
}

/// A dyad-year of a COW interstate war (the two on opposite sides), the pair once.
public struct WarDyadYearRow: StoreRecord {
  public static let tableName = "war_dyad_year"
  public enum Column: Int, StoreColumn {
    case war, stateA, stateB, year, onset, aSideA, aInitiator, bInitiator, aOutcome, bOutcome, aBattleDeaths,
      bBattleDeaths
  }
  public var war: Int
  public var stateA: StateID
  public var stateB: StateID
  public var year: Int
  public var onset: Bool
  /// Whether `state_a` fought on side A.
  public var aSideA: Bool
  public var aInitiator: Bool
  public var bInitiator: Bool
  /// COW's outcome codes (1 winner, 2 loser, 3 compromise, 4 transformed, 6 stalemate, 8 changed
  /// sides), `nil` where COW gives none.
  public var aOutcome: Int?
  public var bOutcome: Int?
  /// Battle deaths over the war, `nil` where unknown.
  public var aBattleDeaths: Int?
  public var bBattleDeaths: Int?

  public init(
    war: Int, stateA: StateID, stateB: StateID, year: Int, onset: Bool, aSideA: Bool, aInitiator: Bool,
    bInitiator: Bool, aOutcome: Int?, bOutcome: Int?, aBattleDeaths: Int?, bBattleDeaths: Int?
  ) {
    (self.war, self.stateA, self.stateB, self.year, self.onset, self.aSideA) = (war, stateA, stateB, year, onset, aSideA)
    (self.aInitiator, self.bInitiator, self.aOutcome, self.bOutcome) = (aInitiator, bInitiator, aOutcome, bOutcome)
    (self.aBattleDeaths, self.bBattleDeaths) = (aBattleDeaths, bBattleDeaths)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.war] = war
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.year] = year
    row[.onset] = onset
    row[.aSideA] = aSideA
    row[.aInitiator] = aInitiator
    row[.bInitiator] = bInitiator
    row[.aOutcome] = aOutcome
    row[.bOutcome] = bOutcome
    row[.aBattleDeaths] = aBattleDeaths
    row[.bBattleDeaths] = bBattleDeaths
  }
}

/// A strategic rivalry (TSS or TD, told by `dataset`), the pair once.
public struct RivalryRow: StoreRecord {
  public static let tableName = "rivalry"
  public enum Column: Int, StoreColumn {
    case dataset, rivalryID, name, stateA, stateB, startYear, endYear, types, ongoing
  }
  /// `tss-rivalries` or `td-rivalries`.
  public var dataset: String
  public var rivalryID: Int
  public var name: String
  public var stateA: StateID
  public var stateB: StateID
  public var startYear: Int
  public var endYear: Int
  /// The types, separated by semicolons, in the dataset's order.
  public var types: String
  /// Whether `end_year` is the dataset's last year: ongoing when the data end.
  public var ongoing: Bool

  public init(
    dataset: String, rivalryID: Int, name: String, stateA: StateID, stateB: StateID, startYear: Int, endYear: Int,
    types: String, ongoing: Bool
  ) {
    (self.dataset, self.rivalryID, self.name, self.stateA, self.stateB) = (dataset, rivalryID, name, stateA, stateB)
    (self.startYear, self.endYear, self.types, self.ongoing) = (startYear, endYear, types, ongoing)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.rivalryID] = rivalryID
    row[.name] = name
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.startYear] = startYear
    row[.endYear] = endYear
    row[.types] = types
    row[.ongoing] = ongoing
  }
}

/// A state's side in a UCDP/PRIO armed conflict in a year: one row per conflict, year, state and
/// role (UCDP's rows, one per combination of sides, are reduced to these).
public struct UCDPConflictSideRow: StoreRecord {
  public static let tableName = "ucdp_conflict_side"
  public enum Column: Int, StoreColumn {
    case conflictID, year, stateID, role, incompatibility, intensity, type
  }
  public var conflictID: Int
  public var year: Int
  public var stateID: StateID
  /// `side A`, `side A (secondary)`, `side B`, `side B (secondary)` (`ConflictSideRole`).
  public var role: String
  /// `government`, `territory` or `both`.
  public var incompatibility: String
  /// 1 (25–999 battle deaths) or 2 (≥ 1,000).
  public var intensity: Int
  /// `extrasystemic`, `interstate`, `intrastate`, `internationalized intrastate`.
  public var type: String

  public init(
    conflictID: Int, year: Int, stateID: StateID, role: String, incompatibility: String, intensity: Int, type: String
  ) {
    (self.conflictID, self.year, self.stateID, self.role) = (conflictID, year, stateID, role)
    (self.incompatibility, self.intensity, self.type) = (incompatibility, intensity, type)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.conflictID] = conflictID
    row[.year] = year
    row[.stateID] = stateID
    row[.role] = role
    row[.incompatibility] = incompatibility
    row[.intensity] = intensity
    row[.type] = type
  }
}

/// A span of direct contiguity between two states (COW Direct Contiguity 3.2), the pair once.
public struct ContiguityRow: StoreRecord {
  public static let tableName = "contiguity"
  public enum Column: Int, StoreColumn { case stateA, stateB, type, startDate, endDate }
  public var stateA: StateID
  public var stateB: StateID
  /// 1 land, 2 ≤ 12 miles of water, 3 ≤ 24, 4 ≤ 150, 5 ≤ 400; 0 for a span the file codes as not
  /// directly contiguous.
  public var type: Int
  public var startDate: Day
  public var endDate: Day

  public init(stateA: StateID, stateB: StateID, type: Int, startDate: Day, endDate: Day) {
    (self.stateA, self.stateB, self.type, self.startDate, self.endDate) = (stateA, stateB, type, startDate, endDate)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.type] = type
    row[.startDate] = startDate
    row[.endDate] = endDate
  }
}

/// A state's capital over a span, with its coordinates.
public struct CapitalRow: StoreRecord {
  public static let tableName = "capital"
  public enum Column: Int, StoreColumn { case stateID, cowCode, name, startDate, endDate, latitude, longitude }
  public var stateID: StateID
  public var cowCode: Int
  public var name: String
  public var startDate: Day
  public var endDate: Day
  public var latitude: Double
  public var longitude: Double

  public init(
    stateID: StateID, cowCode: Int, name: String, startDate: Day, endDate: Day, latitude: Double, longitude: Double
  ) {
    (self.stateID, self.cowCode, self.name, self.startDate, self.endDate) = (stateID, cowCode, name, startDate, endDate)
    (self.latitude, self.longitude) = (latitude, longitude)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.cowCode] = cowCode
    row[.name] = name
    row[.startDate] = startDate
    row[.endDate] = endDate
    row[.latitude] = latitude
    row[.longitude] = longitude
  }
}
