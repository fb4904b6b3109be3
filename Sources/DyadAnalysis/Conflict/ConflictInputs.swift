import DyadCore

/// The conflict and rivalry datasets Dyad reads, each with its own coverage: one `dyad import
/// conflict PATH` fills them all from the `{peacesciencer}` folder layout.
public enum ConflictDataset: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// COW Militarized Interstate Disputes 5 (dyad-years), 1816–2014.
  case cowMID = "cow-mid"
  /// Gibler–Miller–Little MIDs 2.2.1 (dyad-years), 1816–2010.
  case gmlMID = "gml-mid"
  /// COW Inter-State War 4 (dyad-years), 1823–2003.
  case cowWar = "cow-war"
  /// Thompson, Sakuwa & Suhas strategic rivalries, 1494–2020 (an end of 2020 means ongoing).
  case tssRivalries = "tss-rivalries"
  /// Thompson & Dreyer (2012) strategic rivalries, 1494–2010.
  case tdRivalries = "td-rivalries"
  /// UCDP/PRIO Armed Conflict Dataset (conflict-years with primary and secondary sides), 1946–2024.
  case ucdp = "ucdp-acd"
  /// COW Direct Contiguity 3.2, 1816–2016.
  case contiguity = "cow-contiguity"
  /// Capitals with dates and coordinates, to 2024.
  case capitals = "cow-capitals"

  public var description: String { rawValue }
}

/// One side's part in a militarized dispute in a year.
public struct DisputeSide: Sendable, Hashable, Codable {
  /// The highest hostility level the side reached: 1 none, 2 threat, 3 display, 4 use of force, 5 war.
  public let hostility: Int
  /// The highest action (COW codes 0–23).
  public let highestAction: Int
  /// The fatality level (0 none, 1: 1–25, 2: 26–100, 3: 101–250, 4: 251–500, 5: 501–999,
  /// 6: ≥1000); `nil` when the dataset codes it unknown (−9).
  public let fatality: Int?
  /// On the side that made the first militarized move (side A).
  public let isInitiator: Bool
  /// An originator of the dispute (not a joiner).
  public let isOriginator: Bool

  public init(hostility: Int, highestAction: Int, fatality: Int?, isInitiator: Bool, isOriginator: Bool) {
    self.hostility = hostility
    self.highestAction = highestAction
    self.fatality = fatality
    self.isInitiator = isInitiator
    self.isOriginator = isOriginator
  }
}

/// A dyad-year of a militarized interstate dispute, counted once (the directed files hold it twice).
public struct DisputeYear: Sendable, Hashable, Codable {
  /// ``ConflictDataset/cowMID`` or ``ConflictDataset/gmlMID``.
  public let dataset: ConflictDataset
  /// The dispute's number (`dispnum`).
  public let dispute: Int
  public let year: Int
  /// The dispute's first year for this dyad.
  public let isOnset: Bool
  /// The dyad's first state's part (``Dyad/first``), and the second's.
  public let first: DisputeSide
  public let second: DisputeSide

  public init(dataset: ConflictDataset, dispute: Int, year: Int, isOnset: Bool, first: DisputeSide, second: DisputeSide) {
    self.dataset = dataset
    self.dispute = dispute
    self.year = year
    self.isOnset = isOnset
    self.first = first
    self.second = second
  }

  /// The higher of the two sides' hostility levels.
  public var hostility: Int { max(first.hostility, second.hostility) }
  /// Whether either side used force (hostility 4) or went to war (5).
  public var isUseOfForce: Bool { hostility >= 4 }
}

/// A dyad-year of a COW interstate war in which the two fought on opposite sides.
public struct WarYear: Sendable, Hashable, Codable {
  /// The COW war number.
  public let war: Int
  public let year: Int
  public let isOnset: Bool
  /// Whether the dyad's first state (``Dyad/first``) was on side A, and whether it initiated.
  public let firstOnSideA: Bool
  public let firstInitiated: Bool
  public let secondInitiated: Bool
  /// Battle deaths of each side over the war, when known.
  public let firstBattleDeaths: Int?
  public let secondBattleDeaths: Int?

  public init(
    war: Int, year: Int, isOnset: Bool, firstOnSideA: Bool, firstInitiated: Bool, secondInitiated: Bool,
    firstBattleDeaths: Int?, secondBattleDeaths: Int?
  ) {
    self.war = war
    self.year = year
    self.isOnset = isOnset
    self.firstOnSideA = firstOnSideA
    self.firstInitiated = firstInitiated
    self.secondInitiated = secondInitiated
    self.firstBattleDeaths = firstBattleDeaths
    self.secondBattleDeaths = secondBattleDeaths
  }
}

/// A strategic rivalry between the two, as one dataset codes it.
public struct Rivalry: Sendable, Hashable, Codable {
  /// ``ConflictDataset/tssRivalries`` or ``ConflictDataset/tdRivalries``.
  public let dataset: ConflictDataset
  /// The dataset's id and name of the rivalry ("China-USSR").
  public let id: Int
  public let name: String
  public let start: Int
  /// The last year coded; at the dataset's end it means "ongoing", see ``isOngoingAtDataEnd``.
  public let end: Int
  /// The rivalry's types: positional, spatial, ideological, interventionary (TSS), or TD's type1–3.
  public let types: [String]
  /// Whether ``end`` is the dataset's last year, so the rivalry was ongoing when the data end.
  public let isOngoingAtDataEnd: Bool

  public init(dataset: ConflictDataset, id: Int, name: String, start: Int, end: Int, types: [String], isOngoingAtDataEnd: Bool) {
    self.dataset = dataset
    self.id = id
    self.name = name
    self.start = start
    self.end = end
    self.types = types
    self.isOngoingAtDataEnd = isOngoingAtDataEnd
  }

  /// The years coded.
  public var years: YearRange { try! YearRange(from: start, to: max(start, end)) }
}

/// Where a state stood in a UCDP armed conflict in a year.
public enum ConflictSideRole: String, Sendable, Hashable, Codable {
  case primaryA = "side A"
  case secondaryA = "side A (secondary)"
  case primaryB = "side B"
  case secondaryB = "side B (secondary)"

  /// `true` for side A (primary or secondary).
  public var isSideA: Bool { self == .primaryA || self == .secondaryA }
}

/// A UCDP conflict-year in which both states took part, with the side each was on.
public struct ArmedConflictYear: Sendable, Hashable, Codable {
  public let conflict: Int
  public let year: Int
  /// `government`, `territory` or `both`.
  public let incompatibility: String
  /// 1: 25–999 battle deaths in the year; 2: at least 1,000.
  public let intensity: Int
  /// `extrasystemic`, `interstate`, `intrastate` or `internationalized intrastate`.
  public let type: String
  public let firstRole: ConflictSideRole
  public let secondRole: ConflictSideRole

  public init(
    conflict: Int, year: Int, incompatibility: String, intensity: Int, type: String, firstRole: ConflictSideRole,
    secondRole: ConflictSideRole
  ) {
    self.conflict = conflict
    self.year = year
    self.incompatibility = incompatibility
    self.intensity = intensity
    self.type = type
    self.firstRole = firstRole
    self.secondRole = secondRole
  }

  /// Whether the two were on opposite sides.
  public var onOppositeSides: Bool { firstRole.isSideA != secondRole.isSideA }
}

/// A span of direct contiguity between the two.
public struct ContiguitySpan: Sendable, Hashable, Codable {
  /// 1 land, 2 ≤ 12 miles of water, 3 ≤ 24, 4 ≤ 150, 5 ≤ 400.
  public let type: Int
  public let from: Day
  /// The last day coded; the dataset's end (2016-12-01) is the data's end, not the border's.
  public let to: Day

  public init(type: Int, from: Day, to: Day) {
    self.type = type
    self.from = from
    self.to = to
  }
}

/// A state's capital over a span.
public struct Capital: Sendable, Hashable, Codable {
  public let state: StateID
  public let name: String
  public let from: Day
  public let to: Day
  public let latitude: Double
  public let longitude: Double

  public init(state: StateID, name: String, from: Day, to: Day, latitude: Double, longitude: Double) {
    self.state = state
    self.name = name
    self.from = from
    self.to = to
    self.latitude = latitude
    self.longitude = longitude
  }
}

/// Everything stored about the conflicts, rivalries and geography of a dyad: the input of the
/// conflict profile and of the verdict's hostility rules.
///
/// A year outside a dataset's ``coverage`` is unknown, never "no dispute".
public struct ConflictInputs: Sendable {
  public var dyad: Dyad
  /// The conflict datasets in the store and the years each covers.
  public var coverage: [ConflictDataset: YearRange]
  /// The source (with version) of each dataset, for citations.
  public var sources: [ConflictDataset: Source]
  public var disputes: [DisputeYear]
  public var wars: [WarYear]
  public var rivalries: [Rivalry]
  public var armedConflicts: [ArmedConflictYear]
  public var contiguity: [ContiguitySpan]
  /// Each state's capitals over time.
  public var capitals: [Capital]

  public init(
    dyad: Dyad, coverage: [ConflictDataset: YearRange] = [:], sources: [ConflictDataset: Source] = [:],
    disputes: [DisputeYear] = [], wars: [WarYear] = [], rivalries: [Rivalry] = [],
    armedConflicts: [ArmedConflictYear] = [], contiguity: [ContiguitySpan] = [], capitals: [Capital] = []
  ) {
    self.dyad = dyad
    self.coverage = coverage
    self.sources = sources
    self.disputes = disputes
    self.wars = wars
    self.rivalries = rivalries
    self.armedConflicts = armedConflicts
    self.contiguity = contiguity
    self.capitals = capitals
  }

  /// Whether a dataset is in the store and covers a year.
  public func covers(_ dataset: ConflictDataset, _ year: Int) -> Bool { coverage[dataset]?.contains(year) ?? false }
}
