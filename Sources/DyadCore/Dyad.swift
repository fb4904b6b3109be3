/// An unordered pair of distinct states: the unit every Dyad question is about.
///
/// `Dyad(CHN, RUS)` and `Dyad(RUS, CHN)` are equal; ``first`` is the smaller id.
public struct Dyad: Hashable, Sendable, Codable, CustomStringConvertible {
  public let first: StateID
  public let second: StateID

  /// Creates a dyad; throws when both sides are the same state.
  public init(_ a: StateID, _ b: StateID) throws(SameStateError) {
    guard a != b else { throw SameStateError(state: a) }
    (first, second) = a < b ? (a, b) : (b, a)
  }

  public func contains(_ state: StateID) -> Bool { first == state || second == state }

  /// The other side of the dyad from `state`.
  public func partner(of state: StateID) -> StateID? {
    state == first ? second : state == second ? first : nil
  }

  public var description: String { "\(first)–\(second)" }
}

/// A dyad of one state with itself.
public struct SameStateError: Error, Sendable, CustomStringConvertible {
  public let state: StateID
  public var description: String { "a dyad needs two different states; both sides name \(state)" }
}
