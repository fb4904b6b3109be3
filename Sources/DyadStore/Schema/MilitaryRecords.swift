import DyadCore

// The military tables: ATOP alliances (alliance, member and dyad-year levels) and SIPRI arms
// deliveries. Spending and capabilities are observations; exercises go into `exercise`.

/// The five ATOP obligations, as the alliance, member and dyad-year tables store them.
public struct ATOPObligations: Sendable, Equatable {
  public var defense, offense, neutrality, nonaggression, consultation: Bool

  public init(defense: Bool, offense: Bool, neutrality: Bool, nonaggression: Bool, consultation: Bool) {
    (self.defense, self.offense, self.neutrality, self.nonaggression, self.consultation) =
      (defense, offense, neutrality, nonaggression, consultation)
  }

  /// Writes the five obligations to their columns, given in this type's order.
  func encode<Column: StoreColumn>(to row: RowEncoder<Column>, _ columns: [Column]) {
    let values = [defense, offense, neutrality, nonaggression, consultation]
    for (column, value) in zip(columns, values) { row[column] = value }
  }

  /// From ATOP's order (defense, offense, neutrality, nonaggression, consultation): bit i is
  /// obligation i.
  public init(bits: UInt8) {
    self.init(
      defense: bits & 1 != 0, offense: bits & 2 != 0, neutrality: bits & 4 != 0, nonaggression: bits & 8 != 0,
      consultation: bits & 16 != 0)
  }
}

/// An ATOP alliance. Dates are YYYY, YYYY-MM or YYYY-MM-DD, as precise as ATOP gives them;
/// `end == nil` is in force at the end of the data.
public struct ATOPAllianceRow: StoreRecord {
  public static let tableName = "atop_alliance"
  public enum Column: Int, StoreColumn {
    case atopid, begin, end, bilateral, defense, offense, neutrality, nonaggression, consultation, militaryAid, bases,
      integratedCommand, memberCount
  }
  public var atopid: Int
  public var begin: String
  public var end: String?
  public var bilateral: Bool
  public var obligations: ATOPObligations
  public var militaryAid: Int?
  public var bases: Int?
  public var integratedCommand: Int?
  public var memberCount: Int

  public init(
    atopid: Int, begin: String, end: String?, bilateral: Bool, obligations: ATOPObligations, militaryAid: Int?,
    bases: Int?, integratedCommand: Int?, memberCount: Int
  ) {
    self.atopid = atopid
    self.begin = begin
    self.end = end
    self.bilateral = bilateral
    self.obligations = obligations
    self.militaryAid = militaryAid
    self.bases = bases
    self.integratedCommand = integratedCommand
    self.memberCount = memberCount
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.atopid] = atopid
    row[.begin] = begin
    row[.end] = end
    row[.bilateral] = bilateral
    obligations.encode(to: row, [.defense, .offense, .neutrality, .nonaggression, .consultation])
    row[.militaryAid] = militaryAid
    row[.bases] = bases
    row[.integratedCommand] = integratedCommand
    row[.memberCount] = memberCount
  }
}

/// A member of an ATOP alliance in one phase, with its obligations.
public struct ATOPMemberRow: StoreRecord {
  public static let tableName = "atop_member"
  public enum Column: Int, StoreColumn {
    case atopid, phase, cowCode, stateID, entered, exited, bilateral, defense, offense, neutrality, nonaggression,
      consultation
  }
  public var atopid: Int
  public var phase: Int
  public var cowCode: Int
  public var stateID: StateID
  public var entered: String
  public var exited: String?
  public var bilateral: Bool
  public var obligations: ATOPObligations

  public init(
    atopid: Int, phase: Int, cowCode: Int, stateID: StateID, entered: String, exited: String?, bilateral: Bool,
    obligations: ATOPObligations
  ) {
    (self.atopid, self.phase, self.cowCode, self.stateID, self.entered, self.exited, self.bilateral, self.obligations) =
      (atopid, phase, cowCode, stateID, entered, exited, bilateral, obligations)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.atopid] = atopid
    row[.phase] = phase
    row[.cowCode] = cowCode
    row[.stateID] = stateID
    row[.entered] = entered
    row[.exited] = exited
    row[.bilateral] = bilateral
    obligations.encode(to: row, [.defense, .offense, .neutrality, .nonaggression, .consultation])
  }
}

/// The obligations a pair shares in a year (`stateA < stateB`).
public struct ATOPDyadYearRow: StoreRecord {
  public static let tableName = "atop_dyad_year"
  public enum Column: Int, StoreColumn {
    case stateA, stateB, year, defense, offense, neutrality, nonaggression, consultation
  }
  public var stateA: StateID
  public var stateB: StateID
  public var year: Int
  public var obligations: ATOPObligations

  public init(stateA: StateID, stateB: StateID, year: Int, obligations: ATOPObligations) {
    (self.stateA, self.stateB, self.year, self.obligations) = (stateA, stateB, year, obligations)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.stateA] = stateA
    row[.stateB] = stateB
    row[.year] = year
    obligations.encode(to: row, [.defense, .offense, .neutrality, .nonaggression, .consultation])
  }
}

/// A SIPRI deal's deliveries in one year. Supplier and recipient keep SIPRI's names; their state
/// ids are `nil` for non-state parties. Estimate flags are `nil` where SIPRI leaves them blank.
public struct ArmsDeliveryRow: StoreRecord {
  public static let tableName = "arms_delivery"
  public enum Column: Int, StoreColumn {
    case dealID, deliveryYear, supplier, supplierID, recipient, recipientID, designation, description, category,
      orderYear, orderYearEstimated, delivered, deliveredEstimated, deliveryYearEstimated, status, tivUnit,
      tivDealUnit, tivDelivered, localProduction
  }
  public var dealID: Int
  public var deliveryYear: Int
  public var supplier: String
  public var supplierID: StateID?
  public var recipient: String
  public var recipientID: StateID?
  public var designation: String
  public var description: String
  public var category: String
  public var orderYear: Int
  public var orderYearEstimated: Bool?
  public var delivered: Int?
  public var deliveredEstimated: Bool?
  public var deliveryYearEstimated: Bool?
  public var status: String
  public var tivUnit: Double?
  public var tivDealUnit: Double?
  public var tivDelivered: Double?
  public var localProduction: Bool?

  public init(
    dealID: Int, deliveryYear: Int, supplier: String, supplierID: StateID?, recipient: String, recipientID: StateID?,
    designation: String, description: String, category: String, orderYear: Int, orderYearEstimated: Bool?,
    delivered: Int?, deliveredEstimated: Bool?, deliveryYearEstimated: Bool?, status: String, tivUnit: Double?,
    tivDealUnit: Double?, tivDelivered: Double?, localProduction: Bool?
  ) {
    self.dealID = dealID
    self.deliveryYear = deliveryYear
    self.supplier = supplier
    self.supplierID = supplierID
    self.recipient = recipient
    self.recipientID = recipientID
    self.designation = designation
    self.description = description
    self.category = category
    self.orderYear = orderYear
    self.orderYearEstimated = orderYearEstimated
    self.delivered = delivered
    self.deliveredEstimated = deliveredEstimated
    self.deliveryYearEstimated = deliveryYearEstimated
    self.status = status
    self.tivUnit = tivUnit
    self.tivDealUnit = tivDealUnit
    self.tivDelivered = tivDelivered
    self.localProduction = localProduction
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dealID] = dealID
    row[.deliveryYear] = deliveryYear
    row[.supplier] = supplier
    row[.supplierID] = supplierID
    row[.recipient] = recipient
    row[.recipientID] = recipientID
    row[.designation] = designation
    row[.description] = description
    row[.category] = category
    row[.orderYear] = orderYear
    row[.orderYearEstimated] = orderYearEstimated
    row[.delivered] = delivered
    row[.deliveredEstimated] = deliveredEstimated
    row[.deliveryYearEstimated] = deliveryYearEstimated
    row[.status] = status
    row[.tivUnit] = tivUnit
    row[.tivDealUnit] = tivDealUnit
    row[.tivDelivered] = tivDelivered
    row[.localProduction] = localProduction
  }
}

/// A deal of SIPRI's trade register (the deal-level layout, 1950–2024): one row per deal, as
/// SIPRI lists it. Supplier and recipient keep SIPRI's names; their state ids (resolved in the
/// year of order) are `nil` for non-state parties. The `…Uncertain` flags are SIPRI's `?` marks;
/// a blank count or TIV is missing, never 0.
public struct ArmsDealRow: StoreRecord {
  public static let tableName = "arms_deal"
  public enum Column: Int, StoreColumn {
    case dealNumber, line, recipient, recipientID, supplier, supplierID, orderYear, orderYearUncertain, ordered,
      orderedUncertain, designation, description, delivered, deliveredUncertain, deliveryYears, status, comments,
      tivUnit, tivOrder, tivDelivered
  }
  /// The deal's position in the register (1 for the first deal): the register has no deal id.
  public var dealNumber: Int
  /// The line of the file the deal starts on.
  public var line: Int
  public var recipient: String
  public var recipientID: StateID?
  public var supplier: String
  public var supplierID: StateID?
  public var orderYear: Int
  public var orderYearUncertain: Bool
  public var ordered: Int?
  public var orderedUncertain: Bool
  public var designation: String
  public var description: String
  public var delivered: Int?
  public var deliveredUncertain: Bool
  /// The delivery years as SIPRI lists them, one entry per tranche (a year may repeat), joined by
  /// `;`; empty when nothing has been delivered.
  public var deliveryYears: String
  public var status: String
  public var comments: String
  /// SIPRI TIV per unit, for the whole order, and for the weapons delivered (millions of TIV).
  public var tivUnit: Double?
  public var tivOrder: Double?
  public var tivDelivered: Double?

  public init(
    dealNumber: Int, line: Int, recipient: String, recipientID: StateID?, supplier: String, supplierID: StateID?,
    orderYear: Int, orderYearUncertain: Bool, ordered: Int?, orderedUncertain: Bool, designation: String,
    description: String, delivered: Int?, deliveredUncertain: Bool, deliveryYears: [Int], status: String,
    comments: String, tivUnit: Double?, tivOrder: Double?, tivDelivered: Double?
  ) {
    self.dealNumber = dealNumber
    self.line = line
    self.recipient = recipient
    self.recipientID = recipientID
    self.supplier = supplier
    self.supplierID = supplierID
    self.orderYear = orderYear
    self.orderYearUncertain = orderYearUncertain
    self.ordered = ordered
    self.orderedUncertain = orderedUncertain
    self.designation = designation
    self.description = description
    self.delivered = delivered
    self.deliveredUncertain = deliveredUncertain
    self.deliveryYears = deliveryYears.map(String.init).joined(separator: ";")
    self.status = status
    self.comments = comments
    self.tivUnit = tivUnit
    self.tivOrder = tivOrder
    self.tivDelivered = tivDelivered
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dealNumber] = dealNumber
    row[.line] = line
    row[.recipient] = recipient
    row[.recipientID] = recipientID
    row[.supplier] = supplier
    row[.supplierID] = supplierID
    row[.orderYear] = orderYear
    row[.orderYearUncertain] = orderYearUncertain
    row[.ordered] = ordered
    row[.orderedUncertain] = orderedUncertain
    row[.designation] = designation
    row[.description] = description
    row[.delivered] = delivered
    row[.deliveredUncertain] = deliveredUncertain
    row[.deliveryYears] = deliveryYears
    row[.status] = status
    row[.comments] = comments
    row[.tivUnit] = tivUnit
    row[.tivOrder] = tivOrder
    row[.tivDelivered] = tivDelivered
  }
}

/// Dyad's estimate of one register deal's deliveries in one year: the deal's delivered TIV split
/// evenly over the entries of its delivery-year list (a year listed twice gets two shares). SIPRI
/// publishes no such split; the figure is an estimate and is served as one.
public struct ArmsDealYearRow: StoreRecord {
  public static let tableName = "arms_deal_year"
  public enum Column: Int, StoreColumn { case dealNumber, year, supplierID, recipientID, tiv, shares, entries }
  public var dealNumber: Int
  public var year: Int
  public var supplierID: StateID?
  public var recipientID: StateID?
  /// The estimated TIV delivered that year (millions); `nil` when the deal's delivered TIV is missing.
  public var tiv: Double?
  /// How many entries of the deal's list name this year, and how many entries the list has.
  public var shares: Int
  public var entries: Int

  public init(
    dealNumber: Int, year: Int, supplierID: StateID?, recipientID: StateID?, tiv: Double?, shares: Int, entries: Int
  ) {
    (self.dealNumber, self.year, self.supplierID, self.recipientID, self.tiv, self.shares, self.entries) =
      (dealNumber, year, supplierID, recipientID, tiv, shares, entries)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.dealNumber] = dealNumber
    row[.year] = year
    row[.supplierID] = supplierID
    row[.recipientID] = recipientID
    row[.tiv] = tiv
    row[.shares] = shares
    row[.entries] = entries
  }
}

/// What MME says of one of its exercises beyond the shared `exercise` row: its MME id, whether MME
/// names it, and its series.
public struct MMEExerciseRow: StoreRecord {
  public static let tableName = "mme_exercise"
  public enum Column: Int, StoreColumn { case exerciseID, mmeID, unnamed, series }
  public var exerciseID: String
  /// MME's `MMEID`; MME v7 gives three ids to two exercises each, so it is not a key.
  public var mmeID: String
  /// Whether MME gives no name (`Ex_Name` `-9`): the exercise's name is then Dyad's description.
  public var unnamed: Bool
  /// MME's `Series_Name`, or `nil` when it gives none.
  public var series: String?

  public init(exerciseID: String, mmeID: String, unnamed: Bool, series: String?) {
    self.exerciseID = exerciseID
    self.mmeID = mmeID
    self.unnamed = unnamed
    self.series = series
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.exerciseID] = exerciseID
    row[.mmeID] = mmeID
    row[.unnamed] = unnamed
    row[.series] = series
  }
}

/// A participant of an MME exercise that is not a state (NATO, "Baltic States"), by the name MME
/// gives; it never forms a dyad.
public struct MMEOtherParticipantRow: StoreRecord {
  public static let tableName = "mme_other_participant"
  public enum Column: Int, StoreColumn { case exerciseID, name, kind }
  public var exerciseID: String
  public var name: String
  /// `organisation` (NATO) or `group` (a group of states MME does not list one by one).
  public var kind: String

  public init(exerciseID: String, name: String, kind: String) {
    (self.exerciseID, self.name, self.kind) = (exerciseID, name, kind)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.exerciseID] = exerciseID
    row[.name] = name
    row[.kind] = kind
  }
}
