import DyadCore

/// How often two states voted alike on the Security Council resolutions adopted by vote while
/// both sat on the Council, year by year (UN Digital Library records). Beside the vetoes: a veto
/// kills a draft, so vetoed drafts are not among these resolutions.
public struct CouncilAgreement: Hashable, Sendable, Codable {
  /// One year's resolutions on which both voted (yes, abstain or no).
  public struct Year: Hashable, Sendable, Codable {
    public let year: Int
    /// Resolutions on which both voted.
    public let votes: Int
    /// Those on which they cast the same vote.
    public let same: Int
    /// Those on which one voted yes and the other abstained or voted no.
    public let apart: Int
    /// ``same`` over ``votes``.
    public var agree: Double { votes > 0 ? Double(same) / Double(votes) : 0 }

    public init(year: Int, votes: Int, same: Int, apart: Int) {
      (self.year, self.votes, self.same, self.apart) = (year, votes, same, apart)
    }
  }

  public let dyad: Dyad
  /// The years both voted on some resolution, oldest first.
  public let years: [Year]
  public let source: Source
  /// The years the records cover.
  public let coverage: YearRange?

  public init(dyad: Dyad, years: [Year], source: Source, coverage: YearRange?) {
    (self.dyad, self.years, self.source, self.coverage) = (dyad, years, source, coverage)
  }

  /// All years together.
  public var total: Year? {
    guard let last = years.last else { return nil }
    return Year(
      year: last.year, votes: years.map(\.votes).reduce(0, +), same: years.map(\.same).reduce(0, +),
      apart: years.map(\.apart).reduce(0, +))
  }
}
