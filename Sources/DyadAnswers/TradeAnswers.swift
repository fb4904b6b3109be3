import DyadAnalysis
import DyadCore
import DyadStore

/// Bilateral trade of two states by year and source (`dyad trade`, `/api/v1/dyads/{a}/{b}/trade`).
public enum TradeAnswers {
  /// The table's columns. Money is in current US$ millions; A→B is what A sold to B.
  public static let schema = TableSchema(
    row: "year as one source reports it",
    columns: [
      DataColumn("year", "the calendar year"),
      DataColumn("source", "the series: cow-trade, official or imf-dots"),
      DataColumn("reporter", "the state whose report the figures are (official and IMF series)"),
      DataColumn("a", "the first state's id"),
      DataColumn("b", "the second state's id"),
      DataColumn("a_to_b", "A's exports to B, current US$ millions"),
      DataColumn("b_to_a", "B's exports to A, current US$ millions"),
      DataColumn("total", "two-way trade, current US$ millions"),
      DataColumn("total_status", "whether the total is observed, derived or missing"),
      DataColumn("balance", "A's surplus with B (a_to_b − b_to_a), US$ millions"),
      DataColumn("growth_pct", "change of the total from the source's previous year, percent"),
      DataColumn("share_b_in_a_pct", "B's share of A's total trade, percent"),
      DataColumn("share_a_in_b_pct", "A's share of B's total trade, percent"),
      DataColumn("export_share_b_in_a_pct", "B's share of A's exports, percent"),
      DataColumn("export_share_a_in_b_pct", "A's share of B's exports, percent"),
      DataColumn("asymmetry", "A's dependence on B over B's on A"),
      DataColumn("rank_b_for_a", "B's rank among A's partners"),
      DataColumn("partners_of_a", "how many of A's partners are ranked"),
      DataColumn("rank_a_for_b", "A's rank among B's partners"),
      DataColumn("partners_of_b", "how many of B's partners are ranked"),
      DataColumn("trade_gdp_a_pct", "the dyad's trade over A's GDP, percent"),
      DataColumn("trade_gdp_b_pct", "the dyad's trade over B's GDP, percent"),
      DataColumn("source_url", "where the figures are published"),
    ])

  /// The trade profile of the question, with the default years when none are asked for.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<TradeProfile> {
    let registry = store.registry
    let name = { (id: StateID, year: Int) in registry[id]?.name(inYear: year) ?? id.rawValue }
    let inputs = try store.tradeInputs(between: question.a.id, and: question.b.id)
    let (range, why) =
      question.years.map { ($0, question.yearsNote) }
      ?? defaultYears(question.a, question.b, profile: TradeProfile(inputs: inputs, names: name))
    let profile = TradeProfile(inputs: inputs, years: range, names: name)
    let notes =
      (why.map { [$0] } ?? []) + profile.notes
      + profile.missingDatasets.map { "\($0.name) is not in the store (\($0.adds)); run `\($0.command)`." }
    return Answer(payload: profile, table: table(profile), years: profile.years, notes: notes, yearsNote: why)
  }

  /// The profile's rows as the documented table.
  public static func table(_ profile: TradeProfile) -> DataTable {
    var table = DataTable(columns: schema.columns.map(\.name))
    let n = DataTable.number as (Double?) -> String?
    for row in profile.rows {
      table.append([
        String(row.year), row.source.kind.rawValue, row.source.reporter?.rawValue, profile.a.rawValue,
        profile.b.rawValue, n(row.aToB.value), n(row.bToA.value), n(row.total.value), row.total.status.rawValue,
        n(row.balance.value), n(row.growth.value), n(row.shareOfBInA.value), n(row.shareOfAInB.value),
        n(row.shareOfBInAExports.value), n(row.shareOfAInBExports.value), n(row.asymmetry.value),
        row.rankOfBForA.map { String($0.rank) }, row.rankOfBForA.map { String($0.among) },
        row.rankOfAForB.map { String($0.rank) }, row.rankOfAForB.map { String($0.among) },
        n(row.tradeToGDPOfA.value), n(row.tradeToGDPOfB.value), row.citation.url,
      ])
    }
    return table
  }

  /// The years shown by default: from the later of the two states' current forms (the first full
  /// year after their last change of name or regime), and at most 40 years before the latest data;
  /// with the sentence that says why ("Showing 1992–2014: since Russia took its current form on
  /// 1991-12-26.").
  public static func defaultYears(_ a: State, _ b: State, profile: TradeProfile) -> (YearRange?, String?) {
    guard let latest = profile.rows.last(where: \.hasData)?.year else { return (nil, nil) }
    func currentForm(_ state: State) -> (year: Int, day: Day)? {
      guard let end = state.periods.map(\.to).max(), let start = Day.after(end) else {
        return state.start.map { ($0.month == 1 && $0.day == 1 ? $0.year : $0.year + 1, $0) }
      }
      return (start.month == 1 && start.day == 1 ? start.year : start.year + 1, start)
    }
    let forms = [(a, currentForm(a)), (b, currentForm(b))].compactMap { item in item.1.map { (item.0, $0) } }
    let newest = forms.max { $0.1.year < $1.1.year }
    let floor = latest - AnswerDefaults.tradeYears
    let from = max(newest?.1.year ?? floor, floor)
    guard let range = try? YearRange(from: from, to: latest) else { return (nil, nil) }
    var why = "Showing \(range)"
    if let newest, newest.1.year == from {
      why += ": since \(newest.0.name) took its current form on \(newest.1.day)"
    } else {
      why += ": the latest \(AnswerDefaults.tradeYears) years"
    }
    return (range, why + ".")
  }
}
