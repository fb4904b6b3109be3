/// How a chart is drawn: its size and which texts appear inside the SVG.
///
/// ```swift
/// chart.svg(ChartOptions(width: 640, showsTitle: false))  // the page shows the title itself
/// ```
public struct ChartOptions: Sendable, Hashable, Codable {
  /// The SVG's width in CSS pixels (it scales down with `max-width: 100%`).
  public var width: Double
  /// The SVG's height; `nil` picks each kind's natural height (400 for line and bar charts,
  /// enough for every lane of a timeline or row of small multiples).
  public var height: Double?
  /// Whether the title is drawn at the top of the SVG (it is always the `<title>`).
  public var showsTitle: Bool
  /// Whether the caption is drawn under the title (it is always in the `<desc>`).
  public var showsCaption: Bool
  /// Whether the source line is drawn under the chart.
  public var showsSource: Bool

  /// Options; the defaults draw a 720-pixel-wide chart at its natural height with title and source.
  public init(
    width: Double = 720, height: Double? = nil, showsTitle: Bool = true, showsCaption: Bool = false,
    showsSource: Bool = true
  ) {
    self.width = width
    self.height = height
    self.showsTitle = showsTitle
    self.showsCaption = showsCaption
    self.showsSource = showsSource
  }

  /// 720 pixels wide, natural height, title and source shown.
  public static let standard = ChartOptions()
}
