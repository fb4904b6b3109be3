import DyadCore

/// A dated event on a ``DotTimeline``: a dot in its lane, with a label when there is room.
///
/// ```swift
/// TimelineEvent(
///   date: try Day(parsing: "2001-07-16"), lane: "Treaty",
///   label: "Treaty of Good-Neighbourliness", priority: 2)
/// TimelineEvent(date: Day.startOf(year: 1996), precision: .year, lane: "Summit", label: "Shanghai Five")
/// ```
public struct TimelineEvent: Sendable, Hashable, Codable {
  /// When the event happened (to the precision of ``precision``).
  public var date: Day
  /// How precisely the date is known: the dot sits in the middle of the month or year when the
  /// day or month is unknown, and the table prints only what is known.
  public var precision: DatePrecision
  /// The lane (the kind of event), e.g. "Leader meeting", "Treaty", "Exercise".
  public var lane: String
  /// The label: drawn next to the dot when it fits, always in the data table.
  public var label: String
  /// Higher priorities get their labels placed first when space is short.
  public var priority: Int

  /// An event; without a precision the date is taken to the day.
  public init(date: Day, precision: DatePrecision = .day, lane: String, label: String, priority: Int = 0) {
    self.date = date
    self.precision = precision
    self.lane = lane
    self.label = label
    self.priority = priority
  }

  /// The date as fractional years: the middle of the day, month or year it names.
  var position: Double {
    let year = date.year
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let daysInYear = leap ? 366.0 : 365.0
    let monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let daysBefore = Double(monthLengths.prefix(date.month - 1).reduce(0, +))
    switch precision {
    case .year: return Double(year) + 0.5
    case .month: return Double(year) + (daysBefore + Double(monthLengths[date.month - 1]) / 2) / daysInYear
    case .day: return Double(year) + (daysBefore + Double(date.day) - 0.5) / daysInYear
    }
  }

  /// The date as text at its precision: `2001`, `2001-07` or `2001-07-16`.
  var dateText: String { date.formatted(precision) }
}
