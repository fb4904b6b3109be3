/// A shaded range behind a line chart, e.g. the interquartile range of all dyads' agreement in
/// each year, or a fixed "normal" range.
///
/// ```swift
/// // Yearly: the all-dyad 25th–75th percentile.
/// ReferenceBand(label: "All dyads, middle 50%", points: [
///   .init(year: 1992, lower: 0.41, upper: 0.78), .init(year: 1993, lower: 0.43, upper: 0.80),
/// ])
/// // Constant across the chart.
/// ReferenceBand(label: "Typical range", lower: 0.4, upper: 0.8)
/// ```
public struct ReferenceBand: Sendable, Hashable, Codable {
  /// A year's range; a year with a missing bound is a gap in the band.
  public struct Point: Sendable, Hashable, Codable {
    /// The year.
    public var year: Int
    /// The lower bound; `nil` when missing.
    public var lower: Double?
    /// The upper bound; `nil` when missing.
    public var upper: Double?

    /// A year's range (bounds in either order).
    public init(year: Int, lower: Double?, upper: Double?) {
      self.year = year
      self.lower = lower
      self.upper = upper
    }

    /// Both bounds when present and finite, ordered.
    var bounds: (lower: Double, upper: Double)? {
      guard let lower, let upper, lower.isFinite, upper.isFinite else { return nil }
      return (Swift.min(lower, upper), Swift.max(lower, upper))
    }
  }

  /// Where the band lies.
  public enum Extent: Sendable, Hashable, Codable {
    /// The same range across the whole chart.
    case constant(lower: Double, upper: Double)
    /// A range per year.
    case yearly([Point])
  }

  /// The legend label.
  public var label: String
  /// The band's range: constant, or per year.
  public var extent: Extent

  /// A band with a range per year.
  public init(label: String, points: [Point]) {
    self.label = label
    self.extent = .yearly(points)
  }

  /// A band with the same range across the chart.
  public init(label: String, lower: Double, upper: Double) {
    self.label = label
    self.extent = .constant(lower: Swift.min(lower, upper), upper: Swift.max(lower, upper))
  }

  /// The yearly points sorted by year, one per year; empty for a constant band.
  var sortedPoints: [Point] {
    guard case .yearly(let points) = extent else { return [] }
    var result: [Point] = []
    for point in points.enumerated().sorted(by: { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) })
    where result.last?.year != point.element.year {
      result.append(point.element)
    }
    return result
  }

  /// Every finite bound, for the value axis.
  var knownValues: [Double] {
    switch extent {
    case .constant(let lower, let upper): [lower, upper].filter(\.isFinite)
    case .yearly(let points): points.compactMap(\.bounds).flatMap { [$0.lower, $0.upper] }
    }
  }

  /// The runs of consecutive years with both bounds.
  var segments: [[(year: Int, lower: Double, upper: Double)]] {
    var segments: [[(year: Int, lower: Double, upper: Double)]] = []
    var current: [(year: Int, lower: Double, upper: Double)] = []
    for point in sortedPoints {
      guard let bounds = point.bounds else {
        if !current.isEmpty { segments.append(current) }
        current = []
        continue
      }
      if let last = current.last, last.year + 1 != point.year {
        segments.append(current)
        current = []
      }
      current.append((point.year, bounds.lower, bounds.upper))
    }
    if !current.isEmpty { segments.append(current) }
    return segments
  }
}
