import DyadCore
import Foundation
import GRDB

extension Store {
  /// The dataset name under which the curated facts are recorded.
  public static let curatedDataset = "curated"

  /// Replaces the curated facts and the state table in one transaction: writes every state of the
  /// store's registry, lets `body` write the curated rows through a sink, and records the curated
  /// dataset with its checksum, the years its rows span and their count.
  public func replaceCurated(
    checksum: String, source: Source, _ body: (any ImportSink) throws -> (rows: Int, years: [Int])
  ) throws {
    try queue.write { db in
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
      let (rows, years) = try body(sink)
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
