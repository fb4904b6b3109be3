import DyadCore

/// The fast path's view of ``StateResolver`` for COW codes: each (code, year) resolved once, by the
/// kit's rules, and each state given a small index, so that the importers' per-row work is two
/// array reads.
package final class COWCodeCache {
  package let registry: StateRegistry
  /// The kit's resolver, for codes held by several states over time.
  private var resolver: StateResolver
  /// The states seen so far, by index.
  package private(set) var ids: [StateID] = []
  private var indices: [StateID: Int32] = [:]
  /// `(code - 1) * yearSpan + (year - firstYear)` → state index, `unresolved` or `unknown`. A
  /// buffer rather than an array: the per-row lookups then need no exclusivity checks.
  private let table: UnsafeMutableBufferPointer<Int32>

  package static let codes = 1...999
  package static let years = 1700...2100
  private static let yearSpan = years.count
  private static let unknown: Int32 = -2
  /// The value of a (code, year) that names no state.
  package static let unresolved: Int32 = -1

  package init(registry: StateRegistry) {
    self.registry = registry
    resolver = StateResolver(registry: registry)
    table = .allocate(capacity: Self.codes.count * Self.yearSpan)
    table.initialize(repeating: Self.unknown)
  }

  deinit { table.deallocate() }

  /// The index of the state a code names in a year, or ``unresolved``. Codes and years must lie in
  /// ``codes`` and ``years``.
  @inline(__always)
  package func index(code: Int, year: Int) -> Int32 {
    let slot = (code &- 1) &* Self.yearSpan &+ (year &- Self.years.lowerBound)
    let cached = table[slot]
    if cached != Self.unknown { return cached }
    if let only = onlyHolder(code: code) {
      // Every year of the code at once.
      let row = (code &- 1) &* Self.yearSpan
      UnsafeMutableBufferPointer(rebasing: table[row..<(row + Self.yearSpan)]).update(repeating: only)
      return only
    }
    let found = resolve(code: code, year: year)
    table[slot] = found
    return found
  }

  /// The index of the one state a code names at any time, ``unresolved`` for a code that names
  /// none, or `nil` for a code held by several states over time (resolved year by year).
  package func onlyHolder(code: Int) -> Int32? {
    switch holders(of: code) {
    case .none: Self.unresolved
    case .one(let state): state
    case .several: nil
    }
  }

  /// The state a code names in a year, or `nil`.
  package func state(code: Int, year: Int) -> StateID? {
    let i = index(code: code, year: year)
    return i < 0 ? nil : ids[Int(i)]
  }

  /// The index of a state, adding it when new.
  package func index(of id: StateID) -> Int32 {
    if let i = indices[id] { return i }
    let i = Int32(ids.count)
    ids.append(id)
    indices[id] = i
    return i
  }

  /// What the registry holds for a code at any time: no state, one state, or several over time.
  private enum Holders {
    case none, one(Int32), several
  }
  private var holders: [Int: Holders] = [:]

  private func holders(of code: Int) -> Holders {
    if let cached = holders[code] { return cached }
    let states = registry.holders(ofCode: code, in: .cowNumeric)
    let known: Holders = states.isEmpty ? .none : states.count == 1 ? .one(index(of: states.first!)) : .several
    holders[code] = known
    return known
  }

  /// The state a code held by several states over time names in a year, by the import kit's
  /// one set of rules (``StateResolver``). (A code held by one state only resolves to it in
  /// every year, and a code held by none never resolves: ``index(code:year:)`` answers both
  /// without a look-up.)
  private func resolve(code: Int, year: Int) -> Int32 {
    let found = resolver.state(code: code, in: .cowNumeric, year: year)
    return found.map { index(of: $0) } ?? Self.unresolved
  }
}
