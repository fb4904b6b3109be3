import DyadCore
import Foundation

/// The conflicts, rivalries and geography of a dyad year by year, with summary figures and the
/// notes naming each dataset's coverage.
///
/// Missing is never zero: a year a dataset does not cover (COW MIDs after 2014, GML after 2010,
/// wars after 2003, UCDP before 1946, rivalries after 2020) is `nil` in that dataset's column —
/// unknown — while a covered year without a dispute is an empty list.
public struct ConflictProfile: Sendable, Hashable, Codable {
  public let dyad: Dyad
  /// The display names of ``Dyad/first`` and ``Dyad/second``.
  public let names: [String]
  public let years: YearRange
  public let rows: [ConflictYear]
  public let summary: ConflictSummary
  /// Each dataset in the store, the years it covers and its source.
  public let coverage: [ConflictCoverage]
  /// Coverage ends, datasets not in the store and how to fill them.
  public let notes: [String]

  /// The hostility levels of the MID datasets, by level.
  public static let hostilityLabels = [1: "no militarized action", 2: "threat", 3: "display", 4: "use of force", 5: "war"]
  /// The contiguity types of COW Direct Contiguity, by type.
  public static let contiguityLabels = [
    1: "land", 2: "water ≤ 12 miles", 3: "water ≤ 24 miles", 4: "water ≤ 150 miles", 5: "water ≤ 400 miles",
  ]
  /// The mean radius of the Earth used for distances, in km (IUGG).
  public static let earthRadiusKm = 6371.0088

  public init(
    dyad: Dyad, names: [String], years: YearRange, rows: [ConflictYear], summary: ConflictSummary,
    coverage: [ConflictCoverage], notes: [String]
  ) {
    (self.dyad, self.names, self.years, self.rows, self.summary, self.coverage, self.notes) =
      (dyad, names, years, rows, summary, coverage, notes)
  }

  /// The profile of a dyad over some years, from the inputs; `names` are the two states' display
  /// names (their ids by default).
  public init(inputs: ConflictInputs, years: YearRange, names: [String]? = nil) {
    let dyad = inputs.dyad
    var rows: [ConflictYear] = []
    for year in years {
      rows.append(
        ConflictYear(
          year: year, cowMID: Self.disputes(inputs, .cowMID, year), gmlMID: Self.disputes(inputs, .gmlMID, year),
          wars: inputs.covers(.cowWar, year) ? Self.unique(inputs.wars.filter { $0.year == year }.map(\.war)) : nil,
          tssRivalries: Self.rivalries(inputs, .tssRivalries, year), tdRivalries: Self.rivalries(inputs, .tdRivalries, year),
          oppositeSideConflicts: inputs.covers(.ucdp, year)
            ? Self.unique(inputs.armedConflicts.filter { $0.year == year && $0.onOppositeSides }.map(\.conflict)) : nil,
          sameSideConflicts: inputs.covers(.ucdp, year)
            ? Self.unique(inputs.armedConflicts.filter { $0.year == year && !$0.onOppositeSides }.map(\.conflict)) : nil,
          contiguity: Self.contiguity(inputs, year)))
    }
    let coverage = ConflictDataset.allCases.compactMap { dataset in
      inputs.coverage[dataset].map { ConflictCoverage(dataset: dataset, years: $0, source: inputs.sources[dataset]) }
    }
    self.init(
      dyad: dyad, names: names ?? [dyad.first.rawValue, dyad.second.rawValue], years: years, rows: rows,
      summary: ConflictSummary(inputs: inputs, years: years), coverage: coverage, notes: Self.notes(inputs, years))
  }

  static func unique(_ values: [Int]) -> [Int] { Array(Set(values)).sorted() }

  /// One MID dataset's disputes in a year; `nil` when the dataset does not cover it.
  static func disputes(_ inputs: ConflictInputs, _ dataset: ConflictDataset, _ year: Int) -> DisputeYearSummary? {
    guard inputs.covers(dataset, year) else { return nil }
    return DisputeYearSummary(inputs.disputes.filter { $0.dataset == dataset && $0.year == year }, dyad: inputs.dyad)
  }

  /// One rivalry dataset's rivalries in force in a year; `nil` when it does not cover the year.
  static func rivalries(_ inputs: ConflictInputs, _ dataset: ConflictDataset, _ year: Int) -> [Rivalry]? {
    guard inputs.covers(dataset, year) else { return nil }
    return inputs.rivalries.filter { $0.dataset == dataset && $0.years.contains(year) }
  }

  /// The closest contiguity in force on any day of a year (a span of type 0, coded as not
  /// contiguous, is none); `nil` when the dataset does not cover it.
  static func contiguity(_ inputs: ConflictInputs, _ year: Int) -> ContiguityYear? {
    guard inputs.covers(.contiguity, year) else { return nil }
    let type = inputs.contiguity.filter { $0.type > 0 && $0.from.year <= year && year <= $0.to.year }.map(\.type).min()
    return ContiguityYear(type: type)
  }

  /// The great-circle distance between two points in km (haversine, R = ``earthRadiusKm``).
  public static func distanceKm(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
    let rad = Double.pi / 180
    let dLat = (latitude2 - latitude1) * rad, dLon = (longitude2 - longitude1) * rad
    let h = pow(sin(dLat / 2), 2) + cos(latitude1 * rad) * cos(latitude2 * rad) * pow(sin(dLon / 2), 2)
    return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
  }

  /// Each dataset's coverage where the range runs past it, and what the store lacks.
  static func notes(_ inputs: ConflictInputs, _ years: YearRange) -> [String] {
    guard !inputs.coverage.isEmpty else {
      return ["conflict is not in the store (no disputes, wars, rivalries, UCDP conflicts, contiguity or capitals); run `dyad import conflict PATH`."]
    }
    var notes: [String] = []
    for dataset in ConflictDataset.allCases where dataset != .capitals {
      guard let covered = inputs.coverage[dataset] else {
        notes.append("\(dataset.label) are not in the store: their years are unknown.")
        continue
      }
      if years.upperBound > covered.upperBound || years.lowerBound < covered.lowerBound {
        notes.append(
          "\(dataset.label) cover \(covered): years outside it are unknown (not covered), never \"no conflict\".")
      }
    }
    if inputs.rivalries.contains(where: \.isOngoingAtDataEnd) {
      notes.append("A rivalry whose last year is its dataset's last (TSS 2020, Thompson–Dreyer 2010) was ongoing when the data end, not ended.")
    }
    notes.append(
      "MIDs and wars are counted once per dyad-year (the directed files list each pair twice); UCDP conflicts are those in which both states took part in the same year, told by their sides.")
    return notes
  }
}

/// A dataset's years in the store, and its source.
public struct ConflictCoverage: Sendable, Hashable, Codable {
  public let dataset: ConflictDataset
  public let years: YearRange
  public let source: Source?

  public init(dataset: ConflictDataset, years: YearRange, source: Source?) {
    (self.dataset, self.years, self.source) = (dataset, years, source)
  }
}

/// One MID dataset's disputes of a dyad in a covered year (empty lists: no dispute that year).
public struct DisputeYearSummary: Sendable, Hashable, Codable {
  /// The disputes (`dispnum`) the two were in.
  public let disputes: [Int]
  /// Those that began for the dyad this year.
  public let onsets: [Int]
  /// The highest hostility level of either side (1–5), `nil` without a dispute.
  public let hostility: Int?
  /// Its label: threat, display, use of force, war.
  public let hostilityLabel: String?
  /// The highest fatality level of each state (first, second), `nil` where unknown or no dispute.
  public let firstFatality: Int?
  public let secondFatality: Int?
  /// The states on the initiating side (side A) of any of the year's disputes.
  public let initiators: [StateID]

  public init(_ years: [DisputeYear], dyad: Dyad) {
    disputes = ConflictProfile.unique(years.map(\.dispute))
    onsets = ConflictProfile.unique(years.filter(\.isOnset).map(\.dispute))
    hostility = years.map(\.hostility).max()
    hostilityLabel = hostility.flatMap { ConflictProfile.hostilityLabels[$0] }
    firstFatality = years.compactMap(\.first.fatality).max()
    secondFatality = years.compactMap(\.second.fatality).max()
    var initiators: [StateID] = []
    if years.contains(where: \.first.isInitiator) { initiators.append(dyad.first) }
    if years.contains(where: \.second.isInitiator) { initiators.append(dyad.second) }
    self.initiators = initiators
  }

  /// Whether either side used force (hostility 4) or went to war (5).
  public var isUseOfForce: Bool { (hostility ?? 0) >= 4 }
}

/// The closest contiguity of a covered year: `type` 1–5, or `nil` when not contiguous.
public struct ContiguityYear: Sendable, Hashable, Codable {
  public let type: Int?
  public let label: String

  public init(type: Int?) {
    self.type = type
    label = type.flatMap { ConflictProfile.contiguityLabels[$0] } ?? "not contiguous"
  }
}

/// One year of a ``ConflictProfile``; each dataset's part is `nil` where it does not cover the year.
public struct ConflictYear: Sendable, Hashable, Codable {
  public let year: Int
  public let cowMID: DisputeYearSummary?
  public let gmlMID: DisputeYearSummary?
  /// The COW interstate wars in which the two fought on opposite sides.
  public let wars: [Int]?
  /// The rivalries in force, by dataset.
  public let tssRivalries: [Rivalry]?
  public let tdRivalries: [Rivalry]?
  /// UCDP conflicts with both states, on opposite sides and on the same side.
  public let oppositeSideConflicts: [Int]?
  public let sameSideConflicts: [Int]?
  public let contiguity: ContiguityYear?

  public init(
    year: Int, cowMID: DisputeYearSummary?, gmlMID: DisputeYearSummary?, wars: [Int]?, tssRivalries: [Rivalry]?,
    tdRivalries: [Rivalry]?, oppositeSideConflicts: [Int]?, sameSideConflicts: [Int]?, contiguity: ContiguityYear?
  ) {
    (self.year, self.cowMID, self.gmlMID, self.wars, self.tssRivalries, self.tdRivalries) =
      (year, cowMID, gmlMID, wars, tssRivalries, tdRivalries)
    (self.oppositeSideConflicts, self.sameSideConflicts, self.contiguity) =
      (oppositeSideConflicts, sameSideConflicts, contiguity)
  }
}

/// A rivalry as the summary lists it, with its end labelled.
public struct RivalrySpan: Sendable, Hashable, Codable {
  public let rivalry: Rivalry
  /// "1958–1989", or "1949–2020, ongoing at the data's end (2020)".
  public let label: String

  public init(_ rivalry: Rivalry) {
    self.rivalry = rivalry
    label =
      rivalry.isOngoingAtDataEnd
      ? "\(rivalry.start)–\(rivalry.end), ongoing at the data's end (\(rivalry.end))" : "\(rivalry.start)–\(rivalry.end)"
  }
}

/// The contiguity last coded between the two, and whether it was in force at the data's end.
public struct ContiguityStatus: Sendable, Hashable, Codable {
  public let type: Int
  public let label: String
  public let from: Day
  public let to: Day
  /// Whether ``to`` is the dataset's last day coded (the data's end, not the border's).
  public let inForceAtDataEnd: Bool

  public init(type: Int, from: Day, to: Day, inForceAtDataEnd: Bool) {
    (self.type, self.from, self.to, self.inForceAtDataEnd) = (type, from, to, inForceAtDataEnd)
    label = ConflictProfile.contiguityLabels[type] ?? "type \(type)"
  }
}

/// The profile's summary figures over its years; a figure is `nil` where no dataset covers any of
/// the years (unknown), 0 where it covers them and finds none.
public struct ConflictSummary: Sendable, Hashable, Codable {
  /// MID onsets, dyad-years and years with use of force (hostility ≥ 4), COW and GML.
  public let cowMIDOnsets: Int?
  public let gmlMIDOnsets: Int?
  public let cowMIDYears: Int?
  public let gmlMIDYears: Int?
  public let cowUseOfForceYears: Int?
  public let gmlUseOfForceYears: Int?
  /// The last year with a dispute in the profile's years.
  public let lastCOWMID: Int?
  public let lastGMLMID: Int?
  /// The COW wars the two fought against each other, and their dyad-years.
  public let wars: [Int]?
  public let warYears: Int?
  /// UCDP conflict-years with both, opposite sides and the same side.
  public let oppositeSideConflictYears: Int?
  public let sameSideConflictYears: Int?
  /// Every rivalry of the dyad (any years), TSS then TD, ongoing ones labelled.
  public let rivalries: [RivalrySpan]
  /// The latest capitals of the first and second states, and the great-circle distance between them.
  public let capitals: [Capital]
  public let capitalDistanceKm: Double?
  /// The contiguity last coded; `nil` when the two were never contiguous or contiguity is not in the store.
  public let contiguity: ContiguityStatus?

  public init(inputs: ConflictInputs, years: YearRange) {
    func covered(_ dataset: ConflictDataset) -> YearRange? { inputs.coverage[dataset].flatMap { $0.clamped(to: years) } }
    func midFigures(_ dataset: ConflictDataset) -> (onsets: Int?, years: Int?, force: Int?, last: Int?) {
      guard let span = covered(dataset) else { return (nil, nil, nil, nil) }
      let rows = inputs.disputes.filter { $0.dataset == dataset && span.contains($0.year) }
      let byYear = Set(rows.map(\.year))
      return (
        rows.filter(\.isOnset).count, byYear.count, Set(rows.filter(\.isUseOfForce).map(\.year)).count, byYear.max()
      )
    }
    let cow = midFigures(.cowMID), gml = midFigures(.gmlMID)
    (cowMIDOnsets, cowMIDYears, cowUseOfForceYears, lastCOWMID) = cow
    (gmlMIDOnsets, gmlMIDYears, gmlUseOfForceYears, lastGMLMID) = gml
    if let span = covered(.cowWar) {
      let rows = inputs.wars.filter { span.contains($0.year) }
      wars = ConflictProfile.unique(rows.map(\.war))
      warYears = Set(rows.map(\.year)).count
    } else {
      (wars, warYears) = (nil, nil)
    }
    if let span = covered(.ucdp) {
      let rows = inputs.armedConflicts.filter { span.contains($0.year) }
      struct Key: Hashable { let conflict: Int, year: Int }
      oppositeSideConflictYears = Set(rows.filter(\.onOppositeSides).map { Key(conflict: $0.conflict, year: $0.year) }).count
      sameSideConflictYears = Set(rows.filter { !$0.onOppositeSides }.map { Key(conflict: $0.conflict, year: $0.year) }).count
    } else {
      (oppositeSideConflictYears, sameSideConflictYears) = (nil, nil)
    }
    rivalries = inputs.rivalries.sorted {
      ($0.dataset == .tssRivalries ? 0 : 1, $0.start, $0.id) < ($1.dataset == .tssRivalries ? 0 : 1, $1.start, $1.id)
    }.map(RivalrySpan.init)
    let latest = [inputs.dyad.first, inputs.dyad.second].compactMap { state in
      inputs.capitals.filter { $0.state == state }.max { ($0.to, $0.from) < ($1.to, $1.from) }
    }
    capitals = latest
    capitalDistanceKm =
      latest.count == 2
      ? ConflictProfile.distanceKm(
        latitude1: latest[0].latitude, longitude1: latest[0].longitude, latitude2: latest[1].latitude,
        longitude2: latest[1].longitude) : nil
    if let last = inputs.contiguity.filter({ $0.type > 0 }).max(by: { ($0.to, -$0.type) < ($1.to, -$1.type) }),
      let covered = inputs.coverage[.contiguity]
    {
      contiguity = ContiguityStatus(
        type: last.type, from: last.from, to: last.to, inForceAtDataEnd: last.to.year >= covered.upperBound)
    } else {
      contiguity = nil
    }
  }
}
