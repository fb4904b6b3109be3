import DyadAnalysis
import DyadCore
import Foundation
import GRDB

extension Store {
  /// The military datasets, in the order Dyad lists them.
  public static let militaryDatasets = [
    MilitaryInputs.Dataset.atop, MilitaryInputs.Dataset.transfers, MilitaryInputs.Dataset.milex,
    MilitaryInputs.Dataset.capabilities, MilitaryInputs.Dataset.exercises, MilitaryInputs.Dataset.mme,
  ]

  /// The military ties of a dyad, year by year, with sources (for `dyad military` and the report).
  ///
  /// Works on a fresh store (curated treaties and exercises) and fills in as the military datasets
  /// are imported; ``MilitaryProfile/notes`` says which are missing.
  public func militaryProfile(for dyad: Dyad, years: YearRange) throws -> MilitaryProfile {
    MilitaryProfile(inputs: try militaryInputs(for: dyad), years: years)
  }

  /// The "are they allies?" verdict for a dyad in a year, with every rule and its evidence.
  public func verdict(for dyad: Dyad, year: Int) throws -> AllianceVerdict {
    VerdictRules.verdict(for: try militaryInputs(for: dyad, namesInYear: year), year: year)
  }

  /// The verdicts of a dyad for several years, reading the store once.
  public func verdicts(for dyad: Dyad, years: YearRange) throws -> [AllianceVerdict] {
    let inputs = try militaryInputs(for: dyad, namesInYear: years.upperBound)
    return years.map { VerdictRules.verdict(for: inputs, year: $0) }
  }

  /// Everything stored about the military ties of a dyad: the inputs of ``militaryProfile(for:years:)``
  /// and ``verdict(for:year:)``.
  ///
  /// - Parameter namesInYear: the year whose state names to use ("Soviet Union" for 1970); the
  ///   current names by default.
  public func militaryInputs(for dyad: Dyad, namesInYear: Int? = nil) throws -> MilitaryInputs {
    let a = dyad.first.rawValue, b = dyad.second.rawValue
    var inputs = MilitaryInputs(dyad: dyad)
    for state in [dyad.first, dyad.second] {
      let known = registry[state]
      inputs.names[state] = namesInYear.flatMap { known?.name(inYear: $0) } ?? known?.name ?? state.rawValue
    }
    inputs.treaties = try treaties(binding: dyad)
    inputs.conflict = try conflictInputs(for: dyad)
    try read { db in
      let marks = Self.militaryDatasets.map { _ in "?" }.joined(separator: ",")
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT d.name, d.coverage_from, d.coverage_to, s.publisher, s.title AS source_title, s.date AS source_date,
                 s.url, s.licence
          FROM \(DatasetRow.tableName) d LEFT JOIN \(SourceRow.tableName) s ON s.id = d.source_id WHERE d.name IN (\(marks))
          """, arguments: StatementArguments(Self.militaryDatasets))
      {
        let name: String = row["name"]
        if let from: Int = row["coverage_from"], let to: Int = row["coverage_to"],
          let range = try? YearRange(from: from, to: to)
        {
          inputs.datasets[name] = range
        }
        if (row["url"] as String?) != nil { inputs.datasetSources[name] = Self.source(row) }
      }
      for row in try Row.fetchAll(
        db, sql: "SELECT * FROM \(ATOPDyadYearRow.tableName) WHERE state_a = ? AND state_b = ?", arguments: [a, b])
      {
        var obligations = Set<Obligation>()
        for obligation in Obligation.allCases where (row[obligation.rawValue] as Int) == 1 {
          obligations.insert(obligation)
        }
        inputs.atopDyadYears[row["year"]] = obligations
      }
      inputs.alliances = try Self.allianceTies(db, a, b)
      inputs.deliveries = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM \(ArmsDeliveryRow.tableName)
          WHERE (supplier_id = ? AND recipient_id = ?) OR (supplier_id = ? AND recipient_id = ?)
          ORDER BY delivery_year, deal_id
          """, arguments: [a, b, b, a]
      ).map { row in
        ArmsDelivery(
          dealID: row["deal_id"], year: row["delivery_year"], supplier: StateID(row["supplier_id"] as String),
          recipient: StateID(row["recipient_id"] as String), designation: row["designation"],
          description: row["description"], category: row["category"], orderYear: row["order_year"],
          delivered: row["delivered"], tiv: row["tiv_delivered"],
          isEstimate: (row["delivered_estimated"] as Int?) == 1 || (row["delivery_year_estimated"] as Int?) == 1)
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT recipient_id, delivery_year, SUM(tiv_delivered) AS tiv FROM \(ArmsDeliveryRow.tableName)
          WHERE recipient_id IN (?, ?) GROUP BY recipient_id, delivery_year
          """, arguments: [a, b])
      {
        inputs.importsByRecipient[StateID(row["recipient_id"] as String), default: [:]][row["delivery_year"]] =
          (row["tiv"] as Double?) ?? 0
      }
      if let row = try Row.fetchOne(
        db, sql: "SELECT MIN(delivery_year) AS first, MAX(delivery_year) AS last FROM \(ArmsDeliveryRow.tableName)"),
        let first: Int = row["first"], let last: Int = row["last"]
      {
        inputs.deliveryCoverage = try? YearRange(from: first, to: last)
      }
      try Self.readDealYears(db, a, b, into: &inputs)
      let indicators = StateCapabilities.Indicator.all
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT o.state_a, o.indicator, o.year, o.value, o.status, s.publisher, s.title AS source_title,
                 s.date AS source_date, s.url, s.licence
          FROM \(ObservationRow.tableName) o JOIN \(SourceRow.tableName) s ON s.id = o.source_id
          WHERE o.state_b = '' AND o.state_a IN (?, ?) AND o.indicator IN (\(indicators.map { _ in "?" }.joined(separator: ",")))
          """, arguments: StatementArguments([a, b] + indicators))
      {
        let status = ObservationStatus(rawValue: row["status"]) ?? .missing
        let value: Double? = row["value"]
        let note = value == nil ? "missing in the source" : nil
        inputs.stateValues[StateID(row["state_a"] as String), default: [:]][row["indicator"], default: [:]][
          row["year"]] =
          MilitaryMeasure(value: value, status: status, source: Self.source(row), note: note)
      }
      inputs.exercises = try Self.reportedExercises(db, a, b)
      if let span = try Row.fetchOne(
        db,
        sql: "SELECT min(substr(start, 1, 4)) AS first, max(substr(start, 1, 4)) AS last FROM \(ExerciseRow.tableName) WHERE dataset = ?",
        arguments: [MilitaryInputs.Dataset.curated]),
        let first = Int(span["first"] as String? ?? ""), let last = Int(span["last"] as String? ?? "")
      {
        inputs.curatedExerciseCoverage = try? YearRange(from: first, to: last)
      }
    }
    return inputs
  }

  /// Dyad's yearly estimates from SIPRI's deal register between two states (both ways), both
  /// states' estimated imports by year, and the years the register covers.
  static func readDealYears(_ db: Database, _ a: String, _ b: String, into inputs: inout MilitaryInputs) throws {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT MIN(year) AS first, MAX(year) AS last FROM \(ArmsDealYearRow.tableName)"),
      let first: Int = row["first"], let last: Int = row["last"]
    else { return }
    inputs.dealCoverage = try? YearRange(from: first, to: last)
    inputs.dealYears = try Row.fetchAll(
      db,
      sql: """
        SELECT y.deal_number, y.year, y.supplier_id, y.recipient_id, y.tiv, y.shares, y.entries, d.designation,
               d.description, d.order_year
        FROM \(ArmsDealYearRow.tableName) y JOIN \(ArmsDealRow.tableName) d ON d.deal_number = y.deal_number
        WHERE (y.supplier_id = ? AND y.recipient_id = ?) OR (y.supplier_id = ? AND y.recipient_id = ?)
        ORDER BY y.year, y.deal_number
        """, arguments: [a, b, b, a]
    ).map { row in
      ArmsDealYear(
        dealNumber: row["deal_number"], year: row["year"], supplier: StateID(row["supplier_id"] as String),
        recipient: StateID(row["recipient_id"] as String), designation: row["designation"],
        description: row["description"], orderYear: row["order_year"], tiv: row["tiv"], shares: row["shares"],
        entries: row["entries"])
    }
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT recipient_id, year, SUM(tiv) AS tiv FROM \(ArmsDealYearRow.tableName)
        WHERE recipient_id IN (?, ?) GROUP BY recipient_id, year
        """, arguments: [a, b])
    {
      inputs.dealImportsByRecipient[StateID(row["recipient_id"] as String), default: [:]][row["year"]] =
        (row["tiv"] as Double?) ?? 0
    }
  }

  /// ATOP alliance phases in which both states were members, over the span both were.
  static func allianceTies(_ db: Database, _ a: String, _ b: String) throws -> [AllianceTie] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT x.atopid, x.phase, x.entered AS x_entered, x.exited AS x_exited, y.entered AS y_entered,
               y.exited AS y_exited,
               max(x.defense, y.defense) AS defense, max(x.offense, y.offense) AS offense,
               max(x.neutrality, y.neutrality) AS neutrality, max(x.nonaggression, y.nonaggression) AS nonaggression,
               max(x.consultation, y.consultation) AS consultation,
               al.begin, al."end", al.member_count, al.bilateral, al.military_aid, al.bases, al.integrated_command
        FROM \(ATOPMemberRow.tableName) x
        JOIN \(ATOPMemberRow.tableName) y ON y.atopid = x.atopid AND y.phase = x.phase AND y.state_id = ?
        JOIN \(ATOPAllianceRow.tableName) al ON al.atopid = x.atopid
        WHERE x.state_id = ?
        ORDER BY x.atopid, x.phase
        """, arguments: [b, a])
    var ties: [AllianceTie] = []
    for row in rows {
      let xFrom: String = row["x_entered"], yFrom: String = row["y_entered"]
      let xTo: String? = row["x_exited"], yTo: String? = row["y_exited"]
      let from = max(xFrom, yFrom)
      let to: String? = [xTo, yTo].compactMap { $0 }.min()
      if let to, AllianceTie.yearOf(to) < AllianceTie.yearOf(from) { continue }
      var obligations = Set<Obligation>()
      for obligation in Obligation.allCases where (row[obligation.rawValue] as Int) == 1 {
        obligations.insert(obligation)
      }
      let tie = AllianceTie(
        atopID: row["atopid"], phase: row["phase"], obligations: obligations, from: from, to: to, begin: row["begin"],
        end: row["end"], parties: row["member_count"], isBilateral: (row["bilateral"] as Int) == 1,
        militaryAid: ((row["military_aid"] as Int?) ?? 0) > 0, bases: ((row["bases"] as Int?) ?? 0) > 0,
        integratedCommand: ((row["integrated_command"] as Int?) ?? 0) > 0)
      if !ties.contains(tie) { ties.append(tie) }
    }
    return ties
  }

  /// The reports of the exercises in which both states of a dyad took part, with the dataset
  /// reporting each (curated or imported), oldest first: what ``mergedExercises(involving:years:)``
  /// merges.
  public func reportedExercises(involving dyad: Dyad, years: YearRange? = nil) throws -> [ReportedExercise] {
    try read { db in
      try Self.reportedExercises(db, dyad.first.rawValue, dyad.second.rawValue).filter {
        years?.contains($0.exercise.start.year) ?? true
      }
    }
  }

  /// The exercises in which both states of a dyad took part, each once however many datasets
  /// report it (``MergedExercise/merge(_:)``), oldest first. `dyad facts`, `dyad military`, the
  /// timeline and the report all count these.
  public func mergedExercises(involving dyad: Dyad, years: YearRange? = nil) throws -> [MergedExercise] {
    MergedExercise.merge(try reportedExercises(involving: dyad, years: years))
  }

  /// Exercises of both states with the dataset reporting each (curated or imported).
  static func reportedExercises(_ db: Database, _ a: String, _ b: String) throws -> [ReportedExercise] {
    let states = try links(db, table: "exercise_state", key: "exercise_id")
    return try Row.fetchAll(
      db,
      sql: """
        SELECT x.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence,
               coalesce(m.unnamed, 0) AS unnamed
        FROM \(ExerciseRow.tableName) x JOIN \(SourceRow.tableName) s ON s.id = x.source_id
        LEFT JOIN \(MMEExerciseRow.tableName) m ON m.exercise_id = x.id
        WHERE x.id IN (SELECT exercise_id FROM \(ExerciseStateRow.tableName) WHERE state_id = ?)
          AND x.id IN (SELECT exercise_id FROM \(ExerciseStateRow.tableName) WHERE state_id = ?)
        ORDER BY x.start, x.id
        """, arguments: [a, b]
    ).map { row in
      ReportedExercise(
        exercise: Exercise(
          id: row["id"], name: row["name"], start: try Day(parsing: row["start"] as String),
          end: try (row["end"] as String?).map { try Day(parsing: $0) },
          precision: DatePrecision(rawValue: row["precision"]) ?? .day, participants: states[row["id"]] ?? [],
          isBilateral: (row["bilateral"] as Int) == 1, domain: row["domain"], location: row["location"],
          description: row["description"], source: Self.source(row)),
        dataset: row["dataset"], isUnnamed: (row["unnamed"] as Int) == 1)
    }
  }
}
