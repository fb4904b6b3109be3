import DyadCore
import DyadData
import Foundation
import GRDB

extension Store {
  /// The dataset name under which the curated facts are recorded.
  public static let curatedDataset = "curated"

  /// Loads the curated files and the state registry into the store when they changed since the
  /// last load, in one transaction.
  func loadCurated(from directory: URL) throws {
    var bytes: [UInt8] = []
    for name in CuratedData.fileNames {
      let url = directory.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw ImportError(file: url.path, message: "the curated file is missing")
      }
      bytes += Array(name.utf8) + [0] + Array(data) + [0]
    }
    bytes += Array("\(registry.states.count)".utf8)
    let checksum = Checksum.of(bytes: bytes)
    let stored = try queue.read { db in
      try String.fetchOne(db, sql: "SELECT checksum FROM dataset WHERE name = ?", arguments: [Self.curatedDataset])
    }
    guard stored != checksum else { return }
    let curated = try CuratedData.load(from: directory, registry: registry)
    try queue.write { db in try write(curated, checksum: checksum, in: db) }
  }

  private func write(_ curated: CuratedData, checksum: String, in db: Database) throws {
    // Links of curated events and exercises go with them (ON DELETE CASCADE).
    for table in ["treaty_state", "treaty", "membership", "reported_trade", "state"] {
      try db.execute(sql: "DELETE FROM \(table)")
    }
    try db.execute(sql: "DELETE FROM event WHERE dataset = ?", arguments: [Self.curatedDataset])
    try db.execute(sql: "DELETE FROM exercise WHERE dataset = ?", arguments: [Self.curatedDataset])
    try db.execute(sql: "DELETE FROM dataset WHERE name = ?", arguments: [Self.curatedDataset])
    for state in registry.states.values.sorted(by: { $0.id < $1.id }) {
      try db.execute(
        sql: "INSERT INTO state (id, name, start, \"end\", cow_n, iso3) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [
          state.id.rawValue, state.name, state.start?.description, state.end?.description,
          state.codes[.cowNumeric].flatMap(Int.init), state.codes[.iso3],
        ])
    }
    let sink = StoreSink(db: db, dataset: Self.curatedDataset)
    var rows = 0
    var years: [Int] = []
    for treaty in curated.treaties {
      try sink.insert(
        into: "treaty",
        columns: ["id", "name", "signed", "in_force", "ended", "end_reason", "obligations", "description", "source_id"],
        values: [
          .text(treaty.id), .text(treaty.name), .text(treaty.signed.description),
          SQLValue(treaty.inForce?.description), SQLValue(treaty.ended?.description), SQLValue(treaty.endReason),
          .text(treaty.obligations.sorted().map(\.rawValue).joined(separator: ";")), .text(treaty.description),
          .integer(try sink.sourceID(for: treaty.source)),
        ])
      for state in treaty.states {
        try sink.insert(into: "treaty_state", columns: ["treaty_id", "state_id"], values: [.text(treaty.id), .text(state.rawValue)])
      }
      rows += 1
      years.append(treaty.signed.year)
    }
    for event in curated.events {
      try Self.insert(event, dataset: Self.curatedDataset, sink: sink)
      rows += 1
      years.append(event.date.year)
    }
    for membership in curated.memberships {
      try sink.insert(
        into: "membership",
        columns: ["institution", "institution_name", "state_id", "role", "joined", "left", "source_id"],
        values: [
          .text(membership.institution), .text(membership.institutionName), .text(membership.state.rawValue),
          .text(membership.role), .text(membership.joined.description), SQLValue(membership.left?.description),
          .integer(try sink.sourceID(for: membership.source)),
        ])
      rows += 1
      years.append(membership.joined.year)
    }
    for exercise in curated.exercises {
      try Self.insert(exercise, dataset: Self.curatedDataset, sink: sink)
      rows += 1
      years.append(exercise.start.year)
    }
    for trade in curated.reportedTrade {
      try sink.insert(
        into: "reported_trade",
        columns: ["year", "reporter", "partner", "flow", "value_usd_millions", "source_id"],
        values: [
          .integer(trade.year), .text(trade.reporter.rawValue), .text(trade.partner.rawValue), .text(trade.flow.rawValue),
          .real(trade.valueUSDMillions), .integer(try sink.sourceID(for: trade.source)),
        ])
      rows += 1
      years.append(trade.year)
    }
    let source = Source(
      publisher: "Dyad", title: "Dyad curated facts", date: "2026",
      url: "https://github.com/dyad-backgrounder/dyad/tree/main/Sources/DyadData/Resources/curated",
      licence: "CC BY 4.0 (facts cite their own sources)")
    try db.execute(
      sql: """
        INSERT INTO dataset (name, title, version, source_id, coverage_from, coverage_to, imported_at, row_count, checksum)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        Self.curatedDataset, "Dyad curated facts", "built-in", try sink.sourceID(for: source), years.min(),
        years.max(), Self.timestamp(), rows, checksum,
      ])
  }

  /// Writes an event and the states it involves.
  public static func insert(_ event: Event, dataset: String, sink: some ImportSink) throws {
    try sink.insert(
      into: "event",
      columns: ["id", "dataset", "date", "precision", "kind", "title", "description", "place", "source_id"],
      values: [
        .text(event.id), .text(dataset), .text(event.date.description), .text(event.precision.rawValue),
        .text(event.kind.rawValue), .text(event.title), .text(event.description), SQLValue(event.place),
        .integer(try sink.sourceID(for: event.source)),
      ])
    for state in event.states {
      try sink.insert(into: "event_state", columns: ["event_id", "state_id"], values: [.text(event.id), .text(state.rawValue)])
    }
  }

  /// Writes an exercise and its participants.
  public static func insert(_ exercise: Exercise, dataset: String, sink: some ImportSink) throws {
    try sink.insert(
      into: "exercise",
      columns: [
        "id", "dataset", "name", "start", "end", "precision", "bilateral", "domain", "location", "description", "source_id",
      ],
      values: [
        .text(exercise.id), .text(dataset), .text(exercise.name), .text(exercise.start.description),
        SQLValue(exercise.end?.description), .text(exercise.precision.rawValue), .integer(exercise.isBilateral ? 1 : 0),
        .text(exercise.domain), SQLValue(exercise.location), .text(exercise.description),
        .integer(try sink.sourceID(for: exercise.source)),
      ])
    for state in exercise.participants {
      try sink.insert(
        into: "exercise_state", columns: ["exercise_id", "state_id"], values: [.text(exercise.id), .text(state.rawValue)])
    }
  }
}
