/// How ``SignorinoRitter`` measures the distance between two positions on one item.
public enum PositionDistance: String, Sendable, Codable, CaseIterable {
  /// `|x − y| / dmax`: the city-block metric of Signorino & Ritter's S.
  case absolute
  /// `(x − y)² / dmax²`: the squared-distance variant.
  case squared
}

/// Signorino & Ritter's (1999) S: the similarity of two states' positions (alliance portfolios,
/// votes) on a set of items.
///
/// S = 1 − 2·Σₖ wₖ·dₖ/dmaxₖ / Σₖ wₖ, where dₖ is the distance between the positions on item k,
/// dmaxₖ the largest possible distance on that item and wₖ the item's weight (a capability share,
/// or 1). S is 1 for identical positions and −1 for positions as far apart as they can be.
///
/// ```swift
/// // Two states' UN votes coded yes 1, abstain 2, no 3: unweighted, dmax 2.
/// SignorinoRitter.similarity([1, 1, 3], [1, 2, 1], maximumDistance: 2)  // 1 − (0 + 1 + 2)/3 = 0
/// ```
///
/// - Reference: Curtis S. Signorino and Jeffrey M. Ritter, "Tau-b or Not Tau-b: Measuring the
///   Similarity of Foreign Policy Positions", *International Studies Quarterly* 43 (1999), 115–144.
public enum SignorinoRitter {
  /// S for two position vectors.
  ///
  /// - Parameters:
  ///   - x: the first state's positions.
  ///   - y: the second state's positions, item by item.
  ///   - weights: each item's weight; `nil` weighs every item 1.
  ///   - maximumDistance: each item's largest possible distance (dmax), or one value for all.
  ///   - distance: absolute (the original S) or squared.
  /// - Returns: S in −1…1, or `nil` when there is no item of positive weight (S is undefined).
  /// - Precondition: the vectors (and `weights` and `maximumDistance` when given per item) have the
  ///   same length, weights are non-negative and every dmax is positive.
  public static func similarity(
    _ x: [Double], _ y: [Double], weights: [Double]? = nil, maximumDistance: [Double],
    distance: PositionDistance = .absolute
  ) -> Double? {
    precondition(x.count == y.count, "S needs two position vectors of the same length")
    precondition(maximumDistance.count == x.count, "S needs one dmax per item")
    if let weights { precondition(weights.count == x.count, "S needs one weight per item") }
    var weighted = 0.0
    var total = 0.0
    for k in x.indices {
      let w = weights?[k] ?? 1
      precondition(w >= 0, "weights must not be negative")
      let dmax = maximumDistance[k]
      precondition(dmax > 0, "dmax must be positive")
      let gap = abs(x[k] - y[k]) / dmax
      weighted += w * (distance == .absolute ? gap : gap * gap)
      total += w
    }
    guard total > 0 else { return nil }
    return 1 - 2 * weighted / total
  }

  /// S for two position vectors with one dmax for every item.
  public static func similarity(
    _ x: [Double], _ y: [Double], weights: [Double]? = nil, maximumDistance: Double,
    distance: PositionDistance = .absolute
  ) -> Double? {
    similarity(
      x, y, weights: weights, maximumDistance: Array(repeating: maximumDistance, count: x.count), distance: distance)
  }
}
