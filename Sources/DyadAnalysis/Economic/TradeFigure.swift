import DyadCore

/// A trade figure: Dyad's one ``Figure`` type (trade figures carry no source of their own; the
/// row they sit in names it).
public typealias TradeFigure = Figure

/// A state's rank among its trading partners in a year, by total trade (or, where a series has
/// one side's exports only, by exports).
public struct PartnerRank: Hashable, Sendable, Codable {
  /// What partners are ranked by.
  public enum Basis: String, Hashable, Sendable, Codable {
    /// Exports plus imports.
    case totalTrade = "total-trade"
    /// The state's exports to each partner (its export destinations).
    case exports
  }

  /// 1 for the largest partner; tied partners share the better rank.
  public let rank: Int
  /// The number of partners ranked: those with both flows reported (with ``Basis/exports``, those
  /// with an export value).
  public let among: Int
  /// `nil` for total trade (the usual basis, left out of JSON), or ``Basis/exports``.
  public let basis: Basis?

  public init(rank: Int, among: Int, basis: Basis? = nil) {
    self.rank = rank
    self.among = among
    self.basis = basis == .totalTrade ? nil : basis
  }

  /// Whether the rank is among export destinations rather than by total trade.
  public var isByExports: Bool { basis == .exports }
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
