import DyadCore

/// Everything the military indicators and the verdict of a dyad are computed from, as read from the
/// store: ATOP dyad-years and alliances, curated treaties, SIPRI deliveries and import totals,
/// state-year spending and capabilities, and joint exercises (curated and imported).
public struct MilitaryInputs: Sendable {
  public var dyad: Dyad
  /// Display names of the two states.
  public var names: [StateID: String]
  /// The military datasets in the store and the years each covers (`atop`, `sipri-transfers`,
  /// `sipri-milex`, `cow-nmc`, `exercises`, `mme`).
  public var datasets: [String: YearRange]
  /// The source of each dataset, for citations.
  public var datasetSources: [String: Source]
  /// ATOP dyad-year obligations; a year absent while ATOP covers it means no shared alliance.
  public var atopDyadYears: [Int: Set<Obligation>]
  /// ATOP alliances (per phase) of which both states were members at some time.
  public var alliances: [AllianceTie]
  /// Curated treaties binding both states.
  public var treaties: [Treaty]
  /// SIPRI deliveries between the two, both ways.
  public var deliveries: [ArmsDelivery]
  /// Each state's total arms imports (SIPRI TIV, all suppliers) by year.
  public var importsByRecipient: [StateID: [Int: Double]]
  /// The delivery years SIPRI's register by delivery year covers in the store (2000–2023), when
  /// known; otherwise the dataset's coverage stands for it.
  public var deliveryCoverage: YearRange?
  /// Dyad's yearly estimates from SIPRI's deal register between the two, both ways (a deal's
  /// delivered TIV split evenly over its delivery years).
  public var dealYears: [ArmsDealYear]
  /// Each state's total arms imports by year estimated the same way from the deal register.
  public var dealImportsByRecipient: [StateID: [Int: Double]]
  /// The delivery years the deal register covers in the store (1950–2024), when imported.
  public var dealCoverage: YearRange?
  /// State-year figures: state → indicator → year → figure.
  public var stateValues: [StateID: [String: [Int: MilitaryMeasure]]]
  /// Joint exercises of the two, with the dataset that reports each.
  public var exercises: [ReportedExercise]
  /// The years Dyad's curated exercise list spans (all dyads): it follows selected dyads to the
  /// present, so for a dyad it lists any exercise of, its last year is where that record ends.
  public var curatedExerciseCoverage: YearRange?
  /// Their conflicts, rivalries and geography (empty coverage when the conflict data are not imported).
  public var conflict: ConflictInputs

  public init(
    dyad: Dyad, names: [StateID: String] = [:], datasets: [String: YearRange] = [:],
    datasetSources: [String: Source] = [:], atopDyadYears: [Int: Set<Obligation>] = [:], alliances: [AllianceTie] = [],
    treaties: [Treaty] = [], deliveries: [ArmsDelivery] = [], importsByRecipient: [StateID: [Int: Double]] = [:],
    deliveryCoverage: YearRange? = nil, dealYears: [ArmsDealYear] = [],
    dealImportsByRecipient: [StateID: [Int: Double]] = [:], dealCoverage: YearRange? = nil,
    stateValues: [StateID: [String: [Int: MilitaryMeasure]]] = [:], exercises: [ReportedExercise] = [],
    conflict: ConflictInputs? = nil
  ) {
    self.conflict = conflict ?? ConflictInputs(dyad: dyad)
    self.dyad = dyad
    self.names = names
    self.datasets = datasets
    self.datasetSources = datasetSources
    self.atopDyadYears = atopDyadYears
    self.alliances = alliances
    self.treaties = treaties
    self.deliveries = deliveries
    self.importsByRecipient = importsByRecipient
    self.deliveryCoverage = deliveryCoverage
    self.dealYears = dealYears
    self.dealImportsByRecipient = dealImportsByRecipient
    self.dealCoverage = dealCoverage
    self.stateValues = stateValues
    self.exercises = exercises
  }

  /// The dataset names of the military datasets.
  public enum Dataset {
    public static let atop = "atop"
    public static let transfers = "sipri-transfers"
    public static let milex = "sipri-milex"
    public static let capabilities = "cow-nmc"
    public static let exercises = "exercises"
    public static let mme = "mme"
    public static let curated = "curated"
  }

  /// The delivery years SIPRI's register covers: ``deliveryCoverage``, else the dataset's coverage;
  /// `nil` when the transfers are not in the store.
  public var transferCoverage: YearRange? { deliveryCoverage ?? datasets[Dataset.transfers] }

  /// Whether a dataset is in the store and covers a year.
  public func covers(_ dataset: String, _ year: Int) -> Bool { datasets[dataset]?.contains(year) ?? false }

  /// A state's display name.
  public func name(_ state: StateID) -> String { names[state] ?? state.rawValue }
}

/// An ATOP alliance phase that bound both states of a dyad, over the span both were members.
public struct AllianceTie: Sendable, Hashable, Codable {
  public let atopID: Int
  public let phase: Int
  /// The obligations of the two members in this phase (either member's).
  public let obligations: Set<Obligation>
  /// When both states were members: the later entry (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
  public let from: String
  /// The earlier exit, or `nil` when both were members at the end of the data.
  public let to: String?
  /// The alliance's first day and end as ATOP gives them.
  public let begin: String
  public let end: String?
  /// The number of members the alliance ever had.
  public let parties: Int
  public let isBilateral: Bool
  public let militaryAid: Bool
  public let bases: Bool
  public let integratedCommand: Bool

  public init(
    atopID: Int, phase: Int, obligations: Set<Obligation>, from: String, to: String?, begin: String, end: String?,
    parties: Int, isBilateral: Bool, militaryAid: Bool = false, bases: Bool = false, integratedCommand: Bool = false
  ) {
    self.atopID = atopID
    self.phase = phase
    self.obligations = obligations
    self.from = from
    self.to = to
    self.begin = begin
    self.end = end
    self.parties = parties
    self.isBilateral = isBilateral
    self.militaryAid = militaryAid
    self.bases = bases
    self.integratedCommand = integratedCommand
  }

  /// The year of a `YYYY[-MM[-DD]]` date.
  public static func yearOf(_ date: String) -> Int { Int(date.prefix(4)) ?? 0 }

  /// Whether both states were members at some point of a year.
  public func isInForce(inYear year: Int) -> Bool {
    Self.yearOf(from) <= year && (to.map { year <= Self.yearOf($0) } ?? true)
  }

  /// Whether the tie was still in force at the end of the data.
  public var isOpen: Bool { to == nil }
}

/// One SIPRI delivery of a deal in a year.
public struct ArmsDelivery: Sendable, Hashable, Codable {
  public let dealID: Int
  public let year: Int
  public let supplier: StateID
  public let recipient: StateID
  public let designation: String
  public let description: String
  public let category: String
  public let orderYear: Int
  public let delivered: Int?
  /// SIPRI trend-indicator value of the year's deliveries, in millions of TIV (not US$).
  public let tiv: Double?
  public let isEstimate: Bool

  public init(
    dealID: Int, year: Int, supplier: StateID, recipient: StateID, designation: String, description: String,
    category: String, orderYear: Int, delivered: Int?, tiv: Double?, isEstimate: Bool
  ) {
    self.dealID = dealID
    self.year = year
    self.supplier = supplier
    self.recipient = recipient
    self.designation = designation
    self.description = description
    self.category = category
    self.orderYear = orderYear
    self.delivered = delivered
    self.tiv = tiv
    self.isEstimate = isEstimate
  }
}

/// Dyad's estimate of one SIPRI register deal's deliveries in one year: the deal's delivered TIV
/// split evenly over the entries of its delivery-year list. SIPRI gives no yearly split in its
/// deal register; this is an estimate and is shown as one.
public struct ArmsDealYear: Sendable, Hashable, Codable {
  /// The deal's position in SIPRI's deal register.
  public let dealNumber: Int
  public let year: Int
  public let supplier: StateID
  public let recipient: StateID
  public let designation: String
  public let description: String
  public let orderYear: Int
  /// The estimated TIV delivered that year (millions of TIV, not US$); `nil` when SIPRI gives the
  /// deal no delivered TIV.
  public let tiv: Double?
  /// The entries of the deal's delivery-year list naming this year, and all its entries.
  public let shares: Int
  public let entries: Int

  public init(
    dealNumber: Int, year: Int, supplier: StateID, recipient: StateID, designation: String, description: String,
    orderYear: Int, tiv: Double?, shares: Int, entries: Int
  ) {
    self.dealNumber = dealNumber
    self.year = year
    self.supplier = supplier
    self.recipient = recipient
    self.designation = designation
    self.description = description
    self.orderYear = orderYear
    self.tiv = tiv
    self.shares = shares
    self.entries = entries
  }
}

/// A joint exercise with the dataset that reports it (`curated` or `exercises`).
/// A joint exercise with the dataset that reports it (`curated`, `exercises` or `mme`).
public struct ReportedExercise: Sendable, Hashable, Codable {
  public let exercise: Exercise
  public let dataset: String
  /// Whether the dataset gives the exercise no name (MME's `-9`); its name is then a description,
  /// which matches no other report.
  public let isUnnamed: Bool

  public init(exercise: Exercise, dataset: String, isUnnamed: Bool = false) {
    self.exercise = exercise
    self.dataset = dataset
    self.isUnnamed = isUnnamed
  }
}
