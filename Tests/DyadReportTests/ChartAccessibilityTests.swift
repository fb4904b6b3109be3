import Testing

@testable import DyadReport

@Suite("Chart accessibility, escaping and tables")
struct ChartAccessibilityTests {
  static var allFixtures: [any Chart] {
    [ChartFixtures.line, ChartFixtures.stackedBar, ChartFixtures.timeline, ChartFixtures.smallMultiples]
  }

  @Test("Every chart has role=img, a <title> and a <desc> it is labelled by, and a system font stack")
  func accessibleName() throws {
    for chart in Self.allFixtures {
      let svg = chart.svg()
      let root = try #require(ChartSVG.elements("svg", in: svg).first)
      let id = chart.info.elementID
      #expect(root["role"] == "img")
      #expect(root["aria-labelledby"] == "\(id)-title \(id)-desc")
      #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
      #expect(root["font-family"]?.hasPrefix("system-ui, -apple-system") == true)
      #expect(svg.contains("<title id=\"\(id)-title\">\(MarkupEscaping.xml(chart.info.title))</title>"))
      #expect(svg.contains("<desc id=\"\(id)-desc\">\(MarkupEscaping.xml(chart.info.caption))"))
      #expect(svg.contains("The data table lists every"))
      #expect(ChartSVG.isWellFormed(svg))
      // The source line is drawn under the plot.
      let source = try #require(ChartSVG.elements("text", in: svg).last)
      #expect(ChartSVG.texts(in: svg).last == chart.info.source)
      #expect(Double(source["y"]!)! > Double(root["height"]!)! - 30)
    }
  }

  @Test("Units are drawn as the y-axis label")
  func units() {
    #expect(ChartSVG.texts(in: ChartFixtures.line.svg()).contains("Share of recorded votes in agreement"))
    #expect(ChartSVG.texts(in: ChartFixtures.stackedBar.svg()).contains("US$ million"))
  }

  @Test("All text is escaped in SVG, HTML and Markdown")
  func escaping() {
    let nasty = "<script>alert(\"x\")</script> & 'q' | *b* \u{7}"
    let chart = LineChart(
      title: nasty, units: nasty, source: nasty, caption: nasty,
      series: [ChartSeries(name: nasty, startYear: 2000, values: [1, nil])],
      bands: [ReferenceBand(label: nasty, lower: 0, upper: 1)],
      referenceLines: [ReferenceLine(label: nasty, value: 0.5)])
    let svg = chart.svg()
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("\u{7}"))
    #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
    #expect(ChartSVG.isWellFormed(svg))
    let html = chart.htmlTable()
    #expect(!html.contains("<script"))
    #expect(html.contains("<caption>&lt;script&gt;"))
    let markdown = chart.markdownTable()
    #expect(!markdown.contains("<script"))
    #expect(markdown.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' \\| \\*b\\*"))
    // Every data row still has exactly one cell per column: the escaped pipe does not split cells.
    let header = markdown.split(separator: "\n")[0]
    #expect(header.components(separatedBy: " | ").count == 2)
    #expect(MarkupEscaping.xml("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
    #expect(MarkupEscaping.markdown("a|b\nc") == "a\\|b c")
    // The figure wraps SVG, caption and table, all escaped.
    let figure = chart.figureHTML()
    #expect(!figure.contains("<script"))
    #expect(figure.contains("<figcaption>&lt;script&gt;"))
  }

  @Test("Two charts with the same title can be given distinct ids")
  func ids() {
    let a = LineChart(title: "Same", id: "trade-a", series: [])
    let b = LineChart(title: "Same", id: "trade-b", series: [])
    #expect(a.info.elementID == "chart-trade-a")
    #expect(b.info.elementID == "chart-trade-b")
    #expect(ChartInfo(title: "China & Russia: UNGA (1946–2022)").elementID == "chart-china-russia-unga-1946-2022")
    #expect(ChartInfo(title: "").elementID == "chart")
  }

  @Test("The palette is Okabe–Ito, used blue, vermillion, green, orange, purple, sky blue, black, yellow")
  func palette() {
    func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
      let digits = Array("0123456789ABCDEF")
      return "#" + [r, g, b].map { String([digits[$0 / 16], digits[$0 % 16]]) }.joined()
    }
    // Okabe & Ito (2008), "Color Universal Design", RGB values.
    let published = [
      hex(0, 0, 0), hex(230, 159, 0), hex(86, 180, 233), hex(0, 158, 115), hex(240, 228, 66), hex(0, 114, 178),
      hex(213, 94, 0), hex(204, 121, 167),
    ]
    #expect(ChartPalette.okabeIto == published)
    #expect(Set(ChartPalette.seriesColors) == Set(published))
    #expect(
      ChartPalette.seriesColors == [
        hex(0, 114, 178), hex(213, 94, 0), hex(0, 158, 115), hex(230, 159, 0), hex(204, 121, 167), hex(86, 180, 233),
        hex(0, 0, 0), hex(240, 228, 66),
      ])
    #expect(ChartPalette.color(at: 8) == ChartPalette.color(at: 0))
    // The first five styles differ in dash and marker too, so colour is never the only cue.
    let styles = (0..<5).map(SeriesStyle.at)
    #expect(Set(styles.map { $0.dashArray ?? "solid" }).count == 5)
    #expect(Set(styles.map(\.marker)).count == 5)
  }

  @Test("Tables show missing values as “–” and never NaN, null or Optional")
  func tables() {
    for chart in Self.allFixtures {
      for text in [chart.htmlTable(), chart.markdownTable(), chart.svg()] {
        #expect(!text.contains("nan") && !text.contains("NaN") && !text.contains("null") && !text.contains("Optional"))
      }
    }
    let html = ChartFixtures.line.htmlTable()
    #expect(html.contains("<th scope=\"col\">Year</th>"))
    #expect(html.contains("<tr><th scope=\"row\">1992</th><td class=\"num\">–</td><td class=\"num\">0.800</td>"))
    let markdown = ChartFixtures.line.markdownTable()
    #expect(
      markdown.hasPrefix(
        "| Year | China–Russia | US–UK | All dyads, middle 50% (low) | All dyads, middle 50% (high) |\n| --- | ---: | ---: | ---: | ---: |\n"
      ))
    #expect(markdown.contains("| 1994 | 0.740 | – | 0.450 | 0.750 |"))
  }

  @Test("Rendering is deterministic: same data, same bytes")
  func determinism() {
    for chart in Self.allFixtures {
      #expect(chart.svg() == chart.svg())
      #expect(chart.htmlTable() == chart.htmlTable())
    }
    // Equal data built separately, with points given in another order, renders identically.
    let a = LineChart(
      title: "Order",
      series: [ChartSeries(name: "A", points: [.init(year: 2001, value: 2), .init(year: 2000, value: 1)])])
    let b = LineChart(
      title: "Order",
      series: [ChartSeries(name: "A", points: [.init(year: 2000, value: 1), .init(year: 2001, value: 2)])])
    #expect(a.svg() == b.svg())
  }
}
