import DyadAnalysis
import DyadCore
import DyadStore

/// Two states' political systems, leaders and populations by year (`dyad politics`,
/// `/api/v1/dyads/{a}/{b}/politics`).
///
/// A measure is empty where its dataset has no value that year (unknown, never 0); population
/// columns are filled only in WPP's five-yearly years.
public enum PoliticsAnswers {
  /// The table's columns, oriented to A and B as asked.
  public static let schema = TableSchema(
    row: "year",
    columns: [
      DataColumn("year", "the calendar year"),
      DataColumn("state_a", "the first state's id"),
      DataColumn("state_b", "the second state's id"),
    ] + ["a", "b"].flatMap { side in
      [
        DataColumn("polyarchy_\(side)", "V-Dem electoral democracy index, 0–1 (v15 to 2024, v16 for 2025)"),
        DataColumn("polyarchy_\(side)_low", "the lower end of V-Dem's credible interval (v15; empty for v16)"),
        DataColumn("polyarchy_\(side)_high", "the upper end of V-Dem's credible interval"),
        DataColumn("polyarchy_\(side)_source", "vdem (v15 indices) or vdem-cow (v16 by COW state-year)"),
        DataColumn("regime_\(side)", "democracy, autocracy or uncertain (interval spans 0.5): see the method notes"),
        DataColumn("libdem_\(side)", "V-Dem liberal democracy index, 0–1"),
        DataColumn("fh_status_\(side)", "Freedom House status: F, PF or NF"),
        DataColumn("fh_total_\(side)", "Freedom House political rights plus civil liberties, 2 (most free) … 14"),
        DataColumn("polity2_\(side)", "Polity2, −10 … 10 (to 2018)"),
        DataColumn("leaders_\(side)", "effective leaders in office during the year, separated by semicolons"),
        DataColumn("working_age_\(side)", "population aged 15–64, thousands (UN WPP 2024; five-yearly)"),
        DataColumn("median_age_\(side)", "median age in years (UN WPP 2024)"),
      ]
    } + [
      DataColumn("polyarchy_distance", "the absolute difference of the two polyarchy scores"),
      DataColumn("pairing", "both autocracies, both democracies, or a democracy and an autocracy"),
      DataColumn("population_variant", "estimate, or medium for a projection (WPP)"),
      DataColumn("median_age_projected", "1 when the median ages are WPP projections"),
    ])

  /// The profile's years: the last 25 years to this year unless asked.
  public static func years(_ question: DyadQuestion) throws -> YearRange {
    let to = question.to ?? max(question.thisYear, question.from ?? question.thisYear)
    return try YearRange(from: question.from ?? min(question.thisYear - AnswerDefaults.politicsYears + 1, to), to: to)
  }

  /// The political profile of the question's dyad.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<PoliticsProfile> {
    let span = try years(question)
    let profile = try store.politicsProfile(for: question.dyad, years: span)
    return Answer(
      payload: profile, table: table(profile, a: question.a.id, b: question.b.id), years: span, notes: profile.notes)
  }

  static func number(_ value: Double?, _ decimals: Int = 3) -> String? {
    value.map { CuratedRecord.fixed($0, decimals) }
  }

  /// One row per year, the columns oriented to A and B as asked.
  public static func table(_ profile: PoliticsProfile, a: StateID, b: StateID) -> DataTable {
    var table = DataTable(columns: schema.columns.map(\.name))
    let order = a == profile.dyad.first ? [0, 1] : [1, 0]
    for row in profile.rows {
      var cells: [String?] = [String(row.year), a.rawValue, b.rawValue]
      var variant: String?
      var projected: String?
      for i in order {
        let side = row.sides[i], whole = profile.sides[i]
        let population = whole.population(in: row.year)
        let median = whole.medianAge(in: row.year)
        if let population { variant = population.variant == .estimate ? "estimate" : "medium" }
        if let median { projected = median.isProjection ? "1" : "0" }
        cells += [
          number(side.polyarchy?.value), number(side.polyarchy?.low), number(side.polyarchy?.high),
          side.polyarchyDataset?.rawValue, side.regime?.rawValue, number(side.liberalDemocracy?.value),
          side.freedomHouse?.status, side.freedomHouse.map { String($0.total) }, number(side.polity2, 0),
          whole.leaders(in: row.year).joined(separator: ";").nilIfEmpty, number(population?.workingAge, 0),
          number(median?.years, 1),
        ]
      }
      cells += [number(row.distance), row.pairing, variant, projected]
      table.append(cells)
    }
    return table
  }
}

extension String {
  fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
