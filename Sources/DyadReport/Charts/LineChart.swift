/// A line chart of named yearly series, e.g. UNGA voting agreement of a dyad and its reference
/// dyads, with optional reference bands and lines.
///
/// Missing values are gaps: a line never crosses a year without a value, and a value between
/// two missing years is a lone marker. The y-axis starts at zero unless `includesZero` is false.
///
/// ```swift
/// let chart = LineChart(
///   title: "UNGA voting agreement",
///   units: "Share of votes in agreement",
///   source: "Source: Voeten UNGA votes v32; table unga_votes.",
///   caption: "China–Russia against the all-dyad middle 50%.",
///   series: [
///     ChartSeries(name: "China–Russia", startYear: 1992, values: [0.81, 0.84, nil, 0.86]),
///     ChartSeries(name: "United States–United Kingdom", startYear: 1992, values: [0.77, 0.75, 0.79, 0.80]),
///   ],
///   bands: [ReferenceBand(label: "All dyads, middle 50%", lower: 0.55, upper: 0.8)],
///   referenceLines: [ReferenceLine(label: "Treaty", year: 2001)],
///   yDomain: 0...1)
/// let svg = chart.svg()
/// ```
public struct LineChart: Chart, Hashable, Codable {
  /// Title, units, source and caption.
  public var info: ChartInfo
  /// The series, drawn in order with ``SeriesStyle/at(_:)``.
  public var series: [ChartSeries]
  /// Shaded ranges behind the lines.
  public var bands: [ReferenceBand]
  /// Labelled horizontal or vertical lines.
  public var referenceLines: [ReferenceLine]
  /// Years the x-axis covers at least (it widens to fit the data).
  public var years: ClosedRange<Int>?
  /// Values the y-axis covers at least (it widens to fit the data, then to nice ticks).
  public var yDomain: ClosedRange<Double>?
  /// Whether the y-axis includes zero.
  public var includesZero: Bool
  /// Decimals of the values in the data table and description; `nil` chooses from the data.
  public var valueDecimals: Int?

  /// A line chart; `id` defaults to the title (see ``ChartInfo/id``).
  public init(
    title: String, units: String = "", source: String = "", caption: String = "", id: String? = nil,
    series: [ChartSeries], bands: [ReferenceBand] = [], referenceLines: [ReferenceLine] = [],
    years: ClosedRange<Int>? = nil, yDomain: ClosedRange<Double>? = nil, includesZero: Bool = true,
    valueDecimals: Int? = nil
  ) {
    self.info = ChartInfo(title: title, units: units, source: source, caption: caption, id: id)
    self.series = series
    self.bands = bands
    self.referenceLines = referenceLines
    self.years = years
    self.yDomain = yDomain
    self.includesZero = includesZero
    self.valueDecimals = valueDecimals
  }

  /// Every finite value drawn: series values, band bounds and horizontal reference lines.
  var drawnValues: [Double] {
    var values = series.flatMap(\.knownValues) + bands.flatMap(\.knownValues)
    for line in referenceLines {
      if case .value(let value) = line.position, value.isFinite { values.append(value) }
    }
    return values
  }

  /// The years the chart covers: every point's year, yearly band points, vertical reference
  /// lines and ``years``; `nil` when there is none.
  var coveredYears: ClosedRange<Int>? {
    var all = series.flatMap { $0.points.map(\.year) } + bands.flatMap { $0.sortedPoints.map(\.year) }
    for line in referenceLines {
      if case .year(let year) = line.position { all.append(year) }
    }
    if let years { all += [years.lowerBound, years.upperBound] }
    guard let low = all.min(), let high = all.max() else { return nil }
    return low...high
  }

  /// The decimals of values in the table and description.
  var decimals: Int {
    valueDecimals ?? ChartNumber.automaticDecimals(for: series.flatMap(\.knownValues) + bands.flatMap(\.knownValues))
  }

  /// Whether some series has a missing year between its first and last point.
  var hasGaps: Bool {
    series.contains { series in
      let points = series.normalizedPoints
      guard let first = points.first?.year, let last = points.last?.year else { return false }
      return points.contains { $0.value == nil } || points.count < last - first + 1
    }
  }
}
