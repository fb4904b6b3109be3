import Foundation

/// Resolves every way the data sources name a state — names, aliases, ISO, COW, Gleditsch–Ward,
/// UN M49 and IMF codes — to one ``StateID``, by date where the meaning of a name or code changed.
///
/// ```swift
/// let registry = try StateRegistry(states: states, overrides: overrides)
/// try registry.resolve("Soviet Union").id                       // RUS
/// try registry.resolve("cow:365").id                            // RUS
/// try registry.resolve("China", on: Day(parsing: "1960-01-01"), context: .unitedNations).id  // TWN
/// try registry.resolve("Rusia")  // throws: unknown state 'Rusia'; did you mean Russia (RUS)?
/// ```
///
/// Names a person types go through ``resolve(_:during:)``, which refuses a name that means
/// several states in the years asked about ("Korea" today: North or South) with an
/// ``AmbiguousStateError``; the importers' ``resolve(_:on:context:)`` picks one by date.
public struct StateRegistry: Sendable {
  /// The states, keyed by id.
  public let states: [StateID: State]
  let names: [String: [Entry]]
  let codes: [CodeScheme: [String: [Entry]]]
  let overrides: [String: [NameOverride]]
  /// Short names several states share (`ambiguous_names.csv`), by normalized name.
  let ambiguous: [String: [AmbiguousName]]

  /// One way of naming a state, valid over a span of days.
  struct Entry: Sendable {
    let state: StateID
    let from: Day?
    let to: Day?
    let label: String

    /// The entry limited to the state's lifetime: two states may share a name they never held
    /// at the same time (Austria-Hungary and Austria).
    func within(_ state: State) -> Entry {
      Entry(
        state: self.state, from: [from, state.start].compactMap { $0 }.max(),
        to: [to, state.end].compactMap { $0 }.min(), label: label)
    }

    func isValid(on day: Day) -> Bool {
      (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }
  }

  /// Builds a registry; throws when two states alive at the same time share a name or code.
  ///
  /// `ambiguousNames` lists short names that several states share ("Korea"), each with the
  /// states it may mean; ``resolve(_:during:)`` picks among them by date or refuses.
  public init(
    states list: [State], overrides: [NameOverride] = [], ambiguousNames: [AmbiguousName] = []
  ) throws(RegistryError) {
    var states: [StateID: State] = [:]
    var names: [String: [Entry]] = [:]
    var codes: [CodeScheme: [String: [Entry]]] = [:]
    for state in list {
      guard states[state.id] == nil else { throw .duplicateState(state.id) }
      states[state.id] = state
      // Current names are understood at any time ("Russia" in 1950 means RUS). A current code
      // holds from the end of the last period that had another code in its scheme on; a period
      // without a code of its own in a scheme keeps the current one (COW 365 throughout).
      for name in [state.name] + state.aliases {
        names[Self.normalize(name), default: []].append(
          Entry(state: state.id, from: nil, to: nil, label: name))
      }
      for (scheme, code) in state.codes.values {
        let replaced = state.periods.filter { $0.codes[scheme] != nil && $0.codes[scheme] != code }
        let from = replaced.map(\.to).max().flatMap { Day.after($0) } ?? state.start
        codes[scheme, default: [:]][Self.normalizeCode(code), default: []].append(
          Entry(state: state.id, from: from, to: state.end, label: state.name))
      }
      for period in state.periods {
        for name in [period.name] + period.aliases {
          names[Self.normalize(name), default: []].append(
            Entry(state: state.id, from: period.from ?? state.start, to: period.to, label: period.name))
        }
        for (scheme, code) in period.codes.values {
          codes[scheme, default: [:]][Self.normalizeCode(code), default: []].append(
            Entry(state: state.id, from: period.from ?? state.start, to: period.to, label: period.name))
        }
      }
    }
    // The same name may name several states only at different times, or for the same state.
    for (key, entries) in names {
      let distinct = Dictionary(grouping: entries, by: \.state)
      if distinct.count > 1 {
        let ids = distinct.keys.sorted()
        for (i, a) in ids.enumerated() {
          for b in ids[(i + 1)...] {
            for x in distinct[a]! {
              for y in distinct[b]! where Self.overlap(x.within(states[a]!), y.within(states[b]!)) {
                throw .ambiguousName(key, a, b)
              }
            }
          }
        }
      }
    }
    var overrideIndex: [String: [NameOverride]] = [:]
    for item in overrides {
      guard states[item.state] != nil else { throw .unknownStateInOverride(item.alias, item.state) }
      overrideIndex[Self.normalize(item.alias), default: []].append(item)
    }
    var ambiguous: [String: [AmbiguousName]] = [:]
    for item in ambiguousNames {
      guard states[item.state] != nil else { throw .unknownStateInOverride(item.name, item.state) }
      ambiguous[Self.normalize(item.name), default: []].append(item)
    }
    self.states = states
    self.names = names
    self.codes = codes
    self.overrides = overrideIndex
    self.ambiguous = ambiguous
  }

  private static func overlap(_ x: Entry, _ y: Entry) -> Bool {
    let xFrom = x.from ?? Day.startOf(year: 1)
    let yFrom = y.from ?? Day.startOf(year: 1)
    let xTo = x.to ?? Day.endOf(year: 9999)
    let yTo = y.to ?? Day.endOf(year: 9999)
    return xFrom <= yTo && yFrom <= xTo
  }

  public subscript(id: StateID) -> State? { states[id] }

  /// Resolves a name or code to one state.
  ///
  /// - Parameters:
  ///   - query: a name or alias ("Russian Federation", "PRC"), a code ("RU", "RUS", "365"), or a
  ///     code with its scheme ("cow:365", "m49:643", "imf:922", "gw:260", "iso2:NA").
  ///   - day: the date the name was used on; resolves codes and names whose meaning changed.
  ///   - context: where the name comes from; in ``NamingContext/unitedNations`` "China" before
  ///     25 October 1971 is the Republic of China.
  public func resolve(
    _ query: String, on day: Day? = nil, context: NamingContext = .general
  ) throws(UnknownStateError) -> State {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    if let found = override(for: trimmed, on: day, context: context) {
      return states[found]!
    }
    let candidates = entries(for: trimmed)
    let chosen: Entry?
    if let day {
      chosen =
        candidates.first { $0.isValid(on: day) && states[$0.state]!.exists(on: day) }
        ?? candidates.first { $0.isValid(on: day) }
    } else {
      chosen =
        candidates.first { $0.to == nil && states[$0.state]!.end == nil }
        ?? candidates.max { ($0.to ?? Day.endOf(year: 9999)) < ($1.to ?? Day.endOf(year: 9999)) }
    }
    guard let chosen else {
      throw UnknownStateError(query: query, day: day, suggestions: suggestions(for: trimmed))
    }
    return states[chosen.state]!
  }

  /// Resolves a code in one scheme, on a day if given.
  public func resolve(
    code: String, in scheme: CodeScheme, on day: Day? = nil
  ) throws(UnknownStateError) -> State {
    try resolve("\(scheme.rawValue):\(code)", on: day)
  }

  /// The states a numeric code has named at any time, in one scheme: one look-up, for importers
  /// that resolve many codes (``search(_:limit:)`` does the same and more, for people).
  ///
  /// ```swift
  /// registry.holders(ofCode: 365, in: .cowNumeric)  // ["RUS"]
  /// ```
  public func holders(ofCode code: Int, in scheme: CodeScheme) -> Set<StateID> {
    Set((codes[scheme]?[String(code)] ?? []).map(\.state))
  }

  /// Every state a query could mean, with how it matched; for `dyad states`.
  public func search(_ query: String, limit: Int = 20) -> [StateMatch] {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    var matches: [StateMatch] = []
    var seen = Set<String>()
    func add(_ entry: Entry, _ how: String) {
      let key = "\(entry.state)|\(how)|\(entry.from?.description ?? "")"
      guard !seen.contains(key), let state = states[entry.state] else { return }
      seen.insert(key)
      matches.append(StateMatch(state: state, matchedBy: how, label: entry.label, from: entry.from, to: entry.to))
    }
    let (scheme, code) = Self.splitScheme(trimmed)
    for s in scheme.map({ [$0] }) ?? CodeScheme.allCases {
      for entry in codes[s]?[Self.normalizeCode(code)] ?? [] { add(entry, "\(s) \(code)") }
    }
    if scheme == nil {
      let key = Self.normalize(trimmed)
      for entry in names[key] ?? [] { add(entry, "name") }
      for item in ambiguous[key] ?? [] {
        add(Entry(state: item.state, from: item.from, to: item.to, label: item.name), "shared name")
      }
      for item in overrides[key] ?? [] {
        add(Entry(state: item.state, from: item.from, to: item.to, label: item.alias),
            item.context == .general ? "alias" : "name in \(item.context.rawValue) usage")
      }
      if key.count >= 3 {
        let words = key.split(separator: " ")
        for (name, entries) in names.sorted(by: { $0.key < $1.key }) where name != key {
          let nameWords = name.split(separator: " ")
          guard words.allSatisfy({ word in nameWords.contains { $0.hasPrefix(word) } }) else { continue }
          for entry in entries where !matches.contains(where: { $0.state.id == entry.state }) {
            add(entry, "partial name")
          }
        }
      }
    }
    // One match per state: the first way it matched, with the other ways noted.
    var merged: [StateMatch] = []
    for match in matches {
      if let i = merged.firstIndex(where: { $0.state.id == match.state.id }) {
        let first = merged[i]
        guard !first.matchedBy.contains(match.matchedBy) else { continue }
        merged[i] = StateMatch(
          state: first.state, matchedBy: first.matchedBy + ", " + match.matchedBy, label: first.label, from: first.from,
          to: first.to)
      } else {
        merged.append(match)
      }
    }
    return Array(merged.prefix(limit))
  }

  /// The nearest known names to a query, for error messages.
  public func suggestions(for query: String, count: Int = 3) -> [String] {
    let key = Self.normalize(query)
    guard !key.isEmpty else { return [] }
    var best: [(distance: Int, label: String)] = []
    var labels: [String: String] = [:]
    for (name, entries) in names {
      guard let entry = entries.first else { continue }
      let label = states[entry.state].map { "\(entry.label) (\($0.id))" } ?? entry.label
      labels[name] = label
    }
    for (name, label) in labels {
      let distance =
        name.hasPrefix(key) && key.count >= 3
        ? 1 : Self.editDistance(key, name, limit: max(2, key.count / 2))
      if distance <= max(2, key.count / 2) { best.append((distance, label)) }
    }
    var unique: [String] = []
    for item in best.sorted(by: { ($0.distance, $0.label) < ($1.distance, $1.label) })
    where !unique.contains(item.label) {
      unique.append(item.label)
    }
    return Array(unique.prefix(count))
  }

  /// A name override in force: on a day, one whose span holds the day; without a day, only an
  /// unbounded one of any context ("Republic of China" is always Taiwan).
  private func override(for query: String, on day: Day?, context: NamingContext) -> StateID? {
    overrides[Self.normalize(query)]?.first {
      guard $0.context == .general || $0.context == context else { return false }
      if let day { return $0.contains(day) }
      return $0.from == nil && $0.to == nil && $0.context == .general
    }?.state
  }

  func entries(for query: String) -> [Entry] {
    let (scheme, code) = Self.splitScheme(query)
    if let scheme { return codes[scheme]?[Self.normalizeCode(code)] ?? [] }
    var result: [Entry] = []
    let isNumber = !query.isEmpty && query.allSatisfy(\.isASCII) && Int(query) != nil
    let isUpperCode = (2...3).contains(query.count) && query.allSatisfy { $0.isASCII && ($0.isUppercase) }
    if isNumber {
      for s in [CodeScheme.cowNumeric, .gwNumeric, .m49, .imf] {
        result += codes[s]?[Self.normalizeCode(query)] ?? []
        if !result.isEmpty { return result }
      }
      return result
    }
    if isUpperCode {
      let schemes: [CodeScheme] = query.count == 2 ? [.iso2] : [.iso3, .cowLetter, .gwLetter]
      for s in schemes { result += codes[s]?[query] ?? [] }
    }
    result += names[Self.normalize(query)] ?? []
    if result.isEmpty, query.count <= 3 {
      for s in [CodeScheme.iso2, .iso3, .cowLetter] { result += codes[s]?[query.uppercased()] ?? [] }
    }
    return result
  }

  static func splitScheme(_ query: String) -> (CodeScheme?, String) {
    guard let colon = query.firstIndex(of: ":") else { return (nil, query) }
    let prefix = query[..<colon].lowercased()
    let rest = String(query[query.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    let aliases: [String: CodeScheme] = [
      "cow": .cowNumeric, "cown": .cowNumeric, "ccode": .cowNumeric, "cowc": .cowLetter,
      "gw": .gwNumeric, "gwn": .gwNumeric, "gwc": .gwLetter, "iso2": .iso2, "iso2c": .iso2,
      "iso3": .iso3, "iso3c": .iso3, "iso": rest.count == 2 ? .iso2 : .iso3, "m49": .m49,
      "un": .m49, "iso3n": .m49, "imf": .imf,
    ]
    guard let scheme = aliases[prefix] else { return (nil, query) }
    return (scheme, rest)
  }

  /// Folds case, diacritics, punctuation and `&` so that "Côte d’Ivoire", "Cote d'Ivoire" and
  /// "COTE D IVOIRE" compare equal.
  public static func normalize(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var out = ""
    out.reserveCapacity(folded.count)
    var pendingSpace = false
    for ch in folded {
      if ch.isLetter || ch.isNumber {
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        out.append(ch)
      } else if ch == "&" {
        if !out.isEmpty { out.append(" ") }
        out.append("and")
        pendingSpace = true
      } else if ch == "." || ch == "'" || ch == "’" || ch == "*" {
        continue
      } else {
        pendingSpace = true
      }
    }
    return out
  }

  static func normalizeCode(_ code: String) -> String {
    let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
    if let number = Int(trimmed) { return String(number) }
    return trimmed
  }

  /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
  static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(1, a.count) where !a.isEmpty {
      current[0] = i
      var rowMin = current[0]
      for j in 1...max(1, b.count) where !b.isEmpty {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}

extension Day {
  /// The next calendar day.
  public static func after(_ day: Day) -> Day? {
    Day(year: day.year, month: day.month, day: day.day + 1)
      ?? Day(year: day.year, month: day.month + 1, day: 1)
      ?? Day(year: day.year + 1, month: 1, day: 1)
  }

  /// The calendar day before.
  public static func before(_ day: Day) -> Day? {
    if day.day > 1 { return Day(year: day.year, month: day.month, day: day.day - 1) }
    if day.month > 1 {
      return Day(year: day.year, month: day.month - 1, day: Day.daysIn(month: day.month - 1, year: day.year))
    }
    return Day(year: day.year - 1, month: 12, day: 31)
  }
}

/// Where a name comes from, when that changes what it means.
public enum NamingContext: String, Sendable, Codable, CaseIterable {
  /// Any source.
  case general = ""
  /// UN documents and votes, where "China" meant the Republic of China until 25 October 1971.
  case unitedNations = "un"
}

/// A name that means a given state in one context over a span of days.
public struct NameOverride: Hashable, Sendable, Codable {
  public let alias: String
  public let context: NamingContext
  public let state: StateID
  public let from: Day?
  public let to: Day?
  public let note: String

  public init(alias: String, context: NamingContext, state: StateID, from: Day?, to: Day?, note: String) {
    self.alias = alias
    self.context = context
    self.state = state
    self.from = from
    self.to = to
    self.note = note
  }

  public func contains(_ day: Day) -> Bool {
    (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
  }
}

/// One way a query matched a state.
public struct StateMatch: Hashable, Sendable, Codable {
  public let state: State
  public let matchedBy: String
  public let label: String
  public let from: Day?
  public let to: Day?
}

/// A name or code that names no known state.
public struct UnknownStateError: Error, Sendable, CustomStringConvertible {
  public let query: String
  public let day: Day?
  public let suggestions: [String]

  public init(query: String, day: Day?, suggestions: [String]) {
    self.query = query
    self.day = day
    self.suggestions = suggestions
  }

  public var description: String {
    var text = "unknown state '\(query)'"
    if let day { text += " on \(day)" }
    if suggestions.isEmpty {
      text += "; run `dyad states NAME` to search by name or code"
    } else {
      text += "; did you mean \(suggestions.joined(separator: ", "))?"
    }
    return text
  }
}

/// A registry table that contradicts itself.
public enum RegistryError: Error, Sendable, CustomStringConvertible, Equatable {
  case duplicateState(StateID)
  case ambiguousName(String, StateID, StateID)
  case unknownStateInOverride(String, StateID)

  public var description: String {
    switch self {
    case .duplicateState(let id): "the state id \(id) is listed twice"
    case .ambiguousName(let name, let a, let b):
      "the name '\(name)' names both \(a) and \(b) at the same time"
    case .unknownStateInOverride(let alias, let id): "the alias '\(alias)' names unknown state \(id)"
    }
  }
}
