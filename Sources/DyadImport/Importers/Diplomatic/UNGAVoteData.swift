import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore

/// The `unga-votes` files read and validated into memory: roll calls, issue tags and every vote,
/// integer-coded, with the state each country name was identified as.
public struct UNGAVoteData: Sendable {
  /// A roll call and its metadata; optional fields are `nil` where the source does not code them.
  public struct RollCall: Sendable, Hashable {
    public let rcid: Int
    public let session: Int
    public let date: Day
    /// Whether the US State Department classed the vote as important (coded from session 39).
    public let important: Bool?
    public let resolution: String?
    public let amendment: Bool?
    public let paragraph: Bool?
    public let short: String?
    public let description: String?
  }

  /// A name as it voted, the state it was resolved to, and its first and last votes.
  public typealias Voter = UNGAVoter


  /// The roll calls by ascending rcid; a vote's roll-call code is an index into this array.
  public internal(set) var rollCalls: [RollCall] = []
  /// Issue tags: (issue, roll-call code).
  public internal(set) var issues: [(issue: UNGAIssue, rollCall: Int)] = []
  /// The states that voted, sorted by id; a vote's state code is an index into this array.
  public internal(set) var states: [StateID] = []
  /// Every vote, ordered by state, then roll call.
  public internal(set) var votes: CodedVotes
  public internal(set) var voters: [Voter] = []

  init() { votes = CodedVotes(stateCount: 0, rollCallPeriods: []) }

  /// The calendar year of each roll call, by roll-call code.
  public var rollCallYears: [Int] { rollCalls.map(\.date.year) }

  /// Each roll call's position among the roll calls of its year (from 0, in rcid order), by
  /// roll-call code.
  public var rollCallPositions: [Int] {
    var next: [Int: Int] = [:]
    return rollCalls.map { rollCall in
      let position = next[rollCall.date.year, default: 0]
      next[rollCall.date.year] = position + 1
      return position
    }
  }

  /// Computes the similarity table of every dyad and year.
  public func similarityTable() -> DyadYearSimilarityTable { DyadYearSimilarityTable.compute(votes) }
}
