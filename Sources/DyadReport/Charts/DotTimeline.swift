import DyadCore

/// A timeline of dated events as dots in lanes by kind, e.g. leader meetings, treaties and
/// exercises.
///
/// Labels never overlap: each lane has ``labelRows`` rows of labels above its dots, and labels
/// are placed greedily (highest ``TimelineEvent/priority`` first, then oldest first) in the first
/// row and side where they fit; a label that fits nowhere is left out of the drawing, and the
/// chart notes how many are shown. Every event, labelled or not, is in the data table.
///
/// ```swift
/// let chart = DotTimeline(
///   title: "Key events, China and Russia",
///   source: "Sources: curated events (see footnotes).",
///   lanes: ["Treaty", "Leader meeting", "Exercise"],
///   events: [
///     TimelineEvent(date: try Day(parsing: "2001-07-16"), lane: "Treaty",
///                   label: "Treaty of Good-Neighbourliness", priority: 2),
///     TimelineEvent(date: try Day(parsing: "2005-08-18"), lane: "Exercise", label: "Peace Mission 2005"),
///   ])
/// let svg = chart.svg()
/// ```
public struct DotTimeline: Chart, Hashable, Codable {
  /// Title, source and caption (units are usually empty for a timeline).
  public var info: ChartInfo
  /// The lanes from top to bottom; lanes of events not listed follow in order of appearance.
  public var lanes: [String]
  /// The events, in any order.
  public var events: [TimelineEvent]
  /// Years the axis covers at least (from 1 January of the first to 31 December of the last).
  public var years: ClosedRange<Int>?
  /// Rows of labels above each lane's dots (fewer when a fixed height leaves no room).
  public var labelRows: Int
  /// The widest a label may be before it is shortened with "…".
  public var maximumLabelWidth: Double

  /// A timeline; `id` defaults to the title (see ``ChartInfo/id``).
  public init(
    title: String, units: String = "", source: String = "", caption: String = "", id: String? = nil,
    lanes: [String] = [], events: [TimelineEvent], years: ClosedRange<Int>? = nil, labelRows: Int = 2,
    maximumLabelWidth: Double = 190
  ) {
    self.info = ChartInfo(title: title, units: units, source: source, caption: caption, id: id)
    self.lanes = lanes
    self.events = events
    self.years = years
    self.labelRows = labelRows
    self.maximumLabelWidth = maximumLabelWidth
  }

  /// ``lanes`` followed by the lanes of events that are not listed, in order of appearance.
  var allLanes: [String] {
    var result: [String] = []
    for lane in lanes + events.map(\.lane) where !result.contains(lane) {
      result.append(lane)
    }
    return result
  }

  /// The events in chronological order (ties: lane order, then the order given).
  var sortedEvents: [TimelineEvent] {
    let lanes = allLanes
    return events.enumerated().sorted { a, b in
      let laneA = lanes.firstIndex(of: a.element.lane) ?? 0
      let laneB = lanes.firstIndex(of: b.element.lane) ?? 0
      return (a.element.position, laneA, a.offset) < (b.element.position, laneB, b.offset)
    }.map(\.element)
  }

  /// The years the axis covers; `nil` without events or ``years``.
  var coveredYears: ClosedRange<Int>? {
    var all = events.map(\.date.year)
    if let years { all += [years.lowerBound, years.upperBound] }
    guard let low = all.min(), let high = all.max() else { return nil }
    return low...high
  }
}
