import Testing

@testable import DyadReport

@Suite("Line chart")
struct ChartLineTests {
  @Test("A two-point line on a known plot area has the coordinates computed by hand")
  func twoPointGeometry() {
    // Plot area x 50…550, y 20…320; years 2000…2001; value axis 0…100.
    let plot = YearValuePlot(
      rect: ChartRect(x: 50, y: 20, width: 500, height: 300), years: 2000...2001,
      yTicks: NiceTicks(covering: 0, 100, targetCount: 5))
    #expect(plot.yTicks.values == [0, 20, 40, 60, 80, 100])
    var svg = SVGWriter()
    plot.drawSeries(
      ChartSeries(name: "A", startYear: 2000, values: [25, 75]), style: SeriesStyle.at(0), lineWidth: 2,
      markerRadius: 3, into: &svg)
    // x: 2000 → 50, 2001 → 50 + 500 = 550.
    // y: 25 → 320 − 300 × 25/100 = 245; 75 → 320 − 300 × 75/100 = 95.
    let path = ChartSVG.elements("path", in: svg.output).first
    #expect(path?["d"] == "M50,245L550,95")
    #expect(path?["stroke"] == "#0072B2")
    // Two years 500 px apart: both points get a marker (a circle for the first style).
    let circles = ChartSVG.elements("circle", in: svg.output)
    #expect(circles.map { [$0["cx"], $0["cy"]] } == [["50", "245"], ["550", "95"]])
  }

  @Test("The rendered chart places a two-point series on its plot area")
  func renderedGeometry() throws {
    let chart = LineChart(
      title: "Two points", series: [ChartSeries(name: "A", startYear: 2000, values: [25, 75])], yDomain: 0...100)
    let options = ChartOptions(width: 600, height: 400)
    let layout = chart.layout(options)
    let rect = layout.plot.rect
    // The plot sits inside the SVG, right of the tick labels and above the year labels.
    #expect(rect.minX > ChartTheme.padding && rect.maxX < 600 && rect.minY > 0 && rect.maxY < 400)
    #expect(layout.plot.yTicks.lower == 0 && layout.plot.yTicks.upper == 100)
    let expected =
      "M" + ChartSVG.number(rect.minX) + "," + ChartSVG.number(rect.maxY - rect.height * 0.25) + "L"
      + ChartSVG.number(rect.maxX) + "," + ChartSVG.number(rect.maxY - rect.height * 0.75)
    let paths = ChartSVG.elements("path", in: chart.svg(options)).compactMap { $0["d"] }
    #expect(paths.contains(expected))
    // Every y tick has a gridline at its height.
    let lines = ChartSVG.elements("line", in: chart.svg(options))
    for value in layout.plot.yTicks.values {
      let y = ChartSVG.number(rect.maxY - value / 100 * rect.height)
      #expect(lines.contains { $0["y1"] == y && $0["y2"] == y && $0["x1"] == ChartSVG.number(rect.minX) })
    }
  }

  @Test("Missing values are gaps, never zero")
  func gaps() throws {
    // 2002 is nil and 2005 is absent: runs 2000–2001 and 2003–2004, then 2006 alone.
    let series = ChartSeries(
      name: "A",
      points: [
        .init(year: 2000, value: 10), .init(year: 2001, value: 20), .init(year: 2002, value: nil),
        .init(year: 2003, value: 30), .init(year: 2004, value: 40), .init(year: 2006, value: 50),
      ])
    #expect(series.segments.map { $0.map(\.year) } == [[2000, 2001], [2003, 2004], [2006]])
    let plot = YearValuePlot(
      rect: ChartRect(x: 0, y: 0, width: 600, height: 100), years: 2000...2006,
      yTicks: NiceTicks(covering: 0, 50, targetCount: 5))
    var svg = SVGWriter()
    plot.drawSeries(series, style: SeriesStyle.at(0), lineWidth: 2, markerRadius: 3, into: &svg)
    // 100 px a year; 10 per 10 px of height on 0…50: y(v) = 100 − 2v.
    let path = try #require(ChartSVG.elements("path", in: svg.output).first?["d"])
    #expect(path == "M0,80L100,60M300,40L400,20")
    // Nothing is drawn at 2002 (x 300 only starts the second run) or 2005 (x 500), and no point is at
    // y = 100 (a value of zero).
    let circles = ChartSVG.elements("circle", in: svg.output)
    #expect(circles.map { $0["cx"]! } == ["0", "100", "300", "400", "600"])
    #expect(!circles.contains { $0["cy"] == "100" })
    #expect(!path.contains(",100"))

    let chart = LineChart(title: "Gaps", series: [series])
    let rendered = chart.svg()
    #expect(rendered.contains(LineChart.gapNote))
    // The table lists 2002 and 2005 as missing.
    let rows = chart.dataTable.rows
    #expect(rows.map { $0[0] } == ["2000", "2001", "2002", "2003", "2004", "2005", "2006"])
    #expect(rows[2] == ["2002", "–"])
    #expect(rows[5] == ["2005", "–"])
    #expect(rows[6] == ["2006", "50"])
  }

  @Test("Non-finite values count as missing")
  func nonFinite() {
    let series = ChartSeries(name: "A", startYear: 2000, values: [1, .nan, 3, .infinity])
    #expect(series.segments.map { $0.map(\.year) } == [[2000], [2002]])
    let chart = LineChart(title: "Odd values", series: [series])
    #expect(!chart.svg().contains("nan") && !chart.svg().contains("inf"))
    #expect(chart.dataTable.rows.map { $0[1] } == ["1", "–", "3", "–"])
  }

  @Test("Yearly bands follow their bounds and break at missing years")
  func bands() throws {
    let chart = LineChart(
      title: "Band",
      series: [ChartSeries(name: "A", startYear: 2000, values: [5, 5, 5, 5])],
      bands: [
        ReferenceBand(
          label: "Middle 50%",
          points: [
            .init(year: 2000, lower: 2, upper: 8), .init(year: 2001, lower: 3, upper: 7),
            .init(year: 2002, lower: nil, upper: 6), .init(year: 2003, lower: 1, upper: 9),
          ])
      ], yDomain: 0...10)
    let layout = chart.layout(.standard)
    let plot = layout.plot
    let band = try #require(ChartSVG.elements("path", in: chart.svg()).first { $0["class"] == "band" }?["d"])
    func p(_ year: Int, _ value: Double) -> String {
      ChartSVG.number(plot.rect.minX + Double(year - 2000) / 3 * plot.rect.width) + ","
        + ChartSVG.number(plot.rect.maxY - value / plot.yTicks.upper * plot.rect.height)
    }
    // 2000–2001: upper bounds forward, lower bounds back.
    #expect(band.hasPrefix("M" + p(2000, 8) + "L" + p(2001, 7) + "L" + p(2001, 3) + "L" + p(2000, 2) + "Z"))
    // 2003 alone: a narrow strip (±3 px).
    #expect(band.components(separatedBy: "Z").count == 3)
    #expect(chart.dataTable.columns == ["Year", "A", "Middle 50% (low)", "Middle 50% (high)"])
    #expect(chart.dataTable.rows[2] == ["2002", "5", "–", "–"])
  }

  @Test("Reference lines are drawn and their labels stay inside the plot without overlapping")
  func referenceLines() {
    let chart = LineChart(
      title: "References",
      series: [ChartSeries(name: "A", startYear: 1990, values: Array(repeating: 0.5, count: 30))],
      referenceLines: [
        ReferenceLine(label: "Median", value: 0.6), ReferenceLine(label: "Mean", value: 0.61),
        ReferenceLine(label: "Event one", year: 2000), ReferenceLine(label: "Event two", year: 2001),
      ], yDomain: 0...1)
    let layout = chart.layout(.standard)
    let boxes = chart.referenceLabelBoxes(layout.plot).map(\.box)
    #expect(boxes.count == 4)
    for (i, a) in boxes.enumerated() {
      #expect(a.minX >= layout.plot.rect.minX && a.maxX <= layout.plot.rect.maxX)
      for b in boxes[(i + 1)...] { #expect(!a.intersects(b)) }
    }
    let svg = chart.svg()
    #expect(ChartSVG.elements("line", in: svg).filter { $0["class"] == "reference" }.count == 4)
    // The series' values need three decimals (0.5 is below 1), so the notes use three.
    #expect(
      chart.dataTable.notes == [
        "Reference line: Median at 0.600.", "Reference line: Mean at 0.610.", "Reference line: Event one in 2000.",
        "Reference line: Event two in 2001.",
      ])
  }

  @Test("Year labels are plain integers and never overlap")
  func yearLabels() {
    let chart = LineChart(
      title: "Years", series: [ChartSeries(name: "A", startYear: 1992, values: (0..<23).map { Double($0) })])
    let texts = ChartSVG.texts(in: chart.svg())
    #expect(texts.contains("1992") || texts.contains("1995"))
    #expect(!texts.contains { $0.contains("1,9") || $0.contains("2,0") })
    for width in stride(from: 280.0, through: 1200, by: 40) {
      for years in [1992...2014, 1946...2022, 2010...2012, 1816...2014] {
        let chart = LineChart(
          title: "Years",
          series: [
            ChartSeries(
              name: "A", points: [.init(year: years.lowerBound, value: 1), .init(year: years.upperBound, value: 2)])
          ])
        let layout = chart.layout(ChartOptions(width: width))
        let boxes = layout.plot.xTicks.map {
          YearAxis.labelBox(year: $0, x: layout.plot.x(Double($0)), baseline: layout.plot.rect.maxY)
        }
        #expect(!boxes.isEmpty)
        for (a, b) in zip(boxes, boxes.dropFirst()) {
          #expect(a.maxX + 4 <= b.minX, "year labels overlap at width \(width) for \(years)")
        }
        #expect(boxes.allSatisfy { $0.minX >= 0 && $0.maxX <= width })
      }
    }
  }

  @Test("Value tick labels stay apart at any height")
  func valueLabels() {
    for height in stride(from: 160.0, through: 900, by: 20) {
      for upper in [0.83, 947, 12_345, 2_345_678] {
        let chart = LineChart(
          title: "Heights", series: [ChartSeries(name: "A", startYear: 2000, values: [upper / 3, upper])])
        let layout = chart.layout(ChartOptions(width: 600, height: height))
        let ys = layout.plot.yTicks.values.map(layout.plot.y)
        for (a, b) in zip(ys, ys.dropFirst()) {
          #expect(a - b >= ChartTheme.tickSize + 4, "tick labels crowd at height \(height) for 0…\(upper)")
        }
      }
    }
  }

  @Test("Series are styled in palette order with distinct dashes and markers")
  func styles() {
    let chart = LineChart(
      title: "Styles",
      series: (0..<3).map { ChartSeries(name: "S\($0)", startYear: 2000, values: [1, 2, 3]) })
    let paths = ChartSVG.elements("path", in: chart.svg()).filter {
      $0["fill"] == "none" && $0["stroke-width"] == "2.25"
    }
    #expect(paths.map { $0["stroke"] } == ["#0072B2", "#D55E00", "#009E73"])
    #expect(paths.map { $0["stroke-dasharray"] } == [nil, "7 4", "2 3"])
  }

  @Test("A chart without data says so")
  func noData() {
    let chart = LineChart(title: "Nothing", series: [ChartSeries(name: "A", points: [])])
    let svg = chart.svg()
    #expect(ChartSVG.texts(in: svg).contains("No data"))
    #expect(ChartSVG.isWellFormed(svg))
    #expect(chart.dataTable.rows.isEmpty)
    #expect(chart.htmlTable().contains("No data."))
  }
}
