/// When a question is about, for reading the names in it: a day, a year, a span of years, or
/// today when the question names no date.
///
/// ```swift
/// QueryDates.asked(year: 1900)                   // in 1900
/// QueryDates.asked(from: 1950, to: 2000)          // in 1950–2000
/// QueryDates.asked(today: Day(year: 2026, month: 1, day: 1)!)  // today (2026-01-01)
/// ```
public struct QueryDates: Hashable, Sendable, CustomStringConvertible {
  /// The first day asked about.
  public let from: Day
  /// The last day asked about.
  public let to: Day
  /// Whether no date was asked and today was assumed.
  public let isToday: Bool

  private init(from: Day, to: Day, isToday: Bool) {
    self.from = min(from, to)
    self.to = max(from, to)
    self.isToday = isToday
  }

  /// Today: the date of a question that names none.
  public static func today(_ day: Day = .today) -> QueryDates { QueryDates(from: day, to: day, isToday: true) }

  /// One day.
  public static func on(_ day: Day) -> QueryDates { QueryDates(from: day, to: day, isToday: false) }

  /// One year: every day of it.
  public static func year(_ year: Int) -> QueryDates {
    QueryDates(from: .startOf(year: year), to: .endOf(year: year), isToday: false)
  }

  /// A span of years: every day of them.
  public static func years(_ range: YearRange) -> QueryDates {
    QueryDates(from: .startOf(year: range.lowerBound), to: .endOf(year: range.upperBound), isToday: false)
  }

  /// The dates of a question as asked: its year, else its `from` and `to` years (an open start
  /// is ``YearRange/all``'s first year, an open end this year), else today.
  public static func asked(year: Int? = nil, from: Int? = nil, to: Int? = nil, today: Day = .today) -> QueryDates {
    if let year { return .year(year) }
    guard from != nil || to != nil else { return .today(today) }
    let first = from ?? min(YearRange.all.lowerBound, to!)
    let last = to ?? max(today.year, first)
    return QueryDates(from: .startOf(year: first), to: .endOf(year: max(first, last)), isToday: false)
  }

  /// The years asked about.
  public var years: YearRange { try! YearRange(from: from.year, to: to.year) }

  /// "today (2026-05-01)", "on 1990-10-03", "in 1960", "in 1950–2000".
  public var description: String {
    if isToday { return "today (\(from))" }
    if from == to { return "on \(from)" }
    return "in \(years)"
  }
}

/// A short name several states share, as `ambiguous_names.csv` lists it: "Korea" for Joseon
/// Korea, North Korea and South Korea. The name means one of them only when the date asked
/// about leaves one.
public struct AmbiguousName: Hashable, Sendable, Codable {
  /// The name as typed ("Korea").
  public let name: String
  /// One state it may mean.
  public let state: StateID
  /// The first day it may mean that state; the state's start when `nil`.
  public let from: Day?
  /// The last day it may mean that state; the state's end when `nil`.
  public let to: Day?
  /// Why the name is listed.
  public let note: String

  public init(name: String, state: StateID, from: Day? = nil, to: Day? = nil, note: String = "") {
    self.name = name
    self.state = state
    self.from = from
    self.to = to
    self.note = note
  }
}

/// A name that means several states in the dates asked about.
///
/// ```text
/// 'Korea' names several states today (2026-05-01): North Korea (PRK, COW 731, 1948–) and South
/// Korea (KOR, COW 732, 1949–); say `North Korea` or `South Korea`, or give a year.
/// ```
public struct AmbiguousStateError: Error, Sendable, CustomStringConvertible {
  /// One state the name could mean.
  public struct Candidate: Hashable, Sendable, Codable {
    /// The state's id.
    public let id: StateID
    /// Its current (or last) name.
    public let name: String
    /// Its COW numeric code, if it has one.
    public let cow: String?
    /// The years it existed: "1955–1990".
    public let years: String
    /// The days it existed: "1955-05-05 – 1990-10-02".
    public let existed: String
    /// What to type to mean this state and no other: its name, or a code (`cow:730`).
    public let say: String
  }

  /// The name as typed.
  public let query: String
  /// The dates it was read in.
  public let dates: QueryDates
  /// The states it could mean in those dates; every state it names when none existed then.
  public let candidates: [Candidate]
  /// Whether none of the states the name names existed in the dates.
  public let noneExisted: Bool

  public init(query: String, dates: QueryDates, candidates: [Candidate], noneExisted: Bool) {
    self.query = query
    self.dates = dates
    self.candidates = candidates
    self.noneExisted = noneExisted
  }

  /// What to do: "say `North Korea` or `South Korea`, or give a year".
  public var hint: String {
    let says = candidates.map { "`\($0.say)`" }
    let list = says.count <= 1 ? says.joined() : says.dropLast().joined(separator: ", ") + " or " + says.last!
    if noneExisted { return "say \(list), or give a year in which one existed" }
    return dates.isToday ? "say \(list), or give a year" : "say \(list)"
  }

  public var description: String {
    let listed = candidates.map { item in
      "\(item.name) (\([item.id.rawValue, item.cow.map { "COW \($0)" }, item.years].compactMap { $0 }.joined(separator: ", ")))"
    }
    let list = listed.count <= 1 ? listed.joined() : listed.dropLast().joined(separator: ", ") + " and " + listed.last!
    if noneExisted {
      return "'\(query)' names no state that existed \(dates); it has named \(list); \(hint)."
    }
    return "'\(query)' names several states \(dates): \(list); \(hint)."
  }
}

extension StateRegistry {
  /// Resolves a name or code a person gave, for a question about `dates`: one state, or an
  /// ``AmbiguousStateError`` listing the candidates when the name means several states then.
  ///
  /// A name means several states when the registry gives it to more than one (its names, aliases
  /// and ``NameOverride``s of general use) or lists it in `ambiguous_names.csv`; of those, the
  /// states that existed on some day of `dates` (and that the name could mean then) are the
  /// candidates, and exactly one resolves. A name only one state has is that state whatever the
  /// date ("Russia" in 1950 is `RUS`; ``DyadQuestion``'s statehood check then judges the years).
  /// A code with its scheme (`cow:260`, `iso3:KOR`) is never ambiguous.
  ///
  /// ```swift
  /// try registry.resolve("Germany", during: .today())    // DEU
  /// try registry.resolve("Germany", during: .year(1960)) // throws: West Germany or East Germany
  /// try registry.resolve("Korea", during: .year(1900))   // JOS
  /// ```
  ///
  /// - Throws: ``UnknownStateError`` when no state answers to the name, ``AmbiguousStateError``
  ///   when several do.
  public func resolve(_ query: String, during dates: QueryDates) throws -> State {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    if Self.splitScheme(trimmed).0 != nil {
      if !dates.isToday {
        if let state = try? resolve(trimmed, on: dates.to) { return state }
        if let state = try? resolve(trimmed, on: dates.from) { return state }
      }
      return try resolve(trimmed)
    }
    let spans = candidateSpans(for: trimmed)
    var ids: [StateID] = []
    for span in spans where !ids.contains(span.state) { ids.append(span.state) }
    guard !ids.isEmpty else {
      throw UnknownStateError(query: query, day: nil, suggestions: suggestions(for: trimmed))
    }
    if ids.count == 1 { return states[ids[0]]! }
    let qualifying = ids.filter { id in
      spans.contains { span in
        guard span.state == id, let state = states[id] else { return false }
        let first = max(span.from ?? dates.from, dates.from)
        let last = min(span.to ?? dates.to, dates.to)
        return first <= last && state.exists(between: first, and: last)
      }
    }
    if qualifying.count == 1 { return states[qualifying[0]]! }
    let listed = (qualifying.isEmpty ? ids : qualifying).compactMap { states[$0] }.sorted {
      ($0.start ?? .startOf(year: 1), $0.id) < ($1.start ?? .startOf(year: 1), $1.id)
    }
    throw AmbiguousStateError(
      query: trimmed, dates: dates, candidates: listed.map(candidate), noneExisted: qualifying.isEmpty)
  }

  /// Every state a name (or bare code) may mean, with the span it may mean each: the shared
  /// short names of `ambiguous_names.csv` when listed, else the registry's names, codes and
  /// general overrides.
  private func candidateSpans(for query: String) -> [(state: StateID, from: Day?, to: Day?)] {
    let key = Self.normalize(query)
    if let listed = ambiguous[key] { return listed.map { ($0.state, $0.from, $0.to) } }
    var spans = entries(for: query).map { (state: $0.state, from: $0.from, to: $0.to) }
    for item in overrides[key] ?? [] where item.context == .general {
      spans.append((item.state, item.from, item.to))
    }
    return spans
  }

  /// A candidate of an ambiguity, with what to type to mean it alone.
  private func candidate(_ state: State) -> AmbiguousStateError.Candidate {
    let key = Self.normalize(state.name)
    let nameIsUnique =
      ambiguous[key] == nil
      && Set((names[key] ?? []).map(\.state) + (overrides[key] ?? []).filter { $0.context == .general }.map(\.state))
        == [state.id]
    let say: String
    if nameIsUnique {
      say = state.name
    } else if let cow = state.codes[.cowNumeric] {
      say = "cow:\(cow)"
    } else if let gw = state.codes[.gwNumeric] {
      say = "gw:\(gw)"
    } else if let iso3 = state.codes[.iso3] {
      say = "iso3:\(iso3)"
    } else {
      say = state.name
    }
    return AmbiguousStateError.Candidate(
      id: state.id, name: state.name, cow: state.codes[.cowNumeric], years: state.years, existed: state.lifetime,
      say: say)
  }
}
