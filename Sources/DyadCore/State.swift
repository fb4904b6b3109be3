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

  public init(
    id: StateID, name: String, start: Day?, end: Day?, codes: StateCodes, aliases: [String],
    periods: [Period] = []
  ) {
    self.id = id
    self.name = name
    self.start = start
    self.end = end
    self.codes = codes
    self.aliases = aliases
    self.periods = periods.sorted { ($0.from ?? Day.startOf(year: 1)) < ($1.from ?? Day.startOf(year: 1)) }
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

  /// Whether the state existed on a day (unknown bounds count as open).
  public func exists(on day: Day) -> Bool {
    (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true)
  }

  /// The period in force on a day, or `nil` when the current names apply.
  public func period(on day: Day) -> Period? { periods.last { $0.contains(day) } }

  /// The state's name on a day: "Soviet Union" for `RUS` in 1980.
  public func name(on day: Day) -> String { period(on: day)?.name ?? name }

  /// The state's name in a year (its name on 1 July).
  public func name(inYear year: Int) -> String { name(on: Day(year: year, month: 7, day: 1)!) }

  /// The span of years the state existed, as far as known.
  public var years: String {
    let from = start.map { String($0.year) } ?? "?"
    return end.map { "\(from)–\($0.year)" } ?? "\(from)–"
  }
}
