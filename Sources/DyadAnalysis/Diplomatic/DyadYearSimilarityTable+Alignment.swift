import DyadCore

extension DyadYearSimilarityTable {
  /// A dyad's rows (by state code, first < second), with each measure's percentile and median
  /// among all dyads of the row's period; only periods in `years` when given.
  public func alignmentYears(first: Int, second: Int, years: YearRange? = nil) -> [AlignmentYear] {
    var result: [AlignmentYear] = []
    var columns = Array(repeating: [Double](), count: SimilarityMeasure.allCases.count)
    for (p, period) in periods.enumerated() where years?.contains(period) ?? true {
      guard let row = row(period: period, first: first, second: second) else { continue }
      for i in columns.indices { columns[i].removeAll(keepingCapacity: true) }
      for r in periodRows[p] {
        let m = measures(at: r)
        for (i, measure) in SimilarityMeasure.allCases.enumerated() {
          if let value = m[measure] { columns[i].append(value) }
        }
      }
      let own = measures(at: row)
      var percentiles = SimilarityScores(), medians = SimilarityScores()
      for (i, measure) in SimilarityMeasure.allCases.enumerated() {
        columns[i].sort()
        let sorted = columns[i]
        if let value = own[measure] { percentiles[measure] = SimilarityRanks.percentile(of: value, among: sorted) }
        medians[measure] = Self.median(sorted)
      }
      result.append(
        AlignmentYear(
          year: period, votes: jointVotes(at: row), percentiles: percentiles, medians: medians,
          dyads: periodRows[p].count))
    }
    return result
  }

  /// A dyad's yearly joint votes without ranks, for reference dyads.
  public func yearlyWindows(first: Int, second: Int, years: YearRange? = nil) -> [AlignmentWindow] {
    periods.compactMap { period in
      guard years?.contains(period) ?? true, let row = row(period: period, first: first, second: second) else {
        return nil
      }
      return AlignmentWindow(years: try! YearRange(from: period, to: period), votes: jointVotes(at: row))
    }
  }

  /// The median of sorted values, or `nil` for none.
  static func median(_ sorted: [Double]) -> Double? {
    let m = sorted.count
    guard m > 0 else { return nil }
    return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2
  }
}
