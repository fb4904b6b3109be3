import DyadCore

/// A state's estimated ideal point in one UN General Assembly session (Bailey, Strezhnev &
/// Voeten): its position on the single dimension that best explains its votes, with higher values
/// closer to the US-led liberal order.
public struct IdealPoint: Hashable, Sendable, Codable {
  public let state: StateID
  /// The session: 1 opened in January 1946, later ones each September (74 = 2019–20).
  public let session: Int
  /// The estimate.
  public let value: Double
  /// The 5% and 95% quantiles of the estimate's distribution, when published.
  public let lower: Double?
  public let upper: Double?
  /// The number of votes the estimate uses.
  public let votes: Int

  public init(state: StateID, session: Int, value: Double, lower: Double?, upper: Double?, votes: Int) {
    self.state = state
    self.session = session
    self.value = value
    self.lower = lower
    self.upper = upper
    self.votes = votes
  }

  /// The calendar year in which a session opened (and cast most of its votes).
  public static func year(ofSession session: Int) -> Int { 1945 + session }
}

/// The distance between two states' ideal points in one session.
public struct IdealPointDistance: Hashable, Sendable, Codable {
  public let session: Int
  /// The year the session opened.
  public let year: Int
  public let first: IdealPoint
  public let second: IdealPoint
  /// |first − second|.
  public let distance: Double
  /// The share (0–100) of all dyads that session that stood farther apart: high is close.
  public let closenessPercentile: Double?
  /// The number of dyads that session.
  public let dyads: Int
}

/// Ideal-point distances of a dyad, session by session.
public struct IdealPointSummary: Hashable, Sendable, Codable {
  public let dyad: Dyad
  public let rows: [IdealPointDistance]
  public let coverage: YearRange?
  public let source: Source

  /// Computes a dyad's distances from the ideal points of every state in the sessions of interest;
  /// each distance is ranked among the distances of all pairs of states that session.
  public init(dyad: Dyad, points: [IdealPoint], coverage: YearRange?, source: Source) {
    self.dyad = dyad
    self.coverage = coverage
    self.source = source
    var rows: [IdealPointDistance] = []
    for (session, group) in Dictionary(grouping: points, by: \.session).sorted(by: { $0.key < $1.key }) {
      guard let a = group.first(where: { $0.state == dyad.first }),
        let b = group.first(where: { $0.state == dyad.second })
      else { continue }
      let distance = abs(a.value - b.value)
      let values = group.map(\.value).sorted()
      let pairs = values.count * (values.count - 1) / 2
      let (closer, tied) = Self.pairsCloser(than: distance, in: values)
      // Pairs farther apart, plus half the ties other than the dyad itself.
      let farther = pairs - closer - tied
      let percentile = pairs > 1 ? 100 * (Double(farther) + 0.5 * Double(tied - 1)) / Double(pairs - 1) : nil
      rows.append(
        IdealPointDistance(
          session: session, year: IdealPoint.year(ofSession: session), first: a, second: b, distance: distance,
          closenessPercentile: percentile, dyads: pairs))
    }
    self.rows = rows
  }

  /// The number of pairs of sorted values less than `distance` apart, and exactly `distance` apart.
  static func pairsCloser(than distance: Double, in sorted: [Double]) -> (closer: Int, tied: Int) {
    var closer = 0, atMost = 0
    var j = 0, k = 0
    for i in sorted.indices {
      j = max(j, i + 1)
      while j < sorted.count && sorted[j] - sorted[i] < distance { j += 1 }
      k = max(k, j)
      while k < sorted.count && sorted[k] - sorted[i] <= distance { k += 1 }
      closer += j - i - 1
      atMost += k - i - 1
    }
    return (closer, atMost - closer)
  }
}
