import Testing

@testable import DyadReport

@Suite("Stacked bar chart")
struct ChartStackedBarTests {
  static let chart = StackedBarChart(
    title: "Stacks", units: "US$ million", categories: ["A", "B"],
    bars: [
      .init(year: 2002, values: [-10, 5]),
      .init(year: 2000, values: [10, 30]),
      .init(year: 2001, values: [20, nil]),
    ])

  @Test("Segments stack from zero: positive values up, negative values down")
  func geometry() throws {
    let layout = Self.chart.layout(.standard)
    let rect = layout.rect
    let ticks = layout.axis.ticks
    // The axis covers the lowest negative stack (−10) and the highest positive one (10 + 30).
    #expect(ticks.lower <= -10 && ticks.upper >= 40)
    func y(_ v: Double) -> Double { rect.maxY - (v - ticks.lower) / (ticks.upper - ticks.lower) * rect.height }
    // Three years share the width; each bar takes 72% of its band, centred.
    let band = rect.width / 3
    let barWidth = band * 0.72
    func x(_ index: Int) -> Double { rect.minX + (Double(index) + 0.5) * band - barWidth / 2 }
    func box(_ index: Int, _ from: Double, _ to: Double) -> ChartRect {
      ChartRect(x: x(index), y: y(max(from, to)), width: barWidth, height: y(min(from, to)) - y(max(from, to)))
    }
    let bars = Self.chart.sortedBars
    #expect(bars.map(\.year) == [2000, 2001, 2002])
    #expect(Self.chart.segments(of: bars[0], in: layout).map(\.rect) == [box(0, 0, 10), box(0, 10, 40)])
    #expect(Self.chart.segments(of: bars[1], in: layout).map(\.rect) == [box(1, 0, 20)])
    #expect(Self.chart.segments(of: bars[2], in: layout).map(\.rect) == [box(2, 0, -10), box(2, 0, 5)])

    // The SVG draws exactly these rectangles: category A in blue, B hatched.
    let svg = Self.chart.svg()
    let drawn = ChartSVG.elements("rect", in: svg).filter {
      $0["fill"] == "#0072B2" || $0["fill"]?.hasPrefix("url(#chart-stacks-hatch-1)") == true
    }.filter { $0["width"] == ChartSVG.number(barWidth) }
    let expected = [box(0, 0, 10), box(0, 10, 40), box(1, 0, 20), box(2, 0, -10), box(2, 0, 5)]
    #expect(
      drawn.map { [$0["x"]!, $0["y"]!, $0["height"]!] }
        == expected.map {
          [ChartSVG.number($0.x), ChartSVG.number($0.y), ChartSVG.number($0.height)]
        })
    #expect(
      drawn.map { $0["fill"]! } == [
        "#0072B2", "url(#chart-stacks-hatch-1)", "#0072B2", "#0072B2", "url(#chart-stacks-hatch-1)",
      ])
  }

  @Test("Missing values are marked, not drawn as zero, and are “–” in the table")
  func missing() {
    let chart = StackedBarChart(
      title: "Gappy", categories: ["A", "B"],
      bars: [
        .init(year: 2000, values: [1, 2]), .init(year: 2001, values: [3, nil]), .init(year: 2003, values: [4, 5]),
      ])
    let svg = chart.svg()
    // 2001 lacks B; 2002 has no bar at all: two open circles.
    let circles = ChartSVG.elements("circle", in: svg).filter { $0["class"] == "missing-marker" }
    let layout = chart.layout(.standard)
    #expect(
      circles.map { $0["cx"]! } == [ChartSVG.number(layout.center(of: 2001)), ChartSVG.number(layout.center(of: 2002))])
    #expect(svg.contains(StackedBarChart.missingLabel))
    #expect(chart.dataTable.columns == ["Year", "A", "B", "Total"])
    #expect(
      chart.dataTable.rows == [
        ["2000", "1", "2", "3"], ["2001", "3", "–", "–"], ["2002", "–", "–", "–"], ["2003", "4", "5", "9"],
      ])
  }

  @Test("Year labels are thinned on long ranges and never overlap")
  func yearLabels() {
    for width in stride(from: 300.0, through: 1200, by: 100) {
      let chart = StackedBarChart(
        title: "Long", categories: ["A"], bars: (1950...2020).map { .init(year: $0, values: [Double($0 - 1949)]) })
      let layout = chart.layout(ChartOptions(width: width))
      let boxes = layout.xTicks.map {
        YearAxis.labelBox(year: $0, x: layout.center(of: $0), baseline: layout.rect.maxY)
      }
      #expect(boxes.count >= 2)
      for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.maxX + 4 <= b.minX) }
    }
  }
}
