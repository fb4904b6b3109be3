/// One entry of a chart legend.
struct LegendItem {
  enum Symbol {
    /// A line sample with the series' dash and marker.
    case line(SeriesStyle)
    /// A filled square (a bar category); `fill` may be a pattern `url(#…)`.
    case swatch(fill: String)
    /// A grey band (a reference range).
    case band
    /// A lane's marker (a timeline).
    case marker(MarkerShape, color: String)
    /// An open circle marking a missing or incomplete value.
    case missing
  }

  var symbol: Symbol
  var label: String

  var symbolWidth: Double {
    switch symbol {
    case .line: 30
    case .swatch, .band, .marker, .missing: 12
    }
  }
}

/// Legend entries laid out in rows that wrap at the chart's width.
struct LegendLayout {
  struct Placement {
    var item: LegendItem
    var label: String
    var x: Double
    var row: Int
  }

  let placements: [Placement]
  let rowCount: Int

  static let gap = 6.0
  static let spacing = 18.0

  init(items: [LegendItem], left: Double, width: Double) {
    var placements: [Placement] = []
    var x = left
    var row = 0
    for item in items {
      let maximumLabel = max(20, width - item.symbolWidth - Self.gap)
      let label = TextMetrics.truncate(item.label, toWidth: maximumLabel, fontSize: ChartTheme.legendSize)
      let itemWidth = item.symbolWidth + Self.gap + TextMetrics.width(label, fontSize: ChartTheme.legendSize)
      if x > left, x + itemWidth > left + width {
        row += 1
        x = left
      }
      placements.append(Placement(item: item, label: label, x: x, row: row))
      x += itemWidth + Self.spacing
    }
    self.placements = placements
    self.rowCount = items.isEmpty ? 0 : row + 1
  }

  /// The height of the legend, with a gap below it.
  var height: Double { rowCount == 0 ? 0 : Double(rowCount) * ChartTheme.legendRowHeight + 4 }

  func draw(_ svg: inout SVGWriter, top: Double) {
    guard !placements.isEmpty else { return }
    svg.open("g", [("class", "legend")])
    for placement in placements {
      let midY = top + Double(placement.row) * ChartTheme.legendRowHeight + ChartTheme.legendRowHeight / 2
      let x = placement.x
      switch placement.item.symbol {
      case .line(let style):
        var extra: [SVGWriter.Attribute] = []
        if let dash = style.dashArray { extra.append(("stroke-dasharray", dash)) }
        svg.line(x1: x, y1: midY, x2: x + 30, y2: midY, stroke: style.color, width: 2.25, extra: extra)
        style.marker.element(x: x + 15, y: midY, radius: 3.5, color: style.color, into: &svg)
      case .swatch(let fill):
        svg.rect(
          ChartRect(x: x, y: midY - 6, width: 12, height: 12), fill: fill,
          extra: [("stroke", ChartTheme.axisColor), ("stroke-width", "0.5")])
      case .band:
        svg.rect(
          ChartRect(x: x, y: midY - 6, width: 12, height: 12), fill: ChartTheme.bandColor,
          extra: [("fill-opacity", ChartTheme.bandOpacity)])
      case .marker(let shape, let color):
        shape.element(x: x + 6, y: midY, radius: 4.5, color: color, into: &svg)
      case .missing:
        svg.element(
          "circle",
          [
            ("cx", SVGWriter.number(x + 6)), ("cy", SVGWriter.number(midY)), ("r", "3.5"), ("fill", "none"),
            ("stroke", ChartTheme.missingColor), ("stroke-width", "1.25"),
          ])
      }
      svg.text(
        placement.label, x: x + placement.item.symbolWidth + Self.gap, y: midY + 4, size: ChartTheme.legendSize)
    }
    svg.close("g")
  }
}
