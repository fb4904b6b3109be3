extension SmallMultiples {
  /// The data behind the chart: a row per year of the x-axis, a column per panel (per panel and series when a
  /// panel has several series).
  public var dataTable: ChartDataTable {
    var columns = ["Year"]
    var lookups: [[Int: Double?]] = []
    for panel in panels {
      for series in panel.series {
        columns.append(panel.series.count > 1 ? panel.title + ": " + series.name : panel.title)
        lookups.append(
          Dictionary(series.normalizedPoints.map { ($0.year, $0.value) }, uniquingKeysWith: { first, _ in first }))
      }
    }
    let years = coveredYears.map { Array($0) } ?? []
    let decimals = decimals
    // A year no panel has a value for is left out of the table when the series are sparse by
    // design (five-yearly points): the chart draws nothing there either.
    let shown = sparseYearsOmitted ? years.filter { year in lookups.contains { ($0[year] ?? nil) != nil } } : years
    let rows = shown.map { year in
      [String(year)]
        + lookups.map { lookup in
          (lookup[year] ?? nil).map { ChartNumber.fixed($0, decimals: decimals) } ?? ChartDataTable.missing
        }
    }
    return ChartDataTable(
      caption: ChartTableCaption.caption(info), columns: columns,
      alignments: [.leading] + Array(repeating: .trailing, count: columns.count - 1), rows: rows)
  }
}
