import DyadCore

/// The answer to one question about a resource: the JSON payload (one shape on every surface),
/// its table (one CSV schema), the years it covers and its coverage notes.
///
/// The command line prints ``payload`` for `--json` and ``table`` for `--csv`; the API sends
/// ``payload`` as the `data` of its envelope, with ``years`` and ``notes`` beside it, and
/// ``table`` for `.csv`.
public struct Answer<Payload: Encodable & Sendable>: Sendable {
  /// What `--json` prints and the API's `data` holds.
  public let payload: Payload
  /// What `--csv` prints and the API's `.csv` holds.
  public let table: DataTable
  /// The years the answer covers, when it has a span.
  public let years: YearRange?
  /// Coverage notes: datasets not in the store and how to import them, and defaults applied.
  public let notes: [String]
  /// How the default years were chosen, when the question named none and the choice needs saying
  /// ("Showing 1992–2014: since Russia took its current form on 1991-12-26."); also in ``notes``.
  public let yearsNote: String?

  /// Creates an answer.
  public init(payload: Payload, table: DataTable, years: YearRange?, notes: [String] = [], yearsNote: String? = nil) {
    self.payload = payload
    self.table = table
    self.years = years
    self.notes = notes
    self.yearsNote = yearsNote
  }

  /// The answer with a note about its years put first (``DyadQuestion/yearsNote``), when there is
  /// one and the answer does not already say why.
  public func noting(_ note: String?) -> Answer {
    guard let note, !notes.contains(note) else { return self }
    return Answer(payload: payload, table: table, years: years, notes: [note] + notes, yearsNote: yearsNote ?? note)
  }
}

/// A question about two states: the states in the order asked and the years asked for, limited
/// to the years both states existed.
///
/// No answer covers a year in which one of the states did not exist: asking West Germany–France
/// about 1950–2000 asks about 1955–1990 (with ``yearsNote`` saying so), and asking about 2026
/// throws a ``StatehoodError`` naming West Germany's years. A question naming no years about a
/// state that no longer exists asks about the years both existed.
public struct DyadQuestion: Sendable {
  /// The dyad of the two states.
  public let dyad: Dyad
  /// The first state as asked.
  public let a: State
  /// The second state as asked.
  public let b: State
  /// The first year asked for, if any, no earlier than the first year both states existed.
  public let from: Int?
  /// The last year asked for, if any, no later than the last year both states existed.
  public let to: Int?
  /// The current year, for defaults that run to this year (fixed by tests and the server).
  public let thisYear: Int
  /// The years in which both states existed on some day, oldest first (an open end is
  /// ``YearRange/all``'s last year).
  public let jointYears: [YearRange]
  /// Why the years are not the ones asked for, when the states' existence limited them
  /// ("Showing 1955–1990: the years both West Germany and France existed."); answers carry it in
  /// their notes and ``Answer/yearsNote``.
  public let yearsNote: String?

  /// Creates a question; throws when both states are the same or the years are inverted, and a
  /// ``StatehoodError`` when the two states never existed together or not in any year asked.
  public init(_ a: State, _ b: State, from: Int? = nil, to: Int? = nil, thisYear: Int = AnswerDefaults.thisYear)
    throws
  {
    self.dyad = try Dyad(a.id, b.id)
    self.a = a
    self.b = b
    self.thisYear = thisYear
    if let from, let to, from > to { _ = try YearRange(from: from, to: to) }
    let limited = try Statehood.limit(a, b, from: from, to: to, thisYear: thisYear)
    self.from = limited.from
    self.to = limited.to
    self.jointYears = limited.joint
    self.yearsNote = limited.note
    _ = try years(default: .all)
  }

  /// The years asked for, open ends filled from ``YearRange/all``; `nil` when neither was given.
  public var years: YearRange? { try? years(default: .all) }

  /// The years asked for with open ends filled from `fallback` (within the years both states
  /// existed); `nil` when neither was given.
  public func years(default fallback: YearRange) throws(YearRangeError) -> YearRange? {
    guard from != nil || to != nil else { return nil }
    return try YearRange(from: from ?? firstYear(default: fallback.lowerBound), to: to ?? lastYear(default: fallback.upperBound))
  }

  /// The first year: ``from``, else `fallback` but no earlier than the first year both states
  /// existed (a default span of 1950 on starts in 2011 for South Sudan).
  public func firstYear(default fallback: Int) -> Int {
    from ?? max(fallback, jointYears.first?.lowerBound ?? fallback)
  }

  /// The last year: ``to``, else `fallback` but no later than the last year both states existed.
  public func lastYear(default fallback: Int) -> Int {
    to ?? min(fallback, jointYears.last?.upperBound ?? fallback)
  }

  /// The one year a one-year question (the verdict) is about: `year` when both states existed in
  /// it; with none, this year, or the last year both existed when one no longer exists, with the
  /// note that says so ("Showing 1990: the last year both West Germany and East Germany existed.").
  ///
  /// - Throws: ``StatehoodError`` when one of the states did not exist in `year`.
  public func year(_ year: Int?) throws(StatehoodError) -> (year: Int, note: String?) {
    if let year {
      guard jointYears.contains(where: { $0.contains(year) }) else {
        throw Statehood.outside(a, b, requested: try! YearRange(from: year, to: year), joint: jointYears)
      }
      return (year, nil)
    }
    if jointYears.contains(where: { $0.contains(thisYear) }) { return (thisYear, nil) }
    guard let last = jointYears.last(where: { $0.lowerBound <= thisYear }).map({ min($0.upperBound, thisYear) }) else {
      throw Statehood.outside(a, b, requested: try! YearRange(from: thisYear, to: thisYear), joint: jointYears)
    }
    return (last, "Showing \(last): the last year both \(a.name) and \(b.name) existed.")
  }

  /// Whether the first state asked is the dyad's first (columns follow the order asked).
  public var aIsFirst: Bool { a.id == dyad.first }

  /// A state id as column names write it: `chn`.
  public static func columnName(_ id: StateID) -> String { id.rawValue.lowercased() }
}

/// A state as answers name it: its id and its current name.
public struct StateRef: Encodable, Sendable {
  /// The state's id.
  public let id: StateID
  /// The state's current name.
  public let name: String

  /// The reference of `state`.
  public init(_ state: State) {
    id = state.id
    name = state.name
  }
}
