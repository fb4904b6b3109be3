/// One of the vote-similarity measures Dyad computes.
public enum SimilarityMeasure: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  /// The share of identical votes.
  case agree
  /// 1 for identical votes, ½ where exactly one side abstained, 0 for yes against no.
  case agreeHalf = "agree_half"
  /// Signorino–Ritter S, unweighted, dmax 2.
  case s
  /// Scott's π.
  case pi
  /// Cohen's κ.
  case kappa

  public var description: String { rawValue }
}

/// A value for each similarity measure, any of which may be undefined; for percentiles and medians.
public struct SimilarityScores: Hashable, Sendable, Codable {
  public var agree: Double?
  public var agreeHalf: Double?
  public var s: Double?
  public var pi: Double?
  public var kappa: Double?

  public init(agree: Double? = nil, agreeHalf: Double? = nil, s: Double? = nil, pi: Double? = nil, kappa: Double? = nil) {
    self.agree = agree
    self.agreeHalf = agreeHalf
    self.s = s
    self.pi = pi
    self.kappa = kappa
  }

  /// The value of one measure.
  public subscript(measure: SimilarityMeasure) -> Double? {
    get {
      switch measure {
      case .agree: agree
      case .agreeHalf: agreeHalf
      case .s: s
      case .pi: pi
      case .kappa: kappa
      }
    }
    set {
      switch measure {
      case .agree: agree = newValue
      case .agreeHalf: agreeHalf = newValue
      case .s: s = newValue
      case .pi: pi = newValue
      case .kappa: kappa = newValue
      }
    }
  }

  enum CodingKeys: String, CodingKey {
    case agree, agreeHalf = "agree_half", s, pi, kappa
  }
}

/// The similarity of two states' votes over a set of roll calls where both voted.
///
/// `agree` … `kappa` are `nil` when undefined: all of them when `n` is 0, π and κ also when the
/// disagreement expected by chance is 0. Undefined is not zero.
public struct SimilarityMeasures: Hashable, Sendable, Codable {
  /// The number of roll calls on which both states voted yes, abstain or no.
  public let n: Int
  public let agree: Double?
  public let agreeHalf: Double?
  public let s: Double?
  public let pi: Double?
  public let kappa: Double?

  public init(n: Int, agree: Double?, agreeHalf: Double?, s: Double?, pi: Double?, kappa: Double?) {
    self.n = n
    self.agree = agree
    self.agreeHalf = agreeHalf
    self.s = s
    self.pi = pi
    self.kappa = kappa
  }

  /// The value of one measure.
  public subscript(measure: SimilarityMeasure) -> Double? { scores[measure] }

  /// The five measures without `n`.
  public var scores: SimilarityScores {
    SimilarityScores(agree: agree, agreeHalf: agreeHalf, s: s, pi: pi, kappa: kappa)
  }

  enum CodingKeys: String, CodingKey {
    case n, agree, agreeHalf = "agree_half", s, pi, kappa
  }
}
