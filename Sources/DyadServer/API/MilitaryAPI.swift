import DyadAnalysis
import DyadCore
import DyadStore
import Foundation

/// `/api/v1/dyads/{a}/{b}/military` and `/verdict`: the military profile year by year, and the
/// "are they allies?" verdict with its rules and evidence.
enum MilitaryAPI {
  /// The profile's years: 2000 (SIPRI's first) to this year unless given, as `dyad military`.
  static func span(_ request: RouteRequest) throws(Problem) -> YearRange {
    let now = request.server.today.year
    let fallback = try! YearRange(from: min(2000, now), to: now)
    return try request.years(default: fallback) ?? fallback
  }

  static func military(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let years = try span(request)
    let profile = try await request.server.store.read { try $0.militaryProfile(for: dyad, years: years) }
    return try request.respond(
      json: DyadEnvelope(a: a, b: b, years: years, data: profile, notes: profile.notes),
      table: table(profile, a: a.id, b: b.id))
  }

  /// One row per year, the columns oriented to A and B as asked (as `dyad military --csv`).
  static func table(_ profile: MilitaryProfile, a: StateID, b: StateID) -> DataTable {
    var table = DataTable(
      "year", "state_a", "state_b", "verdict", "obligations", "alliance_basis", "pacts", "tiv_a_to_b", "deals_a_to_b",
      "share_of_b_imports", "tiv_b_to_a", "deals_b_to_a", "share_of_a_imports", "milex_a_usd_m", "milex_b_usd_m",
      "milex_ratio", "milex_share_gdp_a", "milex_share_gdp_b", "personnel_a_k", "personnel_b_k", "personnel_ratio",
      "cinc_a", "cinc_b", "cinc_ratio", "exercises", "exercises_bilateral", "exercises_multilateral", "exercise_names")
    let aIsFirst = a == profile.dyad.first
    func ratio(_ measure: MilitaryMeasure) -> Double? {
      guard let value = measure.value else { return nil }
      if aIsFirst { return value }
      return value == 0 ? nil : 1 / value
    }
    let n = DataTable.number as (Double?) -> String?
    for row in profile.rows {
      let toB = row.transfers[aIsFirst ? 0 : 1], toA = row.transfers[aIsFirst ? 1 : 0]
      let capA = row.capabilities[aIsFirst ? 0 : 1], capB = row.capabilities[aIsFirst ? 1 : 0]
      table.append([
        String(row.year), a.rawValue, b.rawValue, row.verdict.rawValue,
        row.alliance.obligations.map(\.rawValue).joined(separator: ";"), row.alliance.basis.rawValue,
        row.alliance.pacts.map(\.name).joined(separator: "; "), n(toB.tiv.value),
        toB.tiv.value == nil ? nil : String(toB.deals), n(toB.share.value), n(toA.tiv.value),
        toA.tiv.value == nil ? nil : String(toA.deals), n(toA.share.value), n(capA.spendingUSDMillions.value),
        n(capB.spendingUSDMillions.value), n(ratio(row.spendingRatio)), n(capA.spendingShareOfGDP.value),
        n(capB.spendingShareOfGDP.value), n(capA.personnelThousands.value), n(capB.personnelThousands.value),
        n(ratio(row.personnelRatio)), n(capA.cinc.value), n(capB.cinc.value), n(ratio(row.cincRatio)),
        String(row.exerciseCount), String(row.bilateralExercises), String(row.multilateralExercises),
        row.exercises.map(\.displayName).joined(separator: "; "),
      ])
    }
    return table
  }

  /// The verdict and, for scale, the same verdict for the reference dyads.
  struct VerdictBody: Encodable, Sendable {
    let verdict: AllianceVerdict
    let references: [AllianceVerdict]
  }

  /// The dyads the verdict is shown beside, as `dyad allies`.
  static let references: [(StateID, StateID)] = [("USA", "GBR"), ("USA", "JPN")]

  static func verdict(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let year = request.year("year") ?? request.server.today.year
    let registry = request.registry
    let (verdict, references) = try await request.server.store.read { store in
      let verdict = try store.verdict(for: dyad, year: year)
      var references: [AllianceVerdict] = []
      for (x, y) in Self.references {
        guard let reference = try? Dyad(x, y), reference != dyad, registry[x] != nil, registry[y] != nil else {
          continue
        }
        references.append(try store.verdict(for: reference, year: year))
      }
      return (verdict, references)
    }
    var table = DataTable("year", "tie", "rule", "name", "fired", "finding", "evidence", "sources")
    for result in verdict.rules {
      table.append([
        String(verdict.year), verdict.tie.rawValue, result.rule.id, result.rule.name, result.fired ? "yes" : "no",
        result.finding, result.evidence.map(\.text).joined(separator: " | "),
        result.evidence.flatMap { $0.sources.map(\.url) }.joined(separator: " "),
      ])
    }
    return try request.respond(
      json: DyadEnvelope(
        a: a, b: b, years: try? YearRange(from: year, to: year),
        data: VerdictBody(verdict: verdict, references: references), notes: verdict.notes),
      table: table)
  }
}
