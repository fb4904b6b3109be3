import DyadCore

/// A question about years in which one of its states did not exist, or about two states that
/// never existed together.
///
/// ```text
/// West Germany (COW 260) did not exist in 2026: it existed 1955-05-05 – 1990-10-02; ask for
/// years in 1955–1990, when both West Germany and East Germany existed.
/// ```
public struct StatehoodError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The states that did not exist in the years asked (both when they never coexisted).
  public let states: [StateID]
  /// The years asked about; `nil` when the two states never existed together.
  public let requested: YearRange?
  /// The years in which both states existed, oldest first; empty when never.
  public let jointYears: [YearRange]
  /// The message, with the years to ask for.
  public let description: String

  public init(states: [StateID], requested: YearRange?, jointYears: [YearRange], description: String) {
    self.states = states
    self.requested = requested
    self.jointYears = jointYears
    self.description = description
  }
}

/// The years two states both existed, and how a question's years are limited to them.
enum Statehood {
  /// The years in which both states existed on some day, oldest first.
  static func jointYears(_ a: State, _ b: State) -> [YearRange] {
    a.yearsOfExistence.flatMap { x in b.yearsOfExistence.compactMap { x.clamped(to: $0) } }
      .sorted { $0.lowerBound < $1.lowerBound }
  }

  /// Spans as text: "1955–1990", "1990–" for an open end, "1816–1945 or 1990–".
  static func text(_ spans: [YearRange]) -> String {
    spans.map { $0.upperBound >= YearRange.all.upperBound ? "\($0.lowerBound)–" : "\($0)" }
      .joined(separator: " or ")
  }

  /// "West Germany (COW 260)".
  static func label(_ state: State) -> String { "\(state.name) (\(state.codeLabel))" }

  /// The error for years in which the two states did not both exist.
  static func outside(_ a: State, _ b: State, requested: YearRange, joint: [YearRange]) -> StatehoodError {
    let first = Day.startOf(year: requested.lowerBound), last = Day.endOf(year: requested.upperBound)
    let absent = [a, b].filter { !$0.exists(between: first, and: last) }
    var parts = absent.map { "\(label($0)) did not exist in \(requested): it existed \($0.lifetime)" }
    if absent.isEmpty {
      parts = ["\(label(a)) and \(label(b)) did not both exist in any year of \(requested): \(a.name) existed \(a.lifetime), \(b.name) \(b.lifetime)"]
    }
    return StatehoodError(
      states: (absent.isEmpty ? [a, b] : absent).map(\.id), requested: requested, jointYears: joint,
      description: parts.joined(separator: "; ")
        + "; ask for years in \(text(joint)), when both \(a.name) and \(b.name) existed.")
  }

  /// A question's years limited to those both states existed, with the note that says so.
  ///
  /// - Asked years that only partly overlap are cut to the overlap ("Showing 1955–1990: the years
  ///   both West Germany and France existed."); a gap inside them is noted.
  /// - No years asked about a state that no longer exists: the years both existed.
  /// - Asked years in which they did not both exist, or two states that never coexisted: an error.
  static func limit(_ a: State, _ b: State, from: Int?, to: Int?, thisYear: Int) throws(StatehoodError)
    -> (from: Int?, to: Int?, joint: [YearRange], note: String?)
  {
    let joint = jointYears(a, b)
    guard let start = joint.first?.lowerBound, let end = joint.last?.upperBound else {
      throw StatehoodError(
        states: [a.id, b.id], requested: nil, jointYears: [],
        description:
          "\(label(a)) and \(label(b)) never existed at the same time: \(a.name) existed \(a.lifetime), \(b.name) \(b.lifetime); no year can be asked about both."
      )
    }
    let both = "both \(a.name) and \(b.name) existed"
    guard from != nil || to != nil else {
      // No years asked: the answers' defaults run to this year, so a dyad that ended earlier is
      // shown over the years both existed.
      guard end < thisYear else { return (nil, nil, joint, nil) }
      let shown = try! YearRange(from: start, to: end)
      return (start, end, joint, "Showing \(shown): the years \(both).")
    }
    let upper = to ?? max(thisYear, from ?? thisYear)
    let requested = try! YearRange(from: from ?? min(YearRange.all.lowerBound, upper), to: max(upper, from ?? upper))
    let overlap = joint.compactMap { $0.clamped(to: requested) }
    guard let first = overlap.first?.lowerBound, let last = overlap.last?.upperBound else {
      throw outside(a, b, requested: requested, joint: joint)
    }
    let limitedFrom = from.map { max($0, first) }
    let limitedTo = to.map { min($0, last) } ?? (last < requested.upperBound ? last : nil)
    var notes: [String] = []
    if limitedFrom != from || limitedTo != to {
      let shown = try! YearRange(from: limitedFrom ?? first, to: limitedTo ?? last)
      notes.append("Showing \(shown): the years \(both).")
    }
    for (x, y) in zip(overlap, overlap.dropFirst()) where y.lowerBound > x.upperBound + 1 {
      let missing = try! YearRange(from: x.upperBound + 1, to: y.lowerBound - 1)
      let absent = [a, b].filter {
        !$0.exists(between: .startOf(year: missing.lowerBound), and: .endOf(year: missing.upperBound))
      }
      notes.append(
        "\(absent.map(label).joined(separator: " and ")) did not exist in \(missing); those years have no figures.")
    }
    return (limitedFrom, limitedTo, joint, notes.isEmpty ? nil : notes.joined(separator: " "))
  }
}
