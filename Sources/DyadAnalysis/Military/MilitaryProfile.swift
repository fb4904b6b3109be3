import DyadCore

/// The military ties of a dyad, year by year: alliance obligations and the pacts behind them, arms
/// transfers each way, spending and capabilities with their ratios, joint exercises, and the
/// verdict. Every figure carries its source and status.
public struct MilitaryProfile: Sendable, Hashable, Codable {
  public let dyad: Dyad
  /// The display names of ``Dyad/first`` and ``Dyad/second``.
  public let names: [String]
  public let years: YearRange
  public let rows: [MilitaryYear]
  /// Datasets not in the store, with the command that fills them; coverage remarks.
  public let notes: [String]

  public init(dyad: Dyad, names: [String], years: YearRange, rows: [MilitaryYear], notes: [String]) {
    self.dyad = dyad
    self.names = names
    self.years = years
    self.rows = rows
    self.notes = notes
  }

  /// The profile of a dyad over some years, from the inputs.
  public init(inputs: MilitaryInputs, years: YearRange) {
    let merged = MergedExercise.merge(inputs.exercises)
    let exerciseCoverage = VerdictRules.exerciseCoverage(inputs)
    var rows: [MilitaryYear] = []
    for year in years {
      let single = try! YearRange(from: year, to: year)
      let exercises = merged.filter { $0.year == year }
      let verdict = VerdictRules.verdict(for: inputs, year: year)
      rows.append(
        MilitaryYear(
          year: year, alliance: AllianceStatus.of(inputs, year: year),
          transfers: [
            ArmsFlow.of(inputs, from: inputs.dyad.first, to: inputs.dyad.second, years: single),
            ArmsFlow.of(inputs, from: inputs.dyad.second, to: inputs.dyad.first, years: single),
          ],
          capabilities: [
            StateCapabilities(inputs: inputs, state: inputs.dyad.first, year: year),
            StateCapabilities(inputs: inputs, state: inputs.dyad.second, year: year),
          ],
          exercises: exercises, exercisesCovered: exerciseCoverage.contains { $0.contains(year) }, verdict: verdict.tie,
          verdictIsProvisional: verdict.isProvisional))
    }
    self.init(
      dyad: inputs.dyad, names: [inputs.name(inputs.dyad.first), inputs.name(inputs.dyad.second)], years: years,
      rows: rows, notes: Self.notes(for: inputs))
  }

  /// What the store lacks and how to fill it.
  static func notes(for inputs: MilitaryInputs) -> [String] {
    let hints: [(String, String)] = [
      (MilitaryInputs.Dataset.atop, "alliance obligations come from Dyad's curated treaties only"),
      (MilitaryInputs.Dataset.transfers, "no arms transfers"),
      (MilitaryInputs.Dataset.milex, "no SIPRI military spending"),
      (MilitaryInputs.Dataset.capabilities, "no personnel or CINC"),
      (MilitaryInputs.Dataset.exercises, "no Russian MoD exercise reports"),
      (MilitaryInputs.Dataset.mme, "no exercises of 1980–2010 from MME"),
    ]
    return hints.compactMap { name, effect in
      inputs.datasets[name] == nil ? "\(name) is not in the store (\(effect)); run `dyad import \(name) PATH`." : nil
    }
  }
}

/// One year of a ``MilitaryProfile``.
public struct MilitaryYear: Sendable, Hashable, Codable {
  public let year: Int
  public let alliance: AllianceStatus
  /// Arms delivered first → second and second → first.
  public let transfers: [ArmsFlow]
  /// The first state's and the second state's spending and capabilities.
  public let capabilities: [StateCapabilities]
  /// First ÷ second: military spending (SIPRI current US$, else COW NMC), personnel, CINC.
  public let spendingRatio: MilitaryMeasure
  public let personnelRatio: MilitaryMeasure
  public let cincRatio: MilitaryMeasure
  /// Joint exercises that year (curated and imported, merged).
  public let exercises: [MergedExercise]
  /// Whether the exercise data cover the year for this dyad (``VerdictRules``' exercise data end):
  /// when not, a year without a recorded exercise is unknown, not none.
  public let exercisesCovered: Bool
  public let verdict: SecurityTie
  /// Whether the year's verdict is provisional (past the end of some of its data).
  public let verdictIsProvisional: Bool

  public init(
    year: Int, alliance: AllianceStatus, transfers: [ArmsFlow], capabilities: [StateCapabilities],
    exercises: [MergedExercise], exercisesCovered: Bool = true, verdict: SecurityTie, verdictIsProvisional: Bool = false
  ) {
    self.exercisesCovered = exercisesCovered
    self.verdictIsProvisional = verdictIsProvisional
    self.year = year
    self.alliance = alliance
    self.transfers = transfers
    self.capabilities = capabilities
    let a = capabilities[0], b = capabilities[1]
    if a.spendingUSDMillions.value != nil, b.spendingUSDMillions.value != nil {
      spendingRatio = .ratio(a.spendingUSDMillions, b.spendingUSDMillions, note: "SIPRI, current US$")
    } else {
      spendingRatio = .ratio(a.nmcSpendingUSDThousands, b.nmcSpendingUSDThousands, note: "COW NMC, current US$")
    }
    personnelRatio = .ratio(a.personnelThousands, b.personnelThousands)
    cincRatio = .ratio(a.cinc, b.cinc)
    self.exercises = exercises
    self.verdict = verdict
  }

  /// Countable-or-not exercise totals.
  public var exerciseCount: Int { exercises.count }
  public var bilateralExercises: Int { exercises.filter(\.isBilateral).count }
  public var multilateralExercises: Int { exercises.count - bilateralExercises }
}

/// A state's military spending and capabilities in a year.
public struct StateCapabilities: Sendable, Hashable, Codable {
  public let state: StateID
  public let year: Int
  /// SIPRI, current US$ millions.
  public let spendingUSDMillions: MilitaryMeasure
  /// SIPRI, constant 2022 US$ millions.
  public let spendingConstant2022USDMillions: MilitaryMeasure
  /// SIPRI, a fraction of GDP (0.044 = 4.4%).
  public let spendingShareOfGDP: MilitaryMeasure
  /// COW NMC military expenditure, thousands of current US$ (1914 on).
  public let nmcSpendingUSDThousands: MilitaryMeasure
  /// COW NMC military personnel, thousands.
  public let personnelThousands: MilitaryMeasure
  /// COW NMC Composite Index of National Capability (share of the world, 0–1).
  public let cinc: MilitaryMeasure
  /// COW NMC total population, thousands.
  public let populationThousands: MilitaryMeasure

  /// The indicator names, as the importers store them.
  public enum Indicator {
    public static let spendingUSD = "sipri_milex_current_usd_m"
    public static let spendingConstant = "sipri_milex_constant_2022_usd_m"
    public static let spendingShareOfGDP = "sipri_milex_share_of_gdp"
    public static let nmcSpending = "nmc_milex_usd_thousands"
    public static let personnel = "nmc_personnel_thousands"
    public static let cinc = "nmc_cinc"
    public static let population = "nmc_population_thousands"
    /// Every indicator a profile reads.
    public static let all = [spendingUSD, spendingConstant, spendingShareOfGDP, nmcSpending, personnel, cinc, population]
  }

  public init(inputs: MilitaryInputs, state: StateID, year: Int) {
    self.state = state
    self.year = year
    func value(_ indicator: String, _ dataset: String) -> MilitaryMeasure {
      if let measure = inputs.stateValues[state]?[indicator]?[year] { return measure }
      let source = inputs.datasetSources[dataset]
      guard let coverage = inputs.datasets[dataset] else {
        return .missing("\(dataset) is not in the store (run `dyad import \(dataset) PATH`)")
      }
      return .missing(coverage.contains(year) ? "no figure for \(inputs.name(state)) in \(year)" : "\(dataset) covers \(coverage)", source: source)
    }
    spendingUSDMillions = value(Indicator.spendingUSD, MilitaryInputs.Dataset.milex)
    spendingConstant2022USDMillions = value(Indicator.spendingConstant, MilitaryInputs.Dataset.milex)
    spendingShareOfGDP = value(Indicator.spendingShareOfGDP, MilitaryInputs.Dataset.milex)
    nmcSpendingUSDThousands = value(Indicator.nmcSpending, MilitaryInputs.Dataset.capabilities)
    personnelThousands = value(Indicator.personnel, MilitaryInputs.Dataset.capabilities)
    cinc = value(Indicator.cinc, MilitaryInputs.Dataset.capabilities)
    populationThousands = value(Indicator.population, MilitaryInputs.Dataset.capabilities)
  }
}
