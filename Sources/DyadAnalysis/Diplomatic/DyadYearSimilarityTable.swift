/// The vote similarity of every dyad in every period (calendar year): the joint-vote table of each
/// pair of states that voted together at least once that year.
///
/// ``compute(_:)`` codes each state's votes of a year as three bit sets over the year's roll calls
/// (yes, abstain, no); the nine cells of a dyad's cross table are then popcounts of the ANDs of
/// its two states' bit sets, a few machine words per pair. All dyads of all years of the UN
/// General Assembly data (819,308 rows) take a few tens of milliseconds.
///
/// Rows are ordered by period, then first state, then second state (state codes, first < second).
/// ``dyadOrder()`` gives the order by dyad, then period.
///
/// ```swift
/// let table = DyadYearSimilarityTable.compute(votes)
/// let row = table.row(period: 2019, first: china, second: russia)!
/// table.measures(at: row).agree
/// ```
public struct DyadYearSimilarityTable: Sendable {
  /// The number of state codes of the input.
  public let stateCount: Int
  /// The distinct periods, ascending.
  public let periods: [Int]
  /// The rows of each period, in `periods` order.
  public let periodRows: [Range<Int>]
  /// Each row's first state code.
  public let firstStates: [Int32]
  /// Each row's second state code (greater than the first).
  public let secondStates: [Int32]
  /// Nine row-major cross-table counts per row (see ``JointVotes``).
  public let cells: [Int32]
  /// The number of roll calls of each period, in `periods` order.
  public let rollCallCounts: [Int]
  /// The number of states that cast at least one vote in each period, in `periods` order.
  public let voterCounts: [Int]

  /// The number of dyad-year rows.
  public var count: Int { firstStates.count }

  /// The period of a row.
  public func period(at row: Int) -> Int {
    var low = 0, high = periodRows.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if periodRows[middle].lowerBound <= row { low = middle } else { high = middle - 1 }
    }
    return periods[low]
  }

  /// The joint votes of a row.
  public func jointVotes(at row: Int) -> JointVotes {
    JointVotes(counts: (0..<9).map { Int(cells[row * 9 + $0]) })
  }

  /// The measures of a row.
  public func measures(at row: Int) -> SimilarityMeasures {
    let c = row * 9
    return JointVotes.measures(
      Int(cells[c]), Int(cells[c + 1]), Int(cells[c + 2]), Int(cells[c + 3]), Int(cells[c + 4]), Int(cells[c + 5]),
      Int(cells[c + 6]), Int(cells[c + 7]), Int(cells[c + 8]))
  }

  /// The row of a dyad in a period, or `nil` when the two never voted together that period.
  public func row(period: Int, first: Int, second: Int) -> Int? {
    let (a, b) = first < second ? (Int32(first), Int32(second)) : (Int32(second), Int32(first))
    guard let p = periodIndex(period) else { return nil }
    var low = periodRows[p].lowerBound, high = periodRows[p].upperBound
    while low < high {
      let middle = (low + high) / 2
      if (firstStates[middle], secondStates[middle]) < (a, b) { low = middle + 1 } else { high = middle }
    }
    return low < periodRows[p].upperBound && firstStates[low] == a && secondStates[low] == b ? low : nil
  }

  /// The index of a period in ``periods``.
  public func periodIndex(_ period: Int) -> Int? {
    var low = 0, high = periods.count
    while low < high {
      let middle = (low + high) / 2
      if periods[middle] < period { low = middle + 1 } else { high = middle }
    }
    return low < periods.count && periods[low] == period ? low : nil
  }

  /// The rows ordered by first state, then second, then period: the order of a dyad-year key.
  public func dyadOrder() -> [Int] {
    // A stable counting sort on the pair: rows are already in period order.
    let keys = stateCount * stateCount
    var starts = [Int](repeating: 0, count: keys + 1)
    for i in 0..<count { starts[Int(firstStates[i]) * stateCount + Int(secondStates[i]) + 1] += 1 }
    for k in 0..<keys { starts[k + 1] += starts[k] }
    var order = [Int](repeating: 0, count: count)
    for i in 0..<count {
      let key = Int(firstStates[i]) * stateCount + Int(secondStates[i])
      order[starts[key]] = i
      starts[key] += 1
    }
    return order
  }
}

extension DyadYearSimilarityTable {
  /// Computes the table of every dyad that voted together in each period.
  public static func compute(_ votes: CodedVotes) -> DyadYearSimilarityTable {
    let stateCount = votes.stateCount
    let rollCallCount = votes.rollCallPeriods.count
    let periods = Array(Set(votes.rollCallPeriods)).sorted()
    var periodOf: [Int: Int] = [:]
    for (i, p) in periods.enumerated() { periodOf[p] = i }

    // Each roll call's period and bit position within it.
    var rollCallPeriod = [Int](repeating: 0, count: rollCallCount)
    var rollCallBit = [Int](repeating: 0, count: rollCallCount)
    var rollCallCounts = [Int](repeating: 0, count: periods.count)
    for rc in 0..<rollCallCount {
      let p = periodOf[votes.rollCallPeriods[rc]]!
      rollCallPeriod[rc] = p
      rollCallBit[rc] = rollCallCounts[p]
      rollCallCounts[p] += 1
    }
    // Per period: W words per bit set; per state three sets (yes, abstain, no) side by side.
    let words = rollCallCounts.map { ($0 + 63) / 64 }
    var base = [Int](repeating: 0, count: periods.count + 1)
    for p in periods.indices { base[p + 1] = base[p] + stateCount * 3 * words[p] }
    var bits = [UInt64](repeating: 0, count: base[periods.count])
    var present = [Bool](repeating: false, count: stateCount * periods.count)

    bits.withUnsafeMutableBufferPointer { bits in
      present.withUnsafeMutableBufferPointer { present in
        votes.rollCalls.withUnsafeBufferPointer { rollCalls in
          votes.states.withUnsafeBufferPointer { states in
            votes.votes.withUnsafeBufferPointer { codes in
              for i in 0..<codes.count {
                let rc = Int(rollCalls[i]), state = Int(states[i])
                let p = rollCallPeriod[rc], bit = rollCallBit[rc], w = words[p]
                let word = base[p] + (state * 3 + Int(codes[i]) - 1) * w + bit >> 6
                bits[word] |= 1 << UInt64(bit & 63)
                present[p * stateCount + state] = true
              }
            }
          }
        }
      }
    }

    // Upper bound on the rows: every pair of voters of each period.
    var voterCounts = [Int](repeating: 0, count: periods.count)
    var capacity = 0
    for p in periods.indices {
      var m = 0
      for s in 0..<stateCount where present[p * stateCount + s] { m += 1 }
      voterCounts[p] = m
      capacity += m * (m - 1) / 2
    }

    var firsts = [Int32](repeating: 0, count: capacity)
    var seconds = [Int32](repeating: 0, count: capacity)
    var cells = [Int32](repeating: 0, count: capacity * 9)
    var periodRows: [Range<Int>] = []
    periodRows.reserveCapacity(periods.count)
    var rows = 0
    var voters = [Int](repeating: 0, count: stateCount)
    bits.withUnsafeBufferPointer { bits in
      firsts.withUnsafeMutableBufferPointer { firsts in
        seconds.withUnsafeMutableBufferPointer { seconds in
          cells.withUnsafeMutableBufferPointer { cells in
            for p in periods.indices {
              let start = rows
              let w = words[p]
              var m = 0
              for s in 0..<stateCount where present[p * stateCount + s] {
                voters[m] = s
                m += 1
              }
              let periodBits = bits.baseAddress! + base[p]
              for ai in 0..<m {
                let a = voters[ai]
                let x = periodBits + a * 3 * w
                for bi in (ai + 1)..<max(ai + 1, m) {
                  let b = voters[bi]
                  let y = periodBits + b * 3 * w
                  var yy = 0, ya = 0, yn = 0, ay = 0, aa = 0, an = 0, ny = 0, na = 0, nn = 0
                  for k in 0..<w {
                    let xy = x[k], xa = x[w + k], xn = x[2 * w + k]
                    let zy = y[k], za = y[w + k], zn = y[2 * w + k]
                    yy &+= (xy & zy).nonzeroBitCount
                    ya &+= (xy & za).nonzeroBitCount
                    yn &+= (xy & zn).nonzeroBitCount
                    ay &+= (xa & zy).nonzeroBitCount
                    aa &+= (xa & za).nonzeroBitCount
                    an &+= (xa & zn).nonzeroBitCount
                    ny &+= (xn & zy).nonzeroBitCount
                    na &+= (xn & za).nonzeroBitCount
                    nn &+= (xn & zn).nonzeroBitCount
                  }
                  if yy | ya | yn | ay | aa | an | ny | na | nn == 0 { continue }
                  firsts[rows] = Int32(truncatingIfNeeded: a)
                  seconds[rows] = Int32(truncatingIfNeeded: b)
                  let c = rows * 9
                  cells[c] = Int32(truncatingIfNeeded: yy)
                  cells[c + 1] = Int32(truncatingIfNeeded: ya)
                  cells[c + 2] = Int32(truncatingIfNeeded: yn)
                  cells[c + 3] = Int32(truncatingIfNeeded: ay)
                  cells[c + 4] = Int32(truncatingIfNeeded: aa)
                  cells[c + 5] = Int32(truncatingIfNeeded: an)
                  cells[c + 6] = Int32(truncatingIfNeeded: ny)
                  cells[c + 7] = Int32(truncatingIfNeeded: na)
                  cells[c + 8] = Int32(truncatingIfNeeded: nn)
                  rows += 1
                }
              }
              periodRows.append(start..<rows)
            }
          }
        }
      }
    }
    firsts.removeSubrange(rows...)
    seconds.removeSubrange(rows...)
    cells.removeSubrange((rows * 9)...)
    return DyadYearSimilarityTable(
      stateCount: stateCount, periods: periods, periodRows: periodRows, firstStates: firsts, secondStates: seconds,
      cells: cells, rollCallCounts: rollCallCounts, voterCounts: voterCounts)
  }
}
