import DyadCore

/// Builds the rows of a ``TradeProfile``: one per year and series, with the derived indicators.
struct TradeProfileBuilder {
  let inputs: TradeInputs
  let years: YearRange?

  private var a: StateID { inputs.a }
  private var b: StateID { inputs.b }

  private func wanted(_ year: Int) -> Bool { years?.contains(year) ?? true }

  func rows() -> [TradeYear] {
    let all = addGrowth(cowRows() + officialRows() + imfRows() + imfExportRows())
    return all.sorted { x, y in
      if x.year != y.year { return x.year < y.year }
      return x.source.order < y.source.order
    }
  }

  // MARK: Series

  private func cowRows() -> [TradeYear] {
    guard let citation = inputs.cowSource else { return [] }
    let byYear = Dictionary(inputs.cow.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
    guard let first = byYear.keys.min(), let last = byYear.keys.max() else { return [] }
    var rows: [TradeYear] = []
    for year in first...last where wanted(year) {
      let item = byYear[year]
      let aToB = TradeFigure.observed(item?.bImportsFromA)
      let bToA = TradeFigure.observed(item?.aImportsFromB)
      let total = Self.sum(aToB, bToA)
      let totalsA = inputs.cowTotals[a]?[year], totalsB = inputs.cowTotals[b]?[year]
      let shareOfBInA = Self.share(total, of: totalsA?.total)
      let shareOfAInB = Self.share(total, of: totalsB?.total)
      rows.append(
        TradeYear(
          year: year, source: .cow, citation: citation, aToB: aToB, bToA: bToA, total: total,
          balance: Self.difference(aToB, bToA), shareOfBInA: shareOfBInA, shareOfAInB: shareOfAInB,
          shareOfBInAExports: Self.share(aToB, of: totalsA?.exports),
          shareOfAInBExports: Self.share(bToA, of: totalsB?.exports), asymmetry: Self.ratio(shareOfBInA, shareOfAInB),
          rankOfBForA: item?.rankOfBForA.map { PartnerRank(rank: $0, among: max($0, totalsA?.partnersRanked ?? 0)) },
          rankOfAForB: item?.rankOfAForB.map { PartnerRank(rank: $0, among: max($0, totalsB?.partnersRanked ?? 0)) },
          tradeToGDPOfA: gdpShare(total, a, year), tradeToGDPOfB: gdpShare(total, b, year)))
    }
    return rows
  }

  private func officialRows() -> [TradeYear] {
    let relevant = inputs.official.filter {
      ($0.reporter == a && $0.partner == b) || ($0.reporter == b && $0.partner == a)
    }
    var rows: [TradeYear] = []
    for (reporter, items) in Dictionary(grouping: relevant, by: \.reporter) {
      for (year, flows) in Dictionary(grouping: items, by: \.year) where wanted(year) {
        let exports = flows.first { $0.flow == .exports }
        let imports = flows.first { $0.flow == .imports }
        let reportedTotal = flows.first { $0.flow == .total }
        let outgoing = TradeFigure.observed(exports?.valueUSDMillions)
        let incoming = TradeFigure.observed(imports?.valueUSDMillions)
        let (aToB, bToA) = reporter == a ? (outgoing, incoming) : (incoming, outgoing)
        let total = reportedTotal.map { TradeFigure.observed($0.valueUSDMillions) } ?? Self.sum(aToB, bToA)
        let citation = (reportedTotal ?? exports ?? imports ?? flows[0]).source
        rows.append(
          TradeYear(
            year: year, source: .official(reporter), citation: citation, aToB: aToB, bToA: bToA, total: total,
            balance: Self.difference(aToB, bToA), tradeToGDPOfA: gdpShare(total, a, year),
            tradeToGDPOfB: gdpShare(total, b, year)))
      }
    }
    return rows
  }

  private func imfRows() -> [TradeYear] {
    guard let citation = inputs.imfSource else { return [] }
    var rows: [TradeYear] = []
    for reporter in [a, b] {
      let other = reporter == a ? b : a
      let flows = inputs.imf.filter { $0.reporter == reporter }
      let dyad = flows.filter { $0.partner == other }
      guard !dyad.isEmpty else { continue }
      // Each direction by year and partner; two IMF names for one partner state in a year (rare)
      // are added, and a missing one makes the sum missing.
      struct Key: Hashable {
        let year: Int
        let partner: StateID
        let direction: TradeInputs.IMFFlow.Direction
      }
      var values: [Key: [Double?]] = [:]
      var world: [Int: [TradeInputs.IMFFlow.Direction: Double?]] = [:]
      for flow in flows {
        if flow.isWorld { world[flow.year, default: [:]][flow.direction] = flow.value }
        guard flow.partnerKind == .state, let partner = flow.partner else { continue }
        values[Key(year: flow.year, partner: partner, direction: flow.direction), default: []].append(flow.value)
      }
      func value(_ year: Int, _ partner: StateID, _ direction: TradeInputs.IMFFlow.Direction) -> Double? {
        guard let list = values[Key(year: year, partner: partner, direction: direction)],
          !list.contains(where: { $0 == nil })
        else { return nil }
        return list.reduce(0) { $0 + $1! }
      }
      var partnersByYear: [Int: Set<StateID>] = [:]
      for key in values.keys { partnersByYear[key.year, default: []].insert(key.partner) }
      let dyadYears = Set(dyad.map(\.year))
      for year in dyadYears.sorted() where wanted(year) {
        let outgoing = TradeFigure.observed(value(year, other, .exports))
        let incoming = TradeFigure.observed(value(year, other, .imports))
        let (aToB, bToA) = reporter == a ? (outgoing, incoming) : (incoming, outgoing)
        let total = Self.sum(aToB, bToA)
        var worldTotal: Double?
        if let e = world[year]?[.exports] ?? nil, let i = world[year]?[.imports] ?? nil { worldTotal = e + i }
        let share = Self.share(total, of: worldTotal)
        let exportShare = Self.share(outgoing, of: world[year]?[.exports] ?? nil)
        let yearPartners = (partnersByYear[year] ?? []).sorted()
        let totals: [Double?] = yearPartners.map { partner in
          guard let e = value(year, partner, .exports), let i = value(year, partner, .imports) else { return nil }
          return e + i
        }
        let ranking = CompetitionRanking.ranks(totals)
        let rank = yearPartners.firstIndex(of: other).flatMap { ranking.ranks[$0] }
          .map { PartnerRank(rank: $0, among: ranking.ranked) }
        rows.append(
          TradeYear(
            year: year, source: .imf(reporter), citation: citation, aToB: aToB, bToA: bToA, total: total,
            balance: Self.difference(aToB, bToA), shareOfBInA: reporter == a ? share : .missing,
            shareOfAInB: reporter == b ? share : .missing,
            shareOfBInAExports: reporter == a ? exportShare : .missing,
            shareOfAInBExports: reporter == b ? exportShare : .missing, rankOfBForA: reporter == a ? rank : nil,
            rankOfAForB: reporter == b ? rank : nil, tradeToGDPOfA: gdpShare(total, a, year),
            tradeToGDPOfB: gdpShare(total, b, year)))
      }
    }
    return rows
  }

  /// The IMF exports tables of both sides: `a`'s exports to `b` from `a`'s table, `b`'s exports to
  /// `a` from `b`'s (standing for `a`'s imports: a mirror figure). Shares are of the exporter's
  /// exports to every partner its table lists (the tables have no World row); ranks are among its
  /// export destinations.
  private func imfExportRows() -> [TradeYear] {
    guard let citation = inputs.imfExportSource else { return [] }
    struct Side {
      /// Values by year and partner state (two IMF names for one state in a year are added).
      var toPartner: [Int: [StateID: (value: Double, estimated: Bool)]] = [:]
      /// Exports to every partner listed, by year.
      var listed: [Int: Double] = [:]
    }
    var sides: [StateID: Side] = [:]
    for item in inputs.imfExports where item.reporter == a || item.reporter == b {
      var side = sides[item.reporter] ?? Side()
      side.listed[item.year, default: 0] += item.value
      if item.partnerKind == .state, let partner = item.partner {
        let earlier = side.toPartner[item.year]?[partner]
        side.toPartner[item.year, default: [:]][partner] = (
          (earlier?.value ?? 0) + item.value, (earlier?.estimated ?? false) || item.status == .estimated
        )
      }
      sides[item.reporter] = side
    }
    func exports(_ from: StateID, _ to: StateID, _ year: Int) -> TradeFigure {
      let covered = inputs.imfExportYears[from]?.contains(year) ?? false
      guard let item = sides[from]?.toPartner[year]?[to] else {
        return .missing(covered ? "\(from)'s exports table shows no value for \(to)" : "not in \(from)'s exports table")
      }
      let mirror =
        from == b ? "; stands for \(a)'s imports from \(b) (mirror)" : "; stands for \(b)'s imports from \(a) (mirror)"
      let note = "\(from)'s exports to \(to), FOB, in \(from)'s table" + mirror
      return item.estimated ? .estimated(item.value, note: "IMF estimate: " + note) : .observed(item.value, note: note)
    }
    func share(_ from: StateID, _ to: StateID, _ year: Int, _ figure: TradeFigure) -> TradeFigure {
      guard let part = figure.value, let whole = sides[from]?.listed[year], whole > 0 else { return .missing }
      return .derived(part / whole * 100, note: "of \(from)'s exports to every partner its IMF table lists")
    }
    func rank(_ from: StateID, _ to: StateID, _ year: Int) -> PartnerRank? {
      guard let partners = sides[from]?.toPartner[year], partners[to] != nil else { return nil }
      let ordered = partners.keys.sorted()
      let ranking = CompetitionRanking.ranks(ordered.map { partners[$0]!.value })
      return ordered.firstIndex(of: to).flatMap { ranking.ranks[$0] }.map {
        PartnerRank(rank: $0, among: ranking.ranked, basis: .exports)
      }
    }
    let years = Set(
      (sides[a]?.toPartner.compactMap { $0.value[b] != nil ? $0.key : nil } ?? [])
        + (sides[b]?.toPartner.compactMap { $0.value[a] != nil ? $0.key : nil } ?? []))
    var rows: [TradeYear] = []
    for year in years.sorted() where wanted(year) {
      let aToB = exports(a, b, year), bToA = exports(b, a, year)
      let total = Self.sum(aToB, bToA)
      rows.append(
        TradeYear(
          year: year, source: .imfExports, citation: citation, aToB: aToB, bToA: bToA, total: total,
          balance: Self.difference(aToB, bToA), shareOfBInAExports: share(a, b, year, aToB),
          shareOfAInBExports: share(b, a, year, bToA), rankOfBForA: rank(a, b, year), rankOfAForB: rank(b, a, year),
          tradeToGDPOfA: gdpShare(total, a, year), tradeToGDPOfB: gdpShare(total, b, year)))
    }
    return rows
  }

  /// Year-on-year growth of the total within each series.
  private func addGrowth(_ rows: [TradeYear]) -> [TradeYear] {
    var totals: [TradeSource: [Int: Double]] = [:]
    for row in rows { if let value = row.total.value { totals[row.source, default: [:]][row.year] = value } }
    return rows.map { row in
      guard let current = row.total.value, let previous = totals[row.source]?[row.year - 1], previous > 0 else {
        return row
      }
      return row.with(growth: .derived((current - previous) / previous * 100))
    }
  }

  func coverage(of rows: [TradeYear]) -> [TradeCoverage] {
    var result: [TradeCoverage] = []
    for (source, items) in Dictionary(grouping: rows.filter(\.hasData), by: \.source) {
      let years = items.map(\.year)
      guard let range = try? YearRange(from: years.min()!, to: years.max()!) else { continue }
      result.append(
        TradeCoverage(
          source: source, citation: items[0].citation, years: range,
          datasetYears: source.kind == .cowTrade ? inputs.cowCoverage : nil))
    }
    return result.sorted { $0.source.order < $1.source.order }
  }

  // MARK: Arithmetic on figures

  static func sum(_ x: TradeFigure, _ y: TradeFigure) -> TradeFigure {
    guard let p = x.value, let q = y.value else { return .missing }
    return .derived(p + q)
  }

  static func difference(_ x: TradeFigure, _ y: TradeFigure) -> TradeFigure {
    guard let p = x.value, let q = y.value else { return .missing }
    return .derived(p - q)
  }

  /// A part as a percentage of a whole; missing when either is, or the whole is not positive.
  static func share(_ part: TradeFigure, of whole: Double?) -> TradeFigure {
    guard let p = part.value, let whole, whole > 0 else { return .missing }
    return .derived(p / whole * 100)
  }

  static func ratio(_ x: TradeFigure, _ y: TradeFigure) -> TradeFigure {
    guard let p = x.value, let q = y.value, q > 0 else { return .missing }
    return .derived(p / q)
  }

  /// Trade (US$ millions) as a percentage of a state's GDP (dollars).
  private func gdpShare(_ total: TradeFigure, _ state: StateID, _ year: Int) -> TradeFigure {
    Self.share(total, of: inputs.gdp[state]?[year].map { $0 / 1_000_000 })
  }
}
