/// Where each part of a dot timeline goes.
struct DotTimelineLayout {
  var frame: ChartFrame
  var height: Double
  /// The horizontal extent of the time axis, and the vertical extent of the lanes.
  var rect: ChartRect
  var years: ClosedRange<Int>
  var laneNames: [String]
  var laneNameWidth: Double
  var dotYs: [Double]
  var rows: Int
  /// The labels placed, by index in the sorted events.
  var labels: [Int: TimelineLabel]

  /// The x of a time in fractional years; the axis runs from 1 January of the first year to
  /// 1 January after the last.
  func x(_ time: Double) -> Double {
    let span = Double(years.upperBound + 1 - years.lowerBound)
    return rect.minX + (time - Double(years.lowerBound)) / span * rect.width
  }

  /// Years labelled on the axis (at 1 January), thinned so that labels do not overlap.
  var xTicks: [Int] {
    let ticksRange = years.lowerBound...(years.upperBound + 1)
    let pixelsPerYear = rect.width / Double(years.upperBound + 1 - years.lowerBound)
    let step = YearTicks.step(pixelsPerYear: pixelsPerYear, minimumSpacing: YearAxis.minimumLabelSpacing)
    return YearTicks.multiples(of: step, in: ticksRange)
  }
}

extension DotTimeline {
  static let laneGap = 22.0
  static let axisHeight = 30.0

  func layout(_ options: ChartOptions) -> DotTimelineLayout {
    let events = sortedEvents
    let lanes = allLanes
    let pad = ChartTheme.padding
    let width = options.width
    let years = coveredYears ?? 2000...2000
    let laneCount = max(1, lanes.count)
    let laneNameWidth = min(
      150, max(40, lanes.map { TextMetrics.width($0, fontSize: ChartTheme.legendSize, bold: true) }.max() ?? 40))
    let rect0 = ChartRect(
      x: pad + laneNameWidth + 16, y: 0, width: max(40, width - 2 * pad - laneNameWidth - 22), height: 0)

    // First pass: which labels fit with all rows; the note depends on the count, and the height
    // depends on the note's lines.
    func place(rows: Int, top: Double) -> (labels: [Int: TimelineLabel], dotYs: [Double], rect: ChartRect) {
      let laneHeight = Double(rows) * TimelineLabelPlacer.rowHeight + Self.laneGap
      let dotYs = (0..<laneCount).map {
        top + Double($0) * laneHeight + Double(rows) * TimelineLabelPlacer.rowHeight + 10
      }
      let rect = ChartRect(x: rect0.x, y: top, width: rect0.width, height: Double(laneCount) * laneHeight)
      let layout = DotTimelineLayout(
        frame: ChartFrame(info: info, options: options), height: 0, rect: rect, years: years, laneNames: lanes,
        laneNameWidth: laneNameWidth, dotYs: dotYs, rows: rows, labels: [:])
      let items = events.enumerated().map { index, event in
        let text = TextMetrics.truncate(event.label, toWidth: maximumLabelWidth, fontSize: ChartTheme.labelSize)
        return TimelineLabelPlacer.Item(
          event: index, priority: event.priority, text: text,
          textWidth: TextMetrics.width(text, fontSize: ChartTheme.labelSize), x: layout.x(event.position),
          dotY: dotYs[lanes.firstIndex(of: event.lane) ?? 0])
      }
      let labels = TimelineLabelPlacer.place(items, rows: rows, minX: rect.minX - 2, maxX: width - pad / 2)
      return (labels, dotYs, rect)
    }

    var rows = max(0, labelRows)
    let frameWithoutNote = ChartFrame(info: info, options: options)
    let top = frameWithoutNote.contentTop + frameWithoutNote.unitsHeight - 6
    if let fixedHeight = options.height {
      // Fewer rows of labels when a fixed height leaves no room for all of them.
      let available =
        fixedHeight - top - Self.axisHeight - frameWithoutNote.footerHeight - 2 * ChartTheme.footerLineHeight
      let perLane = available / Double(laneCount)
      rows = min(rows, max(0, Int((perLane - Self.laneGap) / TimelineLabelPlacer.rowHeight)))
    }
    let placement = place(rows: rows, top: top)
    let note = labelNote(shown: placement.labels.count, total: events.count)
    let frame = ChartFrame(info: info, options: options, notes: note.map { [$0] } ?? [])
    let natural = placement.rect.maxY + Self.axisHeight + frame.footerHeight
    return DotTimelineLayout(
      frame: frame, height: max(natural, options.height ?? 0), rect: placement.rect, years: years, laneNames: lanes,
      laneNameWidth: laneNameWidth, dotYs: placement.dotYs, rows: rows, labels: placement.labels)
  }

  /// The note under the chart when some labels are left out.
  func labelNote(shown: Int, total: Int) -> String? {
    guard shown < total else { return nil }
    return "Labels shown for \(shown) of \(total) events; the data table lists all \(total)."
  }

  /// The chart as a self-contained `<svg>` element.
  public func svg(_ options: ChartOptions) -> String {
    let layout = layout(options)
    let events = sortedEvents
    let rect = layout.rect
    var svg = SVGWriter()
    layout.frame.begin(&svg, height: layout.height, summary: summary)
    layout.frame.drawHeader(&svg)
    layout.frame.drawUnits(&svg, baseline: layout.frame.contentTop + 12)

    // Year gridlines and the axis under the lanes.
    svg.open("g", [("class", "x-axis")])
    let axisY = rect.maxY
    for year in events.isEmpty ? [] : layout.xTicks {
      let x = layout.x(Double(year))
      svg.line(x1: x, y1: rect.minY, x2: x, y2: axisY, stroke: ChartTheme.gridColor)
    }
    if !events.isEmpty {
      svg.line(x1: rect.minX, y1: axisY, x2: rect.maxX, y2: axisY, stroke: ChartTheme.axisColor)
    }
    for year in events.isEmpty ? [] : layout.xTicks {
      let x = layout.x(Double(year))
      svg.line(x1: x, y1: axisY, x2: x, y2: axisY + 4, stroke: ChartTheme.axisColor)
      svg.text(
        String(year), x: x, y: axisY + 4 + ChartTheme.tickSize + 1, size: ChartTheme.tickSize, anchor: "middle",
        fill: ChartTheme.secondaryTextColor)
    }
    svg.close("g")

    // Lanes: name, line, dots.
    for (laneIndex, lane) in layout.laneNames.enumerated() {
      let dotY = layout.dotYs[laneIndex]
      let style = SeriesStyle.at(laneIndex)
      svg.open("g", [("class", "lane")])
      svg.text(
        TextMetrics.truncate(lane, toWidth: layout.laneNameWidth, fontSize: ChartTheme.legendSize, bold: true),
        x: ChartTheme.padding, y: dotY + 4, size: ChartTheme.legendSize, weight: "600")
      svg.line(x1: rect.minX, y1: dotY, x2: rect.maxX, y2: dotY, stroke: ChartTheme.axisColor, width: 0.75)
      for event in events where event.lane == lane {
        svg.open("g", [("class", "event")])
        svg.element("title", [], text: event.dateText + ": " + event.label)
        style.marker.element(
          x: layout.x(event.position), y: dotY, radius: TimelineLabelPlacer.dotRadius, color: style.color, into: &svg)
        svg.close("g")
      }
      svg.close("g")
    }

    // Labels with their leaders, in event order.
    svg.open("g", [("class", "labels")])
    for index in events.indices {
      guard let label = layout.labels[index] else { continue }
      if label.leaderBottom - label.leaderTop > 1 {
        svg.line(
          x1: label.leaderX, y1: label.leaderTop, x2: label.leaderX, y2: label.leaderBottom,
          stroke: ChartTheme.axisColor, width: 0.75)
      }
      let x =
        label.extendsLeft ? label.textX - TimelineLabelPlacer.textOffset : label.textX + TimelineLabelPlacer.textOffset
      svg.text(
        label.text, x: x, y: label.baseline, size: ChartTheme.labelSize, anchor: label.extendsLeft ? "end" : "start")
    }
    svg.close("g")

    if events.isEmpty {
      svg.text(
        "No events", x: rect.midX, y: rect.midY, size: ChartTheme.legendSize, anchor: "middle",
        fill: ChartTheme.secondaryTextColor)
    }
    layout.frame.drawFooter(&svg, height: layout.height)
    layout.frame.end(&svg)
    return svg.output
  }

  /// The generated part of the `<desc>`.
  var summary: String {
    guard let years = coveredYears, !events.isEmpty else { return "Timeline with no events." }
    let counts = allLanes.map { lane in
      let count = events.filter { $0.lane == lane }.count
      return "\(lane) (\(count))"
    }
    return
      "Timeline of \(events.count) \(events.count == 1 ? "event" : "events"), \(years.lowerBound)–\(years.upperBound), "
      + "by kind: " + counts.joined(separator: ", ") + ". The data table lists every event."
  }
}
