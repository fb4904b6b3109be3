extension StackedBarChart {
  /// The data behind the chart: a row per year, a column per category and, with two or more
  /// categories, the total ("–" when a category is missing).
  public var dataTable: ChartDataTable {
    var columns = ["Year"] + categories
    let showsTotal = categories.count > 1
    if showsTotal { columns.append("Total") }
    let byYear = Dictionary(sortedBars.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
    let years = coveredYears.map { Array($0) } ?? []
    let rows = years.map { year in
      var row = [String(year)]
      let bar = byYear[year]
      var total: Double? = 0
      for index in categories.indices {
        if let value = bar?.value(at: index) {
          row.append(ChartNumber.fixed(value, decimals: decimals))
          total = total.map { $0 + value }
        } else {
          row.append(ChartDataTable.missing)
          total = nil
        }
      }
      if showsTotal { row.append(total.map { ChartNumber.fixed($0, decimals: decimals) } ?? ChartDataTable.missing) }
      return row
    }
    return ChartDataTable(
      caption: ChartTableCaption.caption(info), columns: columns,
      alignments: [.leading] + Array(repeating: .trailing, count: columns.count - 1), rows: rows)
  }
}
