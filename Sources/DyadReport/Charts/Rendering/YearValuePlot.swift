/// A plot of values over years: the plot rectangle, the year domain and the value ticks, with
/// the drawing shared by line charts and small multiples.
struct YearValuePlot {
  var rect: ChartRect
  var years: ClosedRange<Int>
  var yTicks: NiceTicks

  /// The x of a year (the middle of the plot when the domain is a single year).
  func x(_ year: Double) -> Double {
    let span = Double(years.upperBound - years.lowerBound)
    guard span > 0 else { return rect.midX }
    return rect.minX + (year - Double(years.lowerBound)) / span * rect.width
  }

  /// The y of a value.
  func y(_ value: Double) -> Double {
    ValueAxis(rect: rect, ticks: yTicks).y(value)
  }

  /// The horizontal space one year takes.
  var pixelsPerYear: Double {
    let span = years.upperBound - years.lowerBound
    return span > 0 ? rect.width / Double(span) : rect.width
  }

  /// Year ticks whose labels do not overlap at this width.
  var xTicks: [Int] {
    let step = YearTicks.step(pixelsPerYear: pixelsPerYear, minimumSpacing: YearAxis.minimumLabelSpacing)
    let ticks = YearTicks.multiples(of: step, in: years)
    return ticks.isEmpty ? [years.lowerBound] : ticks
  }

  /// The step between years that carry a marker on dense lines (1 when every point has one).
  var markerStep: Int {
    pixelsPerYear >= 14 ? 1 : YearTicks.step(pixelsPerYear: pixelsPerYear, minimumSpacing: 40)
  }

  /// A series as one `<path>` (a subpath per run of consecutive years) plus markers on isolated
  /// points and every `markerStep` years.
  func drawSeries(
    _ series: ChartSeries, style: SeriesStyle, lineWidth: Double, markerRadius: Double, into svg: inout SVGWriter
  ) {
    let segments = series.segments
    guard !segments.isEmpty else { return }
    svg.open("g", [("class", "series")])
    var path = PathBuilder()
    for segment in segments where segment.count > 1 {
      path.move(x(Double(segment[0].year)), y(segment[0].value))
      for point in segment.dropFirst() {
        path.line(x(Double(point.year)), y(point.value))
      }
    }
    if !path.isEmpty {
      var attributes: [SVGWriter.Attribute] = [
        ("d", path.data), ("fill", "none"), ("stroke", style.color), ("stroke-width", SVGWriter.number(lineWidth)),
        ("stroke-linejoin", "round"),
      ]
      if let dash = style.dashArray { attributes.append(("stroke-dasharray", dash)) }
      svg.element("path", attributes)
    }
    let step = markerStep
    for segment in segments {
      for point in segment where segment.count == 1 || point.year % step == 0 {
        style.marker.element(
          x: x(Double(point.year)), y: y(point.value), radius: markerRadius, color: style.color, into: &svg)
      }
    }
    svg.close("g")
  }

  /// A "No data" message in the middle of the plot.
  func drawNoData(_ svg: inout SVGWriter, message: String = "No data") {
    svg.text(
      message, x: rect.midX, y: rect.midY, size: ChartTheme.legendSize, anchor: "middle",
      fill: ChartTheme.secondaryTextColor)
  }
}

/// A vertical value axis: gridlines across the plot and tick labels on its left.
struct ValueAxis {
  var rect: ChartRect
  var ticks: NiceTicks

  /// The gap between tick labels and the plot.
  static let labelGap = 8.0

  func y(_ value: Double) -> Double {
    let span = ticks.upper - ticks.lower
    guard span > 0 else { return rect.midY }
    return rect.maxY - (value - ticks.lower) / span * rect.height
  }

  /// The width of the widest tick label.
  static func labelWidth(_ ticks: NiceTicks, fontSize: Double = ChartTheme.tickSize) -> Double {
    ticks.values.map { TextMetrics.width(ticks.label(for: $0), fontSize: fontSize) }.max() ?? 0
  }

  /// A tick count that leaves about `spacing` pixels between ticks.
  static func targetCount(height: Double, spacing: Double = 40) -> Int {
    min(8, max(2, Int(height / spacing)))
  }

  /// Gridlines (the zero line darker when zero is inside the range) and labels.
  func draw(_ svg: inout SVGWriter, labels: Bool = true, fontSize: Double = ChartTheme.tickSize) {
    svg.open("g", [("class", "y-axis")])
    for value in ticks.values {
      let y = y(value)
      let isZeroInside = value == 0 && ticks.lower < 0
      svg.line(
        x1: rect.minX, y1: y, x2: rect.maxX, y2: y, stroke: isZeroInside ? ChartTheme.axisColor : ChartTheme.gridColor)
      if labels {
        svg.text(
          ticks.label(for: value), x: rect.minX - Self.labelGap, y: y + fontSize * 0.35, size: fontSize,
          anchor: "end", fill: ChartTheme.secondaryTextColor)
      }
    }
    svg.close("g")
  }
}

/// A horizontal year axis: the baseline, tick marks and year labels.
struct YearAxis {
  /// The space a year label needs, with room between neighbours.
  static let minimumLabelSpacing = TextMetrics.width("0000", fontSize: ChartTheme.tickSize) + 10

  /// The label box of a tick label centred at `x` under a baseline at `baseline`.
  static func labelBox(year: Int, x: Double, baseline: Double, fontSize: Double = ChartTheme.tickSize) -> ChartRect {
    let width = TextMetrics.width(String(year), fontSize: fontSize)
    return ChartRect(x: x - width / 2, y: baseline + 4, width: width, height: fontSize + 2)
  }

  /// Draws the axis under `rect` with a label under each tick at `position(year)`.
  static func draw(
    _ svg: inout SVGWriter, rect: ChartRect, ticks: [Int], position: (Int) -> Double,
    fontSize: Double = ChartTheme.tickSize
  ) {
    svg.open("g", [("class", "x-axis")])
    svg.line(x1: rect.minX, y1: rect.maxY, x2: rect.maxX, y2: rect.maxY, stroke: ChartTheme.axisColor)
    for year in ticks {
      let x = position(year)
      svg.line(x1: x, y1: rect.maxY, x2: x, y2: rect.maxY + 4, stroke: ChartTheme.axisColor)
      svg.text(
        String(year), x: x, y: rect.maxY + 4 + fontSize + 1, size: fontSize, anchor: "middle",
        fill: ChartTheme.secondaryTextColor)
    }
    svg.close("g")
  }
}
