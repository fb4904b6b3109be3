import DyadCore

/// The years one of the political and demographic datasets of `dyad import politics` covers
/// (`politics_coverage`).
public typealias PoliticsCoverageRow = PartCoverageRow<PoliticsCoverageTable>

/// The table of the politics datasets' coverage.
public enum PoliticsCoverageTable: PartCoverageTable {
  public static let tableName = "politics_coverage"
}

/// A regime measure of a state in a year: a V-Dem index with its credible interval (`low`,
/// `high`), or a measure without one (Polity2, the Unified Democracy Scores).
public struct RegimeMeasureRow: StoreRecord {
  public static let tableName = "regime_measure_year"
  public enum Column: Int, StoreColumn { case dataset, measure, stateID, year, value, low, high }
  /// `vdem` (V-Dem indices with intervals) or `vdem-cow` (V-Dem polyarchy, UDS and Polity2 by COW state-year).
  public var dataset: String
  /// `polyarchy`, `libdem`, `partipdem`, `delibdem`, `egaldem`, `euds`, `aeuds`, `polity2`.
  public var measure: String
  public var stateID: StateID
  public var year: Int
  public var value: Double
  public var low: Double?
  public var high: Double?

  public init(dataset: String, measure: String, stateID: StateID, year: Int, value: Double, low: Double?, high: Double?) {
    (self.dataset, self.measure, self.stateID, self.year, self.value, self.low, self.high) =
      (dataset, measure, stateID, year, value, low, high)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.measure] = measure
    row[.stateID] = stateID
    row[.year] = year
    row[.value] = value
    row[.low] = low
    row[.high] = high
  }
}

/// A state's Freedom House ratings in a year: political rights and civil liberties (1 most free,
/// 7 least) and the status (F, PF, NF).
public struct FreedomHouseRow: StoreRecord {
  public static let tableName = "freedom_house_year"
  public enum Column: Int, StoreColumn { case stateID, year, politicalRights, civilLiberties, status }
  public var stateID: StateID
  public var year: Int
  public var politicalRights: Int
  public var civilLiberties: Int
  public var status: String

  public init(stateID: StateID, year: Int, politicalRights: Int, civilLiberties: Int, status: String) {
    (self.stateID, self.year, self.politicalRights, self.civilLiberties, self.status) =
      (stateID, year, politicalRights, civilLiberties, status)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.year] = year
    row[.politicalRights] = politicalRights
    row[.civilLiberties] = civilLiberties
    row[.status] = status
  }
}

/// A leader's spell: from REIGN or Archigos (`dataset` `politics`) or Dyad's curated heads of
/// state and government (`dataset` `curated`), told by `list`.
public struct LeaderSpellRow: StoreRecord {
  public static let tableName = "leader_spell"
  public enum Column: Int, StoreColumn {
    case dataset, list, stateID, line, leader, offices, effective, acting, startDate, endDate, endPrecision, asOf,
      continuesDatasetSpell, birthYear, entry, exit, note, sourceID
  }
  /// The catalogue dataset that wrote the row (`politics` or `curated`).
  public var dataset: String
  /// The line of the source file, unique within a list.
  public var line: Int
  public var spell: LeaderSpell
  /// The curated row's source; `nil` for the datasets (cited by their catalogue entry).
  public var sourceID: Int?

  public init(dataset: String, line: Int, _ spell: LeaderSpell, sourceID: Int?) {
    (self.dataset, self.line, self.spell, self.sourceID) = (dataset, line, spell, sourceID)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.list] = spell.dataset.rawValue
    row[.stateID] = spell.state
    row[.line] = line
    row[.leader] = spell.name
    row[.offices] = spell.offices.map(\.rawValue).joined(separator: ";")
    row[.effective] = spell.isEffective
    row[.acting] = spell.isActing
    row[.startDate] = spell.from
    row[.endDate] = spell.to.map { $0.formatted(spell.toPrecision) }
    row[.endPrecision] = spell.toPrecision.rawValue
    row[.asOf] = spell.asOf
    row[.continuesDatasetSpell] = spell.continuesDatasetSpell
    row[.birthYear] = spell.birthYear
    row[.entry] = spell.entry
    row[.exit] = spell.exit
    row[.note] = spell.note
    row[.sourceID] = sourceID
  }
}

/// A state's population in an age group in a year (UN World Population Prospects 2024, in
/// thousands): an estimate (to 2020) or a projection variant (from 2025), every five years.
public struct PopulationAgeRow: StoreRecord {
  public static let tableName = "population_age"
  public enum Column: Int, StoreColumn { case stateID, year, variant, ageFrom, ageGroup, male, female, total }
  public var stateID: StateID
  public var year: Int
  /// `estimate`, `medium`, `low` or `high`.
  public var variant: String
  /// The group's first age (100 for `100+`).
  public var ageFrom: Int
  /// `0-4` … `95-99`, `100+`.
  public var ageGroup: String
  public var male: Double
  public var female: Double
  public var total: Double

  public init(
    stateID: StateID, year: Int, variant: String, ageFrom: Int, ageGroup: String, male: Double, female: Double,
    total: Double
  ) {
    (self.stateID, self.year, self.variant, self.ageFrom, self.ageGroup) = (stateID, year, variant, ageFrom, ageGroup)
    (self.male, self.female, self.total) = (male, female, total)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.year] = year
    row[.variant] = variant
    row[.ageFrom] = ageFrom
    row[.ageGroup] = ageGroup
    row[.male] = male
    row[.female] = female
    row[.total] = total
  }
}

/// A state's median age in a year (UN WPP 2024 via Gapminder; estimates to 2023, the medium
/// projection after).
public struct MedianAgeRow: StoreRecord {
  public static let tableName = "median_age_year"
  public enum Column: Int, StoreColumn { case stateID, year, years, projected }
  public var stateID: StateID
  public var year: Int
  /// The median age in years.
  public var years: Double
  public var projected: Bool

  public init(stateID: StateID, year: Int, years: Double, projected: Bool) {
    (self.stateID, self.year, self.years, self.projected) = (stateID, year, years, projected)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.year] = year
    row[.years] = years
    row[.projected] = projected
  }
}
