import DyadCore

// The diplomatic tables: UN General Assembly roll calls, votes, voters and the similarity table;
// ideal points; Security Council vetoes; COW IGO counts. Dyad-year tables hold the smaller state
// id first.

/// A General Assembly roll call, with its metadata (NULL where the source does not code it).
public struct UNGARollCallRow: StoreRecord {
  public static let tableName = "unga_roll_call"
  public enum Column: Int, StoreColumn {
    case dataset, rcid, session, date, year, position, important, resolution, amendment, paragraph, short, description
  }
  /// The dataset the row is from: `unga-votes` or `un-digital-library`.
  public var dataset: String
  public var rcid: Int
  public var session: Int
  public var date: Day
  /// The roll call's place among its year's, from 0: its byte in ``UNGAVoteYearRow/votes``.
  public var position: Int
  public var important: Bool?
  public var resolution: String?
  public var amendment: Bool?
  public var paragraph: Bool?
  public var short: String?
  public var description: String?

  public init(
    dataset: String, rcid: Int, session: Int, date: Day, position: Int, important: Bool?, resolution: String?,
    amendment: Bool?,
    paragraph: Bool?, short: String?, description: String?
  ) {
    self.dataset = dataset
    self.rcid = rcid
    self.session = session
    self.date = date
    self.position = position
    self.important = important
    self.resolution = resolution
    self.amendment = amendment
    self.paragraph = paragraph
    self.short = short
    self.description = description
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.rcid] = rcid
    row[.session] = session
    row[.date] = date
    row[.year] = date.year
    row[.position] = position
    row[.important] = important
    row[.resolution] = resolution
    row[.amendment] = amendment
    row[.paragraph] = paragraph
    row[.short] = short
    row[.description] = description
  }
}

/// An issue code (`me`, `nu`, `di`, `hr`, `co`, `ec`) of a roll call.
public struct UNGARollCallIssueRow: StoreRecord {
  public static let tableName = "unga_roll_call_issue"
  public enum Column: Int, StoreColumn { case dataset, issue, rcid }
  /// The dataset the row is from: `unga-votes` or `un-digital-library`.
  public var dataset: String
  public var issue: String
  public var rcid: Int

  public init(
    dataset: String, issue: String, rcid: Int
  ) {
    self.dataset = dataset
    (self.issue, self.rcid) = (issue, rcid)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.issue] = issue
    row[.rcid] = rcid
  }
}

/// A state's votes of one year, one byte per roll call by position: 1 yes, 2 abstain, 3 no,
/// 0 no vote.
public struct UNGAVoteYearRow: StoreRecord {
  public static let tableName = "unga_vote_year"
  public enum Column: Int, StoreColumn { case dataset, stateID, year, votes }
  /// The dataset the row is from: `unga-votes` or `un-digital-library`.
  public var dataset: String
  public var stateID: String
  public var year: Int
  public var votes: [UInt8]

  public init(
    dataset: String, stateID: String, year: Int, votes: [UInt8]
  ) {
    self.dataset = dataset
    (self.stateID, self.year, self.votes) = (stateID, year, votes)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.stateID] = stateID
    row[.year] = year
    row[.votes] = votes
  }
}

/// A country name of the votes file, its ISO2 code as given and the state it was identified as.
public struct UNGAVoterRow: StoreRecord {
  public static let tableName = "unga_voter"
  public enum Column: Int, StoreColumn { case dataset, name, stateID, firstDate, lastDate, votes, iso2 }
  /// The dataset the row is from: `unga-votes` or `un-digital-library`.
  public var dataset: String
  public var name: String
  public var stateID: StateID
  public var firstDate: Day
  public var lastDate: Day
  public var votes: Int
  public var iso2: String?

  public init(
    dataset: String, name: String, stateID: StateID, firstDate: Day, lastDate: Day, votes: Int, iso2: String?
  ) {
    self.dataset = dataset
    (self.name, self.stateID, self.firstDate, self.lastDate, self.votes, self.iso2) =
      (name, stateID, firstDate, lastDate, votes, iso2)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.name] = name
    row[.stateID] = stateID
    row[.firstDate] = firstDate
    row[.lastDate] = lastDate
    row[.votes] = votes
    row[.iso2] = iso2
  }
}

/// A dyad's joint votes and percentiles over its years, packed (see ``UNGASimilarityPack``).
public struct UNGASimilarityDyadRow: StoreRecord {
  public static let tableName = "unga_similarity_dyad"
  public enum Column: Int, StoreColumn { case dataset, stateA, stateB, firstYear, lastYear, data }
  /// The dataset the row is from: `unga-votes` or `un-digital-library`.
  public var dataset: String
  public var stateA: String
  public var stateB: String
  public var firstYear: Int
  public var lastYear: Int
  public var data: [UInt8]

  public init(
    dataset: String, stateA: String, stateB: String, firstYear: Int, lastYear: Int, data: [UInt8]
  ) {
    self.dataset = dataset
    (self.stateA, self.stateB, self.firstYear, self.lastYear, self.data) = (stateA, stateB, firstYear, lastYear, data)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.firstYear] = firstYear
    row[.lastYear] = lastYear
    row[.data] = data
  }
}

/// A year of the similarity table: roll calls, voters, dyads and each measure's median.
public struct UNGASimilarityYearRow: StoreRecord {
  public static let tableName = "unga_similarity_year"
  public enum Column: Int, StoreColumn {
    case dataset, year, rollCalls, voters, dyads, agreeMedian, agreeHalfMedian, sMedian, piMedian, kappaMedian
  }
  /// The dataset the row is from: `unga-votes` or `un-digital-library`.
  public var dataset: String
  public var year: Int
  public var rollCalls: Int
  public var voters: Int
  public var dyads: Int
  /// The medians of agree, agree-half, S, π and κ, in that order; `nil` where undefined.
  public var medians: [Double?]

  public init(
    dataset: String, year: Int, rollCalls: Int, voters: Int, dyads: Int, medians: [Double?]
  ) {
    self.dataset = dataset
    precondition(medians.count == 5, "five medians: agree, agree-half, S, π, κ")
    (self.year, self.rollCalls, self.voters, self.dyads, self.medians) = (year, rollCalls, voters, dyads, medians)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dataset] = dataset
    row[.year] = year
    row[.rollCalls] = rollCalls
    row[.voters] = voters
    row[.dyads] = dyads
    row[.agreeMedian] = medians[0]
    row[.agreeHalfMedian] = medians[1]
    row[.sMedian] = medians[2]
    row[.piMedian] = medians[3]
    row[.kappaMedian] = medians[4]
  }
}

/// A state's ideal point estimate for one session, with its quantiles.
public struct UNGAIdealPointRow: StoreRecord {
  public static let tableName = "unga_ideal_point"
  public enum Column: Int, StoreColumn {
    case stateID, session, votes, idealPoint, q0, q5, q10, q50, q90, q95, q100, cowCode, countryName
  }
  public var stateID: StateID
  public var session: Int
  public var votes: Int
  public var idealPoint: Double
  /// The quantiles 0, 5, 10, 50, 90, 95 and 100, in that order; `nil` where not given.
  public var quantiles: [Double?]
  public var cowCode: Int
  public var countryName: String

  public init(
    stateID: StateID, session: Int, votes: Int, idealPoint: Double, quantiles: [Double?], cowCode: Int,
    countryName: String
  ) {
    precondition(quantiles.count == 7, "seven quantiles: 0, 5, 10, 50, 90, 95, 100")
    self.stateID = stateID
    self.session = session
    self.votes = votes
    self.idealPoint = idealPoint
    self.quantiles = quantiles
    self.cowCode = cowCode
    self.countryName = countryName
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.session] = session
    row[.votes] = votes
    row[.idealPoint] = idealPoint
    let columns: [Column] = [.q0, .q5, .q10, .q50, .q90, .q95, .q100]
    for (column, value) in zip(columns, quantiles) { row[column] = value }
    row[.cowCode] = cowCode
    row[.countryName] = countryName
  }
}

/// A vetoed Security Council draft (or question).
public struct UNSCVetoRow: StoreRecord {
  public static let tableName = "unsc_veto"
  public enum Column: Int, StoreColumn { case id, date, draft, meetingRecord, agendaItem, topic, region }
  public var id: Int
  public var date: Day
  public var draft: String
  public var meetingRecord: String
  public var agendaItem: String
  public var topic: String
  public var region: String

  public init(
    id: Int, date: Day, draft: String, meetingRecord: String, agendaItem: String, topic: String, region: String
  ) {
    (self.id, self.date, self.draft, self.meetingRecord, self.agendaItem, self.topic, self.region) =
      (id, date, draft, meetingRecord, agendaItem, topic, region)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = id
    row[.date] = date
    row[.draft] = draft
    row[.meetingRecord] = meetingRecord
    row[.agendaItem] = agendaItem
    row[.topic] = topic
    row[.region] = region
  }
}

/// A member that cast a veto, under the name the source gives.
public struct UNSCVetoMemberRow: StoreRecord {
  public static let tableName = "unsc_veto_member"
  public enum Column: Int, StoreColumn { case stateID, vetoID, name }
  public var stateID: StateID
  public var vetoID: Int
  public var name: String

  public init(stateID: StateID, vetoID: Int, name: String) {
    (self.stateID, self.vetoID, self.name) = (stateID, vetoID, name)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.vetoID] = vetoID
    row[.name] = name
  }
}

/// The IGOs in which both states of a dyad were full members in a year.
public struct COWIGODyadYearRow: StoreRecord {
  public static let tableName = "cow_igo_dyad_year"
  public enum Column: Int, StoreColumn { case stateA, stateB, year, shared }
  public var stateA: String
  public var stateB: String
  public var year: Int
  public var shared: Int

  public init(stateA: String, stateB: String, year: Int, shared: Int) {
    (self.stateA, self.stateB, self.year, self.shared) = (stateA, stateB, year, shared)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.year] = year
    row[.shared] = shared
  }
}

/// A state's IGO memberships in a year, by type.
public struct COWIGOStateYearRow: StoreRecord {
  public static let tableName = "cow_igo_state_year"
  public enum Column: Int, StoreColumn { case stateID, year, full, associate, observer, anyType }
  public var stateID: StateID
  public var year: Int
  public var full: Int
  public var associate: Int
  public var observer: Int
  public var anyType: Int

  public init(stateID: StateID, year: Int, full: Int, associate: Int, observer: Int, anyType: Int) {
    (self.stateID, self.year, self.full, self.associate, self.observer, self.anyType) =
      (stateID, year, full, associate, observer, anyType)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateID] = stateID
    row[.year] = year
    row[.full] = full
    row[.associate] = associate
    row[.observer] = observer
    row[.anyType] = anyType
  }
}

/// A Security Council resolution adopted by vote (`un-digital-library`): the Library's record id,
/// its date, symbol and title.
public struct UNSCResolutionRow: StoreRecord {
  public static let tableName = "unsc_resolution"
  public enum Column: Int, StoreColumn { case id, date, year, resolution, title }
  public var id: Int
  public var date: Day
  public var resolution: String?
  public var title: String

  public init(id: Int, date: Day, resolution: String?, title: String) {
    (self.id, self.date, self.resolution, self.title) = (id, date, resolution, title)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.id] = id
    row[.date] = date
    row[.year] = date.year
    row[.resolution] = resolution
    row[.title] = title
  }
}

/// A Council member's vote on a resolution: 1 yes, 2 abstain, 3 no (a member that did not vote
/// has no row).
public struct UNSCVoteRow: StoreRecord {
  public static let tableName = "unsc_vote"
  public enum Column: Int, StoreColumn { case resolutionID, stateID, vote }
  public var resolutionID: Int
  public var stateID: StateID
  public var vote: Int

  public init(resolutionID: Int, stateID: StateID, vote: Int) {
    (self.resolutionID, self.stateID, self.vote) = (resolutionID, stateID, vote)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.resolutionID] = resolutionID
    row[.stateID] = stateID
    row[.vote] = vote
  }
}
