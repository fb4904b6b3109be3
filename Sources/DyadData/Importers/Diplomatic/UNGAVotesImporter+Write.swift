import DyadAnalysis
import DyadCore

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
    ) { i, values in
      let r = rollCalls[i]
      values[0] = .integer(r.rcid)
      values[1] = .integer(r.session)
      values[2] = .text(r.date.description)
      values[3] = .integer(r.date.year)
      values[4] = .integer(positions[i])
      values[5] = SQLValue(r.important.map { $0 ? 1 : 0 })
      values[6] = SQLValue(r.resolution)
      values[7] = SQLValue(r.amendment.map { $0 ? 1 : 0 })
      values[8] = SQLValue(r.paragraph.map { $0 ? 1 : 0 })
      values[9] = SQLValue(r.short)
      values[10] = SQLValue(r.description)
    }
    written += rollCalls.count
    let issues = data.issues.sorted { ($0.issue.rawValue, $0.rollCall) < ($1.issue.rawValue, $1.rollCall) }
    try sink.insertRows(into: "unga_roll_call_issue", columns: ["issue", "rcid"], count: issues.count) { i, values in
      values[0] = .text(issues[i].issue.rawValue)
      values[1] = .integer(rollCalls[issues[i].rollCall].rcid)
    }
    written += issues.count
    let voters = data.voters
    try sink.insertRows(
      into: "unga_voter", columns: ["name", "state_id", "first_date", "last_date", "votes", "iso2"], count: voters.count
    ) { i, values in
      let v = voters[i]
      values[0] = .text(v.name)
      values[1] = .text(v.state.rawValue)
      values[2] = .text(v.first.description)
      values[3] = .text(v.last.description)
      values[4] = .integer(v.votes)
      values[5] = SQLValue(v.iso2)
    }
    written += voters.count
    progress(0.05)

    // Votes packed by state and year: one byte per roll call of the year, by position.
    let votes = data.votes
    let ids = data.states.map { SQLValue.text($0.rawValue) }
    let years = data.rollCallYears
    let rollCallsPerYear = Dictionary(grouping: years, by: { $0 }).mapValues(\.count)
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
              let year = years[rc]
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
      i, values in
      values[0] = ids[packed[i].state]
      values[1] = .integer(packed[i].year)
      values[2] = .blob(packed[i].votes)
    }
    written += votes.count
    progress(0.4)

    let ranks = table.allRanks()
    let percentiles = ranks.map(\.percentiles)
    let order = table.dyadOrder()
    var periodOfRow = [Int](repeating: 0, count: table.count)
    for (p, rows) in table.periodRows.enumerated() {
      for row in rows { periodOfRow[row] = table.periods[p] }
    }
    progress(0.5)
    try table.cells.withUnsafeBufferPointer { cells in
      try sink.insertRows(
        into: "unga_similarity",
        columns: [
          "state_a", "state_b", "year", "yy", "ya", "yn", "ay", "aa", "an", "ny", "na", "nn", "agree_pct",
          "agree_half_pct", "s_pct", "pi_pct", "kappa_pct",
        ],
        count: order.count
      ) { i, values in
        let row = order[i]
        values[0] = ids[Int(table.firstStates[row])]
        values[1] = ids[Int(table.secondStates[row])]
        values[2] = .integer(periodOfRow[row])
        for k in 0..<9 { values[3 + k] = .integer(Int(cells[row * 9 + k])) }
        for m in 0..<5 {
          let p = percentiles[m][row]
          values[12 + m] = p.isNaN ? .null : .integer(Int((p * 100).rounded()))
        }
      }
    }
    written += order.count
    try sink.insertRows(
      into: "unga_similarity_year",
      columns: [
        "year", "roll_calls", "voters", "dyads", "agree_median", "agree_half_median", "s_median", "pi_median",
        "kappa_median",
      ],
      count: table.periods.count
    ) { p, values in
      values[0] = .integer(table.periods[p])
      values[1] = .integer(table.rollCallCounts[p])
      values[2] = .integer(table.voterCounts[p])
      values[3] = .integer(table.periodRows[p].count)
      for m in 0..<5 {
        let median = ranks[m].medians[p]
        values[4 + m] = median.isNaN ? .null : .real(median)
      }
    }
    written += table.periods.count
    progress(1)
    return written
  }
}
