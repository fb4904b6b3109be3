import DyadCore

/// Resolves the names or codes of a dataset to states through the registry, caching one answer per
/// query and year when the query means the same state all year.
///
/// Resolution is not free, and a dataset names the same few hundred states hundreds of thousands
/// of times. A name whose meaning changes within a year ("China" in UN usage in 1971) is resolved
/// on each day it is used.
package struct YearlyStateResolver {
  package let registry: StateRegistry
  package let context: NamingContext
  private struct Key: Hashable {
    package let query: String
    package let year: Int
  }
  /// `nil` when the query's meaning changes within the year.
  private var cache: [Key: StateID?] = [:]
  private var daily: [String: StateID] = [:]

  package init(registry: StateRegistry, context: NamingContext = .general) {
    self.registry = registry
    self.context = context
  }

  /// The state a query meant on a day.
  package mutating func resolve(_ query: String, on day: Day) throws(UnknownStateError) -> StateID {
    let key = Key(query: query, year: day.year)
    if let cached = cache[key] {
      if let cached { return cached }
    } else {
      let first = try? registry.resolve(query, on: Day.startOf(year: day.year), context: context)
      let last = try? registry.resolve(query, on: Day.endOf(year: day.year), context: context)
      if let first, let last, first.id == last.id {
        cache[key] = first.id
        return first.id
      }
      cache[key] = .some(nil)
    }
    let dayKey = "\(query)|\(day)"
    if let found = daily[dayKey] { return found }
    let found = try registry.resolve(query, on: day, context: context).id
    daily[dayKey] = found
    return found
  }

  /// The state a query meant in a year, for data dated by year: the state on 1 July, else on the
  /// first or last day of the year, else the query's undated meaning.
  package mutating func resolve(_ query: String, inYear year: Int) throws(UnknownStateError) -> StateID {
    let key = Key(query: query, year: -year)
    if let cached = cache[key], let cached { return cached }
    var found: State?
    for day in [Day(year: year, month: 7, day: 1)!, Day.startOf(year: year), Day.endOf(year: year)] {
      if let state = try? registry.resolve(query, on: day, context: context) {
        found = state
        break
      }
    }
    if found == nil { found = try registry.resolve(query, context: context) }
    cache[key] = found!.id
    return found!.id
  }
}
