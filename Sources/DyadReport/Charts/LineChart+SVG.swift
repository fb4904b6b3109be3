/// Where each part of a line chart goes, computed before drawing (and checked by tests).
struct LineChartLayout {
  var frame: ChartFrame
  var height: Double
  var legend: LegendLayout
  var legendTop: Double
  var unitsBaseline: Double
  /// The plot; `nil` years when the chart has no data at all.
  var plot: YearValuePlot
  var hasYears: Bool
}

extension LineChart {
  /// The default height of a line chart.
  static let defaultHeight = 400.0
  /// The default height of a chart without data.
  static let emptyHeight = 180.0

  /// Whether some series has a value.
  var drawnSeriesValues: Bool { series.contains { !$0.knownValues.isEmpty } }

  /// The note under a chart whose lines have gaps.
  static let gapNote = "Breaks in a line mark years without data."

  func layout(_ options: ChartOptions) -> LineChartLayout {
    let frame = ChartFrame(info: info, options: options, notes: hasGaps ? [Self.gapNote] : [])
    let width = options.width
    // Without data, a short frame is enough for the "No data" message.
    var height = options.height ?? (drawnSeriesValues ? Self.defaultHeight : Self.emptyHeight)
    let pad = ChartTheme.padding
    let legend = LegendLayout(items: legendItems, left: pad, width: width - 2 * pad)
    let legendTop = frame.contentTop
    let unitsBaseline = legendTop + legend.height + 12
    let plotTop = legendTop + legend.height + frame.unitsHeight + 6
    var plotBottom = frame.footerTop(height: height) - 26
    if plotBottom - plotTop < 60 {
      height += 60 - (plotBottom - plotTop)
      plotBottom = plotTop + 60
    }
    var values = drawnValues
    if includesZero || values.isEmpty { values.append(0) }
    if let yDomain { values += [yDomain.lowerBound, yDomain.upperBound] }
    if drawnValues.isEmpty, yDomain == nil { values.append(1) }
    let ticks = NiceTicks(
      covering: values.min()!, values.max()!, targetCount: ValueAxis.targetCount(height: plotBottom - plotTop))
    let plotLeft = pad + ValueAxis.labelWidth(ticks) + ValueAxis.labelGap
    let plotRight = width - pad - YearAxis.minimumLabelSpacing / 2
    let rect = ChartRect(x: plotLeft, y: plotTop, width: max(20, plotRight - plotLeft), height: plotBottom - plotTop)
    let years = coveredYears
    return LineChartLayout(
      frame: frame, height: height, legend: legend, legendTop: legendTop, unitsBaseline: unitsBaseline,
      plot: YearValuePlot(rect: rect, years: years ?? 0...1, yTicks: ticks), hasYears: years != nil)
  }

  var legendItems: [LegendItem] {
    guard series.count > 1 || !bands.isEmpty else { return [] }
    var items = series.enumerated().map { index, series in
      LegendItem(
        symbol: .line(SeriesStyle.at(index)),
        label: series.knownValues.isEmpty ? series.name + " (no data)" : series.name)
    }
    items += bands.map { LegendItem(symbol: .band, label: $0.label) }
    return items
  }

  /// The chart as a self-contained `<svg>` element.
  public func svg(_ options: ChartOptions) -> String {
    let layout = layout(options)
    let plot = layout.plot
    var svg = SVGWriter()
    layout.frame.begin(&svg, height: layout.height, summary: summary)
    layout.frame.drawHeader(&svg)
    layout.legend.draw(&svg, top: layout.legendTop)
    layout.frame.drawUnits(&svg, baseline: layout.unitsBaseline)
    let hasData = drawnSeriesValues
    if hasData {
      ValueAxis(rect: plot.rect, ticks: plot.yTicks).draw(&svg)
    }
    if layout.hasYears, hasData {
      drawBands(plot, into: &svg)
      drawReferenceLines(plot, into: &svg)
      YearAxis.draw(&svg, rect: plot.rect, ticks: plot.xTicks, position: { plot.x(Double($0)) })
      for (index, series) in series.enumerated() {
        plot.drawSeries(series, style: SeriesStyle.at(index), lineWidth: 2.25, markerRadius: 3.5, into: &svg)
      }
      drawReferenceLabels(plot, into: &svg)
    }
    if !hasData {
      plot.drawNoData(&svg)
    }
    layout.frame.drawFooter(&svg, height: layout.height)
    layout.frame.end(&svg)
    return svg.output
  }

  private func drawBands(_ plot: YearValuePlot, into svg: inout SVGWriter) {
    for band in bands {
      var path = PathBuilder()
      switch band.extent {
      case .constant(let lower, let upper):
        guard lower.isFinite, upper.isFinite else { continue }
        path.move(plot.rect.minX, plot.y(upper))
        path.line(plot.rect.maxX, plot.y(upper))
        path.line(plot.rect.maxX, plot.y(lower))
        path.line(plot.rect.minX, plot.y(lower))
        path.closePath()
      case .yearly:
        for segment in band.segments {
          if segment.count == 1 {
            // A lone year is drawn as a narrow strip so that it stays visible.
            let x = plot.x(Double(segment[0].year))
            let halfWidth = min(3, plot.pixelsPerYear / 2)
            path.move(x - halfWidth, plot.y(segment[0].upper))
            path.line(x + halfWidth, plot.y(segment[0].upper))
            path.line(x + halfWidth, plot.y(segment[0].lower))
            path.line(x - halfWidth, plot.y(segment[0].lower))
          } else {
            // Upper bounds forwards, lower bounds backwards.
            path.move(plot.x(Double(segment[0].year)), plot.y(segment[0].upper))
            for point in segment.dropFirst() { path.line(plot.x(Double(point.year)), plot.y(point.upper)) }
            for point in segment.reversed() { path.line(plot.x(Double(point.year)), plot.y(point.lower)) }
          }
          path.closePath()
        }
      }
      guard !path.isEmpty else { continue }
      svg.element(
        "path",
        [("class", "band"), ("d", path.data), ("fill", ChartTheme.bandColor), ("fill-opacity", ChartTheme.bandOpacity)])
    }
  }

  private func drawReferenceLines(_ plot: YearValuePlot, into svg: inout SVGWriter) {
    for line in referenceLines {
      let dash: [SVGWriter.Attribute] = [("stroke-dasharray", "4 3"), ("class", "reference")]
      switch line.position {
      case .value(let value):
        guard value.isFinite else { continue }
        let y = plot.y(value)
        svg.line(
          x1: plot.rect.minX, y1: y, x2: plot.rect.maxX, y2: y, stroke: ChartTheme.referenceColor, width: 1,
          extra: dash)
      case .year(let year):
        let x = plot.x(Double(year))
        svg.line(
          x1: x, y1: plot.rect.minY, x2: x, y2: plot.rect.maxY, stroke: ChartTheme.referenceColor, width: 1,
          extra: dash)
      }
    }
  }

  /// Where each reference label goes; labels that fit nowhere without overlap are left out
  /// (they remain in the table notes).
  func referenceLabelBoxes(_ plot: YearValuePlot) -> [(label: String, box: ChartRect, anchor: String)] {
    let size = ChartTheme.labelSize
    let height = size + 3
    var placed: [(label: String, box: ChartRect, anchor: String)] = []
    for line in referenceLines {
      let text = TextMetrics.truncate(line.label, toWidth: plot.rect.width * 0.45, fontSize: size)
      guard !text.isEmpty else { continue }
      let width = TextMetrics.width(text, fontSize: size)
      var candidates: [(ChartRect, String)] = []
      switch line.position {
      case .value(let value):
        guard value.isFinite else { continue }
        let y = plot.y(value)
        let right = plot.rect.maxX - 4 - width
        let left = plot.rect.minX + 4
        candidates = [
          (ChartRect(x: right, y: y - 3 - height, width: width, height: height), "end"),
          (ChartRect(x: right, y: y + 3, width: width, height: height), "end"),
          (ChartRect(x: left, y: y - 3 - height, width: width, height: height), "start"),
          (ChartRect(x: left, y: y + 3, width: width, height: height), "start"),
        ]
      case .year(let year):
        let x = plot.x(Double(year))
        for row in 0..<3 {
          let top = plot.rect.minY + 2 + Double(row) * (height + 2)
          candidates.append((ChartRect(x: x + 4, y: top, width: width, height: height), "start"))
          candidates.append((ChartRect(x: x - 4 - width, y: top, width: width, height: height), "end"))
        }
      }
      let fitting = candidates.first { candidate, _ in
        candidate.minX >= plot.rect.minX && candidate.maxX <= plot.rect.maxX && candidate.minY >= plot.rect.minY
          && candidate.maxY <= plot.rect.maxY && !placed.contains { $0.box.intersects(candidate) }
      }
      if let (box, anchor) = fitting { placed.append((text, box, anchor)) }
    }
    return placed
  }

  private func drawReferenceLabels(_ plot: YearValuePlot, into svg: inout SVGWriter) {
    let size = ChartTheme.labelSize
    for (label, box, anchor) in referenceLabelBoxes(plot) {
      svg.text(
        label, x: anchor == "end" ? box.maxX : box.minX, y: box.maxY - 3, size: size, anchor: anchor,
        fill: ChartTheme.referenceColor,
        extra: [
          ("stroke", ChartTheme.background), ("stroke-width", "3"), ("stroke-linejoin", "round"),
          ("paint-order", "stroke"),
        ])
    }
  }

  /// The generated part of the `<desc>`: kind, years, units, and each series' first and last
  /// values.
  var summary: String {
    guard let years = coveredYears else { return "Line chart with no data." }
    var text = "Line chart, \(years.lowerBound)–\(years.upperBound)"
    text += "."
    if !info.units.isEmpty { text += " Units: \(info.units)." }
    for series in series {
      let known = series.normalizedPoints.filter { $0.value != nil }
      guard let first = known.first, let last = known.last, let a = first.value, let b = last.value else {
        text += " \(series.name): no data."
        continue
      }
      let missing = last.year - first.year + 1 - known.count
      text += " \(series.name): \(format(a)) in \(first.year)"
      if last.year != first.year { text += ", \(format(b)) in \(last.year)" }
      if missing > 0 { text += " (\(missing) \(missing == 1 ? "year" : "years") missing in between)" }
      text += "."
    }
    for band in bands { text += " Shaded: \(band.label)." }
    text += " The data table lists every value."
    return text
  }

  func format(_ value: Double) -> String {
    ChartNumber.fixed(value, decimals: decimals)
  }
}
