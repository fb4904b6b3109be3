/// A named series of yearly values, e.g. one dyad's UNGA agreement by session year.
///
/// Points are annual. A year without a point between two points is a gap, just like a point
/// whose value is `nil`: lines are never drawn across missing years.
///
/// ```swift
/// let series = ChartSeries(name: "China–Russia", startYear: 1992, values: [0.71, nil, 0.74])
/// // 1993 is missing: the line stops at 1992 and the 1994 value is a lone marker.
/// ```
public struct ChartSeries: Sendable, Hashable, Codable {
  /// The name shown in the legend and as the data table's column heading.
  public var name: String
  /// The values by year, in any order; for a year given twice, the first point counts.
  public var points: [ChartPoint]

  /// A series from its points (any order).
  public init(name: String, points: [ChartPoint]) {
    self.name = name
    self.points = points
  }

  /// A series of consecutive years from `startYear`.
  public init(name: String, startYear: Int, values: [Double?]) {
    self.name = name
    self.points = values.enumerated().map { ChartPoint(year: startYear + $0.offset, value: $0.element) }
  }

  /// The points sorted by year, one per year (the first given), non-finite values made `nil`.
  var normalizedPoints: [ChartPoint] {
    let sorted = points.enumerated().sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }
    var result: [ChartPoint] = []
    result.reserveCapacity(sorted.count)
    for (_, point) in sorted where result.last?.year != point.year {
      result.append(ChartPoint(year: point.year, value: point.known))
    }
    return result
  }

  /// The runs of consecutive years with values: each run is drawn as one connected line.
  var segments: [[(year: Int, value: Double)]] {
    var segments: [[(year: Int, value: Double)]] = []
    var current: [(year: Int, value: Double)] = []
    for point in normalizedPoints {
      guard let value = point.value else {
        if !current.isEmpty { segments.append(current) }
        current = []
        continue
      }
      if let last = current.last, last.year + 1 != point.year {
        segments.append(current)
        current = []
      }
      current.append((point.year, value))
    }
    if !current.isEmpty { segments.append(current) }
    return segments
  }

  /// The value in a year, `nil` when missing.
  func value(in year: Int) -> Double? {
    normalizedPoints.first { $0.year == year }?.value
  }

  /// The known values.
  var knownValues: [Double] { points.compactMap(\.known) }
}
