/// Builds SVG text element by element, escaping every attribute value and text node and writing
/// numbers through ``ChartNumber/coordinate(_:)``, so output is deterministic.
struct SVGWriter {
  private(set) var output = ""

  init() {
    output.reserveCapacity(16_384)
  }

  /// An attribute whose value is escaped on output.
  typealias Attribute = (name: String, value: String)

  /// A number formatted as an SVG coordinate.
  static func number(_ value: Double) -> String { ChartNumber.coordinate(value) }

  mutating func raw(_ text: String) {
    output += text
  }

  mutating func open(_ name: String, _ attributes: [Attribute] = []) {
    output += "<" + name
    append(attributes)
    output += ">\n"
  }

  mutating func close(_ name: String) {
    output += "</" + name + ">\n"
  }

  /// An empty element: `<name a="…"/>`.
  mutating func element(_ name: String, _ attributes: [Attribute]) {
    output += "<" + name
    append(attributes)
    output += "/>\n"
  }

  /// An element with text content: `<name a="…">text</name>`.
  mutating func element(_ name: String, _ attributes: [Attribute], text: String) {
    output += "<" + name
    append(attributes)
    output += ">" + MarkupEscaping.xml(text) + "</" + name + ">\n"
  }

  /// A `<text>` element at a position.
  mutating func text(
    _ string: String, x: Double, y: Double, size: Double, anchor: String = "start", weight: String? = nil,
    fill: String = ChartTheme.textColor, extra: [Attribute] = []
  ) {
    var attributes: [Attribute] = [("x", Self.number(x)), ("y", Self.number(y))]
    if anchor != "start" { attributes.append(("text-anchor", anchor)) }
    attributes.append(("font-size", Self.number(size)))
    if let weight { attributes.append(("font-weight", weight)) }
    attributes.append(("fill", fill))
    attributes += extra
    element("text", attributes, text: string)
  }

  /// A straight line.
  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, extra: [Attribute] = []
  ) {
    element(
      "line",
      [
        ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
        ("stroke", stroke), ("stroke-width", Self.number(width)),
      ] + extra)
  }

  /// A rectangle.
  mutating func rect(_ rect: ChartRect, fill: String, extra: [Attribute] = []) {
    element(
      "rect",
      [
        ("x", Self.number(rect.x)), ("y", Self.number(rect.y)), ("width", Self.number(rect.width)),
        ("height", Self.number(rect.height)), ("fill", fill),
      ] + extra)
  }

  private mutating func append(_ attributes: [Attribute]) {
    for attribute in attributes {
      output += " " + attribute.name + "=\"" + MarkupEscaping.xml(attribute.value) + "\""
    }
  }
}

/// Builds SVG path data (`d`) with deterministic number formatting.
struct PathBuilder {
  private(set) var data = ""

  mutating func move(_ x: Double, _ y: Double) {
    data += "M" + SVGWriter.number(x) + "," + SVGWriter.number(y)
  }

  mutating func line(_ x: Double, _ y: Double) {
    data += "L" + SVGWriter.number(x) + "," + SVGWriter.number(y)
  }

  mutating func closePath() {
    data += "Z"
  }

  var isEmpty: Bool { data.isEmpty }
}
