/// The stable key of a state in Dyad: `CHN`, `RUS`, `USA`, or for defunct states `FRG`, `GDR`, `YAR`.
///
/// One identity follows a state through changes of name and regime in the way the Correlates of
/// War project does: `RUS` is the Russian Empire, the Soviet Union and the Russian Federation.
public struct StateID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { rawValue = value }
  public var description: String { rawValue }
  public static func < (lhs: StateID, rhs: StateID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
