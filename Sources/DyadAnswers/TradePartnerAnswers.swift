import DyadAnalysis
import DyadCore
import DyadStore

/// A state's trading partners in one year, by share of its trade (`dyad partners`).
public enum TradePartnerAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "partner listed",
    columns: [
      DataColumn("rank", "the partner's rank by two-way trade (empty when a flow is missing)"),
      DataColumn("partner", "the partner's id"),
      DataColumn("name", "the partner's name that year"),
      DataColumn("exports", "the state's exports to the partner, current US$ millions"),
      DataColumn("imports", "the state's imports from the partner, current US$ millions"),
      DataColumn("total", "two-way trade, current US$ millions"),
      DataColumn("share_pct", "the partner's share of the state's total trade, percent"),
      DataColumn("export_share_pct", "the partner's share of the state's exports, percent"),
      DataColumn("source", "the series: cow-trade, imf-dots or imf-dots-all"),
      DataColumn("year", "the year"),
    ])

  /// The partners of `state` in `year` (the latest with data by default) from `source` (COW when
  /// it has the year, else IMF), the first `top` of them (all for 0); `nil` when no series has them.
  public static func answer(
    _ state: State, year: Int? = nil, source: TradeSource.Kind? = nil, top: Int = 0, store: Store
  ) throws -> Answer<TradePartners>? {
    guard let list = try store.tradePartners(of: state.id, year: year, source: source) else { return nil }
    let registry = store.registry
    let shown = top == 0 ? list.partners : Array(list.partners.prefix(top))
    var table = DataTable(columns: schema.columns.map(\.name))
    for entry in shown {
      table.append([
        entry.rank.map(String.init), entry.partner.rawValue,
        registry[entry.partner]?.name(inYear: list.year) ?? entry.partner.rawValue, DataTable.number(entry.exports.value),
        DataTable.number(entry.imports.value), DataTable.number(entry.total.value), DataTable.number(entry.share.value),
        DataTable.number(entry.exportShare.value), list.source.kind.rawValue, String(list.year),
      ])
    }
    return Answer(payload: list, table: table, years: try? YearRange(from: list.year, to: list.year))
  }
}
