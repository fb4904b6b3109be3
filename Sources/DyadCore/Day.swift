import Foundation

/// A calendar day in the proleptic Gregorian calendar, without time or time zone.
///
/// Dyad's data is dated to the day at most, so a plain value type avoids the time-zone
/// pitfalls of `Date`.
///
/// ```swift
/// let day = try Day(parsing: "2001-07-16")
/// day.year  // 2001
/// ```
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a day, or returns `nil` when the components do not name a real calendar day.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, `YYYY-MM` (the first of the month) or `YYYY` (the first of January).
  public init(parsing text: some StringProtocol) throws(DayParseError) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ $0.count == 2 }),
      let y = Int(parts[0]),
      let m = parts.count > 1 ? Int(parts[1]) : 1,
      let d = parts.count > 2 ? Int(parts[2]) : 1,
      let value = Day(year: y, month: m, day: d)
    else { throw DayParseError(text: String(text)) }
    self = value
  }

  /// The precision of a textual date: `2001` is a year, `2001-07` a month, `2001-07-16` a day.
  public static func precision(of text: some StringProtocol) -> DatePrecision {
    switch text.split(separator: "-").count {
    case 1: .year
    case 2: .month
    default: .day
    }
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
    return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
  }

  /// The text of this day at a precision: `2001`, `2001-07` or `2001-07-16`.
  public func formatted(_ precision: DatePrecision) -> String {
    let full = description
    switch precision {
    case .year: return String(full.prefix(4))
    case .month: return String(full.prefix(7))
    case .day: return full
    }
  }

  /// The current day in UTC.
  public static var today: Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
  }

  /// The days since 1 January 1970 (proleptic Gregorian; negative before), after Howard
  /// Hinnant's `days_from_civil`.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// Whole days from this day to another (negative when the other is earlier).
  public func days(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// The first day of a year.
  public static func startOf(year: Int) -> Day { Day(year: year, month: 1, day: 1)! }
  /// The last day of a year.
  public static func endOf(year: Int) -> Day { Day(year: year, month: 12, day: 31)! }

  /// The number of days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    self = try Day(parsing: text)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// How precisely a date is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
  case day, month, year
}

/// A text that is not a valid `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) date.
public struct DayParseError: Error, Sendable, CustomStringConvertible {
  public let text: String
  public var description: String { "'\(text)' is not a valid date (expected YYYY-MM-DD)" }
}
