/// How a series is drawn: colour, dash pattern and marker. Consecutive styles differ in all
/// three, so series stay distinguishable in greyscale print and for colour-blind readers.
///
/// ```swift
/// SeriesStyle.at(0)  // blue, solid, circles
/// SeriesStyle.at(1)  // vermillion, dashed, squares
/// ```
public struct SeriesStyle: Sendable, Hashable, Codable {
  /// The stroke and marker colour (from ``ChartPalette/seriesColors``).
  public var color: String
  /// An SVG `stroke-dasharray`, `nil` for a solid line.
  public var dashArray: String?
  /// The marker drawn at data points.
  public var marker: MarkerShape

  /// A style from its parts; charts use ``at(_:)``.
  public init(color: String, dashArray: String?, marker: MarkerShape) {
    self.color = color
    self.dashArray = dashArray
    self.marker = marker
  }

  /// The dash patterns in order: solid, dashed, dotted, dash-dot, long dash.
  public static let dashArrays: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "12 4"]

  /// The style of the series at `index`: colour, dash and marker each cycle through their lists.
  public static func at(_ index: Int) -> SeriesStyle {
    let index = max(0, index)
    let markers = MarkerShape.allCases
    return SeriesStyle(
      color: ChartPalette.color(at: index), dashArray: dashArrays[index % dashArrays.count],
      marker: markers[index % markers.count])
  }
}
