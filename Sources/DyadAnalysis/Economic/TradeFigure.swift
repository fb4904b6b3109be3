import DyadCore

/// A trade figure: Dyad's one ``Figure`` type (trade figures carry no source of their own; the
/// row they sit in names it).
public typealias TradeFigure = Figure

/// A state's rank among its trading partners in a year, by total trade.
public struct PartnerRank: Hashable, Sendable, Codable {
  /// 1 for the largest partner; tied partners share the better rank.
  public let rank: Int
  /// The number of partners ranked: those with both flows reported.
  public let among: Int

  public init(rank: Int, among: Int) {
    self.rank = rank
    self.among = among
  }
}

/// Competition ranking ("1224") of values, largest first, that ignores missing values: a missing
/// value gets no rank and lowers no other rank.
public enum CompetitionRanking {
  /// The rank of each value (`nil` for a missing one), and the number of values ranked.
  public static func ranks(_ values: [Double?]) -> (ranks: [Int?], ranked: Int) {
    let present = values.enumerated().compactMap { item in item.element.map { (item.offset, $0) } }
    let sorted = present.sorted { $0.1 > $1.1 }
    var ranks = [Int?](repeating: nil, count: values.count)
    var rank = 0
    var previous: Double?
    for (position, item) in sorted.enumerated() {
      if item.1 != previous { rank = position + 1 }
      previous = item.1
      ranks[item.0] = rank
    }
    return (ranks, sorted.count)
  }
}
