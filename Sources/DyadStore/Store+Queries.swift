import DyadCore
import Foundation
import GRDB

/// A dataset recorded in the store.
public struct StoredDataset: Sendable, Hashable, Codable {
  public let name: String
  public let title: String
  public let version: String
  public let coverage: YearRange?
  public let importedAt: String
  public let rowCount: Int
  public let checksum: String
  public let path: String?
  /// The release a sync fetched, when (ISO 8601) and from where; `nil` for local files.
  public let release: String?
  public let retrievedAt: String?
  public let retrievedFrom: String?
}

/// A source with the number of stored rows that cite it.
public struct StoredSource: Sendable, Hashable, Codable {
  public let id: Int
  public let source: Source
}

extension Store {
  /// Events that both states of a dyad took part in, oldest first.
  public func events(
    involving dyad: Dyad, years: YearRange? = nil, kinds: Set<EventKind>? = nil
  ) throws -> [Event] {
    try read { db in
      var sql = """
        SELECT e.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
        FROM \(EventRow.tableName) e JOIN \(SourceRow.tableName) s ON s.id = e.source_id
        WHERE e.id IN (SELECT event_id FROM \(EventStateRow.tableName) WHERE state_id = ?)
          AND e.id IN (SELECT event_id FROM \(EventStateRow.tableName) WHERE state_id = ?)
        """
      var arguments: StatementArguments = [dyad.first.rawValue, dyad.second.rawValue]
      if let years {
        sql += " AND e.date >= ? AND e.date <= ?"
        _ = arguments.append(contentsOf: [Day.startOf(year: years.lowerBound).description, Day.endOf(year: years.upperBound).description])
      }
      if let kinds {
        sql += " AND e.kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))"
        _ = arguments.append(contentsOf: StatementArguments(kinds.map(\.rawValue).sorted()))
      }
      sql += " ORDER BY e.date, e.id"
      let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
      let states = try Self.links(db, table: "event_state", key: "event_id")
      return try rows.map { row in
        Event(
          id: row["id"], date: try Day(parsing: row["date"] as String),
          precision: DatePrecision(rawValue: row["precision"]) ?? .day,
          kind: EventKind(rawValue: row["kind"]) ?? .other, states: states[row["id"]] ?? [], title: row["title"],
          description: row["description"], place: row["place"], source: Self.source(row))
      }
    }
  }

  /// The dyad's timeline: its events and its joint exercises (as events of kind `exercise`, each
  /// once however many datasets report it: ``mergedExercises(involving:years:)``), oldest first.
  public func timeline(
    for dyad: Dyad, years: YearRange? = nil, kinds: Set<EventKind>? = nil
  ) throws -> [Event] {
    var result = try events(involving: dyad, years: years, kinds: kinds)
    if kinds == nil || kinds!.contains(.exercise) {
      let known = Set(result.map(\.id))
      for exercise in try mergedExercises(involving: dyad, years: years) where !known.contains(exercise.id) {
        let others = exercise.participants.filter { !dyad.contains($0) }
        let format = exercise.isBilateral ? "bilateral" : "multilateral, with \(others.map(\.rawValue).joined(separator: ", "))"
        result.append(
          Event(
            id: exercise.id, date: exercise.start, precision: exercise.precision, kind: .exercise,
            states: exercise.participants, title: "\(exercise.displayName) (\(exercise.domain), \(format))",
            description: exercise.description, place: exercise.location, source: exercise.sources[0]))
      }
    }
    return result.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
  }

  /// Treaties whose parties include both states of a dyad, oldest first.
  public func treaties(binding dyad: Dyad) throws -> [Treaty] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT t.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
          FROM \(TreatyRow.tableName) t JOIN \(SourceRow.tableName) s ON s.id = t.source_id
          WHERE t.id IN (SELECT treaty_id FROM \(TreatyStateRow.tableName) WHERE state_id = ?)
            AND t.id IN (SELECT treaty_id FROM \(TreatyStateRow.tableName) WHERE state_id = ?)
          ORDER BY t.signed
          """, arguments: [dyad.first.rawValue, dyad.second.rawValue])
      let states = try Self.links(db, table: "treaty_state", key: "treaty_id")
      return try rows.map { row in
        Treaty(
          id: row["id"], name: row["name"], states: states[row["id"]] ?? [],
          signed: try Day(parsing: row["signed"] as String),
          inForce: try (row["in_force"] as String?).map { try Day(parsing: $0) },
          ended: try (row["ended"] as String?).map { try Day(parsing: $0) }, endReason: row["end_reason"],
          obligations: Set((row["obligations"] as String).split(separator: ";").compactMap { Obligation(rawValue: String($0)) }),
          description: row["description"], source: Self.source(row))
      }
    }
  }

  /// The institution memberships of some states.
  public func memberships(of states: [StateID]) throws -> [Membership] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT m.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
          FROM \(MembershipRow.tableName) m JOIN \(SourceRow.tableName) s ON s.id = m.source_id
          WHERE m.state_id IN (\(states.map { _ in "?" }.joined(separator: ",")))
          ORDER BY m.joined, m.institution, m.state_id
          """, arguments: StatementArguments(states.map(\.rawValue)))
      return try rows.map { row in
        Membership(
          institution: row["institution"], institutionName: row["institution_name"], state: StateID(row["state_id"] as String),
          role: row["role"], joined: try Day(parsing: row["joined"] as String),
          left: try (row["left"] as String?).map { try Day(parsing: $0) }, source: Self.source(row))
      }
    }
  }

  /// Exercises in which both states of a dyad took part, oldest first.
  public func exercises(involving dyad: Dyad, years: YearRange? = nil) throws -> [Exercise] {
    try read { db in
      var sql = """
        SELECT x.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
        FROM \(ExerciseRow.tableName) x JOIN \(SourceRow.tableName) s ON s.id = x.source_id
        WHERE x.id IN (SELECT exercise_id FROM \(ExerciseStateRow.tableName) WHERE state_id = ?)
          AND x.id IN (SELECT exercise_id FROM \(ExerciseStateRow.tableName) WHERE state_id = ?)
        """
      var arguments: StatementArguments = [dyad.first.rawValue, dyad.second.rawValue]
      if let years {
        sql += " AND x.start >= ? AND x.start <= ?"
        _ = arguments.append(contentsOf: [Day.startOf(year: years.lowerBound).description, Day.endOf(year: years.upperBound).description])
      }
      sql += " ORDER BY x.start, x.id"
      let states = try Self.links(db, table: "exercise_state", key: "exercise_id")
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        Exercise(
          id: row["id"], name: row["name"], start: try Day(parsing: row["start"] as String),
          end: try (row["end"] as String?).map { try Day(parsing: $0) },
          precision: DatePrecision(rawValue: row["precision"]) ?? .day, participants: states[row["id"]] ?? [],
          isBilateral: row["bilateral"] as Int == 1, domain: row["domain"], location: row["location"],
          description: row["description"], source: Self.source(row))
      }
    }
  }

  /// Official trade figures reported by either side of a dyad about the other, by year.
  public func reportedTrade(for dyad: Dyad) throws -> [ReportedTrade] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT r.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
          FROM \(ReportedTradeRow.tableName) r JOIN \(SourceRow.tableName) s ON s.id = r.source_id
          WHERE (reporter = ? AND partner = ?) OR (reporter = ? AND partner = ?)
          ORDER BY year, reporter, flow
          """,
        arguments: [dyad.first.rawValue, dyad.second.rawValue, dyad.second.rawValue, dyad.first.rawValue]
      ).map { row in
        ReportedTrade(
          year: row["year"], reporter: StateID(row["reporter"] as String), partner: StateID(row["partner"] as String),
          flow: ReportedTrade.Flow(rawValue: row["flow"]) ?? .total, valueUSDMillions: row["value_usd_millions"],
          source: Self.source(row))
      }
    }
  }

  /// Every source in the store.
  public func sources() throws -> [StoredSource] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT id, publisher, title AS source_title, date AS source_date, url, licence FROM \(SourceRow.tableName) ORDER BY publisher, title"
      ).map { StoredSource(id: $0["id"], source: Self.source($0)) }
    }
  }

  /// The datasets in the store, by name.
  public func datasets() throws -> [StoredDataset] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM \(DatasetRow.tableName) ORDER BY name").map { row in
        let from: Int? = row["coverage_from"]
        let to: Int? = row["coverage_to"]
        return StoredDataset(
          name: row["name"], title: row["title"], version: row["version"],
          coverage: from.flatMap { f in to.flatMap { try? YearRange(from: f, to: $0) } }, importedAt: row["imported_at"],
          rowCount: row["row_count"], checksum: row["checksum"], path: row["path"], release: row["release"],
          retrievedAt: row["retrieved_at"], retrievedFrom: row["retrieved_from"])
      }
    }
  }

  /// The number of rows in a table; for tests and diagnostics.
  public func count(_ table: String) throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0 }
  }

  static func source(_ row: Row) -> Source {
    Source(
      publisher: row["publisher"], title: row["source_title"], date: row["source_date"], url: row["url"],
      licence: row["licence"])
  }

  static func links(_ db: Database, table: String, key: String) throws -> [String: [StateID]] {
    var result: [String: [StateID]] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT \(key), state_id FROM \(table) ORDER BY \(key), state_id") {
      result[row[0], default: []].append(StateID(row[1] as String))
    }
    return result
  }
}
