import DyadCore

/// One year of two states' trade as one source reports it, with the indicators derived from it.
///
/// Directed figures are named from the first state's side (`a`, the first state of the question):
/// ``aToB`` is what `a` sold to `b`, ``balance`` is `a`'s surplus. Money is in current US$
/// millions; shares, growth and trade/GDP in percent.
public struct TradeYear: Hashable, Sendable, Codable {
  public let year: Int
  public let source: TradeSource
  /// The publication behind the figures.
  public let citation: Source
  /// Goods from `a` to `b` (in COW, `b`'s imports from `a`).
  public let aToB: TradeFigure
  /// Goods from `b` to `a`.
  public let bToA: TradeFigure
  /// Both directions: reported as a total, or derived from two reported flows.
  public let total: TradeFigure
  /// ``aToB`` minus ``bToA``: `a`'s surplus (negative: deficit).
  public let balance: TradeFigure
  /// The change in ``total`` from the previous year of the same series, percent.
  public let growth: TradeFigure
  /// `b`'s share of `a`'s total trade (imports plus exports), percent: `a`'s dependence on `b`.
  public let shareOfBInA: TradeFigure
  /// `a`'s share of `b`'s total trade, percent: `b`'s dependence on `a`.
  public let shareOfAInB: TradeFigure
  /// `b`'s share of `a`'s exports, percent.
  public let shareOfBInAExports: TradeFigure
  /// `a`'s share of `b`'s exports, percent.
  public let shareOfAInBExports: TradeFigure
  /// ``shareOfBInA`` over ``shareOfAInB``: above 1, `a` depends on `b` more than `b` on `a`.
  public let asymmetry: TradeFigure
  /// `b`'s rank among `a`'s partners.
  public let rankOfBForA: PartnerRank?
  /// `a`'s rank among `b`'s partners.
  public let rankOfAForB: PartnerRank?
  /// ``total`` over `a`'s GDP, percent (GDP in 2011 international dollars: indicative only).
  public let tradeToGDPOfA: TradeFigure
  /// ``total`` over `b`'s GDP, percent.
  public let tradeToGDPOfB: TradeFigure

  public init(
    year: Int, source: TradeSource, citation: Source, aToB: TradeFigure, bToA: TradeFigure, total: TradeFigure,
    balance: TradeFigure, growth: TradeFigure = .missing, shareOfBInA: TradeFigure = .missing,
    shareOfAInB: TradeFigure = .missing, shareOfBInAExports: TradeFigure = .missing,
    shareOfAInBExports: TradeFigure = .missing, asymmetry: TradeFigure = .missing, rankOfBForA: PartnerRank? = nil,
    rankOfAForB: PartnerRank? = nil, tradeToGDPOfA: TradeFigure = .missing, tradeToGDPOfB: TradeFigure = .missing
  ) {
    self.year = year
    self.source = source
    self.citation = citation
    self.aToB = aToB
    self.bToA = bToA
    self.total = total
    self.balance = balance
    self.growth = growth
    self.shareOfBInA = shareOfBInA
    self.shareOfAInB = shareOfAInB
    self.shareOfBInAExports = shareOfBInAExports
    self.shareOfAInBExports = shareOfAInBExports
    self.asymmetry = asymmetry
    self.rankOfBForA = rankOfBForA
    self.rankOfAForB = rankOfAForB
    self.tradeToGDPOfA = tradeToGDPOfA
    self.tradeToGDPOfB = tradeToGDPOfB
  }

  /// Whether the source gives any figure for the year.
  public var hasData: Bool { !aToB.isMissing || !bToA.isMissing || !total.isMissing }

  func with(growth: TradeFigure) -> TradeYear {
    TradeYear(
      year: year, source: source, citation: citation, aToB: aToB, bToA: bToA, total: total, balance: balance,
      growth: growth, shareOfBInA: shareOfBInA, shareOfAInB: shareOfAInB, shareOfBInAExports: shareOfBInAExports,
      shareOfAInBExports: shareOfAInBExports, asymmetry: asymmetry,
      rankOfBForA: rankOfBForA, rankOfAForB: rankOfAForB, tradeToGDPOfA: tradeToGDPOfA, tradeToGDPOfB: tradeToGDPOfB)
  }
}

/// A flow that two or more series report for the same year, with every figure and the gap
/// between the largest and the smallest. Dyad shows them side by side and never picks one.
public struct TradeComparison: Hashable, Sendable, Codable {
  /// Which figure is compared.
  public enum Measure: String, Hashable, Sendable, Codable, CaseIterable {
    case total, aToB, bToA
  }

  /// One series' figure.
  public struct Figure: Hashable, Sendable, Codable {
    public let source: TradeSource
    public let value: Double
    public let status: ObservationStatus
  }

  public let year: Int
  public let measure: Measure
  public let figures: [Figure]
  /// The largest figure minus the smallest, US$ millions.
  public let gap: Double
  /// ``gap`` as a percentage of the smallest figure; `nil` when that is 0.
  public let gapPercent: Double?

  public init(year: Int, measure: Measure, figures: [Figure]) {
    self.year = year
    self.measure = measure
    self.figures = figures
    let values = figures.map(\.value)
    let low = values.min() ?? 0, high = values.max() ?? 0
    gap = high - low
    gapPercent = low > 0 ? (high - low) / low * 100 : nil
  }
}

/// Where a series starts and ends for a dyad.
public struct TradeCoverage: Hashable, Sendable, Codable {
  public let source: TradeSource
  public let citation: Source
  /// The years with at least one figure.
  public let years: YearRange
  /// The years the whole dataset covers, when it ends before today (COW Trade 4.0: 1870–2014).
  public let datasetYears: YearRange?

  public init(source: TradeSource, citation: Source, years: YearRange, datasetYears: YearRange?) {
    self.source = source
    self.citation = citation
    self.years = years
    self.datasetYears = datasetYears
  }
}
