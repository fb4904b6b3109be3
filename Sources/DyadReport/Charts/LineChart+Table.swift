extension LineChart {
  /// The data behind the chart: a row per year of the x-axis (missing values "–"), a column per
  /// series and two per yearly band.
  /// Constant bands and reference lines are listed in the notes.
  public var dataTable: ChartDataTable {
    let years = coveredYears.map { Array($0) } ?? []
    var columns = ["Year"] + series.map(\.name)
    var yearlyBands: [[Int: ReferenceBand.Point]] = []
    var notes: [String] = []
    for band in bands {
      switch band.extent {
      case .constant(let lower, let upper):
        notes.append("Shaded: \(band.label), \(format(lower)) to \(format(upper)).")
      case .yearly:
        columns += [band.label + " (low)", band.label + " (high)"]
        yearlyBands.append(Dictionary(band.sortedPoints.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first }))
      }
    }
    for line in referenceLines {
      switch line.position {
      case .value(let value): notes.append("Reference line: \(line.label) at \(format(value)).")
      case .year(let year): notes.append("Reference line: \(line.label) in \(year).")
      }
    }
    let lookups = series.map { series in
      Dictionary(series.normalizedPoints.map { ($0.year, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
    let rows = years.map { year in
      var row = [String(year)]
      for lookup in lookups {
        row.append(cell(lookup[year] ?? nil))
      }
      for lookup in yearlyBands {
        let bounds = lookup[year]?.bounds
        row += [cell(bounds?.lower), cell(bounds?.upper)]
      }
      return row
    }
    return ChartDataTable(
      caption: ChartTableCaption.caption(info), columns: columns,
      alignments: [.leading] + Array(repeating: .trailing, count: columns.count - 1), rows: rows, notes: notes)
  }

  private func cell(_ value: Double?) -> String {
    guard let value, value.isFinite else { return ChartDataTable.missing }
    return format(value)
  }
}
