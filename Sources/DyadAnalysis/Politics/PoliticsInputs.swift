import DyadCore

/// The political and demographic datasets Dyad reads, each with its own coverage: one `dyad
/// import politics PATH` fills them all from the `shared/data/politics-demography` layout.
public enum PoliticsDataset: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// V-Dem's democracy indices with their credible intervals (v15, via democracyData), 1789–2024.
  case vdem
  /// V-Dem's electoral democracy index (v16), the Unified Democracy Scores and Polity2, by COW
  /// state-year (via isard), 1816–2025.
  case vdemCOW = "vdem-cow"
  /// Freedom House's political rights, civil liberties and status (via democracyData), 1972–2024.
  case freedomHouse = "freedom-house"
  /// REIGN's leaders (effective rulers), to March 2021.
  case reign
  /// Archigos 4.1's leaders (effective rulers), to 2015.
  case archigos
  /// UN World Population Prospects 2024 by five-year age group: estimates 1950–2020 and the
  /// medium, low and high projections 2025–2100, every five years.
  case wppAge = "wpp-age"
  /// UN WPP 2024 median age by year (via Gapminder): estimates to 2023, projections after.
  case wppMedianAge = "wpp-median-age"

  public var description: String { rawValue }

  /// Who publishes the dataset.
  public var publisher: String {
    switch self {
    case .vdem, .vdemCOW: "V-Dem Institute"
    case .freedomHouse: "Freedom House"
    case .reign: "Bell (OEF Research), REIGN"
    case .archigos: "Goemans, Gleditsch & Chiozza, Archigos"
    case .wppAge, .wppMedianAge: "United Nations, Department of Economic and Social Affairs, Population Division"
    }
  }

  /// The publisher's page.
  public var url: String {
    switch self {
    case .vdem, .vdemCOW: "https://www.v-dem.net/data/the-v-dem-dataset/"
    case .freedomHouse: "https://freedomhouse.org/report/freedom-world"
    case .reign: "https://oefdatascience.github.io/REIGN.github.io/"
    case .archigos: "https://www.rochester.edu/college/faculty/hgoemans/data.htm"
    case .wppAge, .wppMedianAge: "https://population.un.org/wpp/"
    }
  }

  /// What a sentence calls the dataset.
  public var label: String {
    switch self {
    case .vdem: "V-Dem v15 indices"
    case .vdemCOW: "V-Dem v16 polyarchy (COW state-years)"
    case .freedomHouse: "Freedom House"
    case .reign: "REIGN"
    case .archigos: "Archigos 4.1"
    case .wppAge: "UN WPP 2024 (age groups)"
    case .wppMedianAge: "UN WPP 2024 (median age)"
    }
  }
}

/// A regime measure's value in a year, with its credible interval where the dataset gives one
/// (V-Dem's `codelow`–`codehigh`, about a 68% interval).
public struct RegimeValue: Sendable, Hashable, Codable {
  public let value: Double
  public let low: Double?
  public let high: Double?

  public init(value: Double, low: Double? = nil, high: Double? = nil) {
    self.value = value
    self.low = low
    self.high = high
  }
}

/// A state's Freedom House ratings in a year.
public struct FreedomHouseRating: Sendable, Hashable, Codable {
  /// Political rights, 1 (most free) … 7 (least free).
  public let politicalRights: Int
  /// Civil liberties, 1 … 7.
  public let civilLiberties: Int
  /// `F` (free), `PF` (partly free) or `NF` (not free).
  public let status: String

  public init(politicalRights: Int, civilLiberties: Int, status: String) {
    self.politicalRights = politicalRights
    self.civilLiberties = civilLiberties
    self.status = status
  }

  /// Political rights plus civil liberties, 2 (most free) … 14.
  public var total: Int { politicalRights + civilLiberties }

  /// "not free", "partly free", "free".
  public var statusLabel: String {
    switch status {
    case "F": "free"
    case "PF": "partly free"
    default: "not free"
    }
  }
}

/// A state's population in a year by broad age group, summed from UN WPP's five-year groups (in
/// thousands), an estimate or one projection variant.
public struct PopulationPoint: Sendable, Hashable, Codable {
  /// How a population figure was made.
  public enum Variant: String, Sendable, Hashable, Codable, CaseIterable {
    /// WPP's estimate (to 2020).
    case estimate
    /// WPP's medium, low and high projections (from 2025).
    case medium, low, high

    public var isProjection: Bool { self != .estimate }
  }

  public let year: Int
  public let variant: Variant
  /// Ages 0–14, 15–64 (working age) and 65 and over, in thousands.
  public let children: Double
  public let workingAge: Double
  public let elderly: Double

  public init(year: Int, variant: Variant, children: Double, workingAge: Double, elderly: Double) {
    self.year = year
    self.variant = variant
    self.children = children
    self.workingAge = workingAge
    self.elderly = elderly
  }

  /// All ages, in thousands.
  public var total: Double { children + workingAge + elderly }
}

/// A state's median age in a year.
public struct MedianAge: Sendable, Hashable, Codable {
  public let year: Int
  public let years: Double
  /// A projection (WPP 2024's medium variant), not an estimate.
  public let isProjection: Bool

  public init(year: Int, years: Double, isProjection: Bool) {
    self.year = year
    self.years = years
    self.isProjection = isProjection
  }
}

/// Everything stored about one state's political system, leaders and population.
public struct StatePoliticsInputs: Sendable, Hashable {
  public let state: StateID
  /// By dataset (``PoliticsDataset/vdem``, ``PoliticsDataset/vdemCOW``), measure and year.
  public var regime: [PoliticsDataset: [String: [Int: RegimeValue]]] = [:]
  public var freedomHouse: [Int: FreedomHouseRating] = [:]
  /// REIGN, Archigos and curated spells, oldest first.
  public var leaders: [LeaderSpell] = []
  /// Every five years, estimates and projection variants.
  public var population: [PopulationPoint] = []
  public var medianAge: [Int: MedianAge] = [:]

  public init(state: StateID) { self.state = state }

  /// A measure's values by year in a dataset.
  public func measure(_ name: String, in dataset: PoliticsDataset) -> [Int: RegimeValue] {
    regime[dataset]?[name] ?? [:]
  }
}

/// What the store holds on the politics of both states of a dyad, with each dataset's years.
public struct PoliticsInputs: Sendable, Hashable {
  public let dyad: Dyad
  public var coverage: [PoliticsDataset: YearRange] = [:]
  public var sources: [PoliticsDataset: Source] = [:]
  /// The first state's (``Dyad/first``) and the second's.
  public var first: StatePoliticsInputs
  public var second: StatePoliticsInputs
  /// The source of every curated leader row, by state (each row cites its own).
  public var curatedLeadersSource: Source?

  public init(dyad: Dyad) {
    self.dyad = dyad
    first = StatePoliticsInputs(state: dyad.first)
    second = StatePoliticsInputs(state: dyad.second)
  }

  /// Both states' inputs, in the dyad's order.
  public var states: [StatePoliticsInputs] { [first, second] }
}
