import GRDB

extension StoreMigrations {
  /// v10: what the Multinational Military Exercises dataset (`mme`) says of its exercises beyond the
  /// shared `exercise` tables: each exercise's MME id and whether MME names it (`Ex_Name` `-9`
  /// stands for an unnamed exercise, which Dyad names after its place and month), and the
  /// participants that are not states (NATO, "Baltic States"), kept by the name MME
  /// gives: they never form a dyad.
  @Sendable static func mme(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE mme_exercise (
          exercise_id TEXT PRIMARY KEY NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
          mme_id TEXT NOT NULL,
          unnamed INTEGER NOT NULL CHECK (unnamed IN (0, 1)),
          series TEXT
        ) WITHOUT ROWID;

        CREATE TABLE mme_other_participant (
          exercise_id TEXT NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('organisation', 'group')),
          PRIMARY KEY (exercise_id, name)
        ) WITHOUT ROWID;
        """)
  }
}
