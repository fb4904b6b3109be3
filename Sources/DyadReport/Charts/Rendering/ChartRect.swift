/// A rectangle in SVG user units (y grows downwards).
struct ChartRect: Sendable, Hashable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var minX: Double { x }
  var maxX: Double { x + width }
  var minY: Double { y }
  var maxY: Double { y + height }
  var midX: Double { x + width / 2 }
  var midY: Double { y + height / 2 }

  /// Whether the two rectangles share interior area (touching edges do not count).
  func intersects(_ other: ChartRect) -> Bool {
    minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
  }

  /// This rectangle grown by `dx` on the left and right and `dy` on the top and bottom.
  func insetBy(dx: Double, dy: Double) -> ChartRect {
    ChartRect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }
}
