import DyadAnalysis
import DyadCore
import DyadStore

/// A state's strongest partners by each measure the store can answer — share of its trade,
/// agreement in UN General Assembly votes, shared institutions (`/api/v1/states/{id}/partners`).
public enum PartnerRankingAnswers {
  /// One partner in a ranking.
  public struct Partner: Encodable, Sendable {
    /// The partner's rank, from 1.
    public let rank: Int
    /// The partner.
    public let state: StateRef
    /// The partner's value, in the ranking's unit.
    public let value: Double
    /// The value as a reader would write it: "18.4% of trade".
    public let label: String
  }

  /// The partners by one measure.
  public struct Ranking: Encodable, Sendable {
    /// The ranking's id: trade, unga-agreement or institutions.
    public let id: String
    /// The ranking's title.
    public let title: String
    /// What the values are.
    public let unit: String
    /// The year ranked.
    public let year: Int?
    /// The source of the values.
    public let source: Source?
    /// The partners, strongest first.
    public let partners: [Partner]
    /// Why the ranking is empty, and what fills it.
    public let note: String?
  }

  /// The JSON payload: the state and its rankings.
  public struct Payload: Encodable, Sendable {
    /// The partner.
    public let state: StateRef
    /// The rankings, one per measure.
    public let rankings: [Ranking]
  }

  /// How many partners each ranking lists.
  public static let limit = 10

  /// The table's columns.
  public static let schema = TableSchema(
    row: "partner in a ranking",
    columns: [
      DataColumn("measure", "the ranking: trade, unga-agreement or institutions"),
      DataColumn("year", "the year ranked"),
      DataColumn("rank", "the partner's rank"),
      DataColumn("partner", "the partner's id"),
      DataColumn("partner_name", "the partner's name"),
      DataColumn("value", "the partner's value, in the unit"),
      DataColumn("unit", "what the values are"),
    ])

  /// The state's strongest partners by each measure; `year` is this year, for the memberships.
  public static func answer(_ state: State, year: Int, store: Store) throws -> Answer<Payload> {
    let registry = store.registry
    let payload = Payload(
      state: StateRef(state),
      rankings: [
        try trade(state, store: store, registry: registry),
        try votes(state, store: store, registry: registry),
        try institutions(state, store: store, registry: registry, year: year),
      ])
    var table = DataTable(columns: schema.columns.map(\.name))
    for ranking in payload.rankings {
      for partner in ranking.partners {
        table.append([
          ranking.id, ranking.year.map(String.init), String(partner.rank), partner.state.id.rawValue,
          partner.state.name, DataTable.number(partner.value), ranking.unit,
        ])
      }
    }
    return Answer(payload: payload, table: table, years: nil)
  }

  private static func ref(_ id: StateID, _ registry: StateRegistry) -> StateRef? { registry[id].map(StateRef.init) }

  /// Partners by share of the state's trade, from COW Trade or the state's IMF reports.
  private static func trade(_ state: State, store: Store, registry: StateRegistry) throws -> Ranking {
    let title = "Share of its trade"
    guard let partners = try store.tradePartners(of: state.id) else {
      return Ranking(
        id: "trade", title: title, unit: "percent of total trade", year: nil, source: nil, partners: [],
        note:
          "No trade series covers \(state.name): run `dyad import cow-trade FOLDER` (or imf-dots for Russia's reports)."
      )
    }
    // Shares of the state's total trade where the series has the total (COW); else, as the IMF
    // reports of a state that gives no World total, the two-way trade itself.
    let byShare = partners.partners.contains { $0.rank != nil && $0.share.value != nil }
    var ranked: [Partner] = []
    for entry in partners.partners {
      guard let rank = entry.rank, let ref = ref(entry.partner, registry), let total = entry.total.value else {
        continue
      }
      if byShare {
        guard let share = entry.share.value else { continue }
        ranked.append(
          Partner(
            rank: rank, state: ref, value: share,
            label: "\(CuratedRecord.fixed(share, 1))% of trade, \(CuratedRecord.usd(total))"))
      } else {
        ranked.append(Partner(rank: rank, state: ref, value: total, label: CuratedRecord.usd(total)))
      }
      if ranked.count == limit { break }
    }
    return Ranking(
      id: "trade", title: byShare ? title : "Two-way trade", unit: byShare ? "percent of total trade" : "US$ millions",
      year: partners.year, source: partners.citation, partners: ranked,
      note: ranked.isEmpty
        ? "The \(partners.source.label) series ranks no partner of \(state.name) in \(partners.year)."
        : "\(partners.source.label), \(partners.year).")
  }

  /// Partners by the share of UN General Assembly votes on which both voted the same way, in the
  /// latest year of the stored votes.
  private static func votes(_ state: State, store: Store, registry: StateRegistry) throws -> Ranking {
    let title = "Agreement in UN General Assembly votes"
    let unit = "percent of joint votes the same"
    guard let dataset = try store.dataset(named: "unga-votes"), let year = dataset.coverage?.upperBound else {
      return Ranking(
        id: "unga-agreement", title: title, unit: unit, year: nil, source: nil, partners: [],
        note: "UN votes are not in the store: run `dyad import unga-votes FOLDER`.")
    }
    let span = try YearRange(from: year, to: year)
    let voters = Set(try store.ungaVoters().filter { $0.last.year >= year && $0.first.year <= year }.map(\.state))
    guard voters.contains(state.id) else {
      return Ranking(
        id: "unga-agreement", title: title, unit: unit, year: year,
        source: DatasetCatalog.info(named: "unga-votes")?.source,
        partners: [], note: "\(state.name) did not vote in the General Assembly in \(year).")
    }
    var scored: [(StateID, Double)] = []
    for other in voters where other != state.id {
      let summary = try store.alignment(for: try Dyad(state.id, other), years: span, references: [])
      guard let row = summary.rows.first, row.measures.n >= 10, let agree = row.measures.agree else { continue }
      scored.append((other, agree))
    }
    scored.sort { ($0.1, $1.0) > ($1.1, $0.0) }
    var partners: [Partner] = []
    for (index, item) in scored.prefix(limit).enumerated() {
      guard let ref = ref(item.0, registry) else { continue }
      partners.append(
        Partner(
          rank: index + 1, state: ref, value: item.1 * 100, label: "\(CuratedRecord.fixed(item.1 * 100, 1))% agreement")
      )
    }
    return Ranking(
      id: "unga-agreement", title: title, unit: unit, year: year,
      source: DatasetCatalog.info(named: "unga-votes")?.source,
      partners: partners, note: nil)
  }

  /// Partners by the number of institutions in Dyad's curated list both belong to now.
  private static func institutions(_ state: State, store: Store, registry: StateRegistry, year: Int) throws -> Ranking {
    let all = try store.memberships(of: Array(registry.states.keys))
    let mine = Set(all.filter { $0.state == state.id && $0.isMember(inYear: year) }.map(\.institution))
    var seen: [StateID: Set<String>] = [:]
    for membership in all
    where membership.state != state.id && mine.contains(membership.institution) && membership.isMember(inYear: year) {
      seen[membership.state, default: []].insert(membership.institution)
    }
    let ranked = seen.map { ($0.key, $0.value.count) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    var partners: [Partner] = []
    for (index, item) in ranked.prefix(limit).enumerated() {
      guard let ref = ref(item.0, registry) else { continue }
      partners.append(Partner(rank: index + 1, state: ref, value: Double(item.1), label: "\(item.1) shared"))
    }
    return Ranking(
      id: "institutions", title: "Shared institutions (Dyad's curated list)", unit: "institutions", year: year,
      source: nil, partners: partners,
      note: mine.isEmpty
        ? "\(state.name) belongs to none of the institutions in Dyad's curated list in \(year)."
        : "Each membership cites its own source; see the dyad page.")
  }
}
