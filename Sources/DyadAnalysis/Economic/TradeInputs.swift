import DyadCore

/// Everything Dyad holds on the trade of two states, as stored, for ``TradeProfile``.
///
/// `a` and `b` are in the order of the question ("China Russia"): every directed figure is named
/// from `a`'s side. The store fills this (`Store.tradeInputs(between:and:)`); tests build it by hand.
public struct TradeInputs: Sendable {
  /// One year of COW dyadic trade, oriented to `a` and `b`.
  public struct COWYear: Hashable, Sendable, Codable {
    public let year: Int
    /// `a`'s imports from `b` (COW flow), current US$ millions.
    public let aImportsFromB: Double?
    /// `b`'s imports from `a`.
    public let bImportsFromA: Double?
    /// `b`'s rank among `a`'s partners that year.
    public let rankOfBForA: Int?
    /// `a`'s rank among `b`'s partners that year.
    public let rankOfAForB: Int?

    public init(year: Int, aImportsFromB: Double?, bImportsFromA: Double?, rankOfBForA: Int?, rankOfAForB: Int?) {
      self.year = year
      self.aImportsFromB = aImportsFromB
      self.bImportsFromA = bImportsFromA
      self.rankOfBForA = rankOfBForA
      self.rankOfAForB = rankOfAForB
    }
  }

  /// A state's COW national trade totals in one year.
  public struct NationalTotals: Hashable, Sendable, Codable {
    public let imports: Double?
    public let exports: Double?
    /// The partners ranked that year (both flows reported).
    public let partnersRanked: Int

    public init(imports: Double?, exports: Double?, partnersRanked: Int) {
      self.imports = imports
      self.exports = exports
      self.partnersRanked = partnersRanked
    }

    /// Imports plus exports, when both are reported.
    public var total: Double? {
      guard let imports, let exports else { return nil }
      return imports + exports
    }
  }

  /// One value of a reporter's IMF Direction of Trade Statistics.
  public struct IMFFlow: Hashable, Sendable, Codable {
    public enum Direction: String, Hashable, Sendable, Codable { case exports, imports }
    public enum PartnerKind: String, Hashable, Sendable, Codable { case state, aggregate, unresolved }
    public let reporter: StateID
    /// The partner as IMF names it ("China, P.R.: Mainland", "World").
    public let partnerName: String
    /// The partner state, when the name is one.
    public let partner: StateID?
    public let partnerKind: PartnerKind
    public let direction: Direction
    public let year: Int
    /// Current US$ millions; `nil` where IMF shows no value.
    public let value: Double?

    public init(
      reporter: StateID, partnerName: String, partner: StateID?, partnerKind: PartnerKind, direction: Direction,
      year: Int, value: Double?
    ) {
      self.reporter = reporter
      self.partnerName = partnerName
      self.partner = partner
      self.partnerKind = partnerKind
      self.direction = direction
      self.year = year
      self.value = value
    }

    /// Whether the partner is IMF's "World" total.
    public var isWorld: Bool { partnerKind == .aggregate && partnerName.lowercased() == "world" }
  }

  /// One value of a reporter's IMF exports table (`imf-dots-all`).
  public struct IMFExport: Hashable, Sendable, Codable {
    public let reporter: StateID
    public let partnerName: String
    public let partner: StateID?
    public let partnerKind: IMFFlow.PartnerKind
    public let year: Int
    /// FOB, current US$ millions.
    public let value: Double
    /// `observed`, or `estimated` where IMF flags the value `e`.
    public let status: ObservationStatus

    public init(
      reporter: StateID, partnerName: String, partner: StateID?, partnerKind: IMFFlow.PartnerKind, year: Int,
      value: Double, status: ObservationStatus
    ) {
      (self.reporter, self.partnerName, self.partner, self.partnerKind) = (reporter, partnerName, partner, partnerKind)
      (self.year, self.value, self.status) = (year, value, status)
    }
  }

  public var a: StateID
  public var b: StateID
  /// COW dyad-years of `a` and `b`.
  public var cow: [COWYear]
  /// COW national totals of `a` and `b`, by year.
  public var cowTotals: [StateID: [Int: NationalTotals]]
  /// Official figures either side reports about the other (curated).
  public var official: [ReportedTrade]
  /// Every IMF flow reported by `a` or `b`, with all their partners (for shares and ranks).
  public var imf: [IMFFlow]
  /// Every value of `a`'s and `b`'s IMF exports tables, with all their partners (for shares and
  /// ranks).
  public var imfExports: [IMFExport] = []
  /// The years each of `a`'s and `b`'s exports tables cover (a year inside without a value for a
  /// partner is missing; a state with no table has no entry).
  public var imfExportYears: [StateID: Set<Int>] = [:]
  public var imfExportSource: Source?
  /// GDP estimates of `a` and `b` by year, in 2011 international dollars (levels, not logs).
  public var gdp: [StateID: [Int: Double]]
  /// The dataset sources, `nil` for a dataset not in the store.
  public var cowSource: Source?
  public var imfSource: Source?
  public var gdpSource: Source?
  /// The last year of the COW release in the store (2014 for Trade 4.0), where it ends for every dyad.
  public var cowCoverage: YearRange?

  public init(
    a: StateID, b: StateID, cow: [COWYear] = [], cowTotals: [StateID: [Int: NationalTotals]] = [:],
    official: [ReportedTrade] = [], imf: [IMFFlow] = [], gdp: [StateID: [Int: Double]] = [:],
    cowSource: Source? = nil, imfSource: Source? = nil, gdpSource: Source? = nil, cowCoverage: YearRange? = nil
  ) {
    self.a = a
    self.b = b
    self.cow = cow
    self.cowTotals = cowTotals
    self.official = official
    self.imf = imf
    self.gdp = gdp
    self.cowSource = cowSource
    self.imfSource = imfSource
    self.gdpSource = gdpSource
    self.cowCoverage = cowCoverage
  }
}
