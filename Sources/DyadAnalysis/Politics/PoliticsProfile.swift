import DyadCore
import Foundation

/// How two states' political systems, leaders and populations compare over some years
/// (`dyad politics`, the report's "Political systems").
///
/// The rules (written out in the README's method notes):
///
/// - **Regime measure**: V-Dem's electoral democracy index (`v2x_polyarchy`, 0–1), from the v15
///   indices with their credible interval where they reach, else from v16 (the latest year, without
///   an interval). A year is a **democracy** when the whole interval lies above
///   ``democracyThreshold`` (0.5, the Regimes of the World's necessary condition for an electoral
///   democracy), an **autocracy** when it lies below, and **uncertain** when it spans 0.5; without
///   an interval the point estimate decides, and says so.
/// - **Leaders**: REIGN and Archigos code the *effective* leader (Putin one spell from 2000, no
///   Medvedev presidency); Dyad's curated rows carry the state's effective leader on after March
///   2021 and join REIGN's open spell when they continue it. After a spell's `as of` day who led is
///   unknown, never presumed.
/// - **Population**: UN WPP's five-year points only, never an interpolated year; working age is
///   15–64; the projections (medium, with low and high) are marked as projections. WPP reports
///   present-day territories, also for years before the state had them (Russia before 1992 is the
///   RSFSR's territory, not the Soviet Union's).
public struct PoliticsProfile: Sendable, Hashable, Codable {
  /// The polyarchy score at and above which a year counts as a democracy.
  public static let democracyThreshold = 0.5
  /// The last year projections are shown to.
  public static let projectionHorizon = 2050

  /// A year's regime class by the electoral democracy index.
  public enum RegimeClass: String, Sendable, Hashable, Codable {
    case democracy, autocracy, uncertain

    /// Classifies a polyarchy value by its interval (or, without one, its point estimate).
    public static func of(_ value: RegimeValue) -> RegimeClass {
      let threshold = PoliticsProfile.democracyThreshold
      let low = value.low ?? value.value, high = value.high ?? value.value
      if low > threshold { return .democracy }
      if high < threshold { return .autocracy }
      return value.low == nil && value.value != threshold ? (value.value > threshold ? .democracy : .autocracy) : .uncertain
    }
  }

  /// One state's regime measures in a year.
  public struct SideYear: Sendable, Hashable, Codable {
    /// V-Dem's electoral democracy index, with its interval where V-Dem v15 gives one.
    public let polyarchy: RegimeValue?
    /// Where ``polyarchy`` comes from: ``PoliticsDataset/vdem`` or ``PoliticsDataset/vdemCOW``.
    public let polyarchyDataset: PoliticsDataset?
    /// V-Dem's liberal democracy index (v15), with its interval.
    public let liberalDemocracy: RegimeValue?
    public let freedomHouse: FreedomHouseRating?
    /// Polity2 (−10 … 10), to 2018.
    public let polity2: Double?
    public let regime: RegimeClass?
  }

  /// Both states in a year.
  public struct Year: Sendable, Hashable, Codable {
    public let year: Int
    /// The first state's (``Dyad/first``) and the second's.
    public let sides: [SideYear]
    /// The absolute difference of their polyarchy scores, when both are known.
    public let distance: Double?
    /// "both autocracies", "both democracies", "a democracy and an autocracy"; `nil` when either
    /// is unknown or uncertain.
    public let pairing: String?
  }

  /// The leader a state had at the last day its sources attest.
  public struct CurrentLeader: Sendable, Hashable, Codable {
    public let name: String
    /// The day the leader came to power (effective leader), from ``sinceDataset``.
    public let since: Day
    public let sinceDataset: LeaderSpell.Dataset
    /// The last day a source attests the leader in office; `nil` when the spell ended (``until``).
    public let asOf: Day?
    /// The spell's last day when it ended.
    public let until: Day?
    /// Years in power at ``asOf`` (or ``until``), to one decimal.
    public let tenureYears: Double
    /// The offices the leader holds in the curated rows ("head of state").
    public let offices: [LeaderSpell.Office]
    public let source: Source?
    /// The dataset's caveat, e.g. that REIGN codes Putin as one spell from 2000.
    public let note: String?
    /// The curated spell continues a REIGN spell the store does not hold (politics not imported):
    /// the leader came to power before ``since``, the day the office was taken.
    public let cameToPowerEarlier: Bool
  }

  /// One state's leaders, population and last observed years.
  public struct Side: Sendable, Hashable, Codable {
    public let state: StateID
    public let name: String
    /// The effective leaders (REIGN and Archigos, side by side) whose spells overlap the years.
    public let leaders: [LeaderSpell]
    /// Curated heads of state and government whose spells overlap the years.
    public let offices: [LeaderSpell]
    public let current: CurrentLeader?
    /// WPP's five-yearly points in the years (estimates), and the projections to
    /// ``projectionHorizon`` when the years reach the last estimate.
    public let population: [PopulationPoint]
    /// Working-age change from the first estimate shown to the last, in percent.
    public let workingAgeChange: Double?
    /// Working-age change from the last estimate (2020) to the medium projection for 2030 and
    /// ``projectionHorizon``, in percent; `nil` without projections.
    public let workingAgeChangeTo2030: Double?
    public let workingAgeChangeTo2050: Double?
    /// The largest working-age population among the estimates and the medium projection.
    public let workingAgePeak: PopulationPoint?
    /// The latest estimated median age, and the medium projection for ``projectionHorizon``.
    public let medianAge: MedianAge?
    public let medianAgeProjected: MedianAge?
    /// The median age in each of the years (yearly WPP series: estimates, then projections).
    public let medianAges: [MedianAge]
    /// The last year each measure is observed for the state: "polyarchy", "freedom-house", "polity2",
    /// "population", "median-age".
    public let lastObserved: [String: Int]
    /// The first year WPP's figures are for the state's present territory, when earlier figures
    /// shown are for that territory before the state held it (Russia: 1992).
    public let presentTerritoryFrom: Int?

    /// Whether the working-age population falls from the last estimate to 2030 (medium projection).
    public var workingAgeShrinking: Bool? { workingAgeChangeTo2030.map { $0 < 0 } }
  }

  /// One dataset's coverage, with its source.
  public struct Coverage: Sendable, Hashable, Codable {
    public let dataset: PoliticsDataset
    public let years: YearRange
    public let source: Source?
  }

  public let dyad: Dyad
  public let years: YearRange
  public let rows: [Year]
  public let sides: [Side]
  public let coverage: [Coverage]
  /// Coverage ends, datasets not in the store, and the caveats of the leader data.
  public let notes: [String]

  public init(inputs: PoliticsInputs, years: YearRange, names: [String], today: Day = .today, states: [State] = []) {
    dyad = inputs.dyad
    self.years = years
    let sideInputs = inputs.states
    rows = years.map { year in
      let sides = sideInputs.map { Self.sideYear($0, year) }
      let a = sides[0].polyarchy?.value, b = sides[1].polyarchy?.value
      var pairing: String?
      switch (sides[0].regime, sides[1].regime) {
      case (.autocracy?, .autocracy?): pairing = "both autocracies"
      case (.democracy?, .democracy?): pairing = "both democracies"
      case (.democracy?, .autocracy?), (.autocracy?, .democracy?): pairing = "a democracy and an autocracy"
      default: pairing = nil
      }
      return Year(year: year, sides: sides, distance: a.flatMap { a in b.map { abs(a - $0) } }, pairing: pairing)
    }
    sides = zip(sideInputs, names).map { side, name in
      Self.side(side, name: name, years: years, today: today, state: states.first { $0.id == side.state })
    }
    coverage = PoliticsDataset.allCases.compactMap { dataset in
      inputs.coverage[dataset].map { Coverage(dataset: dataset, years: $0, source: inputs.sources[dataset]) }
    }
    var notes: [String] = []
    if inputs.coverage.isEmpty {
      notes.append(
        "politics is not in the store (no regime measures, dataset leaders or population); run `dyad import politics PATH`."
      )
    } else {
      for dataset in [PoliticsDataset.vdem, .vdemCOW, .freedomHouse] {
        guard let covered = inputs.coverage[dataset] else {
          notes.append("\(dataset.label) is not in the store: its years are unknown.")
          continue
        }
        if years.upperBound > covered.upperBound {
          notes.append("\(dataset.label) ends in \(covered.upperBound): later years are unknown, never zero.")
        }
      }
    }
    if sides.contains(where: { side in side.leaders.contains { $0.dataset != .curated } }) {
      var examples: [String] = []
      if sides.contains(where: { $0.state == "RUS" }) {
        examples.append("Vladimir Putin is one spell from 2000-01-01, with no Medvedev presidency (2008–2012)")
      }
      if sides.contains(where: { $0.state == "CHN" }) {
        examples.append("Xi Jinping leads from 2012-11-15 (General Secretary), before he became president (2013-03-14)")
      }
      notes.append(
        "REIGN and Archigos code the effective leader, whatever the title"
          + (examples.isEmpty ? "; Dyad's curated rows list the heads of state and government." : ": " + examples.joined(separator: "; ") + "."))
    }
    if sides.contains(where: { !$0.population.isEmpty }) {
      notes.append(
        "UN WPP 2024 gives population by age every five years (estimates to 2020, projections from 2025); no year between is interpolated. Working age is 15–64."
      )
    }
    self.notes = notes
  }

  /// A state's measures in a year.
  static func sideYear(_ side: StatePoliticsInputs, _ year: Int) -> SideYear {
    let v15 = side.measure("polyarchy", in: .vdem)[year], v16 = side.measure("polyarchy", in: .vdemCOW)[year]
    let polyarchy = v15 ?? v16
    return SideYear(
      polyarchy: polyarchy, polyarchyDataset: v15 != nil ? .vdem : v16 != nil ? .vdemCOW : nil,
      liberalDemocracy: side.measure("libdem", in: .vdem)[year], freedomHouse: side.freedomHouse[year],
      polity2: side.measure("polity2", in: .vdemCOW)[year]?.value, regime: polyarchy.map(RegimeClass.of))
  }

  /// The leader a state had at the last day its sources attest: a curated effective spell
  /// (joined to REIGN's open spell when it continues it), else REIGN's or Archigos's open spell.
  public static func currentLeader(of spells: [LeaderSpell]) -> CurrentLeader? {
    func tenure(_ from: Day, _ to: Day) -> Double {
      (Double(from.days(to: to)) / 365.25 * 10).rounded() / 10
    }
    let curated = spells.filter { $0.dataset == .curated && $0.isEffective }.sorted { $0.from < $1.from }
    if let last = curated.last, let end = last.lastKnownDay {
      let reign = spells.last { $0.dataset == .reign && $0.isOpen }
      let joined = last.continuesDatasetSpell ? reign : nil
      let since = joined?.from ?? last.from
      return CurrentLeader(
        name: last.name, since: since, sinceDataset: joined == nil ? .curated : .reign, asOf: last.isOpen ? last.asOf : nil,
        until: last.to, tenureYears: tenure(since, end), offices: last.offices, source: last.source,
        note: joined == nil ? nil : "since \(since) as REIGN codes the effective leader (\(joined!.name)); the curated row (\(last.offices.map(\.label).joined(separator: " and "))) carries it on",
        cameToPowerEarlier: last.continuesDatasetSpell && joined == nil)
    }
    for dataset in [LeaderSpell.Dataset.reign, .archigos] {
      if let open = spells.last(where: { $0.dataset == dataset && $0.isOpen }), let asOf = open.asOf {
        return CurrentLeader(
          name: open.name, since: open.from, sinceDataset: dataset, asOf: asOf, until: nil,
          tenureYears: tenure(open.from, asOf), offices: [], source: nil,
          note: "in office at the end of \(dataset.label) (\(asOf)); later changes are not in the data",
          cameToPowerEarlier: false)
      }
    }
    // No spell open at a dataset's end (a state that ended): the last one.
    for dataset in [LeaderSpell.Dataset.reign, .archigos] {
      if let last = spells.filter({ $0.dataset == dataset }).max(by: { $0.from < $1.from }), let end = last.lastKnownDay {
        return CurrentLeader(
          name: last.name, since: last.from, sinceDataset: dataset, asOf: nil, until: last.to,
          tenureYears: tenure(last.from, end), offices: [], source: nil, note: "the last leader \(dataset.label) records",
          cameToPowerEarlier: false)
      }
    }
    return nil
  }

  static func side(_ side: StatePoliticsInputs, name: String, years: YearRange, today: Day, state: State?) -> Side {
    let first = Day.startOf(year: years.lowerBound), last = Day.endOf(year: years.upperBound)
    func overlaps(_ spell: LeaderSpell) -> Bool {
      spell.from <= last && (spell.lastKnownDay.map { $0 >= first } ?? false)
    }
    let leaders = side.leaders.filter { $0.dataset != .curated && overlaps($0) }
    let offices = side.leaders.filter { $0.dataset == .curated && overlaps($0) }
    // Five-yearly points bracketing the years; projections when the years reach the last estimate.
    let lastEstimate = side.population.filter { $0.variant == .estimate }.map(\.year).max()
    let from5 = years.lowerBound - ((years.lowerBound % 5) + 5) % 5
    let to5 = years.upperBound + (5 - years.upperBound % 5) % 5
    let estimates = side.population.filter { $0.variant == .estimate && (from5...to5).contains($0.year) }
    let reachesPresent = lastEstimate.map { years.upperBound >= $0 } ?? false
    let projections =
      reachesPresent ? side.population.filter { $0.variant.isProjection && $0.year <= projectionHorizon } : []
    func change(_ a: PopulationPoint?, _ b: PopulationPoint?) -> Double? {
      guard let a, let b, a.workingAge > 0 else { return nil }
      return (b.workingAge / a.workingAge - 1) * 100
    }
    let latest = side.population.last { $0.variant == .estimate && $0.year == lastEstimate }
    func medium(_ year: Int) -> PopulationPoint? {
      side.population.first { $0.variant == .medium && $0.year == year }
    }
    let peakCandidates = side.population.filter { $0.variant == .estimate || $0.variant == .medium }
    let medianEstimate = side.medianAge.values.filter { !$0.isProjection }.max { $0.year < $1.year }
    var lastObserved: [String: Int] = [:]
    lastObserved["polyarchy"] = (Array(side.measure("polyarchy", in: .vdem).keys) + side.measure("polyarchy", in: .vdemCOW).keys).max()
    lastObserved["freedom-house"] = side.freedomHouse.keys.max()
    lastObserved["polity2"] = side.measure("polity2", in: .vdemCOW).keys.max()
    lastObserved["population"] = lastEstimate
    lastObserved["median-age"] = medianEstimate?.year
    // The first year the state holds its present territory (WPP's unit).
    var territoryFrom: Int?
    if let state {
      var begins = state.start
      for period in state.periods { begins = max(begins ?? period.to, Day.after(period.to) ?? period.to) }
      for gap in state.gaps { begins = max(begins ?? gap.to, Day.after(gap.to) ?? gap.to) }
      if let begins, let earliest = (estimates + projections).map(\.year).min(), earliest < begins.year {
        territoryFrom = begins.year + (begins.month == 1 && begins.day == 1 ? 0 : 1)
      }
    }
    return Side(
      state: side.state, name: name, leaders: leaders, offices: offices, current: currentLeader(of: side.leaders),
      population: estimates + projections, workingAgeChange: change(estimates.first, estimates.last),
      workingAgeChangeTo2030: reachesPresent ? change(latest, medium(2030)) : nil,
      workingAgeChangeTo2050: reachesPresent ? change(latest, medium(projectionHorizon)) : nil,
      workingAgePeak: peakCandidates.max { $0.workingAge < $1.workingAge },
      medianAge: medianEstimate, medianAgeProjected: side.medianAge[projectionHorizon],
      medianAges: years.compactMap { side.medianAge[$0] },
      lastObserved: lastObserved, presentTerritoryFrom: territoryFrom)
  }
}

extension PoliticsProfile.Side {
  /// The effective leaders in office at some time in a year: REIGN's (or, after it ends, Dyad's
  /// curated effective leaders), else Archigos's; by name, oldest first.
  public func leaders(in year: Int) -> [String] {
    let first = Day.startOf(year: year), last = Day.endOf(year: year)
    func during(_ spell: LeaderSpell) -> Bool { spell.from <= last && (spell.lastKnownDay.map { $0 >= first } ?? false) }
    var names: [String] = []
    let reign = leaders.filter { $0.dataset == .reign && during($0) }
    let curated = offices.filter { $0.isEffective && during($0) }
    let chosen = reign.isEmpty && curated.isEmpty ? leaders.filter { $0.dataset == .archigos && during($0) } : reign + curated
    // A curated row continuing REIGN's open spell is the same person: one name, the curated spelling.
    let continuing = offices.last { $0.isEffective && $0.continuesDatasetSpell }
    for spell in chosen.sorted(by: { $0.from < $1.from }) {
      let name = spell.dataset == .reign && spell.isOpen ? (continuing?.name ?? spell.name) : spell.name
      if !names.contains(name) { names.append(name) }
    }
    return names
  }

  /// The median age of a year in the profile's years.
  public func medianAge(in year: Int) -> MedianAge? { medianAges.first { $0.year == year } }

  /// The population point of a year (the estimate, else the medium projection).
  public func population(in year: Int) -> PopulationPoint? {
    population.first { $0.year == year && $0.variant == .estimate }
      ?? population.first { $0.year == year && $0.variant == .medium }
  }
}
