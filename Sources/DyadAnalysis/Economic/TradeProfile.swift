import DyadCore

/// The economic ties of two states: every year of their trade as each source reports it, the
/// indicators derived from it (balance, growth, shares, ranks, asymmetry, trade/GDP), where the
/// sources disagree, where each ends, and a sourced answer sentence.
///
/// ```swift
/// let profile = try store.tradeProfile(of: "CHN", with: "RUS", years: try YearRange(from: 1992, to: 2025))
/// print(profile.answer ?? "")
/// // In 2014 Russia relied on China for 10.4% of its trade while China relied on Russia for 2.2% (COW Trade 4.0); …
/// ```
public struct TradeProfile: Hashable, Sendable, Codable {
  /// The first state of the question: directed figures are named from its side.
  public let a: StateID
  public let b: StateID
  /// The years asked for, `nil` for all.
  public let years: YearRange?
  /// One row per year and series, by year, then COW, official, IMF.
  public let rows: [TradeYear]
  /// The flows two or more series report for the same year, with the gaps.
  public let comparisons: [TradeComparison]
  /// Where each series starts and ends for this dyad.
  public let coverage: [TradeCoverage]
  /// The generated, sourced answer to "how lopsided are their economic ties?", when data allow.
  public let answer: String?
  /// Caveats a reader needs: where a series ends, units, estimates.
  public let notes: [String]
  /// Datasets that would add figures but are not in the store, with the command that imports each.
  public let missingDatasets: [MissingDataset]

  /// A dataset the store lacks.
  public struct MissingDataset: Hashable, Sendable, Codable {
    public let name: String
    public let adds: String
    public var command: String { "dyad import \(name) PATH" }

    public init(name: String, adds: String) {
      self.name = name
      self.adds = adds
    }
  }

  /// Builds the profile from stored inputs.
  ///
  /// - Parameters:
  ///   - years: the years to show; `nil` for every year with data.
  ///   - names: a state's name in a year ("Soviet Union" for `RUS` in 1985), for the answer.
  public init(inputs: TradeInputs, years: YearRange? = nil, names: (StateID, Int) -> String) {
    a = inputs.a
    b = inputs.b
    self.years = years
    let builder = TradeProfileBuilder(inputs: inputs, years: years)
    rows = builder.rows()
    comparisons = Self.compare(rows)
    coverage = builder.coverage(of: rows)
    var notes: [String] = []
    var missing: [MissingDataset] = []
    if inputs.cowSource == nil {
      missing.append(
        MissingDataset(name: "cow-trade", adds: "COW Trade 4.0 flows, shares and partner ranks, 1870–2014"))
    }
    if inputs.imfSource == nil {
      missing.append(MissingDataset(name: "imf-dots", adds: "IMF Direction of Trade figures by reporter, 2010–2023"))
    }
    if inputs.imfExportSource == nil {
      missing.append(
        MissingDataset(
          name: "imf-dots-all",
          adds: "IMF exports by partner for 181 reporters: any pair's trade, export shares and ranks, 1961–2020"))
    }
    if inputs.gdpSource == nil {
      missing.append(MissingDataset(name: "cow-gdp-pop", adds: "GDP estimates for trade relative to GDP, 1800–2016"))
    }
    if let end = inputs.cowCoverage?.upperBound, rows.contains(where: { $0.source.kind != .cowTrade && $0.year > end })
    {
      notes.append(
        "COW Trade 4.0 ends in \(end); later years come from official totals and IMF reports, which are not the same series."
      )
    }
    if rows.contains(where: {
      $0.source.kind == .imfDots && $0.source.reporter == "RUS" && $0.year >= 2022 && $0.hasData
    }) {
      notes.append(
        "Russia stopped publishing detailed trade statistics in 2022: IMF figures for Russia from 2022 rest on estimates and partner data."
      )
    }
    if rows.contains(where: { $0.source.kind == .imfDotsExports && $0.hasData }) {
      notes.append(
        "IMF DOTS exports: each direction is its exporter's own report (FOB), so each side's imports are the other's exports (mirror figures); shares are of the exporter's exports to every partner its table lists, ranks among its export destinations; the tables end in 2020."
      )
    }
    if rows.contains(where: { !$0.tradeToGDPOfA.isMissing || !$0.tradeToGDPOfB.isMissing }) {
      notes.append(
        "Trade/GDP divides trade in current US$ by GDP in 2011 international dollars (Anders, Fariss & Markowitz estimates): indicative, not a national-accounts ratio."
      )
    }
    if !comparisons.isEmpty {
      notes.append(
        "Where two series report the same flow, both are shown with the gap; exporters report FOB and importers CIF, so mirror figures differ even when both are right."
      )
    }
    self.notes = notes
    missingDatasets = missing
    answer = TradeAnswer.sentence(
      a: inputs.a, b: inputs.b, rows: rows, comparisons: comparisons, cowEnd: inputs.cowCoverage?.upperBound,
      names: names)
  }

  static func compare(_ rows: [TradeYear]) -> [TradeComparison] {
    var result: [TradeComparison] = []
    let byYear = Dictionary(grouping: rows, by: \.year)
    for year in byYear.keys.sorted() {
      let items = byYear[year]!
      for measure in TradeComparison.Measure.allCases {
        let figures: [TradeComparison.Figure] = items.compactMap { row in
          let figure: TradeFigure
          switch measure {
          case .total: figure = row.total
          case .aToB: figure = row.aToB
          case .bToA: figure = row.bToA
          }
          return figure.value.map { TradeComparison.Figure(source: row.source, value: $0, status: figure.status) }
        }
        if figures.count >= 2 { result.append(TradeComparison(year: year, measure: measure, figures: figures)) }
      }
    }
    return result
  }

  /// The rows of one series.
  public func rows(of source: TradeSource) -> [TradeYear] { rows.filter { $0.source == source } }

  /// The row of a series in a year.
  public func row(_ source: TradeSource, in year: Int) -> TradeYear? {
    rows.first { $0.source == source && $0.year == year }
  }

  /// Whether any series has a figure.
  public var hasData: Bool { rows.contains(where: \.hasData) }
}
