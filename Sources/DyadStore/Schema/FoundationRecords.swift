import DyadCore

// The tables of the first migration: states, sources, datasets, observations and the curated
// facts (events, treaties, memberships, exercises, reported trade).

/// A state of the registry, written with the curated facts.
public struct StateRow: StoreRecord {
  public static let tableName = "state"
  public enum Column: Int, StoreColumn { case id, name, start, end, cowN, iso3 }
  public var id: StateID
  public var name: String
  public var start: Day?
  public var end: Day?
  public var cowN: Int?
  public var iso3: String?

  public init(id: StateID, name: String, start: Day?, end: Day?, cowN: Int?, iso3: String?) {
    (self.id, self.name, self.start, self.end, self.cowN, self.iso3) = (id, name, start, end, cowN, iso3)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = id
    row[.name] = name
    row[.start] = start
    row[.end] = end
    row[.cowN] = cowN
    row[.iso3] = iso3
  }
}

/// A source of figures or facts; `key` identifies equal sources.
public struct SourceRow: StoreRecord {
  public static let tableName = "source"
  /// `id` is assigned by the store.
  public enum Column: Int, StoreColumn { case key, publisher, title, date, url, licence }
  public var source: Source

  public init(_ source: Source) { self.source = source }

  public func encode(to row: RowEncoder<Column>) {
    row[.key] = source.key
    row[.publisher] = source.publisher
    row[.title] = source.title
    row[.date] = source.date
    row[.url] = source.url
    row[.licence] = source.licence
  }
}

/// What the store holds of a dataset: its release, coverage, size and checksum.
public struct DatasetRow: StoreRecord {
  public static let tableName = "dataset"
  public enum Column: Int, StoreColumn {
    case name, title, version, sourceID, coverageFrom, coverageTo, importedAt, rowCount, checksum, path
    case release, retrievedAt, retrievedFrom
  }
  public var name: String
  public var title: String
  public var version: String
  public var sourceID: Int
  public var coverage: YearRange?
  public var importedAt: String
  public var rowCount: Int
  public var checksum: String
  public var path: String?
  /// The release `dyad sync` fetched (`nil` for a `dyad import` of local files).
  public var release: DatasetRelease?
  /// The release the files told, for a local import.
  public var toldRelease: String?

  public init(
    name: String, title: String, version: String, sourceID: Int, coverage: YearRange?, importedAt: String,
    rowCount: Int, checksum: String, path: String?, release: DatasetRelease? = nil, toldRelease: String? = nil
  ) {
    self.name = name
    self.title = title
    self.version = version
    self.sourceID = sourceID
    self.coverage = coverage
    self.importedAt = importedAt
    self.rowCount = rowCount
    self.checksum = checksum
    self.path = path
    self.release = release
    self.toldRelease = toldRelease
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.name] = name
    row[.title] = title
    row[.version] = version
    row[.sourceID] = sourceID
    row[.coverageFrom] = coverage?.lowerBound
    row[.coverageTo] = coverage?.upperBound
    row[.importedAt] = importedAt
    row[.rowCount] = rowCount
    row[.checksum] = checksum
    row[.path] = path
    row[.release] = release?.name ?? toldRelease
    row[.retrievedAt] = release?.retrievedAt
    row[.retrievedFrom] = release?.origin
  }
}

/// One file of the release a dataset's last sync fetched: its address, size, SHA-256 and the
/// server's validators (to ask next time whether it changed).
public struct DatasetFileRow: StoreRecord {
  public static let tableName = "dataset_file"
  public enum Column: Int, StoreColumn { case dataset, file, url, byteCount, sha256, etag, lastModified }
  public var dataset: String
  public var file: DatasetRelease.File

  public init(dataset: String, file: DatasetRelease.File) {
    (self.dataset, self.file) = (dataset, file)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.file] = file.name
    row[.url] = file.url
    row[.byteCount] = file.byteCount
    row[.sha256] = file.sha256
    row[.etag] = file.etag
    row[.lastModified] = file.lastModified
  }
}

/// A state-year (`stateB` empty) or dyad-year (`stateA < stateB`) value of a named indicator.
public struct ObservationRow: StoreRecord {
  public static let tableName = "observation"
  public enum Column: Int, StoreColumn { case dataset, indicator, stateA, stateB, year, value, status, sourceID }
  public var dataset: String
  public var observation: Observation

  public init(dataset: String, _ observation: Observation) {
    (self.dataset, self.observation) = (dataset, observation)
  }

  public func encode(to row: RowEncoder<Column>) {
    let (a, b) = Self.orderedPair(observation.a, observation.b)
    row[.dataset] = dataset
    row[.indicator] = observation.indicator
    row[.stateA] = a
    row[.stateB] = b
    row[.year] = observation.year
    row[.value] = observation.value
    row[.status] = observation.status.rawValue
    row[.sourceID] = observation.sourceID
  }

  /// Dyad-year rows are stored with the smaller id first; state-year rows with an empty second id.
  static func orderedPair(_ a: StateID, _ b: StateID?) -> (String, String) {
    guard let b else { return (a.rawValue, "") }
    return a < b ? (a.rawValue, b.rawValue) : (b.rawValue, a.rawValue)
  }
}

/// A dated event: curated, or from a dataset.
public struct EventRow: StoreRecord {
  public static let tableName = "event"
  public enum Column: Int, StoreColumn { case id, dataset, date, precision, kind, title, description, place, sourceID }
  public var event: Event
  public var dataset: String
  public var sourceID: Int

  public init(_ event: Event, dataset: String, sourceID: Int) {
    (self.event, self.dataset, self.sourceID) = (event, dataset, sourceID)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = event.id
    row[.dataset] = dataset
    row[.date] = event.date
    row[.precision] = event.precision.rawValue
    row[.kind] = event.kind.rawValue
    row[.title] = event.title
    row[.description] = event.description
    row[.place] = event.place
    row[.sourceID] = sourceID
  }
}

/// A state an event involves.
public struct EventStateRow: StoreRecord {
  public static let tableName = "event_state"
  public enum Column: Int, StoreColumn { case eventID, stateID }
  public var eventID: String
  public var stateID: StateID

  public init(eventID: String, stateID: StateID) { (self.eventID, self.stateID) = (eventID, stateID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.eventID] = eventID
    row[.stateID] = stateID
  }
}

/// A curated treaty.
public struct TreatyRow: StoreRecord {
  public static let tableName = "treaty"
  public enum Column: Int, StoreColumn {
    case id, name, signed, inForce, ended, endReason, obligations, description, sourceID
  }
  public var treaty: Treaty
  public var sourceID: Int

  public init(_ treaty: Treaty, sourceID: Int) { (self.treaty, self.sourceID) = (treaty, sourceID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = treaty.id
    row[.name] = treaty.name
    row[.signed] = treaty.signed
    row[.inForce] = treaty.inForce
    row[.ended] = treaty.ended
    row[.endReason] = treaty.endReason
    row[.obligations] = treaty.obligations.sorted().map(\.rawValue).joined(separator: ";")
    row[.description] = treaty.description
    row[.sourceID] = sourceID
  }
}

/// A party to a treaty.
public struct TreatyStateRow: StoreRecord {
  public static let tableName = "treaty_state"
  public enum Column: Int, StoreColumn { case treatyID, stateID }
  public var treatyID: String
  public var stateID: StateID

  public init(treatyID: String, stateID: StateID) { (self.treatyID, self.stateID) = (treatyID, stateID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.treatyID] = treatyID
    row[.stateID] = stateID
  }
}

/// A state's membership of an institution, in one role, from a date.
public struct MembershipRow: StoreRecord {
  public static let tableName = "membership"
  public enum Column: Int, StoreColumn { case institution, institutionName, stateID, role, joined, left, sourceID }
  public var membership: Membership
  public var sourceID: Int

  public init(_ membership: Membership, sourceID: Int) { (self.membership, self.sourceID) = (membership, sourceID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.institution] = membership.institution
    row[.institutionName] = membership.institutionName
    row[.stateID] = membership.state
    row[.role] = membership.role
    row[.joined] = membership.joined
    row[.left] = membership.left
    row[.sourceID] = sourceID
  }
}

/// A military exercise: curated, or from a dataset.
public struct ExerciseRow: StoreRecord {
  public static let tableName = "exercise"
  public enum Column: Int, StoreColumn {
    case id, dataset, name, start, end, precision, bilateral, domain, location, description, sourceID
  }
  public var id: String
  public var dataset: String
  public var name: String
  public var start: Day
  public var end: Day?
  public var precision: DatePrecision
  public var bilateral: Bool
  public var domain: String
  public var location: String?
  public var description: String
  public var sourceID: Int

  public init(
    id: String, dataset: String, name: String, start: Day, end: Day?, precision: DatePrecision, bilateral: Bool,
    domain: String, location: String?, description: String, sourceID: Int
  ) {
    self.id = id
    self.dataset = dataset
    self.name = name
    self.start = start
    self.end = end
    self.precision = precision
    self.bilateral = bilateral
    self.domain = domain
    self.location = location
    self.description = description
    self.sourceID = sourceID
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = id
    row[.dataset] = dataset
    row[.name] = name
    row[.start] = start
    row[.end] = end
    row[.precision] = precision.rawValue
    row[.bilateral] = bilateral
    row[.domain] = domain
    row[.location] = location
    row[.description] = description
    row[.sourceID] = sourceID
  }
}

/// A participant in an exercise.
public struct ExerciseStateRow: StoreRecord {
  public static let tableName = "exercise_state"
  public enum Column: Int, StoreColumn { case exerciseID, stateID }
  public var exerciseID: String
  public var stateID: StateID

  public init(exerciseID: String, stateID: StateID) { (self.exerciseID, self.stateID) = (exerciseID, stateID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.exerciseID] = exerciseID
    row[.stateID] = stateID
  }
}

/// A curated trade figure as one state's statistics office reported it.
public struct ReportedTradeRow: StoreRecord {
  public static let tableName = "reported_trade"
  public enum Column: Int, StoreColumn { case year, reporter, partner, flow, valueUSDMillions, sourceID }
  public var trade: ReportedTrade
  public var sourceID: Int

  public init(_ trade: ReportedTrade, sourceID: Int) { (self.trade, self.sourceID) = (trade, sourceID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.year] = trade.year
    row[.reporter] = trade.reporter
    row[.partner] = trade.partner
    row[.flow] = trade.flow.rawValue
    row[.valueUSDMillions] = trade.valueUSDMillions
    row[.sourceID] = sourceID
  }
}

/// A curated Security Council veto, after the imported veto list ends; `position` keeps the file's
/// order.
public struct CuratedVetoRow: StoreRecord {
  public static let tableName = "curated_veto"
  public enum Column: Int, StoreColumn {
    case position, date, draft, meetingRecord, agendaItem, topic, region, vetoers, description, sourceID
  }
  public var position: Int
  public var veto: CuratedVeto
  public var sourceID: Int

  public init(position: Int, _ veto: CuratedVeto, sourceID: Int) {
    (self.position, self.veto, self.sourceID) = (position, veto, sourceID)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.position] = position
    row[.date] = veto.date
    row[.draft] = veto.draft
    row[.meetingRecord] = veto.meetingRecord
    row[.agendaItem] = veto.agendaItem
    row[.topic] = veto.topic
    row[.region] = veto.region
    row[.vetoers] = veto.vetoers.map(\.rawValue).joined(separator: ";")
    row[.description] = veto.description
    row[.sourceID] = sourceID
  }
}

/// A count an official gave on a date (curated).
public struct OfficialTallyRow: StoreRecord {
  public static let tableName = "official_tally"
  public enum Column: Int, StoreColumn { case id, date, states, counted, count, qualifier, statement, sourceID }
  public var tally: OfficialTally
  public var sourceID: Int

  public init(_ tally: OfficialTally, sourceID: Int) { (self.tally, self.sourceID) = (tally, sourceID) }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = tally.id
    row[.date] = tally.date
    row[.states] = tally.states.map(\.rawValue).joined(separator: ";")
    row[.counted] = tally.counted
    row[.count] = tally.count
    row[.qualifier] = tally.qualifier.rawValue
    row[.statement] = tally.statement
    row[.sourceID] = sourceID
  }
}
