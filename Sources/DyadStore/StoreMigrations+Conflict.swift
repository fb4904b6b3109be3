import GRDB

extension StoreMigrations {
  /// v12: the conflict datasets of `dyad import conflict`: militarized dispute dyad-years (COW MID 5
  /// and GML 2.2.1, told by `dataset`) and interstate war dyad-years, each undirected pair once
  /// (`state_a < state_b`) with both sides' columns; strategic rivalries (TSS and TD); UCDP/PRIO
  /// conflict-year sides (one row per conflict, year, state and role); direct contiguity spans
  /// (type 0 where the file codes a span as not directly contiguous);
  /// capitals; and the years each of these datasets covers (`conflict_coverage`), since a year a
  /// dataset does not cover is unknown, never "no dispute".
  @Sendable static func conflict(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE conflict_coverage (
          dataset TEXT PRIMARY KEY NOT NULL,
          coverage_from INTEGER NOT NULL,
          coverage_to INTEGER NOT NULL,
          version TEXT NOT NULL,
          rows INTEGER NOT NULL,
          CHECK (coverage_from <= coverage_to)
        ) WITHOUT ROWID;

        CREATE TABLE mid_dyad_year (
          dataset TEXT NOT NULL CHECK (dataset IN ('cow-mid', 'gml-mid')),
          dispute INTEGER NOT NULL,
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          year INTEGER NOT NULL,
          onset INTEGER NOT NULL CHECK (onset IN (0, 1)),
          a_hostility INTEGER NOT NULL CHECK (a_hostility BETWEEN 1 AND 5),
          b_hostility INTEGER NOT NULL CHECK (b_hostility BETWEEN 1 AND 5),
          a_highest_action INTEGER NOT NULL,
          b_highest_action INTEGER NOT NULL,
          a_fatality INTEGER CHECK (a_fatality BETWEEN 0 AND 6),
          b_fatality INTEGER CHECK (b_fatality BETWEEN 0 AND 6),
          a_side_a INTEGER NOT NULL CHECK (a_side_a IN (0, 1)),
          b_side_a INTEGER NOT NULL CHECK (b_side_a IN (0, 1)),
          a_originator INTEGER NOT NULL CHECK (a_originator IN (0, 1)),
          b_originator INTEGER NOT NULL CHECK (b_originator IN (0, 1)),
          CHECK (state_a < state_b),
          PRIMARY KEY (dataset, state_a, state_b, year, dispute)
        ) WITHOUT ROWID;

        CREATE TABLE war_dyad_year (
          war INTEGER NOT NULL,
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          year INTEGER NOT NULL,
          onset INTEGER NOT NULL CHECK (onset IN (0, 1)),
          a_side_a INTEGER NOT NULL CHECK (a_side_a IN (0, 1)),
          a_initiator INTEGER NOT NULL CHECK (a_initiator IN (0, 1)),
          b_initiator INTEGER NOT NULL CHECK (b_initiator IN (0, 1)),
          a_outcome INTEGER,
          b_outcome INTEGER,
          a_battle_deaths INTEGER,
          b_battle_deaths INTEGER,
          CHECK (state_a < state_b),
          PRIMARY KEY (state_a, state_b, year, war)
        ) WITHOUT ROWID;

        CREATE TABLE rivalry (
          dataset TEXT NOT NULL CHECK (dataset IN ('tss-rivalries', 'td-rivalries')),
          rivalry_id INTEGER NOT NULL,
          name TEXT NOT NULL,
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          start_year INTEGER NOT NULL,
          end_year INTEGER NOT NULL,
          types TEXT NOT NULL,
          ongoing INTEGER NOT NULL CHECK (ongoing IN (0, 1)),
          CHECK (state_a < state_b),
          CHECK (start_year <= end_year),
          PRIMARY KEY (dataset, rivalry_id)
        ) WITHOUT ROWID;
        CREATE INDEX rivalry_dyad ON rivalry(state_a, state_b);

        CREATE TABLE ucdp_conflict_side (
          conflict_id INTEGER NOT NULL,
          year INTEGER NOT NULL,
          state_id TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('side A', 'side A (secondary)', 'side B', 'side B (secondary)')),
          incompatibility TEXT NOT NULL,
          intensity INTEGER NOT NULL CHECK (intensity IN (1, 2)),
          type TEXT NOT NULL,
          PRIMARY KEY (conflict_id, year, state_id, role)
        ) WITHOUT ROWID;
        CREATE INDEX ucdp_conflict_side_state ON ucdp_conflict_side(state_id, conflict_id, year);

        CREATE TABLE contiguity (
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          type INTEGER NOT NULL CHECK (type BETWEEN 0 AND 5),
          start_date TEXT NOT NULL,
          end_date TEXT NOT NULL,
          CHECK (state_a < state_b),
          CHECK (start_date <= end_date),
          PRIMARY KEY (state_a, state_b, start_date, type)
        ) WITHOUT ROWID;

        CREATE TABLE capital (
          state_id TEXT NOT NULL,
          cow_code INTEGER NOT NULL,
          name TEXT NOT NULL,
          start_date TEXT NOT NULL,
          end_date TEXT NOT NULL,
          latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
          longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
          PRIMARY KEY (state_id, start_date, cow_code)
        ) WITHOUT ROWID;
        """)
  }
}
