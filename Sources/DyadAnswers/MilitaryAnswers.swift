import DyadAnalysis
import DyadCore
import DyadStore

/// Military ties of two states by year (`dyad military`, `/api/v1/dyads/{a}/{b}/military`).
public enum MilitaryAnswers {
  /// The table's columns, oriented to A and B as asked.
  public static let schema = TableSchema(
    row: "year",
    columns: [
      DataColumn("year", "the calendar year"),
      DataColumn("state_a", "the first state's id"),
      DataColumn("state_b", "the second state's id"),
      DataColumn("verdict", "the year's alliance verdict (see `dyad allies`)"),
      DataColumn("obligations", "the pact obligations in force, separated by semicolons"),
      DataColumn("alliance_basis", "what the obligations rest on: ATOP, curated treaties or none"),
      DataColumn("pacts", "the pacts in force, separated by semicolons"),
      DataColumn("tiv_a_to_b", "SIPRI trend-indicator value of A's deliveries to B (millions)"),
      DataColumn("deals_a_to_b", "the number of those deliveries"),
      DataColumn("share_of_b_imports", "their share of B's major-arms imports (0–1)"),
      DataColumn("tiv_b_to_a", "SIPRI trend-indicator value of B's deliveries to A (millions)"),
      DataColumn("deals_b_to_a", "the number of those deliveries"),
      DataColumn("share_of_a_imports", "their share of A's major-arms imports (0–1)"),
      DataColumn(
        "tiv_est_a_to_b",
        "ESTIMATE from SIPRI's deal register (1950–2024): A's deliveries to B, each deal's delivered TIV split evenly over its delivery years (millions)"
      ),
      DataColumn("deals_est_a_to_b", "the register deals behind that estimate"),
      DataColumn(
        "tiv_est_b_to_a",
        "ESTIMATE from SIPRI's deal register (1950–2024): B's deliveries to A, split the same way (millions)"),
      DataColumn("deals_est_b_to_a", "the register deals behind that estimate"),
      DataColumn("milex_a_usd_m", "A's military spending, US$ millions"),
      DataColumn("milex_b_usd_m", "B's military spending, US$ millions"),
      DataColumn("milex_ratio", "A's spending over B's"),
      DataColumn("milex_share_gdp_a", "A's spending as a share of its GDP"),
      DataColumn("milex_share_gdp_b", "B's spending as a share of its GDP"),
      DataColumn("personnel_a_k", "A's military personnel, thousands (COW NMC)"),
      DataColumn("personnel_b_k", "B's military personnel, thousands (COW NMC)"),
      DataColumn("personnel_ratio", "A's personnel over B's"),
      DataColumn("cinc_a", "A's composite index of national capability (COW NMC)"),
      DataColumn("cinc_b", "B's composite index of national capability (COW NMC)"),
      DataColumn("cinc_ratio", "A's CINC over B's"),
      DataColumn("exercises", "joint exercises that year; empty when the exercise data do not cover the year and none is recorded"),
      DataColumn("exercises_covered", "yes when the exercise data cover the year for the dyad, else no (a count is then a lower bound)"),
      DataColumn("exercises_bilateral", "of which bilateral"),
      DataColumn("exercises_multilateral", "of which multilateral"),
      DataColumn("exercise_names", "the exercises, separated by semicolons"),
    ])

  /// The profile's years: 1950 (the first deliveries of SIPRI's deal register) to this year unless asked; an open end is filled
  /// from that span.
  public static func years(_ question: DyadQuestion) throws -> YearRange {
    let to = question.lastYear(default: max(question.thisYear, question.from ?? question.thisYear))
    return try YearRange(from: question.firstYear(default: min(AnswerDefaults.militaryFirstYear, to)), to: to)
  }

  /// The military profile of the question's dyad.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<MilitaryProfile> {
    let span = try years(question)
    let profile = try store.militaryProfile(for: question.dyad, years: span)
    return Answer(
      payload: profile, table: table(profile, a: question.a.id, b: question.b.id), years: span, notes: profile.notes
    ).noting(question.yearsNote)
  }

  /// One row per year, the columns oriented to A and B as asked.
  public static func table(_ profile: MilitaryProfile, a: StateID, b: StateID) -> DataTable {
    var table = DataTable(columns: schema.columns.map(\.name))
    let view = Oriented(aIsFirst: a == profile.dyad.first)
    let n = DataTable.number as (Double?) -> String?
    for row in profile.rows {
      let toB = view.toB(row), toA = view.toA(row), capA = view.capA(row), capB = view.capB(row)
      table.append([
        String(row.year), a.rawValue, b.rawValue, row.verdict.rawValue,
        row.alliance.obligations.map(\.rawValue).joined(separator: ";"), row.alliance.basis.rawValue,
        row.alliance.pacts.map(\.name).joined(separator: "; "), n(toB.tiv.value),
        toB.tiv.value == nil ? nil : String(toB.deals), n(toB.share.value), n(toA.tiv.value),
        toA.tiv.value == nil ? nil : String(toA.deals), n(toA.share.value), n(toB.estimatedTIV.value),
        toB.estimatedTIV.value == nil ? nil : String(toB.estimatedDeals), n(toA.estimatedTIV.value),
        toA.estimatedTIV.value == nil ? nil : String(toA.estimatedDeals), n(capA.spendingUSDMillions.value),
        n(capB.spendingUSDMillions.value), n(view.ratio(row.spendingRatio)), n(capA.spendingShareOfGDP.value),
        n(capB.spendingShareOfGDP.value), n(capA.personnelThousands.value), n(capB.personnelThousands.value),
        n(view.ratio(row.personnelRatio)), n(capA.cinc.value), n(capB.cinc.value), n(view.ratio(row.cincRatio)),
        row.exerciseCount == 0 && !row.exercisesCovered ? nil : String(row.exerciseCount),
        row.exercisesCovered ? "yes" : "no", String(row.bilateralExercises), String(row.multilateralExercises),
        row.exercises.map(\.displayName).joined(separator: "; "),
      ])
    }
    return table
  }

  /// A year of the profile seen from A's side, A and B as asked.
  public struct Oriented: Sendable {
    /// Whether A is the dyad's first state.
    public let aIsFirst: Bool

    /// Creates the view; `aIsFirst` when A is the dyad's first state.
    public init(aIsFirst: Bool) { self.aIsFirst = aIsFirst }

    /// A's transfers to B.
    public func toB(_ row: MilitaryYear) -> ArmsFlow { row.transfers[aIsFirst ? 0 : 1] }
    /// B's transfers to A.
    public func toA(_ row: MilitaryYear) -> ArmsFlow { row.transfers[aIsFirst ? 1 : 0] }
    /// A's capabilities.
    public func capA(_ row: MilitaryYear) -> StateCapabilities { row.capabilities[aIsFirst ? 0 : 1] }
    /// B's capabilities.
    public func capB(_ row: MilitaryYear) -> StateCapabilities { row.capabilities[aIsFirst ? 1 : 0] }

    /// A ratio of the dyad's first state over its second, as A over B; missing when B's is 0.
    public func ratio(_ measure: MilitaryMeasure) -> Double? {
      guard let value = measure.value else { return nil }
      if aIsFirst { return value }
      return value == 0 ? nil : 1 / value
    }
  }
}
