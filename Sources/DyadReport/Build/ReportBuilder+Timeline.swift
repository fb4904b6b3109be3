import DyadAnalysis
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
      blocks += Self.accessionBlocks(&context)
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
    blocks += Self.accessionBlocks(&context)
    return Report.Section(
      id: "timeline", title: "Timeline of key events", question: "What happened between them, and when?", blocks: blocks
    )
  }

  /// The effective leaders who came to power in the report's years, as a table beside the events
  /// (an accession is one state's, not the dyad's, so it is no ``Event``): REIGN's, else Archigos's,
  /// and Dyad's curated effective leaders who do not continue a dataset's spell.
  static func accessionBlocks(_ context: inout Context) -> [Report.Block] {
    guard let profile = context.politics else { return [] }
    var rows: [(day: Day, cells: [String])] = []
    var notes: [Int] = []
    for side in profile.sides {
      var spells = side.leaders.filter { $0.dataset == .reign }
      // Archigos where REIGN has no spell of the person.
      spells += side.leaders.filter { spell in spell.dataset == .archigos && !spells.contains { samePerson($0, spell) } }
      spells += side.offices.filter { $0.isEffective && !$0.continuesDatasetSpell }
      for spell in spells where context.years.contains(spell.from.year) {
        var cell = spell.dataset.label
        if let source = spell.source ?? profile.coverage.first(where: { $0.dataset.rawValue == spell.dataset.rawValue })?.source {
          let number = context.notes.cite(source)
          if !notes.contains(number) { notes.append(number) }
          cell += " [\(number)]"
        }
        rows.append((spell.from, [spell.from.description, context.name(side.state, spell.from.year), spell.name, cell]))
      }
    }
    guard !rows.isEmpty else { return [] }
    return [
      .table(
        Report.Table(
          caption: "Leaders in office: effective leaders coming to power, oldest first (REIGN and Archigos code the effective leader, whatever the title)",
          columns: ["Date", "State", "Effective leader", "Source"],
          rows: rows.sorted { $0.day < $1.day }.map(\.cells), notes: notes))
    ]
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
