import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore

extension UNGAVotesImporter {
  /// Writes parsed votes and their similarity table; returns the number of rows written.
  public static func write(
    _ data: UNGAVoteData, table: DyadYearSimilarityTable, into sink: any ImportSink,
    progress: (Double) -> Void = { _ in }
  ) throws -> Int {
    var written = 0
    let rollCalls = data.rollCalls
    let positions = data.rollCallPositions
    try sink.insertRows(
      into: "unga_roll_call",
      columns: [
        "rcid", "session", "date", "year", "position", "important", "resolution", "amendment", "paragraph", "short",
        "description",
      ],
      count: rollCalls.count
    ) { i, row in
      let r = rollCalls[i]
      row.bind(r.rcid, at: 0)
      row.bind(r.session, at: 1)
      row.bind(r.date.description, at: 2)
      row.bind(r.date.year, at: 3)
      row.bind(positions[i], at: 4)
      row.bind(r.important.map { $0 ? 1 : 0 }, at: 5)
      row.bind(r.resolution, at: 6)
      row.bind(r.amendment.map { $0 ? 1 : 0 }, at: 7)
      row.bind(r.paragraph.map { $0 ? 1 : 0 }, at: 8)
      row.bind(r.short, at: 9)
      row.bind(r.description, at: 10)
    }
    written += rollCalls.count
    let issues = data.issues.sorted { ($0.issue.rawValue, $0.rollCall) < ($1.issue.rawValue, $1.rollCall) }
    try sink.insertRows(into: "unga_roll_call_issue", columns: ["issue", "rcid"], count: issues.count) { i, row in
      row.bind(issues[i].issue.rawValue, at: 0)
      row.bind(rollCalls[issues[i].rollCall].rcid, at: 1)
    }
    written += issues.count
    let voters = data.voters
    try sink.insertRows(
      into: "unga_voter", columns: ["name", "state_id", "first_date", "last_date", "votes", "iso2"], count: voters.count
    ) { i, row in
      let v = voters[i]
      row.bind(v.name, at: 0)
      row.bind(v.state.rawValue, at: 1)
      row.bind(v.first.description, at: 2)
      row.bind(v.last.description, at: 3)
      row.bind(v.votes, at: 4)
      row.bind(v.iso2, at: 5)
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
    try sink.insertRows(into: "unga_vote_year", columns: ["state_id", "year", "votes"], count: packed.count) {
      i, row in
      row.bind(ids[packed[i].state], at: 0)
      row.bind(packed[i].year, at: 1)
      row.bind(packed[i].votes, at: 2)
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
      throw ImportError(file: "un_votes.csv", message: error.message)
    }
    try sink.insertRows(
      into: "unga_similarity_dyad", columns: ["state_a", "state_b", "first_year", "last_year", "data"],
      count: dyads.count
    ) { i, row in
      let dyad = dyads[i]
      row.bind(ids[dyad.a], at: 0)
      row.bind(ids[dyad.b], at: 1)
      row.bind(dyad.first, at: 2)
      row.bind(dyad.last, at: 3)
      row.bind(dyad.data, at: 4)
    }
    written += table.count
    try sink.insertRows(
      into: "unga_similarity_year",
      columns: [
        "year", "roll_calls", "voters", "dyads", "agree_median", "agree_half_median", "s_median", "pi_median",
        "kappa_median",
      ],
      count: table.periods.count
    ) { p, row in
      row.bind(table.periods[p], at: 0)
      row.bind(table.rollCallCounts[p], at: 1)
      row.bind(table.voterCounts[p], at: 2)
      row.bind(table.periodRows[p].count, at: 3)
      for m in 0..<5 {
        let median = ranks[m].medians[p]
        row.bind(median.isNaN ? nil : median, at: 4 + m)
      }
    }
    written += table.periods.count
    progress(1)
    return written
  }
}
