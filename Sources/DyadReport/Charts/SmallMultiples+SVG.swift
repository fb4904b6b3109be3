/// Where each panel of a small-multiples chart goes.
struct SmallMultiplesLayout {
  struct PanelLayout {
    var titleBaseline: Double
    var titleX: Double
    var titleWidth: Double
    var plot: YearValuePlot
  }

  var frame: ChartFrame
  var height: Double
  var legend: LegendLayout
  var legendTop: Double
  var unitsBaseline: Double
  var panels: [PanelLayout]
}

extension SmallMultiples {
  static let gapX = 24.0
  static let gapY = 18.0
  static let tickSize = 10.0

  func layout(_ options: ChartOptions) -> SmallMultiplesLayout {
    let frame = ChartFrame(info: info, options: options, notes: hasGaps ? [LineChart.gapNote] : [])
    let pad = ChartTheme.padding
    let width = options.width
    let names = seriesNames
    let items =
      panels.contains(where: { $0.series.count > 1 })
      ? names.enumerated().map { LegendItem(symbol: .line(SeriesStyle.at($0.offset)), label: $0.element) } : []
    let legend = LegendLayout(items: items, left: pad, width: width - 2 * pad)
    let legendTop = frame.contentTop
    let gridTop = legendTop + legend.height + frame.unitsHeight
    let columns = max(1, min(columns, panels.count))
    let rows = panels.isEmpty ? 0 : (panels.count + columns - 1) / columns
    var panelHeight = self.panelHeight
    if let fixed = options.height, rows > 0 {
      panelHeight = max(90, (fixed - gridTop - frame.footerHeight - Double(rows - 1) * Self.gapY) / Double(rows))
    }
    let panelWidth = (width - 2 * pad - Double(columns - 1) * Self.gapX) / Double(columns)
    let years = coveredYears ?? 0...1

    // Panel plots: the title on top, year labels below.
    let plotHeight = panelHeight - 22 - 22
    let targetCount = ValueAxis.targetCount(height: plotHeight, spacing: 35)
    func ticks(for panel: [Panel]) -> NiceTicks {
      var values = panel.flatMap { $0.series.flatMap(\.knownValues) }
      if includesZero || values.isEmpty { values.append(0) }
      if values.allSatisfy({ $0 == 0 }) { values.append(1) }
      return NiceTicks(covering: values.min()!, values.max()!, targetCount: targetCount)
    }
    let sharedTicks = ticks(for: panels)
    let sharedLabelWidth = ValueAxis.labelWidth(sharedTicks, fontSize: Self.tickSize)
    var layouts: [SmallMultiplesLayout.PanelLayout] = []
    for (index, panel) in panels.enumerated() {
      let row = index / columns
      let column = index % columns
      let left = pad + Double(column) * (panelWidth + Self.gapX)
      let top = gridTop + Double(row) * (panelHeight + Self.gapY)
      let yTicks = yScale == .shared ? sharedTicks : ticks(for: [panel])
      let labelWidth = yScale == .shared ? sharedLabelWidth : ValueAxis.labelWidth(yTicks, fontSize: Self.tickSize)
      let plotLeft = left + labelWidth + 6
      let plotRight = left + panelWidth - YearAxis.minimumLabelSpacing / 2
      let rect = ChartRect(x: plotLeft, y: top + 22, width: max(20, plotRight - plotLeft), height: plotHeight)
      layouts.append(
        .init(
          titleBaseline: top + 12, titleX: left, titleWidth: panelWidth,
          plot: YearValuePlot(rect: rect, years: years, yTicks: yTicks)))
    }
    let gridHeight = rows == 0 ? 60 : Double(rows) * panelHeight + Double(rows - 1) * Self.gapY
    let natural = gridTop + gridHeight + frame.footerHeight
    return SmallMultiplesLayout(
      frame: frame, height: max(natural, options.height ?? 0), legend: legend, legendTop: legendTop,
      unitsBaseline: legendTop + legend.height + 12, panels: layouts)
  }

  /// The chart as a self-contained `<svg>` element.
  public func svg(_ options: ChartOptions) -> String {
    let layout = layout(options)
    let names = seriesNames
    var svg = SVGWriter()
    layout.frame.begin(&svg, height: layout.height, summary: summary)
    layout.frame.drawHeader(&svg)
    layout.legend.draw(&svg, top: layout.legendTop)
    layout.frame.drawUnits(&svg, baseline: layout.unitsBaseline)
    for (panel, panelLayout) in zip(panels, layout.panels) {
      let plot = panelLayout.plot
      svg.open("g", [("class", "panel")])
      svg.text(
        TextMetrics.truncate(panel.title, toWidth: panelLayout.titleWidth, fontSize: ChartTheme.legendSize, bold: true),
        x: panelLayout.titleX, y: panelLayout.titleBaseline, size: ChartTheme.legendSize, weight: "700")
      ValueAxis(rect: plot.rect, ticks: plot.yTicks).draw(&svg, fontSize: Self.tickSize)
      YearAxis.draw(
        &svg, rect: plot.rect, ticks: plot.xTicks, position: { plot.x(Double($0)) }, fontSize: Self.tickSize)
      for series in panel.series {
        let style = SeriesStyle.at(names.firstIndex(of: series.name) ?? 0)
        plot.drawSeries(series, style: style, lineWidth: 1.75, markerRadius: 2.75, into: &svg)
      }
      if panel.series.allSatisfy({ $0.knownValues.isEmpty }) {
        plot.drawNoData(&svg)
      }
      svg.close("g")
    }
    if panels.isEmpty {
      svg.text(
        "No data", x: options.width / 2, y: layout.frame.contentTop + 40, size: ChartTheme.legendSize,
        anchor: "middle", fill: ChartTheme.secondaryTextColor)
    }
    layout.frame.drawFooter(&svg, height: layout.height)
    layout.frame.end(&svg)
    return svg.output
  }

  /// The generated part of the `<desc>`.
  var summary: String {
    guard let years = coveredYears else { return "Small multiples with no data." }
    var text = "\(panels.count) small line charts, \(years.lowerBound)–\(years.upperBound)"
    text += yScale == .shared ? ", on a shared y-axis:" : ", each on its own y-axis:"
    text += " " + panels.map(\.title).joined(separator: ", ") + "."
    if !info.units.isEmpty { text += " Units: \(info.units)." }
    text += " The data table lists every value."
    return text
  }
}
