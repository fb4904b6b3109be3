/// Integer-coded votes of many states on many roll calls: the input of
/// ``DyadYearSimilarityTable``.
///
/// States and roll calls are numbered from 0; each roll call belongs to a period (a calendar
/// year). Votes are held as three parallel arrays, so that millions of them cost a few bytes each.
///
/// ```swift
/// var votes = CodedVotes(stateCount: 2, rollCallPeriods: [2019, 2019])
/// votes.append(rollCall: 0, state: 0, vote: .yes)
/// votes.append(rollCall: 0, state: 1, vote: .no)
/// ```
public struct CodedVotes: Sendable {
  /// The number of states; state codes run from 0 to `stateCount − 1`.
  public let stateCount: Int
  /// The period of each roll call, by roll-call code.
  public let rollCallPeriods: [Int]
  /// Each vote's roll call.
  public private(set) var rollCalls: [Int32] = []
  /// Each vote's state.
  public private(set) var states: [Int32] = []
  /// Each vote: yes 1, abstain 2, no 3.
  public private(set) var votes: [UInt8] = []

  public init(stateCount: Int, rollCallPeriods: [Int], reservingCapacity capacity: Int = 0) {
    precondition(stateCount >= 0 && stateCount < Int(Int32.max) && rollCallPeriods.count < Int(Int32.max))
    self.stateCount = stateCount
    self.rollCallPeriods = rollCallPeriods
    rollCalls.reserveCapacity(capacity)
    states.reserveCapacity(capacity)
    votes.reserveCapacity(capacity)
  }

  /// The number of votes.
  public var count: Int { votes.count }

  /// Adds one vote.
  public mutating func append(rollCall: Int, state: Int, vote: UNVote) {
    precondition(rollCall >= 0 && rollCall < rollCallPeriods.count, "unknown roll call \(rollCall)")
    precondition(state >= 0 && state < stateCount, "unknown state \(state)")
    rollCalls.append(Int32(truncatingIfNeeded: rollCall))
    states.append(Int32(truncatingIfNeeded: state))
    votes.append(vote.rawValue)
  }

  /// The votes on the roll calls that satisfy a condition (an issue area, important votes),
  /// keeping the state and roll-call codes.
  public func filtered(rollCalls keep: (Int) -> Bool) -> CodedVotes {
    let kept = (0..<rollCallPeriods.count).map(keep)
    var result = CodedVotes(stateCount: stateCount, rollCallPeriods: rollCallPeriods)
    for i in votes.indices where kept[Int(rollCalls[i])] {
      result.rollCalls.append(rollCalls[i])
      result.states.append(states[i])
      result.votes.append(votes[i])
    }
    return result
  }
}
