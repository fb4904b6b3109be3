/// One year's value of a series; `nil` (or a non-finite value) means the value is missing.
///
/// A missing value is a gap in the line and "–" in the data table, never zero.
public struct ChartPoint: Sendable, Hashable, Codable {
  /// The year.
  public var year: Int
  /// The value; `nil` when missing.
  public var value: Double?

  /// A point; pass `nil` for a missing value.
  public init(year: Int, value: Double?) {
    self.year = year
    self.value = value
  }

  /// The value when it is present and finite.
  var known: Double? {
    guard let value, value.isFinite else { return nil }
    return value
  }
}
