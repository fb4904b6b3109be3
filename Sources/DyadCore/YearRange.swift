/// An inclusive span of calendar years, such as 1992–2014.
///
/// ```swift
/// let span = try YearRange(from: 1992, to: 2014)
/// span.contains(2001)  // true
/// ```
public struct YearRange: Hashable, Sendable, Codable, Sequence, CustomStringConvertible {
  public let lowerBound: Int
  public let upperBound: Int

  /// Creates a span; throws when `from` is after `to`.
  public init(from: Int, to: Int) throws(YearRangeError) {
    guard from <= to else { throw YearRangeError(from: from, to: to) }
    lowerBound = from
    upperBound = to
  }

  /// Creates a span from optional bounds, falling back to `default`'s bounds.
  public init(from: Int?, to: Int?, default fallback: YearRange) throws(YearRangeError) {
    try self.init(from: from ?? fallback.lowerBound, to: to ?? fallback.upperBound)
  }

  /// Every year a span of recorded history could hold.
  public static let all = try! YearRange(from: 1800, to: 2100)

  public func contains(_ year: Int) -> Bool { lowerBound <= year && year <= upperBound }

  /// The overlap of two spans, or `nil` when they do not overlap.
  public func clamped(to other: YearRange) -> YearRange? {
    try? YearRange(from: Swift.max(lowerBound, other.lowerBound), to: Swift.min(upperBound, other.upperBound))
  }

  public var count: Int { upperBound - lowerBound + 1 }

  public func makeIterator() -> ClosedRange<Int>.Iterator { (lowerBound...upperBound).makeIterator() }

  /// `1992–2014`, or `2014` for a single year.
  public var description: String {
    lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)–\(upperBound)"
  }
}

/// A year range whose start is after its end.
public struct YearRangeError: Error, Sendable, CustomStringConvertible {
  public let from: Int
  public let to: Int
  public var description: String {
    "the year range \(from)–\(to) is inverted: --from must not be after --to"
  }
}
