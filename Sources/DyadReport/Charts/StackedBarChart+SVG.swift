/// Where each part of a stacked bar chart goes.
struct StackedBarLayout {
  var frame: ChartFrame
  var height: Double
  var legend: LegendLayout
  var legendTop: Double
  var unitsBaseline: Double
  var axis: ValueAxis
  var years: ClosedRange<Int>?

  var rect: ChartRect { axis.rect }

  /// The width of one year's band.
  var bandWidth: Double {
    guard let years else { return rect.width }
    return rect.width / Double(years.count)
  }

  /// The width of a bar: most of its band, with a gap between bars.
  var barWidth: Double { bandWidth >= 6 ? bandWidth * 0.72 : max(0.5, bandWidth * 0.9) }

  /// The centre of a year's band.
  func center(of year: Int) -> Double {
    guard let years else { return rect.midX }
    return rect.minX + (Double(year - years.lowerBound) + 0.5) * bandWidth
  }

  /// Labelled years, thinned so that labels do not overlap.
  var xTicks: [Int] {
    guard let years else { return [] }
    let step = YearTicks.step(pixelsPerYear: bandWidth, minimumSpacing: YearAxis.minimumLabelSpacing)
    let ticks = YearTicks.multiples(of: step, in: years)
    return ticks.isEmpty ? [years.lowerBound] : ticks
  }
}

extension StackedBarChart {
  static let defaultHeight = 400.0

  /// The legend label of the open-circle marker.
  static let missingLabel = "Missing value"

  /// The fill of a category: its colour, or a hatch pattern over it for every second category.
  func fill(category index: Int, id: String) -> String {
    index % 2 == 1 ? "url(#\(id)-hatch-\(index))" : ChartPalette.color(at: index)
  }

  var hasMissing: Bool {
    guard let years = coveredYears else { return false }
    let sorted = sortedBars
    return sorted.count < years.count || sorted.contains(where: isIncomplete)
  }

  func layout(_ options: ChartOptions) -> StackedBarLayout {
    let frame = ChartFrame(
      info: info, options: options,
      notes: hasMissing ? ["An open circle marks a year with a missing value; the bar shows the values known."] : [])
    let width = options.width
    let pad = ChartTheme.padding
    var height = options.height ?? (knownValues.isEmpty ? LineChart.emptyHeight : Self.defaultHeight)
    var items = categories.enumerated().map { index, name in
      LegendItem(symbol: .swatch(fill: fill(category: index, id: frame.id)), label: name)
    }
    if hasMissing { items.append(LegendItem(symbol: .missing, label: Self.missingLabel)) }
    let legend = LegendLayout(items: items, left: pad, width: width - 2 * pad)
    let legendTop = frame.contentTop
    let plotTop = legendTop + legend.height + frame.unitsHeight + 6
    var plotBottom = frame.footerTop(height: height) - 26
    if plotBottom - plotTop < 60 {
      height += 60 - (plotBottom - plotTop)
      plotBottom = plotTop + 60
    }
    var low = 0.0
    var high = 0.0
    for bar in bars {
      let extent = extent(of: bar)
      low = min(low, extent.negative)
      high = max(high, extent.positive)
    }
    if low == 0, high == 0 { high = 1 }
    let ticks = NiceTicks(covering: low, high, targetCount: ValueAxis.targetCount(height: plotBottom - plotTop))
    let plotLeft = pad + ValueAxis.labelWidth(ticks) + ValueAxis.labelGap
    let plotRight = width - pad - 4
    let rect = ChartRect(x: plotLeft, y: plotTop, width: max(20, plotRight - plotLeft), height: plotBottom - plotTop)
    return StackedBarLayout(
      frame: frame, height: height, legend: legend, legendTop: legendTop,
      unitsBaseline: legendTop + legend.height + 12, axis: ValueAxis(rect: rect, ticks: ticks), years: coveredYears)
  }

  /// The rectangles of a bar's segments, by category index, bottom-up for positive values and
  /// top-down for negative ones; missing values have none.
  func segments(of bar: Bar, in layout: StackedBarLayout) -> [(category: Int, rect: ChartRect)] {
    var result: [(category: Int, rect: ChartRect)] = []
    var positive = 0.0
    var negative = 0.0
    let x = layout.center(of: bar.year) - layout.barWidth / 2
    for index in categories.indices {
      guard let value = bar.value(at: index), value != 0 else { continue }
      let start = value > 0 ? positive : negative
      let end = start + value
      if value > 0 { positive = end } else { negative = end }
      let top = layout.axis.y(max(start, end))
      let bottom = layout.axis.y(min(start, end))
      result.append((index, ChartRect(x: x, y: top, width: layout.barWidth, height: bottom - top)))
    }
    return result
  }

  /// The chart as a self-contained `<svg>` element.
  public func svg(_ options: ChartOptions) -> String {
    let layout = layout(options)
    let id = layout.frame.id
    var svg = SVGWriter()
    layout.frame.begin(&svg, height: layout.height, summary: summary)
    svg.open("defs")
    for index in categories.indices where index % 2 == 1 {
      // A hatch of white diagonal lines over the category's colour.
      svg.open(
        "pattern",
        [
          ("id", "\(id)-hatch-\(index)"), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"),
          ("patternTransform", "rotate(45)"),
        ])
      svg.rect(ChartRect(x: 0, y: 0, width: 6, height: 6), fill: ChartPalette.color(at: index))
      svg.line(x1: 3, y1: 0, x2: 3, y2: 6, stroke: ChartTheme.background, width: 2)
      svg.close("pattern")
    }
    svg.close("defs")
    layout.frame.drawHeader(&svg)
    layout.legend.draw(&svg, top: layout.legendTop)
    layout.frame.drawUnits(&svg, baseline: layout.unitsBaseline)
    if !knownValues.isEmpty {
      layout.axis.draw(&svg)
    }
    if let years = layout.years, !knownValues.isEmpty {
      let byYear = Dictionary(sortedBars.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
      svg.open("g", [("class", "bars")])
      for year in years {
        guard let bar = byYear[year] else { continue }
        for (category, rect) in segments(of: bar, in: layout) {
          var extra: [SVGWriter.Attribute] = []
          if layout.barWidth >= 4 { extra = [("stroke", ChartTheme.background), ("stroke-width", "0.75")] }
          svg.rect(rect, fill: fill(category: category, id: id), extra: extra)
        }
      }
      svg.close("g")
      svg.open("g", [("class", "missing")])
      for year in years {
        let bar = byYear[year]
        guard bar == nil || isIncomplete(bar!) else { continue }
        let top = bar.map { layout.axis.y(extent(of: $0).positive) } ?? layout.axis.y(0)
        let radius = min(3.5, max(1.5, layout.bandWidth * 0.4))
        svg.element(
          "circle",
          [
            ("class", "missing-marker"), ("cx", SVGWriter.number(layout.center(of: year))),
            ("cy", SVGWriter.number(top - radius - 2)),
            ("r", SVGWriter.number(radius)), ("fill", "none"), ("stroke", ChartTheme.missingColor),
            ("stroke-width", "1.25"),
          ])
      }
      svg.close("g")
      YearAxis.draw(&svg, rect: layout.rect, ticks: layout.xTicks, position: { layout.center(of: $0) })
    }
    if knownValues.isEmpty {
      svg.text(
        "No data", x: layout.rect.midX, y: layout.rect.midY, size: ChartTheme.legendSize, anchor: "middle",
        fill: ChartTheme.secondaryTextColor)
    }
    layout.frame.drawFooter(&svg, height: layout.height)
    layout.frame.end(&svg)
    return svg.output
  }

  /// The generated part of the `<desc>`.
  var summary: String {
    guard let years = coveredYears else { return "Stacked bar chart with no data." }
    var text = "Stacked bar chart, \(years.lowerBound)–\(years.upperBound)"
    text += ", of " + categories.joined(separator: ", ") + "."
    if !info.units.isEmpty { text += " Units: \(info.units)." }
    let complete = sortedBars.filter { !isIncomplete($0) }
    if let last = complete.last {
      let total = extent(of: last)
      text += " Total in \(last.year): \(ChartNumber.fixed(total.positive + total.negative, decimals: decimals))."
    }
    let missing = years.count - complete.count
    if missing > 0 { text += " \(missing) of \(years.count) years have a missing value." }
    text += " The data table lists every value."
    return text
  }
}
