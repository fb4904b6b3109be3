import DyadCore
import Testing

@testable import DyadReport

@Suite("Dot timeline")
struct ChartTimelineTests {
  /// 60 events in two lanes within two years, with long labels: far more than fit.
  static let crowded: DotTimeline = {
    var events: [TimelineEvent] = []
    for index in 0..<60 {
      let month = index % 12 + 1
      let day = index % 27 + 1
      events.append(
        TimelineEvent(
          date: Day(year: 2010 + index % 2, month: month, day: day)!, lane: index % 3 == 0 ? "Meeting" : "Exercise",
          label: "Event number \(index) with a fairly long descriptive label", priority: index == 41 ? 5 : 0))
    }
    return DotTimeline(title: "Crowded", lanes: ["Meeting", "Exercise"], events: events, labelRows: 3)
  }()

  @Test("On a crowded timeline no two labels overlap and no leader crosses a label")
  func crowdedLabels() throws {
    for width in [480.0, 720, 1000] {
      let layout = Self.crowded.layout(ChartOptions(width: width))
      let labels = Self.crowded.sortedEvents.indices.compactMap { layout.labels[$0] }
      #expect(labels.count > 3, "some labels are placed at width \(width)")
      #expect(labels.count < 60, "some labels are dropped at width \(width)")
      for (i, a) in labels.enumerated() {
        #expect(a.box.minX >= layout.rect.minX - 2 && a.box.maxX <= width)
        #expect(a.row < 3)
        for b in labels[(i + 1)...] {
          #expect(!a.box.intersects(b.box), "labels \(a.event) and \(b.event) overlap")
          #expect(!TimelineLabelPlacer.crosses(leaderOf: a, box: b.box))
          #expect(!TimelineLabelPlacer.crosses(leaderOf: b, box: a.box))
        }
        // Labels sit above their lane's dots.
        #expect(a.box.maxY <= a.leaderBottom)
      }
      // The highest-priority event always gets its label.
      let priority = try #require(Self.crowded.sortedEvents.firstIndex { $0.priority == 5 })
      #expect(layout.labels[priority] != nil)
    }
  }

  @Test("Every event is in the table, and the chart says how many labels it shows")
  func dropsAreListed() throws {
    let layout = Self.crowded.layout(.standard)
    let svg = Self.crowded.svg()
    let note = try #require(Self.crowded.labelNote(shown: layout.labels.count, total: 60))
    #expect(svg.contains(note))
    let table = Self.crowded.dataTable
    #expect(table.rows.count == 60)
    for index in 0..<60 {
      #expect(table.rows.contains { $0[2] == "Event number \(index) with a fairly long descriptive label" })
    }
    // Chronological order.
    #expect(table.rows.map { $0[0] } == table.rows.map { $0[0] }.sorted())
    // Every event has a dot with its full label as a tooltip.
    #expect(ChartSVG.elements("g", in: svg).filter { $0["class"] == "event" }.count == 60)
  }

  @Test("Placement is deterministic and depends only on the data")
  func deterministic() {
    let shuffled = DotTimeline(
      title: "Crowded", lanes: ["Meeting", "Exercise"], events: Self.crowded.events.reversed(), labelRows: 3)
    // Reversing the input changes only the order of same-day events, of which there are none.
    #expect(shuffled.svg() == Self.crowded.svg())
    #expect(Self.crowded.svg() == Self.crowded.svg())
  }

  @Test("Dots sit at their dates and the axis marks 1 January")
  func positions() {
    let chart = ChartFixtures.timeline
    let layout = chart.layout(.standard)
    // The axis runs from 1 January 2001 to 1 January 2005 (the fixture's years are 2001…2004).
    #expect(layout.years == 2001...2004)
    let span = layout.rect.width / 4
    // 16 July 2001 is the 197th day of 365: the middle of that day is 196.5 days in.
    let treaty = chart.sortedEvents.firstIndex { $0.label == "Friendship treaty" }!
    #expect(abs(chart.sortedEvents[treaty].position - (2001 + 196.5 / 365)) < 1e-12)
    #expect(abs(layout.x(chart.sortedEvents[treaty].position) - (layout.rect.minX + 196.5 / 365 * span)) < 1e-9)
    // A year-precision date sits mid-year, a month-precision date mid-month (March: 59 + 15.5 days).
    #expect(chart.sortedEvents.first { $0.label == "Annual summit" }!.position == 2002.5)
    #expect(chart.sortedEvents.first { $0.label == "Working visit" }!.position == 2002 + 74.5 / 365)
    // The table prints dates at their precision.
    #expect(chart.dataTable.rows.map(\.[0]) == ["2001-06-15", "2001-07-16", "2002-03", "2002", "2004-10-14"])
  }

  @Test("A fixed height with no room for labels drops them all but keeps the dots")
  func noRoom() {
    let layout = Self.crowded.layout(ChartOptions(width: 720, height: 160))
    #expect(layout.rows == 0)
    #expect(layout.labels.isEmpty)
    #expect(Self.crowded.svg(ChartOptions(width: 720, height: 160)).contains("Labels shown for 0 of 60 events"))
  }
}
