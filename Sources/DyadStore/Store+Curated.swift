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
      let replaced: [any StoreRecord.Type] = [
        TreatyStateRow.self, TreatyRow.self, MembershipRow.self, ReportedTradeRow.self, CuratedVetoRow.self,
        OfficialTallyRow.self, StateRow.self,
      ]
      for record in replaced { try db.execute(sql: "DELETE FROM \(StoreSchema.columns(of: record).table)") }
      try db.execute(sql: "DELETE FROM \(EventRow.tableName) WHERE dataset = ?", arguments: [Self.curatedDataset])
      try db.execute(sql: "DELETE FROM \(ExerciseRow.tableName) WHERE dataset = ?", arguments: [Self.curatedDataset])
      try db.execute(sql: "DELETE FROM \(LeaderSpellRow.tableName) WHERE dataset = ?", arguments: [Self.curatedDataset])
      try db.execute(sql: "DELETE FROM \(DatasetRow.tableName) WHERE name = ?", arguments: [Self.curatedDataset])
      let sink = StoreSink(db: db, dataset: Self.curatedDataset)
      let states = registry.states.values.sorted(by: { $0.id < $1.id })
      try sink.insert(StateRow.self, count: states.count) { i in
        let state = states[i]
        return StateRow(
          id: state.id, name: state.name, start: state.start, end: state.end,
          cowN: state.codes[.cowNumeric].flatMap(Int.init), iso3: state.codes[.iso3])
      }
      let (rows, years) = try body(sink)
      try sink.insert(
        DatasetRow(
          name: Self.curatedDataset, title: "Dyad curated facts", version: "built-in",
          sourceID: try sink.sourceID(for: source),
          coverage: years.min().flatMap { first in try? YearRange(from: first, to: years.max()!) },
          importedAt: Self.timestamp(), rowCount: rows, checksum: checksum, path: nil))
    }
  }

  /// Writes an event and the states it involves.
  public static func insert(_ event: Event, dataset: String, sink: some ImportSink) throws {
    try sink.insert(EventRow(event, dataset: dataset, sourceID: try sink.sourceID(for: event.source)))
    for state in event.states { try sink.insert(EventStateRow(eventID: event.id, stateID: state)) }
  }

  /// Writes an exercise and its participants.
  public static func insert(_ exercise: Exercise, dataset: String, sink: some ImportSink) throws {
    try sink.insert(
      ExerciseRow(
        id: exercise.id, dataset: dataset, name: exercise.name, start: exercise.start, end: exercise.end,
        precision: exercise.precision, bilateral: exercise.isBilateral, domain: exercise.domain,
        location: exercise.location, description: exercise.description,
        sourceID: try sink.sourceID(for: exercise.source)))
    for state in exercise.participants { try sink.insert(ExerciseStateRow(exerciseID: exercise.id, stateID: state)) }
  }
}
