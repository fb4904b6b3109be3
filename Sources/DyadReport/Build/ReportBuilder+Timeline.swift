import DyadCore

extension ReportBuilder {
  /// Timeline of key events: every dated event of the dyad in the years, with its source.
  func timelineSection(_ context: inout Context) throws -> Report.Section {
    let events = try context.store.timeline(for: context.dyad, years: context.years)
    var blocks: [Report.Block] = []
    guard !events.isEmpty else {
      blocks.append(
        .paragraph(
          Report.Paragraph("Dyad's curated record holds no dated events for \(context.pair) in \(context.years).")))
      return Report.Section(
        id: "timeline", title: "Timeline of key events", question: "What happened between them, and when?",
        blocks: blocks)
    }
    var counts: [EventKind: Int] = [:]
    for event in events { counts[event.kind, default: 0] += 1 }
    let summary = EventKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(Self.plural(kind, $0))" } }
    blocks.append(
      .paragraph(
        Report.Paragraph(
          "The curated record holds \(events.count) dated events for \(context.pair) from \(events.first!.date.year) to \(events.last!.date.year): \(summary.joined(separator: ", "))."
        )))
    if let figure = timelineFigure(events, context: &context) { blocks.append(.figure(figure)) }
    var rows: [[String]] = []
    var notes: [Int] = []
    for event in events {
      let note = context.notes.cite(event.source)
      if !notes.contains(note) { notes.append(note) }
      rows.append([
        event.date.formatted(event.precision), event.kind.rawValue, event.title, event.place ?? "", "[\(note)]",
      ])
    }
    blocks.append(
      .table(
        Report.Table(caption: "Events, oldest first", columns: ["Date", "Kind", "Event", "Place", "Note"], rows: rows)))
    return Report.Section(
      id: "timeline", title: "Timeline of key events", question: "What happened between them, and when?", blocks: blocks
    )
  }

  static func plural(_ kind: EventKind, _ count: Int) -> String {
    let name: String
    switch kind {
    case .leaderMeeting: name = "leader meeting"
    case .jointStatement: name = "joint statement"
    case .payments: name = "payments milestone"
    case .energy: name = "energy milestone"
    case .institution: name = "institutional milestone"
    case .military: name = "military event"
    case .crisis: name = "crisis"
    default: name = kind.rawValue
    }
    if count == 1 { return name }
    return name.hasSuffix("s") ? name + "es" : name + "s"
  }
}
