extension DotTimeline {
  /// The data behind the chart: every event in chronological order, with its date (at its
  /// precision), kind and full label.
  public var dataTable: ChartDataTable {
    let rows = sortedEvents.map { [$0.dateText, $0.lane, $0.label] }
    return ChartDataTable(
      caption: info.title, columns: ["Date", "Kind", "Event"], alignments: [.leading, .leading, .leading], rows: rows)
  }
}
