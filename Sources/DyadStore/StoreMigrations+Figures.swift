import GRDB

extension StoreMigrations {
  /// v6: figures may be *estimated* (Dyad's one figure type has four statuses: observed, derived,
  /// estimated, missing). SQLite cannot alter a CHECK constraint, so `observation` and `imf_dots`
  /// are rebuilt with the wider check, their rows and indexes kept as they were.
  @Sendable static func estimatedStatus(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE observation_v6 (
          dataset TEXT NOT NULL REFERENCES dataset(name) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
          indicator TEXT NOT NULL,
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL DEFAULT '',
          year INTEGER NOT NULL,
          value REAL,
          status TEXT NOT NULL CHECK (status IN ('observed', 'derived', 'estimated', 'missing')),
          source_id INTEGER NOT NULL REFERENCES source(id),
          CHECK ((value IS NULL) = (status = 'missing')),
          PRIMARY KEY (indicator, state_a, state_b, year, dataset)
        ) WITHOUT ROWID;
        INSERT INTO observation_v6 (dataset, indicator, state_a, state_b, year, value, status, source_id)
          SELECT dataset, indicator, state_a, state_b, year, value, status, source_id FROM observation;
        DROP TABLE observation;
        ALTER TABLE observation_v6 RENAME TO observation;
        CREATE INDEX observation_dataset ON observation(dataset);

        CREATE TABLE imf_dots_v6 (
          reporter TEXT NOT NULL,
          partner_name TEXT NOT NULL,
          partner TEXT,
          partner_kind TEXT NOT NULL CHECK (partner_kind IN ('state', 'aggregate', 'unresolved')),
          flow TEXT NOT NULL CHECK (flow IN ('exports', 'imports')),
          valuation TEXT NOT NULL CHECK (valuation IN ('fob', 'cif')),
          year INTEGER NOT NULL,
          value REAL,
          status TEXT NOT NULL CHECK (status IN ('observed', 'estimated', 'missing')),
          CHECK ((value IS NULL) = (status = 'missing')),
          CHECK ((partner IS NULL) = (partner_kind <> 'state')),
          PRIMARY KEY (reporter, partner_name, flow, year)
        ) WITHOUT ROWID;
        INSERT INTO imf_dots_v6 (reporter, partner_name, partner, partner_kind, flow, valuation, year, value, status)
          SELECT reporter, partner_name, partner, partner_kind, flow, valuation, year, value, status FROM imf_dots;
        DROP TABLE imf_dots;
        ALTER TABLE imf_dots_v6 RENAME TO imf_dots;
        CREATE INDEX imf_dots_partner ON imf_dots(partner, reporter, year);
        """)
  }
}
