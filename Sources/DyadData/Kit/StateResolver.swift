import DyadCore

/// The import kit's one resolver from a dataset's state codes and names to Dyad states, by date.
///
/// Every importer resolves through it, so one code or name means the same state whichever dataset
/// asks. The rules, for data dated by year:
///
/// 1. the state the query names on 1 July (the better part of the year), else on 1 January, else
///    on 31 December (a state that began or ended during the year);
/// 2. for a year before the Correlates of War state system (1816; ATOP starts in 1815), the state
///    on 1 January 1816;
/// 3. for a numeric code held by one state only (every COW code in the registry), that state: a
///    series sometimes lists a state before it entered the system (Hanover in 1815). A name is
///    never resolved without a date.
///
/// Data dated by day resolve on that day; a name whose meaning changes within a year ("China" in
/// UN usage in 1971) is resolved day by day. Lookups never throw: `nil` means no state, and
/// ``unknown(_:on:)`` builds the error (with spelling suggestions) only when an importer reports
/// one. Answers are cached per query and year, so a dataset that names the same few hundred states
/// a million times pays for a few hundred lookups. A resolver is a value: each thread or importer
/// keeps its own copy and cache.
///
/// ```swift
/// var resolver = StateResolver(registry: registry, context: .unitedNations)
/// resolver.state("China", on: Day(year: 1970, month: 12, day: 1)!)  // TWN
/// resolver.state(code: 365, in: .cowNumeric, year: 1950)            // RUS
/// ```
public struct StateResolver: Sendable {
  /// The registry the resolver reads.
  public let registry: StateRegistry
  /// Where the names come from (UN usage for votes and vetoes).
  public let context: NamingContext
  private struct Key: Hashable {
    let query: String
    let year: Int
  }
  /// By year; `.some(nil)` for a query that names no state that year.
  private var byYear: [Key: StateID?] = [:]
  /// By day, for queries whose meaning changes within a year: `nil` when that is not known yet.
  private var changesWithinYear: [Key: Bool] = [:]
  private var byDay: [String: StateID?] = [:]
  /// The one state a numeric code names at any time, by scheme and code; `.some(nil)` for several
  /// or none.
  private var onlyHolder: [Int: StateID?] = [:]

  /// The first year of the Correlates of War state system.
  public static let systemStart = 1816

  public init(registry: StateRegistry, context: NamingContext = .general) {
    self.registry = registry
    self.context = context
  }

  /// The state a name or code (`cow:365`, `m49:643`, `Russia`) named in a year, by the rules above.
  public mutating func state(_ query: String, inYear year: Int) -> StateID? {
    let key = Key(query: query, year: year)
    if let cached = byYear[key] { return cached }
    var found: StateID?
    for day in [Day(year: year, month: 7, day: 1), Day.startOf(year: year), Day.endOf(year: year)] {
      if let day, let state = try? registry.resolve(query, on: day, context: context) {
        found = state.id
        break
      }
    }
    if found == nil, year < Self.systemStart {
      found = try? registry.resolve(query, on: Day.startOf(year: Self.systemStart), context: context).id
    }
    if found == nil, let (scheme, code) = Self.numericCode(query) {
      found = only(code: code, in: scheme)
    }
    byYear[key] = .some(found)
    return found
  }

  /// The state a numeric code named in a year, by the rules above.
  public mutating func state(code: Int, in scheme: CodeScheme, year: Int) -> StateID? {
    // A code held by one state names it in every year (what the dated rules come to, without
    // their look-ups, whose failures are costly: each computes spelling suggestions).
    if let only = only(code: code, in: scheme) { return only }
    return state("\(scheme.rawValue):\(code)", inYear: year)
  }

  /// The state a name or code named on a day.
  public mutating func state(_ query: String, on day: Day) -> StateID? {
    let key = Key(query: query, year: day.year)
    // A query that means one state all year is answered from the year's cache.
    switch changesWithinYear[key] {
    case false?:
      return byYear[Key(query: query, year: -day.year)] ?? nil
    case nil:
      let first = try? registry.resolve(query, on: Day.startOf(year: day.year), context: context)
      let last = try? registry.resolve(query, on: Day.endOf(year: day.year), context: context)
      if let first, let last, first.id == last.id {
        changesWithinYear[key] = false
        byYear[Key(query: query, year: -day.year)] = .some(first.id)
        return first.id
      }
      changesWithinYear[key] = true
    case true?:
      break
    }
    let dayKey = "\(query)|\(day)"
    if let found = byDay[dayKey] { return found }
    let found = try? registry.resolve(query, on: day, context: context).id
    byDay[dayKey] = .some(found)
    return found
  }

  /// The error for a query that names no state (on a day, when given), with the nearest names.
  public func unknown(_ query: String, on day: Day? = nil) -> UnknownStateError {
    UnknownStateError(query: query, day: day, suggestions: registry.suggestions(for: query))
  }

  /// ``state(_:on:)``, or the error naming the query.
  public mutating func resolve(_ query: String, on day: Day) throws(UnknownStateError) -> StateID {
    guard let found = state(query, on: day) else { throw unknown(query, on: day) }
    return found
  }

  /// ``state(_:inYear:)``, or the error naming the query.
  public mutating func resolve(_ query: String, inYear year: Int) throws(UnknownStateError) -> StateID {
    guard let found = state(query, inYear: year) else { throw unknown(query, on: Day.startOf(year: year)) }
    return found
  }

  /// ``state(code:in:year:)``, or an import error at a record's line and column.
  public mutating func require(
    code: Int, in scheme: CodeScheme = .cowNumeric, year: Int, file: String, line: Int, column: String
  ) throws(ImportError) -> StateID {
    guard let id = state(code: code, in: scheme, year: year) else {
      throw ImportError(
        file: file, line: line, field: column,
        message: "\(scheme) code \(code) names no state in \(year) in Dyad's state registry")
    }
    return id
  }

  /// The one state a numeric code has named at any time, or `nil` for none or several.
  public mutating func only(code: Int, in scheme: CodeScheme) -> StateID? {
    let key = Self.holderKey(code, scheme)
    if let cached = onlyHolder[key] { return cached }
    let holders = registry.holders(ofCode: code, in: scheme)
    let only = holders.count == 1 ? holders.first : nil
    onlyHolder[key] = .some(only)
    return only
  }

  private static func holderKey(_ code: Int, _ scheme: CodeScheme) -> Int {
    code &* 16 &+ (CodeScheme.allCases.firstIndex(of: scheme) ?? 0)
  }

  /// `cow:365` → (COW, 365); `nil` for a name or a letter code.
  private static func numericCode(_ query: String) -> (CodeScheme, Int)? {
    guard let colon = query.firstIndex(of: ":"),
      let scheme = CodeScheme(rawValue: String(query[..<colon])), scheme.isNumeric,
      let code = Int(query[query.index(after: colon)...])
    else { return nil }
    return (scheme, code)
  }
}
