import GRDB

extension StoreMigrations {
  /// v13: curated facts beyond treaties, events and memberships: the Security Council vetoes Dyad
  /// records after the imported veto list ends (15 September 2022), and dated official tallies
  /// (how often two leaders have met, as an official put it). Both are rewritten with the rest of
  /// the curated data.
  @Sendable static func curatedVetoes(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE curated_veto (
          position INTEGER PRIMARY KEY NOT NULL,
          date TEXT NOT NULL,
          draft TEXT NOT NULL,
          meeting_record TEXT NOT NULL,
          agenda_item TEXT NOT NULL,
          topic TEXT NOT NULL,
          region TEXT NOT NULL,
          vetoers TEXT NOT NULL,
          description TEXT NOT NULL,
          source_id INTEGER NOT NULL REFERENCES source(id)
        );

        CREATE TABLE official_tally (
          id TEXT PRIMARY KEY NOT NULL,
          date TEXT NOT NULL,
          states TEXT NOT NULL,
          counted TEXT NOT NULL,
          count INTEGER NOT NULL,
          qualifier TEXT NOT NULL CHECK (qualifier IN ('exactly', 'more-than', 'about')),
          statement TEXT NOT NULL,
          source_id INTEGER NOT NULL REFERENCES source(id)
        ) WITHOUT ROWID;
        """)
  }
}
