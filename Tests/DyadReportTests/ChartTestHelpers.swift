import DyadCore
import Foundation
import Testing

@testable import DyadReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Small helpers for reading the SVG the chart module writes.
enum ChartSVG {
  /// The attributes of every `<tag …>` element, in document order.
  static func elements(_ tag: String, in svg: String) -> [[String: String]] {
    var result: [[String: String]] = []
    var rest = svg[...]
    while let start = rest.range(of: "<" + tag + " ") {
      let afterName = rest[start.upperBound...]
      guard let end = afterName.firstIndex(of: ">") else { break }
      result.append(attributes(String(afterName[..<end])))
      rest = afterName[end...]
    }
    return result
  }

  /// The text content of every `<text>` element, unescaped only for the entities the writer uses.
  static func texts(in svg: String) -> [String] {
    var result: [String] = []
    var rest = svg[...]
    while let start = rest.range(of: "<text ") {
      guard let close = rest[start.upperBound...].firstIndex(of: ">"),
        let end = rest[close...].range(of: "</text>")
      else { break }
      result.append(String(rest[rest.index(after: close)..<end.lowerBound]))
      rest = rest[end.upperBound...]
    }
    return result
  }

  private static func attributes(_ text: String) -> [String: String] {
    var attributes: [String: String] = [:]
    var rest = text[...]
    while let equals = rest.range(of: "=\"") {
      let name = rest[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
      let valueStart = equals.upperBound
      guard let valueEnd = rest[valueStart...].firstIndex(of: "\"") else { break }
      attributes[name] = String(rest[valueStart..<valueEnd])
      rest = rest[rest.index(after: valueEnd)...]
    }
    return attributes
  }

  /// Whether `svg` is well-formed XML.
  static func isWellFormed(_ svg: String) -> Bool {
    let parser = XMLParser(data: Data(svg.utf8))
    return parser.parse()
  }

  /// An SVG coordinate as the writer formats it (two decimals at most).
  static func number(_ value: Double) -> String {
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}

/// Charts with fixed data, shared by the snapshot and other tests.
enum ChartFixtures {
  static func day(_ text: String) -> Day { try! Day(parsing: text) }

  static let line = LineChart(
    title: "UNGA voting agreement",
    units: "Share of recorded votes in agreement",
    source: "Source: test fixture (hand-made values).",
    caption: "Two dyads against a reference band.",
    series: [
      ChartSeries(name: "China–Russia", startYear: 1990, values: [0.62, 0.66, nil, 0.71, 0.74, 0.73, 0.78]),
      ChartSeries(name: "US–UK", startYear: 1990, values: [0.81, 0.79, 0.8, 0.76, nil, nil, 0.7]),
    ],
    bands: [
      ReferenceBand(
        label: "All dyads, middle 50%",
        points: (1990...1996).map { .init(year: $0, lower: 0.45, upper: 0.75) })
    ],
    referenceLines: [ReferenceLine(label: "Treaty", year: 1993), ReferenceLine(label: "Median", value: 0.6)],
    yDomain: 0...1)

  static let stackedBar = StackedBarChart(
    title: "Trade between A and B",
    units: "US$ million",
    source: "Source: test fixture (hand-made values).",
    caption: "Exports each way.",
    categories: ["A → B", "B → A"],
    bars: [
      .init(year: 2000, values: [120, 80]),
      .init(year: 2001, values: [150, nil]),
      .init(year: 2003, values: [210, 190]),
      .init(year: 2004, values: [260, 240]),
    ])

  static let timeline = DotTimeline(
    title: "Key events",
    source: "Source: test fixture.",
    lanes: ["Treaty", "Meeting"],
    events: [
      TimelineEvent(date: day("2001-07-16"), lane: "Treaty", label: "Friendship treaty", priority: 2),
      TimelineEvent(date: day("2004-10-14"), lane: "Treaty", label: "Border agreement"),
      TimelineEvent(date: day("2001-06-15"), lane: "Meeting", label: "Founding summit"),
      TimelineEvent(date: day("2002-01-01"), precision: .year, lane: "Meeting", label: "Annual summit"),
      TimelineEvent(date: day("2002-03-01"), precision: .month, lane: "Meeting", label: "Working visit"),
    ])

  static let smallMultiples = SmallMultiples(
    title: "Military expenditure",
    units: "US$ billion",
    source: "Source: test fixture.",
    panels: [
      .init(title: "A", series: [ChartSeries(name: "Spending", startYear: 2000, values: [10, 12, 15, nil, 18])]),
      .init(title: "B", series: [ChartSeries(name: "Spending", startYear: 2000, values: [40, 38, 41, 43, 45])]),
      .init(title: "C", series: [ChartSeries(name: "Spending", startYear: 2000, values: [5, 6, 6.5, 7, 7.5])]),
    ],
    columns: 2)
}
