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
