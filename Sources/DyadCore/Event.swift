/// A dated event in the relations of two or more states: a treaty, a meeting, an exercise.
public struct Event: Hashable, Sendable, Codable, Identifiable {
  public let id: String
  public let date: Day
  public let precision: DatePrecision
  public let kind: EventKind
  public let states: [StateID]
  public let title: String
  public let description: String
  public let place: String?
  public let source: Source

  public init(
    id: String, date: Day, precision: DatePrecision, kind: EventKind, states: [StateID], title: String,
    description: String, place: String?, source: Source
  ) {
    self.id = id
    self.date = date
    self.precision = precision
    self.kind = kind
    self.states = states
    self.title = title
    self.description = description
    self.place = place
    self.source = source
  }

  /// Whether both states of a dyad took part.
  public func involves(_ dyad: Dyad) -> Bool { states.contains(dyad.first) && states.contains(dyad.second) }
}

/// What kind of event an ``Event`` is.
public enum EventKind: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case treaty
  case agreement
  case jointStatement = "joint-statement"
  case leaderMeeting = "leader-meeting"
  case summit
  case exercise
  case energy
  case payments
  case institution
  case military
  case crisis
  case other

  /// The dimension of relations the kind belongs to.
  public var dimension: RelationDimension {
    switch self {
    case .treaty, .agreement, .jointStatement, .leaderMeeting, .summit, .institution, .crisis, .other:
      .diplomatic
    case .energy, .payments: .economic
    case .exercise, .military: .military
    }
  }

  public var description: String { rawValue }
}

/// A dimension of the ties between two states.
public enum RelationDimension: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case diplomatic, economic, military
  public var description: String { rawValue }
}
