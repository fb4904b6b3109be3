import DyadAnalysis
import DyadCore
import Testing

/// The all-dyads-all-years table against a plain pairwise recomputation, and its ranks.
@Suite struct DiplomaticTableTests {
  /// Random votes of 14 states on 150 roll calls in 1990 (three 64-bit words), 40 in 1991 and 5
  /// in 1992, with absences; state 13 votes only in 1992, states 11 and 12 never on the same roll call.
  static func fixture() -> (votes: CodedVotes, byState: [[Int: UNVote]]) {
    var seed: UInt64 = 42
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33)
    }
    let periods = Array(repeating: 1990, count: 150) + Array(repeating: 1991, count: 40) + Array(repeating: 1992, count: 5)
    var votes = CodedVotes(stateCount: 14, rollCallPeriods: periods)
    var byState = Array(repeating: [Int: UNVote](), count: 14)
    for rc in periods.indices {
      for state in 0..<14 {
        if state == 13 && periods[rc] != 1992 { continue }
        if state == 11 && rc % 2 == 0 { continue }
        if state == 12 && rc % 2 == 1 { continue }
        if next() % 7 == 0 { continue }
        let vote = UNVote(rawValue: UInt8(1 + next() % 3))!
        votes.append(rollCall: rc, state: state, vote: vote)
        byState[state][rc] = vote
      }
    }
    return (votes, byState)
  }

  @Test func everyDyadYearMatchesAPairwiseRecomputation() throws {
    let (votes, byState) = Self.fixture()
    let table = DyadYearSimilarityTable.compute(votes)
    #expect(table.periods == [1990, 1991, 1992])
    #expect(table.rollCallCounts == [150, 40, 5])
    var expectedRows = 0
    for (p, period) in table.periods.enumerated() {
      let rollCalls = votes.rollCallPeriods.indices.filter { votes.rollCallPeriods[$0] == period }
      for a in 0..<14 {
        for b in (a + 1)..<14 {
          var expected = JointVotes()
          for rc in rollCalls {
            if let x = byState[a][rc], let y = byState[b][rc] { expected.record(x, y) }
          }
          let row = table.row(period: period, first: a, second: b)
          if expected.n == 0 {
            #expect(row == nil, "\(a)–\(b) in \(period) has no joint votes and no row")
          } else {
            expectedRows += 1
            let found = try #require(row)
            #expect(table.jointVotes(at: found) == expected)
            #expect(table.measures(at: found) == expected.measures)
            #expect(table.period(at: found) == period)
            #expect(table.periodRows[p].contains(found))
          }
        }
      }
    }
    #expect(table.count == expectedRows)
    #expect(table.row(period: 1990, first: 11, second: 12) == nil)
    // The dyad order visits each dyad's years in order.
    let order = table.dyadOrder()
    #expect(order.count == table.count && Set(order).count == table.count)
    for (i, j) in zip(order, order.dropFirst()) {
      let x = (table.firstStates[i], table.secondStates[i], table.period(at: i))
      let y = (table.firstStates[j], table.secondStates[j], table.period(at: j))
      #expect(x < y)
    }
  }

  @Test func filteredVotesKeepOnlyTheChosenRollCalls() {
    let (votes, _) = Self.fixture()
    let even = votes.filtered { $0 % 2 == 0 }
    #expect(even.rollCalls.allSatisfy { $0 % 2 == 0 })
    #expect(even.count == votes.rollCalls.count { $0 % 2 == 0 })
  }

  @Test func percentilesAreMidRanksWithinEachPeriod() {
    // Period one: 0.1, 0.5, 0.5, 0.9 and an undefined value; period two: a single value.
    let ranks = SimilarityRanks(values: [0.1, 0.5, 0.5, 0.9, .nan, 0.3], periodRows: [0..<5, 5..<6])
    #expect(ranks.percentiles[0] == 12.5)  // (0 + ½)/4
    #expect(ranks.percentiles[1] == 50)  // (1 + 2·½)/4
    #expect(ranks.percentiles[2] == 50)
    #expect(ranks.percentiles[3] == 87.5)  // (3 + ½)/4
    #expect(ranks.percentiles[4].isNaN)
    #expect(ranks.percentiles[5] == 50)
    #expect(ranks.medians == [0.5, 0.3])
    #expect(ranks.rankedCounts == [4, 1])
  }

  @Test func alignmentYearsRankTheDyadAmongItsPeriod() throws {
    let (votes, _) = Self.fixture()
    let table = DyadYearSimilarityTable.compute(votes)
    let years = table.alignmentYears(first: 2, second: 5)
    #expect(years.map(\.year) == [1990, 1991, 1992])
    let ranks = table.allRanks()
    for (p, year) in years.enumerated() {
      let row = try #require(table.row(period: year.year, first: 2, second: 5))
      for (m, measure) in SimilarityMeasure.allCases.enumerated() {
        let expected = ranks[m].percentiles[row]
        if expected.isNaN {
          #expect(year.percentiles[measure] == nil)
        } else {
          #expect(abs(try #require(year.percentiles[measure]) - expected) < 1e-9)
        }
        #expect(year.medians[measure] == (ranks[m].medians[p].isNaN ? nil : ranks[m].medians[p]))
      }
      #expect(year.dyads == table.periodRows[p].count)
    }
  }
}
