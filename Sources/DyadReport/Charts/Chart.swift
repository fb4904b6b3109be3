/// A chart that renders itself as a self-contained SVG string and exposes the data behind it.
///
/// The four kinds are ``LineChart``, ``StackedBarChart``, ``DotTimeline`` and ``SmallMultiples``.
/// All are `Sendable`, `Codable` value types; rendering is deterministic (same data, same bytes).
///
/// ```swift
/// let chart = LineChart(
///   title: "Trade between China and Russia", units: "US$ billion",
///   source: "Source: COW Trade v4.0, table dyadic_trade.",
///   series: [ChartSeries(name: "China → Russia", startYear: 2010, values: [29.6, 38.9, 44.1])])
/// let svg = chart.svg()                // "<svg xmlns=… role=\"img\" …>…</svg>"
/// let table = chart.htmlTable()        // the accessible table behind it
/// let figure = chart.figureHTML()      // <figure> with SVG, caption and collapsible table
/// ```
public protocol Chart: Sendable {
  /// Title, units, source and caption.
  var info: ChartInfo { get }
  /// The chart as a standalone `<svg>` element, with `<title>`/`<desc>`, `role="img"` and
  /// `aria-labelledby`, ready to inline into HTML.
  func svg(_ options: ChartOptions) -> String
  /// The data behind the chart, for an HTML or Markdown table.
  var dataTable: ChartDataTable { get }
}

extension Chart {
  /// The chart as SVG at the standard size (720 pixels wide).
  public func svg() -> String { svg(.standard) }

  /// The chart's data as an accessible HTML `<table>`; missing values are "–".
  public func htmlTable() -> String { dataTable.html() }

  /// The chart's data as a Markdown table; missing values are "–".
  public func markdownTable() -> String { dataTable.markdown() }

  /// The chart as an HTML `<figure>`: the SVG, the caption as `<figcaption>`, and the data table
  /// (inside `<details>` when `collapsesTable`, so it prints only when opened).
  public func figureHTML(_ options: ChartOptions = .standard, collapsesTable: Bool = true) -> String {
    var html = "<figure class=\"dyad-chart\" id=\"" + info.elementID + "-figure\">\n"
    html += svg(options)
    if !info.caption.isEmpty {
      html += "<figcaption>" + MarkupEscaping.xml(info.caption) + "</figcaption>\n"
    }
    if collapsesTable {
      html += "<details class=\"dyad-chart-data\"><summary>Data table</summary>\n" + htmlTable() + "\n</details>\n"
    } else {
      html += htmlTable() + "\n"
    }
    html += "</figure>\n"
    return html
  }
}
