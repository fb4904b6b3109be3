/// The shape of a series' data markers, so series differ without colour.
public enum MarkerShape: String, Sendable, Hashable, Codable, CaseIterable {
  case circle, square, triangle, diamond, triangleDown, cross

  /// The marker as an SVG element centred on (`x`, `y`), `radius` its approximate half-size.
  func element(x: Double, y: Double, radius r: Double, color: String, into svg: inout SVGWriter) {
    let halo: [SVGWriter.Attribute] = [("stroke", ChartTheme.background), ("stroke-width", "1")]
    var path = PathBuilder()
    switch self {
    case .circle:
      svg.element(
        "circle",
        [("cx", SVGWriter.number(x)), ("cy", SVGWriter.number(y)), ("r", SVGWriter.number(r)), ("fill", color)] + halo)
      return
    case .square:
      let s = r * 0.9
      path.move(x - s, y - s)
      path.line(x + s, y - s)
      path.line(x + s, y + s)
      path.line(x - s, y + s)
      path.closePath()
    case .triangle:
      path.move(x, y - r * 1.2)
      path.line(x + r * 1.1, y + r * 0.8)
      path.line(x - r * 1.1, y + r * 0.8)
      path.closePath()
    case .triangleDown:
      path.move(x, y + r * 1.2)
      path.line(x + r * 1.1, y - r * 0.8)
      path.line(x - r * 1.1, y - r * 0.8)
      path.closePath()
    case .diamond:
      path.move(x, y - r * 1.25)
      path.line(x + r * 1.25, y)
      path.line(x, y + r * 1.25)
      path.line(x - r * 1.25, y)
      path.closePath()
    case .cross:
      let s = r * 0.95
      path.move(x - s, y - s)
      path.line(x + s, y + s)
      path.move(x - s, y + s)
      path.line(x + s, y - s)
      svg.element("path", [("d", path.data), ("fill", "none"), ("stroke", color), ("stroke-width", "2")])
      return
    }
    svg.element("path", [("d", path.data), ("fill", color)] + halo)
  }
}
