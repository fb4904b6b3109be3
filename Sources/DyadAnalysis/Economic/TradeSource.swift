import DyadCore

/// A series of trade figures: one dataset, and for reported statistics the state that reports
/// them. Figures of different series are never merged; where two report the same flow both are
/// shown with the gap between them (``TradeComparison``).
public struct TradeSource: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The kinds of series Dyad holds.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Correlates of War Trade 4.0 (1870–2014): flows as the importer reported them, filled by COW.
    case cowTrade = "cow-trade"
    /// Official totals from a government's statistics (Dyad's curated data, each row sourced).
    case official
    /// IMF Direction of Trade Statistics, as one reporter gave them.
    case imfDots = "imf-dots"
    /// IMF Direction of Trade exports tables of every reporter (to 2020): each direction as its
    /// exporter reported it, so one side's imports are the other's exports (mirror figures).
    case imfDotsExports = "imf-dots-all"
  }

  public let kind: Kind
  /// The state whose statistics these are; `nil` for COW, which combines both sides' reports.
  public let reporter: StateID?
  /// A short label for tables: "COW Trade 4.0", "Official (CHN)", "IMF DOTS (RUS)".
  public let label: String

  public init(kind: Kind, reporter: StateID?, label: String) {
    self.kind = kind
    self.reporter = reporter
    self.label = label
  }

  /// The COW series.
  public static let cow = TradeSource(kind: .cowTrade, reporter: nil, label: "COW Trade 4.0")

  /// A state's official figures.
  public static func official(_ reporter: StateID) -> TradeSource {
    TradeSource(kind: .official, reporter: reporter, label: "Official (\(reporter))")
  }

  /// A state's reports to the IMF.
  public static func imf(_ reporter: StateID) -> TradeSource {
    TradeSource(kind: .imfDots, reporter: reporter, label: "IMF DOTS (\(reporter))")
  }

  /// The IMF exports tables of both sides: `a`'s exports from `a`'s table, `b`'s from `b`'s.
  public static let imfExports = TradeSource(kind: .imfDotsExports, reporter: nil, label: "IMF DOTS exports")

  public var description: String { label }

  /// The order series are listed in within a year.
  var order: (Int, String) {
    (Kind.allCases.firstIndex(of: kind)!, reporter?.rawValue ?? "")
  }
}
