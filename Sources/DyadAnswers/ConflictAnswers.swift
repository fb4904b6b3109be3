import DyadAnalysis
import DyadCore
import DyadStore

/// Conflicts, rivalries and geography of two states by year (`dyad conflict`,
/// `/api/v1/dyads/{a}/{b}/conflict`).
///
/// In the table a count is empty where its dataset does not cover the year (unknown) and 0 where it
/// covers it and finds none.
public enum ConflictAnswers {
  /// The table's columns, oriented to A and B as asked.
  public static let schema = TableSchema(
    row: "year",
    columns: [
      DataColumn("year", "the calendar year"),
      DataColumn("state_a", "the first state's id"),
      DataColumn("state_b", "the second state's id"),
      DataColumn("cow_mids", "COW MID 5 disputes between the two that year (empty: not covered, 1816–2014)"),
      DataColumn("cow_mid_onsets", "of which began that year"),
      DataColumn("cow_mid_numbers", "their dispute numbers, separated by semicolons"),
      DataColumn("cow_hostility", "the highest hostility level of either side (1 none … 4 use of force, 5 war)"),
      DataColumn("cow_fatality_a", "A's highest fatality level (0 none … 6 ≥1000; empty: unknown or no dispute)"),
      DataColumn("cow_fatality_b", "B's highest fatality level"),
      DataColumn("cow_initiators", "the states on the initiating side (side A), separated by semicolons"),
      DataColumn("gml_mids", "Gibler–Miller–Little MID 2.2.1 disputes that year (empty: not covered, 1816–2010)"),
      DataColumn("gml_mid_onsets", "of which began that year"),
      DataColumn("gml_mid_numbers", "their dispute numbers, separated by semicolons"),
      DataColumn("gml_hostility", "the highest hostility level of either side"),
      DataColumn("gml_fatality_a", "A's highest fatality level"),
      DataColumn("gml_fatality_b", "B's highest fatality level"),
      DataColumn("gml_initiators", "the states on the initiating side, separated by semicolons"),
      DataColumn("wars", "COW interstate wars fought against each other that year (empty: not covered, 1823–2003)"),
      DataColumn("war_numbers", "the COW war numbers, separated by semicolons"),
      DataColumn("tss_rivalry", "1 when a Thompson–Sakuwa–Suhas strategic rivalry is in force, 0 when not (empty: not covered, to 2020)"),
      DataColumn("tss_rivalry_types", "its types (positional, spatial, ideological, interventionary), separated by semicolons"),
      DataColumn("td_rivalry", "1 when a Thompson–Dreyer strategic rivalry is in force, 0 when not (empty: not covered, to 2010)"),
      DataColumn("td_rivalry_types", "its types, separated by semicolons"),
      DataColumn("ucdp_opposite_sides", "UCDP/PRIO armed conflicts with the two on opposite sides (empty: not covered, 1946–2024)"),
      DataColumn("ucdp_same_side", "UCDP/PRIO armed conflicts with the two on the same side"),
      DataColumn("ucdp_conflicts", "the UCDP conflict ids, separated by semicolons"),
      DataColumn("contiguity_type", "the closest direct contiguity (1 land … 5 water ≤ 400 miles); empty when not contiguous or not covered"),
      DataColumn("contiguity", "that contiguity in words, or not contiguous (empty: not covered, 1816–2016)"),
    ])

  /// The profile's years: 1816 (the first year of the COW state system and its MIDs) to this year
  /// unless asked; an open end is filled from that span.
  public static func years(_ question: DyadQuestion) throws -> YearRange {
    let to = question.to ?? max(question.thisYear, question.from ?? question.thisYear)
    return try YearRange(from: question.from ?? min(AnswerDefaults.conflictFirstYear, to), to: to)
  }

  /// The conflict profile of the question's dyad.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<ConflictProfile> {
    let span = try years(question)
    let profile = try store.conflictProfile(for: question.dyad, years: span)
    return Answer(
      payload: profile, table: table(profile, a: question.a.id, b: question.b.id), years: span, notes: profile.notes)
  }

  static func list(_ values: [Int]) -> String? { values.isEmpty ? nil : values.map(String.init).joined(separator: ";") }

  /// One row per year, the columns oriented to A and B as asked.
  public static func table(_ profile: ConflictProfile, a: StateID, b: StateID) -> DataTable {
    var table = DataTable(columns: schema.columns.map(\.name))
    let aIsFirst = a == profile.dyad.first
    func mids(_ summary: DisputeYearSummary?) -> [String?] {
      guard let summary else { return [nil, nil, nil, nil, nil, nil, nil] }
      let fatalities = aIsFirst ? (summary.firstFatality, summary.secondFatality) : (summary.secondFatality, summary.firstFatality)
      return [
        String(summary.disputes.count), String(summary.onsets.count), list(summary.disputes),
        summary.hostility.map(String.init), fatalities.0.map(String.init), fatalities.1.map(String.init),
        summary.initiators.isEmpty ? nil : summary.initiators.map(\.rawValue).joined(separator: ";"),
      ]
    }
    func rivalry(_ rivalries: [Rivalry]?) -> [String?] {
      guard let rivalries else { return [nil, nil] }
      let types = rivalries.flatMap(\.types).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      return [rivalries.isEmpty ? "0" : "1", types.isEmpty ? nil : types.joined(separator: ";")]
    }
    for row in profile.rows {
      var cells: [String?] = [String(row.year), a.rawValue, b.rawValue]
      cells += mids(row.cowMID) + mids(row.gmlMID)
      cells += [row.wars.map { String($0.count) }, row.wars.flatMap(list)]
      cells += rivalry(row.tssRivalries) + rivalry(row.tdRivalries)
      cells += [
        row.oppositeSideConflicts.map { String($0.count) }, row.sameSideConflicts.map { String($0.count) },
        list(((row.oppositeSideConflicts ?? []) + (row.sameSideConflicts ?? [])).sorted()),
        row.contiguity?.type.map(String.init), row.contiguity?.label,
      ]
      table.append(cells)
    }
    return table
  }
}
