/// A stacked bar chart of categories by year, e.g. trade in each direction, or joint exercises
/// split into bilateral and multilateral.
///
/// Positive values stack upwards from zero in category order, negative values downwards. A
/// missing value is not zero: a bar with a missing category is marked with an open circle above
/// it, a year with no value at all with an open circle on the baseline, and the table shows "–".
///
/// ```swift
/// let chart = StackedBarChart(
///   title: "Trade between China and Russia",
///   units: "US$ billion",
///   source: "Source: COW Trade v4.0; table dyadic_trade.",
///   categories: ["China → Russia", "Russia → China"],
///   bars: [
///     .init(year: 2012, values: [44.1, 44.1]),
///     .init(year: 2013, values: [49.6, nil]),
///   ])
/// let svg = chart.svg()
/// ```
public struct StackedBarChart: Chart, Hashable, Codable {
  /// One year's bar: a value per category, in the order of ``StackedBarChart/categories``.
  public struct Bar: Sendable, Hashable, Codable {
    /// The bar's year.
    public var year: Int
    /// Values by category; a value beyond the categories is ignored, a missing one is `nil`.
    public var values: [Double?]

    /// A bar with one value per category (`nil` when missing).
    public init(year: Int, values: [Double?]) {
      self.year = year
      self.values = values
    }

    /// The finite value of a category, `nil` when missing.
    func value(at index: Int) -> Double? {
      guard index < values.count, let value = values[index], value.isFinite else { return nil }
      return value
    }
  }

  /// Title, units, source and caption.
  public var info: ChartInfo
  /// The categories, from the bottom of the stack up; also the legend order.
  public var categories: [String]
  /// The bars, in any order; for a year given twice, the first bar counts.
  public var bars: [Bar]
  /// Years the x-axis covers at least; years without a bar are marked as missing.
  public var years: ClosedRange<Int>?
  /// Decimals of the values in the data table and description; `nil` chooses from the data.
  public var valueDecimals: Int?

  /// A stacked bar chart; `id` defaults to the title (see ``ChartInfo/id``).
  public init(
    title: String, units: String = "", source: String = "", caption: String = "", id: String? = nil,
    categories: [String], bars: [Bar], years: ClosedRange<Int>? = nil, valueDecimals: Int? = nil
  ) {
    self.info = ChartInfo(title: title, units: units, source: source, caption: caption, id: id)
    self.categories = categories
    self.bars = bars
    self.years = years
    self.valueDecimals = valueDecimals
  }

  /// The bars sorted by year, one per year.
  var sortedBars: [Bar] {
    var result: [Bar] = []
    for bar in bars.enumerated().sorted(by: { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) })
    where result.last?.year != bar.element.year {
      result.append(bar.element)
    }
    return result
  }

  /// The years on the axis: every bar's year and ``years``; `nil` without any.
  var coveredYears: ClosedRange<Int>? {
    var all = bars.map(\.year)
    if let years { all += [years.lowerBound, years.upperBound] }
    guard let low = all.min(), let high = all.max() else { return nil }
    return low...high
  }

  /// Every finite value of the categories shown.
  var knownValues: [Double] {
    bars.flatMap { bar in categories.indices.compactMap { bar.value(at: $0) } }
  }

  var decimals: Int { valueDecimals ?? ChartNumber.automaticDecimals(for: knownValues) }

  /// The top of the positive stack and the bottom of the negative stack of a bar.
  func extent(of bar: Bar) -> (negative: Double, positive: Double) {
    var positive = 0.0
    var negative = 0.0
    for index in categories.indices {
      guard let value = bar.value(at: index) else { continue }
      if value >= 0 { positive += value } else { negative += value }
    }
    return (negative, positive)
  }

  /// Whether a bar lacks a value for some category.
  func isIncomplete(_ bar: Bar) -> Bool {
    categories.indices.contains { bar.value(at: $0) == nil }
  }
}
