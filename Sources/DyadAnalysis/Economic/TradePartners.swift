import DyadCore

/// A state's trading partners in one year from one series, by rank: each partner's flows, total,
/// share of the state's trade and rank. Partners with a missing flow are listed last, unranked:
/// they lower no other partner's rank.
public struct TradePartners: Hashable, Sendable, Codable {
  /// One partner.
  public struct Entry: Hashable, Sendable, Codable {
    public let partner: StateID
    /// The partner's name in the source, where it names states its own way (IMF).
    public let reportedName: String?
    /// The state's exports to the partner (in COW, the partner's imports from the state).
    public let exports: TradeFigure
    /// The state's imports from the partner.
    public let imports: TradeFigure
    public let total: TradeFigure
    /// The partner's share of the state's total trade, percent.
    public let share: TradeFigure
    /// The partner's share of the state's exports, percent.
    public let exportShare: TradeFigure
    /// 1 for the largest partner; `nil` when a flow is missing.
    public let rank: Int?

    public init(
      partner: StateID, reportedName: String? = nil, exports: TradeFigure, imports: TradeFigure, total: TradeFigure,
      share: TradeFigure, exportShare: TradeFigure = .missing, rank: Int?
    ) {
      self.partner = partner
      self.reportedName = reportedName
      self.exports = exports
      self.imports = imports
      self.total = total
      self.share = share
      self.exportShare = exportShare
      self.rank = rank
    }
  }

  public let state: StateID
  public let year: Int
  public let source: TradeSource
  public let citation: Source
  /// The state's total trade (imports plus exports) that shares are taken of: COW national
  /// totals, or the state's IMF-reported trade with the World.
  public let totalTrade: TradeFigure
  /// The state's total exports, for export shares.
  public let totalExports: TradeFigure
  /// Ranked partners by rank, then unranked ones.
  public let partners: [Entry]
  /// How many partners are ranked.
  public var ranked: Int { partners.filter { $0.rank != nil }.count }
  /// IMF partner names that name no state in Dyad's registry (territories), left out of the list.
  public let unresolvedNames: [String]

  public init(
    state: StateID, year: Int, source: TradeSource, citation: Source, totalTrade: TradeFigure,
    totalExports: TradeFigure = .missing, partners: [Entry], unresolvedNames: [String] = []
  ) {
    self.state = state
    self.year = year
    self.source = source
    self.citation = citation
    self.totalTrade = totalTrade
    self.totalExports = totalExports
    self.partners = partners.sorted { x, y in
      switch (x.rank, y.rank) {
      case (let p?, let q?): return p != q ? p < q : x.partner < y.partner
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return x.partner < y.partner
      }
    }
    self.unresolvedNames = unresolvedNames
  }

  /// One COW partner row: the state's imports from the partner, the partner's imports from the
  /// state, and the stored rank.
  public struct COWPartner: Hashable, Sendable {
    public let partner: StateID
    public let importsFromPartner: Double?
    public let partnerImports: Double?
    public let rank: Int?

    public init(partner: StateID, importsFromPartner: Double?, partnerImports: Double?, rank: Int?) {
      self.partner = partner
      self.importsFromPartner = importsFromPartner
      self.partnerImports = partnerImports
      self.rank = rank
    }
  }

  /// A state's partners in COW Trade, with the ranks stored at import.
  public static func cow(
    state: StateID, year: Int, citation: Source, totals: TradeInputs.NationalTotals?, partners: [COWPartner]
  ) -> TradePartners {
    let whole = totals?.total
    let entries = partners.map { item in
      let exports = TradeFigure.observed(item.partnerImports)
      let imports = TradeFigure.observed(item.importsFromPartner)
      let total = TradeProfileBuilder.sum(exports, imports)
      return Entry(
        partner: item.partner, exports: exports, imports: imports, total: total,
        share: TradeProfileBuilder.share(total, of: whole),
        exportShare: TradeProfileBuilder.share(exports, of: totals?.exports), rank: item.rank)
    }
    return TradePartners(
      state: state, year: year, source: .cow, citation: citation, totalTrade: .derived(whole),
      totalExports: .observed(totals?.exports), partners: entries)
  }

  /// A reporter's partners in its IMF Direction of Trade reports for a year, ranked here among the
  /// partners that are states with both flows reported.
  public static func imf(state: StateID, year: Int, citation: Source, flows: [TradeInputs.IMFFlow]) -> TradePartners {
    let mine = flows.filter { $0.reporter == state && $0.year == year }
    var world: [TradeInputs.IMFFlow.Direction: Double?] = [:]
    var byPartner: [StateID: (names: [String], exports: [Double?], imports: [Double?])] = [:]
    var unresolved = Set<String>()
    for flow in mine {
      if flow.isWorld { world[flow.direction] = flow.value }
      if flow.partnerKind == .unresolved { unresolved.insert(flow.partnerName) }
      guard flow.partnerKind == .state, let partner = flow.partner else { continue }
      var entry = byPartner[partner] ?? ([], [], [])
      if !entry.names.contains(flow.partnerName) { entry.names.append(flow.partnerName) }
      if flow.direction == .exports { entry.exports.append(flow.value) } else { entry.imports.append(flow.value) }
      byPartner[partner] = entry
    }
    func sum(_ values: [Double?]) -> Double? {
      guard !values.isEmpty, !values.contains(where: { $0 == nil }) else { return nil }
      return values.reduce(0) { $0 + $1! }
    }
    var whole: Double?
    if let e = world[.exports] ?? nil, let i = world[.imports] ?? nil { whole = e + i }
    let ids = byPartner.keys.sorted()
    let totals = ids.map { id -> Double? in
      guard let e = sum(byPartner[id]!.exports), let i = sum(byPartner[id]!.imports) else { return nil }
      return e + i
    }
    let ranking = CompetitionRanking.ranks(totals)
    let entries = ids.enumerated().map { k, id in
      let item = byPartner[id]!
      let total = TradeFigure.derived(totals[k])
      let exports = TradeFigure.observed(sum(item.exports))
      return Entry(
        partner: id, reportedName: item.names.joined(separator: "; "), exports: exports,
        imports: .observed(sum(item.imports)), total: total, share: TradeProfileBuilder.share(total, of: whole),
        exportShare: TradeProfileBuilder.share(exports, of: world[.exports] ?? nil), rank: ranking.ranks[k])
    }
    return TradePartners(
      state: state, year: year, source: .imf(state), citation: citation, totalTrade: .derived(whole),
      totalExports: .observed(world[.exports] ?? nil), partners: entries, unresolvedNames: unresolved.sorted())
  }

  /// A state's partners in the IMF exports tables for a year: its exports to each from its own
  /// table, its imports from each as that partner's exports to it in the partner's table (mirror;
  /// missing where the partner has no table), ranked among its export destinations. Shares are of
  /// its exports to every partner its table lists (the tables have no World row).
  public static func imfExports(
    state: StateID, year: Int, citation: Source, exports: [TradeInputs.IMFExport],
    partnerExports: [TradeInputs.IMFExport]
  ) -> TradePartners {
    var listed = 0.0
    var byPartner: [StateID: (names: [String], exports: Double, estimated: Bool)] = [:]
    var unresolved = Set<String>()
    for item in exports where item.reporter == state && item.year == year {
      listed += item.value
      if item.partnerKind == .unresolved { unresolved.insert(item.partnerName) }
      guard item.partnerKind == .state, let partner = item.partner else { continue }
      var entry = byPartner[partner] ?? ([], 0, false)
      if !entry.names.contains(item.partnerName) { entry.names.append(item.partnerName) }
      entry.exports += item.value
      entry.estimated = entry.estimated || item.status == .estimated
      byPartner[partner] = entry
    }
    var imports: [StateID: (value: Double, estimated: Bool)] = [:]
    for item in partnerExports where item.partner == state && item.year == year {
      let earlier = imports[item.reporter]
      imports[item.reporter] = (
        (earlier?.value ?? 0) + item.value, (earlier?.estimated ?? false) || item.status == .estimated
      )
    }
    let ids = byPartner.keys.sorted()
    let ranking = CompetitionRanking.ranks(ids.map { byPartner[$0]!.exports })
    let whole: Double? = listed > 0 ? listed : nil
    let entries = ids.enumerated().map { k, id in
      let item = byPartner[id]!
      let exportFigure: TradeFigure =
        item.estimated ? .estimated(item.exports, note: "IMF estimate") : .observed(item.exports)
      let importFigure: TradeFigure =
        imports[id].map { value in
          value.estimated
            ? .estimated(value.value, note: "IMF estimate; the partner's exports (mirror)")
            : .observed(value.value, note: "the partner's exports to the state, in its table (mirror)")
        } ?? .missing("the partner has no IMF exports table for the year")
      return Entry(
        partner: id, reportedName: item.names.joined(separator: "; "), exports: exportFigure, imports: importFigure,
        total: TradeProfileBuilder.sum(exportFigure, importFigure), share: .missing,
        exportShare: TradeProfileBuilder.share(exportFigure, of: whole), rank: ranking.ranks[k])
    }
    return TradePartners(
      state: state, year: year, source: .imfExports, citation: citation, totalTrade: .missing,
      totalExports: .derived(whole, note: "exports to every partner the table lists"), partners: entries,
      unresolvedNames: unresolved.sorted())
  }
}
