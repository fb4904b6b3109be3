import DyadCore

extension Report.Figure {
  /// A figure from a chart: its SVG, its caption, and the data table behind it.
  init(_ chart: some Chart, notes: [Int]) {
    let data = chart.dataTable
    self.init(
      id: chart.info.elementID + "-figure", title: chart.info.title, caption: chart.info.caption, svg: chart.svg(),
      data: Report.Table(
        caption: data.caption, columns: data.columns,
        rows: data.rows.map { $0.map { $0 == ChartDataTable.missing ? "" : $0 } }), notes: notes)
  }
}

extension ReportBuilder {
  /// The dot timeline of a dyad's events, in lanes by dimension.
  func timelineFigure(_ events: [Event], context: inout Context) -> Report.Figure? {
    guard events.count >= 2 else { return nil }
    let priority: [EventKind: Int] = [
      .treaty: 5, .jointStatement: 4, .crisis: 4, .summit: 3, .agreement: 3, .energy: 2, .payments: 2, .institution: 2,
      .leaderMeeting: 1, .exercise: 0, .military: 1, .other: 0,
    ]
    let lane: (EventKind) -> String = { kind in
      switch kind {
      case .treaty, .agreement, .jointStatement: "Treaties & statements"
      case .leaderMeeting, .summit, .institution: "Meetings & institutions"
      case .energy, .payments: "Energy & payments"
      case .exercise, .military: "Military"
      case .crisis, .other: "Crises & other"
      }
    }
    let lanes = ["Treaties & statements", "Meetings & institutions", "Energy & payments", "Military", "Crises & other"]
      .filter { name in events.contains { lane($0.kind) == name } }
    let chart = DotTimeline(
      title: "Key events: \(context.a.name) and \(context.b.name)",
      source: "Source: Dyad curated facts; each event's source is in the notes.",
      caption: "Dated events by kind. Labels are shown for the most significant events where space allows; the table lists all.",
      id: "timeline-\(context.dyad)",
      lanes: lanes,
      events: events.map {
        TimelineEvent(date: $0.date, precision: $0.precision, lane: lane($0.kind), label: Self.shortLabel($0.title), priority: priority[$0.kind] ?? 0)
      })
    return Report.Figure(chart, notes: [])
  }

  static func shortLabel(_ title: String) -> String {
    title.count <= 48 ? title : String(title.prefix(46)) + "…"
  }
}
