/// A grid of small line charts over the same years, e.g. military spending of several states,
/// or UNGA agreement of a dyad and each reference dyad.
///
/// All panels share the x-axis. The y-axis is shared by default, so panels compare at a glance;
/// choose ``YScale/independent`` when magnitudes differ too much for that. Series with the same
/// name get the same style in every panel, and a legend appears when a panel has several series.
///
/// ```swift
/// let chart = SmallMultiples(
///   title: "Military expenditure",
///   units: "US$ billion (constant 2022)",
///   source: "Source: SIPRI Military Expenditure Database 2024.",
///   panels: [
///     .init(title: "China", series: [ChartSeries(name: "Spending", startYear: 2010, values: [115, 128, 142])]),
///     .init(title: "Russia", series: [ChartSeries(name: "Spending", startYear: 2010, values: [58, 62, nil])]),
///   ],
///   columns: 2, yScale: .shared)
/// let svg = chart.svg()
/// ```
public struct SmallMultiples: Chart, Hashable, Codable {
  /// One small chart.
  public struct Panel: Sendable, Hashable, Codable {
    /// The panel heading, e.g. a state or a dyad.
    public var title: String
    /// The panel's lines; series with the same name share a style across panels.
    public var series: [ChartSeries]

    /// A panel of one or more series.
    public init(title: String, series: [ChartSeries]) {
      self.title = title
      self.series = series
    }
  }

  /// Whether the panels share one y-axis.
  public enum YScale: String, Sendable, Hashable, Codable {
    /// One y-axis for all panels: heights compare across panels.
    case shared
    /// Each panel's own y-axis: shapes compare, heights do not.
    case independent
  }

  /// Title, units, source and caption.
  public var info: ChartInfo
  /// The panels, filling the grid row by row.
  public var panels: [Panel]
  /// Panels per row (at most the number of panels).
  public var columns: Int
  /// Whether the panels share one y-axis (the default) or each has its own.
  public var yScale: YScale
  /// Years the x-axis covers at least.
  public var years: ClosedRange<Int>?
  /// Whether the y-axes include zero.
  public var includesZero: Bool
  /// The height of one panel when the chart's height is not fixed.
  public var panelHeight: Double
  /// Decimals of the values in the data table and description; `nil` chooses from the data.
  public var valueDecimals: Int?
  /// Whether the data table leaves out years no series has a value for (series sparse by design,
  /// such as five-yearly points); by default every year of the axis is a row.
  public var sparseYearsOmitted: Bool

  /// A grid of small line charts; `id` defaults to the title (see ``ChartInfo/id``).
  public init(
    title: String, units: String = "", source: String = "", caption: String = "", id: String? = nil,
    panels: [Panel], columns: Int = 3, yScale: YScale = .shared, years: ClosedRange<Int>? = nil,
    includesZero: Bool = true, panelHeight: Double = 170, valueDecimals: Int? = nil, sparseYearsOmitted: Bool = false
  ) {
    self.info = ChartInfo(title: title, units: units, source: source, caption: caption, id: id)
    self.panels = panels
    self.columns = columns
    self.yScale = yScale
    self.years = years
    self.includesZero = includesZero
    self.panelHeight = panelHeight
    self.valueDecimals = valueDecimals
    self.sparseYearsOmitted = sparseYearsOmitted
  }

  /// The distinct series names in order of first appearance: the index is the series' style.
  var seriesNames: [String] {
    var names: [String] = []
    for panel in panels {
      for series in panel.series where !names.contains(series.name) { names.append(series.name) }
    }
    return names
  }

  var coveredYears: ClosedRange<Int>? {
    var all = panels.flatMap { $0.series.flatMap { $0.points.map(\.year) } }
    if let years { all += [years.lowerBound, years.upperBound] }
    guard let low = all.min(), let high = all.max() else { return nil }
    return low...high
  }

  var decimals: Int {
    valueDecimals ?? ChartNumber.automaticDecimals(for: panels.flatMap { $0.series.flatMap(\.knownValues) })
  }

  var hasGaps: Bool {
    panels.contains { panel in
      LineChart(title: "", series: panel.series).hasGaps
    }
  }
}
