import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore

extension UNGAVotesImporter {
  /// Writes parsed votes and their similarity table as `dataset`'s rows; returns the number of
  /// rows written.
  public static func write(
    _ data: UNGAVoteData, table: DyadYearSimilarityTable, dataset: String, into sink: any ImportSink,
    progress: (Double) -> Void = { _ in }
  ) throws -> Int {
    var written = 0
    let rollCalls = data.rollCalls
    let positions = data.rollCallPositions
    try sink.insert(UNGARollCallRow.self, count: rollCalls.count) { i in
      let r = rollCalls[i]
      return UNGARollCallRow(
        dataset: dataset, rcid: r.rcid, session: r.session, date: r.date, position: positions[i],
        important: r.important,
        resolution: r.resolution, amendment: r.amendment, paragraph: r.paragraph, short: r.short,
        description: r.description)
    }
    written += rollCalls.count
    let issues = data.issues.sorted { ($0.issue.rawValue, $0.rollCall) < ($1.issue.rawValue, $1.rollCall) }
    try sink.insert(UNGARollCallIssueRow.self, count: issues.count) { i in
      UNGARollCallIssueRow(dataset: dataset, issue: issues[i].issue.rawValue, rcid: rollCalls[issues[i].rollCall].rcid)
    }
    written += issues.count
    let voters = data.voters
    try sink.insert(UNGAVoterRow.self, count: voters.count) { i in
      let v = voters[i]
      return UNGAVoterRow(
        dataset: dataset, name: v.name, stateID: v.state, firstDate: v.first, lastDate: v.last, votes: v.votes,
        iso2: v.iso2)
    }
    written += voters.count
    progress(0.05)

    // Votes packed by state and year: one byte per roll call of the year, by position.
    let votes = data.votes
    let ids = data.states.map(\.rawValue)
    let rollCallYears = data.rollCallYears
    let rollCallsPerYear = Dictionary(grouping: rollCallYears, by: { $0 }).mapValues(\.count)
    var packed: [(state: Int, year: Int, votes: [UInt8])] = []
    votes.rollCalls.withUnsafeBufferPointer { rollCallCodes in
      votes.states.withUnsafeBufferPointer { stateCodes in
        votes.votes.withUnsafeBufferPointer { codes in
          // Votes are ordered by state, then roll call (rcid); gather each state's years.
          var start = 0
          while start < codes.count {
            let state = Int(stateCodes[start])
            var end = start
            while end < codes.count && Int(stateCodes[end]) == state { end += 1 }
            var byYear: [Int: [UInt8]] = [:]
            for i in start..<end {
              let rc = Int(rollCallCodes[i])
              let year = rollCallYears[rc]
              if byYear[year] == nil { byYear[year] = [UInt8](repeating: 0, count: rollCallsPerYear[year]!) }
              byYear[year]![positions[rc]] = codes[i]
            }
            for (year, bytes) in byYear.sorted(by: { $0.key < $1.key }) { packed.append((state, year, bytes)) }
            start = end
          }
        }
      }
    }
    try sink.insert(UNGAVoteYearRow.self, count: packed.count) { i in
      UNGAVoteYearRow(dataset: dataset, stateID: ids[packed[i].state], year: packed[i].year, votes: packed[i].votes)
    }
    written += votes.count
    progress(0.4)

    let ranks = table.allRanks()
    // Five percentiles per row in hundredths (-1 where undefined), packed by dyad.
    var percentiles = [Int32](repeating: -1, count: table.count * 5)
    for m in 0..<5 {
      ranks[m].percentiles.withUnsafeBufferPointer { ranked in
        for row in 0..<table.count where !ranked[row].isNaN {
          percentiles[row * 5 + m] = Int32((ranked[row] * 100).rounded())
        }
      }
    }
    progress(0.5)
    var dyads: [(a: Int, b: Int, first: Int, last: Int, data: [UInt8])] = []
    do {
      try UNGASimilarityPack.pack(table, percentiles: percentiles) { a, b, first, last, data in
        dyads.append((a, b, first, last, data))
      }
    } catch let error as UNGASimilarityPack.PackError {
      throw ImportError(file: dataset, message: error.message)
    }
    try sink.insert(UNGASimilarityDyadRow.self, count: dyads.count) { i in
      let dyad = dyads[i]
      return UNGASimilarityDyadRow(
        dataset: dataset, stateA: ids[dyad.a], stateB: ids[dyad.b], firstYear: dyad.first, lastYear: dyad.last,
        data: dyad.data)
    }
    written += table.count
    try sink.insert(UNGASimilarityYearRow.self, count: table.periods.count) { p in
      UNGASimilarityYearRow(
        dataset: dataset, year: table.periods[p], rollCalls: table.rollCallCounts[p], voters: table.voterCounts[p],
        dyads: table.periodRows[p].count,
        medians: (0..<5).map { m in
          let median = ranks[m].medians[p]
          return median.isNaN ? nil : median
        })
    }
    written += table.periods.count
    progress(1)
    return written
  }
}
