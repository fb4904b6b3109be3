import GRDB

/// The store's schema, as a list of named migrations applied in order. A migration, once
/// released, is never edited: change the schema by appending one.
enum StoreMigrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for (name, body) in all { migrator.registerMigration(name, migrate: body) }
    return migrator
  }

  static let all: [(String, @Sendable (Database) throws -> Void)] = [
    ("v1-foundation", foundation),
    ("v2-diplomatic", diplomatic),
    ("v3-economic", economic),
    ("v4-military", military),
    ("v5-similarity-packed", similarityPacked),
    ("v6-estimated-status", estimatedStatus),
    ("v7-releases", releases),
    ("v8-imf-exports", imfExports),
    ("v9-vote-sources", voteSources),
    ("v10-arms-deals", armsDeals),
    ("v11-mme", mme),
    ("v12-conflict", conflict),
    ("v13-curated-vetoes", curatedVetoes),
    ("v14-politics", politics),
  ]

  static let known = Set(all.map(\.0))

  @Sendable static func foundation(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE state (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL,
          start TEXT,
          "end" TEXT,
          cow_n INTEGER,
          iso3 TEXT
        ) WITHOUT ROWID;

        CREATE TABLE source (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE,
          publisher TEXT NOT NULL,
          title TEXT NOT NULL,
          date TEXT NOT NULL,
          url TEXT NOT NULL,
          licence TEXT,
          retrieved TEXT
        );

        CREATE TABLE dataset (
          name TEXT PRIMARY KEY NOT NULL,
          title TEXT NOT NULL,
          version TEXT NOT NULL,
          source_id INTEGER REFERENCES source(id),
          coverage_from INTEGER,
          coverage_to INTEGER,
          imported_at TEXT NOT NULL,
          row_count INTEGER NOT NULL,
          checksum TEXT NOT NULL,
          path TEXT
        ) WITHOUT ROWID;

        -- State-year (state_b = '') and dyad-year (state_a < state_b) values of named indicators.
        CREATE TABLE observation (
          dataset TEXT NOT NULL REFERENCES dataset(name) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
          indicator TEXT NOT NULL,
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL DEFAULT '',
          year INTEGER NOT NULL,
          value REAL,
          status TEXT NOT NULL CHECK (status IN ('observed', 'derived', 'missing')),
          source_id INTEGER NOT NULL REFERENCES source(id),
          CHECK ((value IS NULL) = (status = 'missing')),
          PRIMARY KEY (indicator, state_a, state_b, year, dataset)
        ) WITHOUT ROWID;
        CREATE INDEX observation_dataset ON observation(dataset);

        CREATE TABLE event (
          id TEXT PRIMARY KEY NOT NULL,
          dataset TEXT NOT NULL,
          date TEXT NOT NULL,
          precision TEXT NOT NULL,
          kind TEXT NOT NULL,
          title TEXT NOT NULL,
          description TEXT NOT NULL,
          place TEXT,
          source_id INTEGER NOT NULL REFERENCES source(id)
        );
        CREATE INDEX event_date ON event(date);
        CREATE INDEX event_dataset ON event(dataset);
        CREATE TABLE event_state (
          event_id TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
          state_id TEXT NOT NULL,
          PRIMARY KEY (state_id, event_id)
        ) WITHOUT ROWID;

        CREATE TABLE treaty (
          id TEXT PRIMARY KEY NOT NULL,
          name TEXT NOT NULL,
          signed TEXT NOT NULL,
          in_force TEXT,
          ended TEXT,
          end_reason TEXT,
          obligations TEXT NOT NULL,
          description TEXT NOT NULL,
          source_id INTEGER NOT NULL REFERENCES source(id)
        );
        CREATE TABLE treaty_state (
          treaty_id TEXT NOT NULL REFERENCES treaty(id) ON DELETE CASCADE,
          state_id TEXT NOT NULL,
          PRIMARY KEY (state_id, treaty_id)
        ) WITHOUT ROWID;

        CREATE TABLE membership (
          institution TEXT NOT NULL,
          institution_name TEXT NOT NULL,
          state_id TEXT NOT NULL,
          role TEXT NOT NULL,
          joined TEXT NOT NULL,
          "left" TEXT,
          source_id INTEGER NOT NULL REFERENCES source(id),
          PRIMARY KEY (institution, state_id, role, joined)
        ) WITHOUT ROWID;

        CREATE TABLE exercise (
          id TEXT PRIMARY KEY NOT NULL,
          dataset TEXT NOT NULL,
          name TEXT NOT NULL,
          start TEXT NOT NULL,
          "end" TEXT,
          precision TEXT NOT NULL,
          bilateral INTEGER NOT NULL,
          domain TEXT NOT NULL,
          location TEXT,
          description TEXT NOT NULL,
          source_id INTEGER NOT NULL REFERENCES source(id)
        );
        CREATE INDEX exercise_dataset ON exercise(dataset);
        CREATE TABLE exercise_state (
          exercise_id TEXT NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
          state_id TEXT NOT NULL,
          PRIMARY KEY (state_id, exercise_id)
        ) WITHOUT ROWID;

        CREATE TABLE reported_trade (
          year INTEGER NOT NULL,
          reporter TEXT NOT NULL,
          partner TEXT NOT NULL,
          flow TEXT NOT NULL CHECK (flow IN ('total', 'exports', 'imports')),
          value_usd_millions REAL NOT NULL,
          source_id INTEGER NOT NULL REFERENCES source(id),
          PRIMARY KEY (reporter, partner, year, flow)
        ) WITHOUT ROWID;
        """)
  }
}
