/// A state: a continuing identity with its names and codes, some of which changed over time.
///
/// ```swift
/// let russia = registry[StateID("RUS")]!
/// russia.name(on: try Day(parsing: "1980-01-01"))  // "Soviet Union"
/// ```
public struct State: Hashable, Sendable, Codable, Identifiable {
  public let id: StateID
  /// The common English short name of the current (or last) period.
  public let name: String
  /// The first day in the state system, when known.
  public let start: Day?
  /// The last day in the state system; `nil` for a state that exists today.
  public let end: Day?
  /// The current (or last) codes.
  public let codes: StateCodes
  /// Other names of the current period.
  public let aliases: [String]
  /// Earlier periods with other names or codes, oldest first.
  public let periods: [Period]
  /// Spans between ``start`` and ``end`` in which the state was out of the state system, oldest
  /// first: Germany (COW 255) from 9 May 1945 to 2 October 1990.
  public let gaps: [Gap]

  public init(
    id: StateID, name: String, start: Day?, end: Day?, codes: StateCodes, aliases: [String],
    periods: [Period] = [], gaps: [Gap] = []
  ) {
    self.id = id
    self.name = name
    self.start = start
    self.end = end
    self.codes = codes
    self.aliases = aliases
    self.periods = periods.sorted { ($0.from ?? Day.startOf(year: 1)) < ($1.from ?? Day.startOf(year: 1)) }
    self.gaps = gaps.sorted { $0.from < $1.from }
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, start, end, codes, aliases, periods, gaps
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(StateID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
      start: try c.decodeIfPresent(Day.self, forKey: .start), end: try c.decodeIfPresent(Day.self, forKey: .end),
      codes: try c.decode(StateCodes.self, forKey: .codes), aliases: try c.decode([String].self, forKey: .aliases),
      periods: try c.decodeIfPresent([Period].self, forKey: .periods) ?? [],
      gaps: try c.decodeIfPresent([Gap].self, forKey: .gaps) ?? [])
  }

  /// A span of days in which a state was out of the state system (occupied, divided, absorbed)
  /// and came back under the same identity.
  public struct Gap: Hashable, Sendable, Codable {
    /// The first day out.
    public let from: Day
    /// The last day out.
    public let to: Day
    /// Why, with the source.
    public let note: String

    public init(from: Day, to: Day, note: String = "") {
      self.from = from
      self.to = to
      self.note = note
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
  }

  /// A span of a state's history with its own name and codes (the Soviet Union within `RUS`).
  public struct Period: Hashable, Sendable, Codable {
    public let from: Day?
    public let to: Day
    public let name: String
    public let codes: StateCodes
    public let aliases: [String]

    public init(from: Day?, to: Day, name: String, codes: StateCodes, aliases: [String]) {
      self.from = from
      self.to = to
      self.name = name
      self.codes = codes
      self.aliases = aliases
    }

    public func contains(_ day: Day) -> Bool { (from.map { $0 <= day } ?? true) && day <= to }
  }

  /// Whether the state existed on a day (unknown bounds count as open; a day in one of its
  /// ``gaps`` does not count).
  public func exists(on day: Day) -> Bool {
    (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true) && !gaps.contains { $0.contains(day) }
  }

  /// The spans of days the state existed: one from ``start`` to ``end``, split by its ``gaps``;
  /// `nil` bounds are unknown or open.
  public var existence: [(from: Day?, to: Day?)] {
    var spans: [(from: Day?, to: Day?)] = []
    var from = start
    for gap in gaps {
      spans.append((from, Day.before(gap.from)))
      from = Day.after(gap.to)
    }
    spans.append((from, end))
    return spans
  }

  /// Whether the state existed on any day from `first` to `last`.
  public func exists(between first: Day, and last: Day) -> Bool {
    existence.contains { span in
      (span.from.map { $0 <= last } ?? true) && (span.to.map { first <= $0 } ?? true)
    }
  }

  /// The years in which the state existed on at least one day, as spans; an unknown start is
  /// ``YearRange/all``'s first year and an open end its last.
  public var yearsOfExistence: [YearRange] {
    existence.compactMap { span in
      try? YearRange(
        from: span.from?.year ?? YearRange.all.lowerBound, to: span.to?.year ?? YearRange.all.upperBound)
    }
  }

  /// The days the state existed, for messages: "1955-05-05 – 1990-10-02", "from 1948-09-09",
  /// "1816-01-01 – 1945-05-08 and from 1990-10-03".
  public var lifetime: String {
    let spans = existence.map { span -> String in
      switch (span.from, span.to) {
      case let (from?, to?): "\(from) – \(to)"
      case let (from?, nil): "from \(from)"
      case let (nil, to?): "until \(to)"
      case (nil, nil): "at all times known"
      }
    }
    return spans.count <= 1 ? spans.joined() : spans.dropLast().joined(separator: ", ") + " and " + spans.last!
  }

  /// The state's COW numeric code, for messages ("COW 260"), else its id.
  public var codeLabel: String { codes[.cowNumeric].map { "COW \($0)" } ?? id.rawValue }

  /// The period in force on a day, or `nil` when the current names apply.
  public func period(on day: Day) -> Period? { periods.last { $0.contains(day) } }

  /// The state's name on a day: "Soviet Union" for `RUS` in 1980.
  public func name(on day: Day) -> String { period(on: day)?.name ?? name }

  /// The state's name in a year (its name on 1 July).
  public func name(inYear year: Int) -> String { name(on: Day(year: year, month: 7, day: 1)!) }

  /// The span of years the state existed, as far as known: "1955–1990", "1948–", and with its
  /// gaps "1816–1945, 1990–".
  public var years: String {
    existence.map { span in
      let from = span.from.map { String($0.year) } ?? "?"
      return span.to.map { "\(from)–\($0.year)" } ?? "\(from)–"
    }.joined(separator: ", ")
  }
}
