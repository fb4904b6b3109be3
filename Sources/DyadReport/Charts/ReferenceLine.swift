/// A labelled reference line on a line chart: a horizontal line at a value (e.g. "Median of all
/// dyads") or a vertical line at a year (e.g. "2001 Treaty").
///
/// ```swift
/// ReferenceLine(label: "All-dyad median", value: 0.62)
/// ReferenceLine(label: "Treaty signed", year: 2001)
/// ```
public struct ReferenceLine: Sendable, Hashable, Codable {
  /// Where the line lies.
  public enum Position: Sendable, Hashable, Codable {
    /// A horizontal line at a value.
    case value(Double)
    /// A vertical line at a year.
    case year(Int)
  }

  /// The label drawn next to the line (and listed under the data table).
  public var label: String
  /// Where the line lies: at a value or at a year.
  public var position: Position

  /// A reference line at a position.
  public init(label: String, position: Position) {
    self.label = label
    self.position = position
  }

  /// A horizontal line at `value`.
  public init(label: String, value: Double) {
    self.init(label: label, position: .value(value))
  }

  /// A vertical line at `year`.
  public init(label: String, year: Int) {
    self.init(label: label, position: .year(year))
  }
}
