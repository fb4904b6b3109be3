/// The parts every chart shares: the `<svg>` root with its accessible name and description, the
/// title and caption on top, and notes and the source line at the bottom.
struct ChartFrame {
  let info: ChartInfo
  let options: ChartOptions
  let titleLines: [String]
  let captionLines: [String]
  let noteLines: [String]
  let sourceLines: [String]

  var width: Double { options.width }
  var id: String { info.elementID }

  init(info: ChartInfo, options: ChartOptions, notes: [String] = []) {
    self.info = info
    self.options = options
    let contentWidth = max(40, options.width - 2 * ChartTheme.padding)
    titleLines =
      options.showsTitle
      ? TextMetrics.wrap(info.title, toWidth: contentWidth, fontSize: ChartTheme.titleSize, bold: true, maximumLines: 2)
      : []
    captionLines =
      options.showsCaption
      ? TextMetrics.wrap(info.caption, toWidth: contentWidth, fontSize: ChartTheme.captionSize, maximumLines: 3) : []
    noteLines = notes.flatMap {
      TextMetrics.wrap($0, toWidth: contentWidth, fontSize: ChartTheme.footerSize, maximumLines: 2)
    }
    sourceLines =
      options.showsSource
      ? TextMetrics.wrap(info.source, toWidth: contentWidth, fontSize: ChartTheme.footerSize, maximumLines: 3) : []
  }

  /// Where the chart's content (legend, units, plot) starts.
  var contentTop: Double {
    var y = titleLines.isEmpty && captionLines.isEmpty ? ChartTheme.padding / 2 : ChartTheme.padding
    y += Double(titleLines.count) * ChartTheme.titleLineHeight
    y += Double(captionLines.count) * ChartTheme.captionLineHeight
    if !titleLines.isEmpty || !captionLines.isEmpty { y += 8 }
    return y
  }

  /// The height of the notes and source block, with the bottom padding.
  var footerHeight: Double {
    let lines = noteLines.count + sourceLines.count
    return Double(lines) * ChartTheme.footerLineHeight + (lines > 0 ? 10 : 0) + ChartTheme.padding / 2
  }

  /// Where the notes and source block starts in a chart of `height`.
  func footerTop(height: Double) -> Double { height - footerHeight }

  /// Opens the `<svg>` and writes `<title>`, `<desc>` and the white background.
  func begin(_ svg: inout SVGWriter, height: Double, summary: String) {
    let titleID = id + "-title"
    let descID = id + "-desc"
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("width", SVGWriter.number(width)),
        ("height", SVGWriter.number(height)),
        ("viewBox", "0 0 " + SVGWriter.number(width) + " " + SVGWriter.number(height)),
        ("role", "img"), ("aria-labelledby", titleID + " " + descID), ("id", id),
        ("class", "dyad-chart-svg"), ("font-family", ChartTheme.fontFamily),
        ("style", "max-width:100%;height:auto"),
      ])
    svg.element("title", [("id", titleID)], text: info.title)
    let description = [info.caption, summary].filter { !$0.isEmpty }.joined(separator: " ")
    svg.element("desc", [("id", descID)], text: description)
    svg.rect(ChartRect(x: 0, y: 0, width: width, height: height), fill: ChartTheme.background)
  }

  /// Writes the title and caption lines.
  func drawHeader(_ svg: inout SVGWriter) {
    var baseline = ChartTheme.padding + ChartTheme.titleSize - 2
    for line in titleLines {
      svg.text(line, x: ChartTheme.padding, y: baseline, size: ChartTheme.titleSize, weight: "700")
      baseline += ChartTheme.titleLineHeight
    }
    if !captionLines.isEmpty {
      baseline += ChartTheme.captionSize - ChartTheme.titleSize + (titleLines.isEmpty ? 2 : 0)
      for line in captionLines {
        svg.text(
          line, x: ChartTheme.padding, y: baseline, size: ChartTheme.captionSize, fill: ChartTheme.secondaryTextColor)
        baseline += ChartTheme.captionLineHeight
      }
    }
  }

  /// Writes the units label, left-aligned, with its baseline at `baseline`.
  func drawUnits(_ svg: inout SVGWriter, baseline: Double) {
    guard !info.units.isEmpty else { return }
    let text = TextMetrics.truncate(
      info.units, toWidth: width - 2 * ChartTheme.padding, fontSize: ChartTheme.unitsSize, bold: true)
    svg.text(
      text, x: ChartTheme.padding, y: baseline, size: ChartTheme.unitsSize, weight: "600",
      fill: ChartTheme.secondaryTextColor)
  }

  /// The height the units label takes above a plot (none without units).
  var unitsHeight: Double { info.units.isEmpty ? 6 : 20 }

  /// Writes the notes (italic) and the source line at the bottom.
  func drawFooter(_ svg: inout SVGWriter, height: Double) {
    var baseline = footerTop(height: height) + 10 + ChartTheme.footerSize - 2
    for line in noteLines {
      svg.text(
        line, x: ChartTheme.padding, y: baseline, size: ChartTheme.footerSize, fill: ChartTheme.secondaryTextColor,
        extra: [("font-style", "italic")])
      baseline += ChartTheme.footerLineHeight
    }
    for line in sourceLines {
      svg.text(
        line, x: ChartTheme.padding, y: baseline, size: ChartTheme.footerSize, fill: ChartTheme.secondaryTextColor)
      baseline += ChartTheme.footerLineHeight
    }
  }

  func end(_ svg: inout SVGWriter) {
    svg.close("svg")
  }
}
