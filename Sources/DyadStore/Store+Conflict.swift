import DyadAnalysis
import DyadCore
import Foundation
import GRDB

extension Store {
  /// The catalogue name of the conflict datasets (one import fills them all).
  public static let conflictDatasetName = "conflict"

  /// Everything stored about the conflicts, rivalries and geography of a dyad: militarized
  /// disputes (COW and GML), wars, rivalries (TSS and TD), UCDP conflict-years in which both took
  /// part (on opposite sides or the same), contiguity, and both states' capitals, with the years
  /// each dataset covers.
  ///
  /// A store without `dyad import conflict` gives empty inputs with no coverage (every year
  /// unknown); it does not throw.
  public func conflictInputs(for dyad: Dyad) throws -> ConflictInputs {
    let a = dyad.first.rawValue, b = dyad.second.rawValue
    var inputs = ConflictInputs(dyad: dyad)
    try read { db in
      (inputs.coverage, inputs.sources) = try Self.partCoverage(
        of: ConflictDataset.self, in: ConflictCoverageTable.self, dataset: Self.conflictDatasetName, db)
      guard !inputs.coverage.isEmpty else { return }
      inputs.disputes = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM \(MIDDyadYearRow.tableName) WHERE state_a = ? AND state_b = ? ORDER BY year, dataset, dispute
          """, arguments: [a, b]
      ).compactMap { row -> DisputeYear? in
        guard let dataset = ConflictDataset(rawValue: row["dataset"]) else { return nil }
        func side(_ p: String) -> DisputeSide {
          DisputeSide(
            hostility: row["\(p)_hostility"], highestAction: row["\(p)_highest_action"], fatality: row["\(p)_fatality"],
            isInitiator: (row["\(p)_side_a"] as Int) == 1, isOriginator: (row["\(p)_originator"] as Int) == 1)
        }
        return DisputeYear(
          dataset: dataset, dispute: row["dispute"], year: row["year"], isOnset: (row["onset"] as Int) == 1,
          first: side("a"), second: side("b"))
      }
      inputs.wars = try Row.fetchAll(
        db, sql: "SELECT * FROM \(WarDyadYearRow.tableName) WHERE state_a = ? AND state_b = ? ORDER BY year, war",
        arguments: [a, b]
      ).map { row in
        WarYear(
          war: row["war"], year: row["year"], isOnset: (row["onset"] as Int) == 1,
          firstOnSideA: (row["a_side_a"] as Int) == 1, firstInitiated: (row["a_initiator"] as Int) == 1,
          secondInitiated: (row["b_initiator"] as Int) == 1, firstBattleDeaths: row["a_battle_deaths"],
          secondBattleDeaths: row["b_battle_deaths"])
      }
      inputs.rivalries = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM \(RivalryRow.tableName) WHERE state_a = ? AND state_b = ? ORDER BY start_year, dataset, rivalry_id
          """, arguments: [a, b]
      ).compactMap { row -> Rivalry? in
        guard let dataset = ConflictDataset(rawValue: row["dataset"]) else { return nil }
        let types: String = row["types"]
        return Rivalry(
          dataset: dataset, id: row["rivalry_id"], name: row["name"], start: row["start_year"], end: row["end_year"],
          types: types.split(separator: ";").map(String.init), isOngoingAtDataEnd: (row["ongoing"] as Int) == 1)
      }
      var conflicts: [ArmedConflictYear] = []
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT x.conflict_id, x.year, x.role AS first_role, y.role AS second_role, x.incompatibility, x.intensity, x.type
          FROM \(UCDPConflictSideRow.tableName) x
          JOIN \(UCDPConflictSideRow.tableName) y ON y.conflict_id = x.conflict_id AND y.year = x.year AND y.state_id = ?
          WHERE x.state_id = ?
          ORDER BY x.year, x.conflict_id, x.role, y.role
          """, arguments: [b, a])
      {
        guard let first = ConflictSideRole(rawValue: row["first_role"]),
          let second = ConflictSideRole(rawValue: row["second_role"])
        else { continue }
        let year = ArmedConflictYear(
          conflict: row["conflict_id"], year: row["year"], incompatibility: row["incompatibility"],
          intensity: row["intensity"], type: row["type"], firstRole: first, secondRole: second)
        if !conflicts.contains(year) { conflicts.append(year) }
      }
      inputs.armedConflicts = conflicts
      inputs.contiguity = try Row.fetchAll(
        db,
        sql: "SELECT * FROM \(ContiguityRow.tableName) WHERE state_a = ? AND state_b = ? ORDER BY start_date, type",
        arguments: [a, b]
      ).compactMap { row -> ContiguitySpan? in
        guard let from = try? Day(parsing: row["start_date"] as String), let to = try? Day(parsing: row["end_date"] as String)
        else { return nil }
        return ContiguitySpan(type: row["type"], from: from, to: to)
      }
      inputs.capitals = try Row.fetchAll(
        db,
        sql: "SELECT * FROM \(CapitalRow.tableName) WHERE state_id IN (?, ?) ORDER BY state_id, start_date",
        arguments: [a, b]
      ).compactMap { row -> Capital? in
        guard let from = try? Day(parsing: row["start_date"] as String), let to = try? Day(parsing: row["end_date"] as String)
        else { return nil }
        return Capital(
          state: StateID(row["state_id"] as String), name: row["name"], from: from, to: to, latitude: row["latitude"],
          longitude: row["longitude"])
      }
    }
    return inputs
  }

  /// The conflict profile of a dyad over some years (for `dyad conflict`), the states named as
  /// they are named now.
  public func conflictProfile(for dyad: Dyad, years: YearRange) throws -> ConflictProfile {
    let names = [dyad.first, dyad.second].map { registry[$0]?.name ?? $0.rawValue }
    return ConflictProfile(inputs: try conflictInputs(for: dyad), years: years, names: names)
  }
}
