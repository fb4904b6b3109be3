import Testing

@testable import DyadReport

@Suite("Small multiples")
struct ChartSmallMultiplesTests {
  static func chart(_ scale: SmallMultiples.YScale) -> SmallMultiples {
    SmallMultiples(
      title: "Spending", units: "US$ billion",
      panels: [
        .init(title: "Small", series: [ChartSeries(name: "Spending", startYear: 2000, values: [2, 4, 8])]),
        .init(title: "Large", series: [ChartSeries(name: "Spending", startYear: 2000, values: [200, 400, 947])]),
        .init(title: "Empty", series: [ChartSeries(name: "Spending", startYear: 2000, values: [nil, nil, nil])]),
      ], columns: 2, yScale: scale)
  }

  @Test("A shared y-scale gives every panel the same ticks")
  func sharedScale() throws {
    let layout = Self.chart(.shared).layout(.standard)
    #expect(layout.panels.count == 3)
    let ticks = layout.panels.map(\.plot.yTicks)
    #expect(ticks.allSatisfy { $0 == ticks[0] })
    #expect(ticks[0].upper >= 947 && ticks[0].lower == 0)
    // Panels of a column share their left edge; the same label width keeps the plots aligned.
    #expect(layout.panels[0].plot.rect.minX == layout.panels[2].plot.rect.minX)
    #expect(abs(layout.panels[0].plot.rect.width - layout.panels[1].plot.rect.width) < 1e-9)
    // Both rows sit below one another without overlapping.
    #expect(layout.panels[2].plot.rect.minY > layout.panels[0].plot.rect.maxY + 18)
  }

  @Test("An independent y-scale fits each panel to its own data")
  func independentScale() {
    let layout = Self.chart(.independent).layout(.standard)
    let small = layout.panels[0].plot.yTicks
    let large = layout.panels[1].plot.yTicks
    #expect(small.upper >= 8 && small.upper < 20)
    #expect(large.upper >= 947 && large.upper <= 1000)
  }

  @Test("Panels without data say so; the table covers every panel")
  func emptyPanel() {
    let chart = Self.chart(.shared)
    let svg = chart.svg()
    #expect(ChartSVG.texts(in: svg).filter { $0 == "No data" }.count == 1)
    #expect(chart.dataTable.columns == ["Year", "Small", "Large", "Empty"])
    #expect(
      chart.dataTable.rows == [["2000", "2", "200", "–"], ["2001", "4", "400", "–"], ["2002", "8", "947", "–"]])
    #expect(ChartSVG.isWellFormed(svg))
  }

  @Test("Series of the same name share a style across panels, with a legend")
  func sharedStyles() {
    let chart = SmallMultiples(
      title: "Two series",
      panels: [
        .init(
          title: "P",
          series: [
            ChartSeries(name: "X", startYear: 2000, values: [1, 2]),
            ChartSeries(name: "Y", startYear: 2000, values: [2, 1]),
          ]),
        .init(title: "Q", series: [ChartSeries(name: "Y", startYear: 2000, values: [3, 4])]),
      ])
    let strokes = ChartSVG.elements("path", in: chart.svg()).filter { $0["stroke-width"] == "1.75" }.map {
      $0["stroke"]!
    }
    // P: X blue, Y vermillion; Q: Y vermillion again.
    #expect(strokes == ["#0072B2", "#D55E00", "#D55E00"])
    #expect(chart.dataTable.columns == ["Year", "P: X", "P: Y", "Q"])
    #expect(ChartSVG.texts(in: chart.svg()).contains("X"))
  }
}
