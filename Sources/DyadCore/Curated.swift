/// A treaty or formal agreement, with the obligations it creates (ATOP's categories).
public struct Treaty: Hashable, Sendable, Codable, Identifiable {
  public let id: String
  public let name: String
  public let states: [StateID]
  public let signed: Day
  public let inForce: Day?
  public let ended: Day?
  public let endReason: String?
  public let obligations: Set<Obligation>
  public let description: String
  public let source: Source

  public init(
    id: String, name: String, states: [StateID], signed: Day, inForce: Day?, ended: Day?, endReason: String?,
    obligations: Set<Obligation>, description: String, source: Source
  ) {
    self.id = id
    self.name = name
    self.states = states
    self.signed = signed
    self.inForce = inForce
    self.ended = ended
    self.endReason = endReason
    self.obligations = obligations
    self.description = description
    self.source = source
  }

  /// Whether the treaty bound its parties at some point of a year.
  public func isInForce(inYear year: Int) -> Bool {
    let start = inForce ?? signed
    return start.year <= year && (ended.map { year <= $0.year } ?? true)
  }

  public func binds(_ dyad: Dyad) -> Bool { states.contains(dyad.first) && states.contains(dyad.second) }
}

/// An obligation a treaty places on its parties, in the Alliance Treaty Obligations and Provisions
/// (ATOP) project's terms.
public enum Obligation: String, Sendable, Codable, CaseIterable, Comparable {
  case defense, offense, neutrality, nonaggression, consultation
  public static func < (lhs: Obligation, rhs: Obligation) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A state's membership of an institution over a span of days.
public struct Membership: Hashable, Sendable, Codable {
  public let institution: String
  public let institutionName: String
  public let state: StateID
  public let role: String
  public let joined: Day
  public let left: Day?
  public let source: Source

  public init(
    institution: String, institutionName: String, state: StateID, role: String, joined: Day, left: Day?,
    source: Source
  ) {
    self.institution = institution
    self.institutionName = institutionName
    self.state = state
    self.role = role
    self.joined = joined
    self.left = left
    self.source = source
  }

  public func isMember(inYear year: Int) -> Bool {
    joined.year <= year && (left.map { year <= $0.year } ?? true)
  }
}

/// A joint military exercise.
public struct Exercise: Hashable, Sendable, Codable, Identifiable {
  public let id: String
  public let name: String
  public let start: Day
  public let end: Day?
  public let precision: DatePrecision
  public let participants: [StateID]
  public let isBilateral: Bool
  public let domain: String
  public let location: String?
  public let description: String
  public let source: Source

  public init(
    id: String, name: String, start: Day, end: Day?, precision: DatePrecision, participants: [StateID],
    isBilateral: Bool, domain: String, location: String?, description: String, source: Source
  ) {
    self.id = id
    self.name = name
    self.start = start
    self.end = end
    self.precision = precision
    self.participants = participants
    self.isBilateral = isBilateral
    self.domain = domain
    self.location = location
    self.description = description
    self.source = source
  }

  public func involves(_ dyad: Dyad) -> Bool {
    participants.contains(dyad.first) && participants.contains(dyad.second)
  }
}

/// An annual trade figure as one side's official statistics report it.
public struct ReportedTrade: Hashable, Sendable, Codable {
  public enum Flow: String, Sendable, Codable, CaseIterable { case total, exports, imports }
  public let year: Int
  public let reporter: StateID
  public let partner: StateID
  public let flow: Flow
  /// Current US$ millions.
  public let valueUSDMillions: Double
  public let source: Source

  public init(year: Int, reporter: StateID, partner: StateID, flow: Flow, valueUSDMillions: Double, source: Source) {
    self.year = year
    self.reporter = reporter
    self.partner = partner
    self.flow = flow
    self.valueUSDMillions = valueUSDMillions
    self.source = source
  }
}

/// A Security Council veto Dyad records from UN pages or reports of them, to carry the veto list
/// past the end of the imported `unsc-vetoes` dataset (15 September 2022).
public struct CuratedVeto: Hashable, Sendable, Codable {
  public let date: Day
  /// The draft's symbol, or an empty string when Dyad could not check it on a UN page.
  public let draft: String
  /// The meeting record (`S/PV.9143`), or an empty string when Dyad could not check it.
  public let meetingRecord: String
  public let agendaItem: String
  /// A short topic label in the imported list's terms (Syria, Israel-Palestine, …).
  public let topic: String
  public let region: String
  /// The members that vetoed it, by id.
  public let vetoers: [StateID]
  public let description: String
  public let source: Source

  public init(
    date: Day, draft: String, meetingRecord: String, agendaItem: String, topic: String, region: String,
    vetoers: [StateID], description: String, source: Source
  ) {
    self.date = date
    self.draft = draft
    self.meetingRecord = meetingRecord
    self.agendaItem = agendaItem
    self.topic = topic
    self.region = region
    self.vetoers = vetoers.sorted()
    self.description = description
    self.source = source
  }
}

/// A count an official gave on a date, such as "Xi and Putin have met more than 40 times",
/// stored as said so that a reader can set it beside Dyad's own count.
public struct OfficialTally: Hashable, Sendable, Codable, Identifiable {
  /// How the count was stated.
  public enum Qualifier: String, Hashable, Sendable, Codable, CaseIterable {
    case exactly
    /// "more than N": the stored count is N.
    case moreThan = "more-than"
    /// "about N".
    case about
  }
  public let id: String
  public let date: Day
  public let states: [StateID]
  /// What was counted, in words (whose meetings, since when, which kinds).
  public let counted: String
  public let count: Int
  public let qualifier: Qualifier
  /// The statement, quoted or paraphrased.
  public let statement: String
  public let source: Source

  public init(
    id: String, date: Day, states: [StateID], counted: String, count: Int, qualifier: Qualifier, statement: String,
    source: Source
  ) {
    self.id = id
    self.date = date
    self.states = states
    self.counted = counted
    self.count = count
    self.qualifier = qualifier
    self.statement = statement
    self.source = source
  }

  /// The count as stated: "42", "more than 40", "about 20".
  public var stated: String {
    switch qualifier {
    case .exactly: String(count)
    case .moreThan: "more than \(count)"
    case .about: "about \(count)"
    }
  }
}

/// A head of state's time in office, for counting the meetings of the same two leaders.
public struct LeaderTerm: Hashable, Sendable, Codable {
  public let state: StateID
  public let name: String
  public let from: Day
  /// The last day in office; `nil` while in office.
  public let to: Day?
  public let source: Source

  public init(state: StateID, name: String, from: Day, to: Day?, source: Source) {
    self.state = state
    self.name = name
    self.from = from
    self.to = to
    self.source = source
  }

  /// Whether the leader held office on a day.
  public func holdsOffice(on day: Day) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }

  /// The term of a curated effective leader's spell in office (its office's dates, not REIGN's
  /// "came to power" day); `nil` for a spell without a source.
  public init?(_ spell: LeaderSpell) {
    guard let source = spell.source else { return nil }
    self.init(state: spell.state, name: spell.name, from: spell.from, to: spell.to, source: source)
  }

  /// The leaders whose meetings Dyad counts by its meeting rule (see `docs/leader-meetings.md`)
  /// when the store has no curated leaders for a pair: only the current terms that overlap, each
  /// with its source. Earlier leaders (Jiang Zemin, Hu
  /// Jintao, Boris Yeltsin, Dmitry Medvedev, Putin's first two terms) are not listed, so their
  /// meetings are never counted with these.
  public static let standard: [LeaderTerm] = [
    LeaderTerm(
      state: "CHN", name: "Xi Jinping", from: try! Day(parsing: "2013-03-14"), to: nil,
      source: Source(
        publisher: "China.org.cn (Xinhua)", title: "Xi elected president, CMC chairman", date: "2013-03-14",
        url: "http://www.china.org.cn/china/NPC_CPPCC_2013/2013-03/14/content_28239654.htm")),
    LeaderTerm(
      state: "RUS", name: "Vladimir Putin", from: try! Day(parsing: "2012-05-07"), to: nil,
      source: Source(
        publisher: "Wikipedia", title: "Third inauguration of Vladimir Putin (7 May 2012, Grand Kremlin Palace)",
        date: "n.d.", url: "https://en.wikipedia.org/wiki/Third_inauguration_of_Vladimir_Putin")),
  ]
}
