import DyadAnalysis
import DyadCore
import Foundation
import GRDB

extension Store {
  /// The catalogue name of the political and demographic datasets (one import fills them all).
  public static let politicsDatasetName = "politics"

  /// Everything stored about the political systems, leaders and populations of both states of a
  /// dyad, with the years each dataset covers; Dyad's curated leaders are included with or without
  /// the import.
  ///
  /// A store without `dyad import politics` gives inputs with no coverage (every year unknown)
  /// and only the curated leaders; it does not throw.
  public func politicsInputs(for dyad: Dyad) throws -> PoliticsInputs {
    var inputs = PoliticsInputs(dyad: dyad)
    try read { db in
      (inputs.coverage, inputs.sources) = try Self.partCoverage(
        of: PoliticsDataset.self, in: PoliticsCoverageTable.self, dataset: Self.politicsDatasetName, db)
      inputs.first = try Self.statePolitics(dyad.first, db)
      inputs.second = try Self.statePolitics(dyad.second, db)
    }
    return inputs
  }

  /// One state's measures, leaders and population.
  static func statePolitics(_ state: StateID, _ db: Database) throws -> StatePoliticsInputs {
    var inputs = StatePoliticsInputs(state: state)
    let id = state.rawValue
    for row in try Row.fetchAll(
      db, sql: "SELECT * FROM \(RegimeMeasureRow.tableName) WHERE state_id = ? ORDER BY measure, dataset, year",
      arguments: [id])
    {
      guard let dataset = PoliticsDataset(rawValue: row["dataset"]) else { continue }
      inputs.regime[dataset, default: [:]][row["measure"], default: [:]][row["year"]] = RegimeValue(
        value: row["value"], low: row["low"], high: row["high"])
    }
    for row in try Row.fetchAll(
      db, sql: "SELECT * FROM \(FreedomHouseRow.tableName) WHERE state_id = ? ORDER BY year", arguments: [id])
    {
      inputs.freedomHouse[row["year"]] = FreedomHouseRating(
        politicalRights: row["political_rights"], civilLiberties: row["civil_liberties"], status: row["status"])
    }
    inputs.leaders = try Row.fetchAll(
      db,
      sql: """
        SELECT l.*, s.publisher, s.title, s.date AS source_date, s.url FROM \(LeaderSpellRow.tableName) l
        LEFT JOIN \(SourceRow.tableName) s ON s.id = l.source_id
        WHERE l.state_id = ? ORDER BY l.start_date, l.list, l.line
        """, arguments: [id]
    ).compactMap(Self.leaderSpell)
    // Sum the five-year groups into broad ones, for states with all 21 (the importer checks that).
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT year, variant,
          sum(CASE WHEN age_from < 15 THEN total ELSE 0 END) AS children,
          sum(CASE WHEN age_from BETWEEN 15 AND 60 THEN total ELSE 0 END) AS working,
          sum(CASE WHEN age_from >= 65 THEN total ELSE 0 END) AS elderly,
          count(*) AS groups
        FROM \(PopulationAgeRow.tableName) WHERE state_id = ? GROUP BY year, variant ORDER BY year, variant
        """, arguments: [id])
    {
      guard let variant = PopulationPoint.Variant(rawValue: row["variant"]), (row["groups"] as Int) == 21 else { continue }
      inputs.population.append(
        PopulationPoint(
          year: row["year"], variant: variant, children: row["children"], workingAge: row["working"],
          elderly: row["elderly"]))
    }
    for row in try Row.fetchAll(
      db, sql: "SELECT * FROM \(MedianAgeRow.tableName) WHERE state_id = ? ORDER BY year", arguments: [id])
    {
      let year: Int = row["year"]
      inputs.medianAge[year] = MedianAge(year: year, years: row["years"], isProjection: (row["projected"] as Int) == 1)
    }
    return inputs
  }

  /// A stored leader spell, with its source when it has one.
  static func leaderSpell(_ row: Row) -> LeaderSpell? {
    guard let list = LeaderSpell.Dataset(rawValue: row["list"]),
      let from = try? Day(parsing: row["start_date"] as String),
      let precision = DatePrecision(rawValue: row["end_precision"])
    else { return nil }
    let endText: String? = row["end_date"], asOfText: String? = row["as_of"]
    let source: Source? = (row["url"] as String?).map { url in
      Source(publisher: row["publisher"], title: row["title"], date: row["source_date"], url: url)
    }
    let offices = (row["offices"] as String).split(separator: ";").compactMap { LeaderSpell.Office(rawValue: String($0)) }
    return LeaderSpell(
      dataset: list, state: StateID(row["state_id"] as String), name: row["leader"], offices: offices,
      isEffective: (row["effective"] as Int) == 1, isActing: (row["acting"] as Int) == 1, from: from,
      to: endText.flatMap { try? Day(parsing: $0) }, toPrecision: precision,
      asOf: asOfText.flatMap { try? Day(parsing: $0) }, continuesDatasetSpell: (row["continues_dataset_spell"] as Int) == 1,
      birthYear: row["birth_year"], entry: row["entry"], exit: row["exit"], note: row["note"], source: source)
  }

  /// The terms whose meetings the meeting rule counts for a dyad (`docs/leader-meetings.md`): each
  /// state's latest curated effective leader, in the office that makes them so; for a pair without
  /// curated leaders, ``LeaderTerm/standard``.
  public func leaderTerms(for dyad: Dyad) throws -> [LeaderTerm] {
    let spells = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT l.*, s.publisher, s.title, s.date AS source_date, s.url FROM \(LeaderSpellRow.tableName) l
          JOIN \(SourceRow.tableName) s ON s.id = l.source_id
          WHERE l.list = 'curated' AND l.effective = 1 AND l.state_id IN (?, ?) ORDER BY l.start_date
          """, arguments: [dyad.first.rawValue, dyad.second.rawValue]
      ).compactMap(Self.leaderSpell)
    }
    let terms = [dyad.first, dyad.second].compactMap { state in
      spells.last { $0.state == state }.flatMap(LeaderTerm.init)
    }
    return terms.count == 2 ? terms : LeaderTerm.standard
  }

  /// The political profile of a dyad over some years (for `dyad politics`), the states named as
  /// they are named now.
  public func politicsProfile(for dyad: Dyad, years: YearRange, today: Day = .today) throws -> PoliticsProfile {
    let names = [dyad.first, dyad.second].map { registry[$0]?.name ?? $0.rawValue }
    return PoliticsProfile(
      inputs: try politicsInputs(for: dyad), years: years, names: names, today: today,
      states: [dyad.first, dyad.second].compactMap { registry[$0] })
  }
}
