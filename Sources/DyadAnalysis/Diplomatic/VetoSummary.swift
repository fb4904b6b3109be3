import DyadCore

/// A draft resolution (or, in 1946–47, a question) that a permanent member of the UN Security
/// Council vetoed.
public struct Veto: Hashable, Sendable, Codable, Identifiable {
  /// The record's position in the veto list (1-based), which keeps vetoes of one day apart.
  public let id: Int
  public let date: Day
  /// The draft's symbol (`S/2022/155`); the meeting record for the early years.
  public let draft: String
  /// The meeting records, one or more.
  public let meetingRecords: [String]
  public let agendaItem: String
  /// A short topic label (Syria, Admission, …).
  public let topic: String
  public let region: String
  /// The members that vetoed it, by id.
  public let vetoers: [StateID]
  /// The veto's own source when it is one of Dyad's curated vetoes (after the imported list ends);
  /// `nil` for the imported list, whose source is the summary's.
  public let source: Source?

  public init(
    id: Int, date: Day, draft: String, meetingRecords: [String], agendaItem: String, topic: String, region: String,
    vetoers: [StateID], source: Source? = nil
  ) {
    self.id = id
    self.date = date
    self.draft = draft
    self.meetingRecords = meetingRecords
    self.agendaItem = agendaItem
    self.topic = topic
    self.region = region
    self.vetoers = vetoers.sorted()
    self.source = source
  }

  /// What to call it in a table: the draft's symbol, else its meeting record, else "draft symbol
  /// unverified" (a curated veto whose symbols Dyad could not check on a UN page).
  public var reference: String {
    if !draft.isEmpty { return draft }
    return meetingRecords.first ?? "draft symbol unverified"
  }

  /// Whether it is one of Dyad's curated vetoes rather than the imported list's.
  public var isCurated: Bool { source != nil }

  /// Whether a state vetoed it.
  public func isCast(by state: StateID) -> Bool { vetoers.contains(state) }
}

/// One side of a dyad's veto record.
public struct VetoSide: Hashable, Sendable, Codable {
  public let state: StateID
  /// Every veto the state cast, oldest first.
  public let vetoes: [Veto]
  /// Vetoes cast together with the other side of the dyad.
  public let jointCount: Int
  /// Vetoes cast without the other side (possibly with a third member).
  public let withoutPartnerCount: Int
  /// Vetoes cast by this state alone, no other member vetoing.
  public let soleCount: Int
  /// The most recent veto cast without the other side.
  public let lastWithoutPartner: Veto?

  public init(state: StateID, vetoes: [Veto], partner: StateID) {
    self.state = state
    self.vetoes = vetoes.filter { $0.isCast(by: state) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    jointCount = self.vetoes.count { $0.isCast(by: partner) }
    let without = self.vetoes.filter { !$0.isCast(by: partner) }
    withoutPartnerCount = without.count
    soleCount = self.vetoes.count { $0.vetoers == [state] }
    lastWithoutPartner = without.last
  }

  /// The number of vetoes.
  public var count: Int { vetoes.count }
}

/// A dyad's vetoes in the UN Security Council: each side's, the joint ones, and the last time each
/// vetoed without the other. The summary behind `dyad vetoes` and the report.
public struct VetoSummary: Hashable, Sendable, Codable {
  public let dyad: Dyad
  /// The dyad's first state's record, then the second's.
  public let sides: [VetoSide]
  /// The vetoes both cast, oldest first.
  public let joint: [Veto]
  /// Which sides were permanent members at some time (and so could veto).
  public let permanentMembers: [StateID]
  /// The years the veto list covers.
  public let coverage: YearRange?
  public let source: Source
  /// Caveats of the source, as text.
  public let notes: [String]

  /// Summarises a veto list for a dyad.
  ///
  /// - Parameters:
  ///   - vetoes: the whole list, or at least every veto cast by either side.
  ///   - permanentMembers: the states that held a permanent seat at some time.
  ///   - years: only vetoes in these years, when given.
  public init(
    dyad: Dyad, vetoes: [Veto], permanentMembers: Set<StateID>, years: YearRange? = nil, coverage: YearRange?,
    source: Source, notes: [String] = []
  ) {
    self.dyad = dyad
    let kept = vetoes.filter { years?.contains($0.date.year) ?? true }
    sides = [
      VetoSide(state: dyad.first, vetoes: kept, partner: dyad.second),
      VetoSide(state: dyad.second, vetoes: kept, partner: dyad.first),
    ]
    joint = sides[0].vetoes.filter { $0.isCast(by: dyad.second) }
    self.permanentMembers = [dyad.first, dyad.second].filter { permanentMembers.contains($0) }
    self.coverage = coverage
    self.source = source
    self.notes = notes
  }

  /// The side of a state.
  public func side(of state: StateID) -> VetoSide? { sides.first { $0.state == state } }

  /// Every veto cast by either side, oldest first.
  public var all: [Veto] {
    var seen = Set<Int>()
    return (sides[0].vetoes + sides[1].vetoes).filter { seen.insert($0.id).inserted }
      .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
  }
}
