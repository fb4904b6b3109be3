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
}

/// A question about two states: the states in the order asked and the years asked for.
public struct DyadQuestion: Sendable {
  /// The dyad of the two states.
  public let dyad: Dyad
  /// The first state as asked.
  public let a: State
  /// The second state as asked.
  public let b: State
  /// The first year asked for, if any.
  public let from: Int?
  /// The last year asked for, if any.
  public let to: Int?
  /// The current year, for defaults that run to this year (fixed by tests and the server).
  public let thisYear: Int

  /// Creates a question; throws when both states are the same or the years are inverted.
  public init(_ a: State, _ b: State, from: Int? = nil, to: Int? = nil, thisYear: Int = AnswerDefaults.thisYear)
    throws
  {
    self.dyad = try Dyad(a.id, b.id)
    self.a = a
    self.b = b
    self.from = from
    self.to = to
    self.thisYear = thisYear
    _ = try years(default: .all)
  }

  /// The years asked for, open ends filled from ``YearRange/all``; `nil` when neither was given.
  public var years: YearRange? { try? years(default: .all) }

  /// The years asked for with open ends filled from `fallback`; `nil` when neither was given.
  public func years(default fallback: YearRange) throws(YearRangeError) -> YearRange? {
    guard from != nil || to != nil else { return nil }
    return try YearRange(from: from, to: to, default: fallback)
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
