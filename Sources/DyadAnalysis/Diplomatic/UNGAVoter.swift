import DyadCore

/// A country name of the votes file and the state it was identified as.
public struct UNGAVoter: Sendable, Hashable, Codable {
  public let name: String
  /// The ISO2 code as the file gives it (`NA` for Namibia), `nil` where empty.
  public let iso2: String?
  public let state: StateID
  /// The first and last roll call the name voted on.
  public let first: Day
  public let last: Day
  public let votes: Int

  public init(name: String, iso2: String?, state: StateID, first: Day, last: Day, votes: Int) {
    self.name = name
    self.iso2 = iso2
    self.state = state
    self.first = first
    self.last = last
    self.votes = votes
  }
}
