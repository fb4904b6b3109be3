import DyadAnalysis
import DyadCore
import DyadStore
import Foundation

/// `/api/v1/dyads/{a}/{b}/trade`: trade by year from every series, with dependence, asymmetry and
/// the gaps between sources.
enum EconomicAPI {
  static func trade(_ request: RouteRequest) async throws -> Payload {
    let (_, a, b) = try request.dyad()
    let years = try request.years(default: .all)
    let profile = try await request.server.store.read { try $0.tradeProfile(of: a.id, with: b.id, years: years) }
    var table = DataTable(
      "year", "source", "reporter", "a_to_b_usd_m", "b_to_a_usd_m", "total_usd_m", "balance_usd_m", "growth_pct",
      "share_of_b_in_a_trade_pct", "share_of_a_in_b_trade_pct", "asymmetry", "rank_of_b_for_a", "rank_of_a_for_b",
      "trade_to_gdp_a_pct", "trade_to_gdp_b_pct", "status_total", "source_url")
    let n = DataTable.number as (Double?) -> String?
    for row in profile.rows {
      table.append([
        String(row.year), row.source.label, row.source.reporter?.rawValue, n(row.aToB.value), n(row.bToA.value),
        n(row.total.value), n(row.balance.value), n(row.growth.value), n(row.shareOfBInA.value),
        n(row.shareOfAInB.value), n(row.asymmetry.value), row.rankOfBForA.map { String($0.rank) },
        row.rankOfAForB.map { String($0.rank) }, n(row.tradeToGDPOfA.value), n(row.tradeToGDPOfB.value),
        row.total.status.rawValue, row.citation.url,
      ])
    }
    let notes =
      profile.notes
      + profile.missingDatasets.map { "\($0.name) is not in the store (\($0.adds)); run `\($0.command)`." }
    return try request.respond(
      json: DyadEnvelope(a: a, b: b, years: profile.years, data: profile, notes: notes), table: table)
  }
}
