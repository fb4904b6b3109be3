import GRDB

extension StoreMigrations {
  /// v14: the political and demographic datasets of `dyad import politics`: regime measures by
  /// state-year (V-Dem indices with credible intervals, V-Dem polyarchy, UDS and Polity2 by COW
  /// state-year), Freedom House ratings, leader spells (REIGN and Archigos, and Dyad's curated
  /// heads of state and government, told by `list`), WPP population by five-year age group
  /// (estimates and projection variants, thousands), median age, and the years each covers.
  @Sendable static func politics(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE politics_coverage (
          dataset TEXT PRIMARY KEY NOT NULL,
          coverage_from INTEGER NOT NULL,
          coverage_to INTEGER NOT NULL,
          version TEXT NOT NULL,
          rows INTEGER NOT NULL,
          CHECK (coverage_from <= coverage_to)
        ) WITHOUT ROWID;

        CREATE TABLE regime_measure_year (
          dataset TEXT NOT NULL CHECK (dataset IN ('vdem', 'vdem-cow')),
          measure TEXT NOT NULL,
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          value REAL NOT NULL,
          low REAL,
          high REAL,
          CHECK (low IS NULL OR low <= value),
          CHECK (high IS NULL OR value <= high),
          PRIMARY KEY (state_id, measure, dataset, year)
        ) WITHOUT ROWID;

        CREATE TABLE freedom_house_year (
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          political_rights INTEGER NOT NULL CHECK (political_rights BETWEEN 1 AND 7),
          civil_liberties INTEGER NOT NULL CHECK (civil_liberties BETWEEN 1 AND 7),
          status TEXT NOT NULL CHECK (status IN ('F', 'PF', 'NF')),
          PRIMARY KEY (state_id, year)
        ) WITHOUT ROWID;

        CREATE TABLE leader_spell (
          dataset TEXT NOT NULL,
          list TEXT NOT NULL CHECK (list IN ('reign', 'archigos', 'curated')),
          state_id TEXT NOT NULL,
          line INTEGER NOT NULL,
          leader TEXT NOT NULL,
          offices TEXT NOT NULL,
          effective INTEGER NOT NULL CHECK (effective IN (0, 1)),
          acting INTEGER NOT NULL CHECK (acting IN (0, 1)),
          start_date TEXT NOT NULL,
          end_date TEXT,
          end_precision TEXT NOT NULL CHECK (end_precision IN ('day', 'month', 'year')),
          as_of TEXT,
          continues_dataset_spell INTEGER NOT NULL CHECK (continues_dataset_spell IN (0, 1)),
          birth_year INTEGER,
          entry TEXT,
          exit TEXT,
          note TEXT,
          source_id INTEGER REFERENCES source(id),
          CHECK (end_date IS NULL OR substr(start_date, 1, length(end_date)) <= end_date),
          CHECK (end_date IS NOT NULL OR as_of IS NOT NULL),
          PRIMARY KEY (dataset, list, line)
        ) WITHOUT ROWID;
        CREATE INDEX leader_spell_state ON leader_spell(state_id, start_date);

        CREATE TABLE population_age (
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          variant TEXT NOT NULL CHECK (variant IN ('estimate', 'medium', 'low', 'high')),
          age_from INTEGER NOT NULL CHECK (age_from BETWEEN 0 AND 100),
          age_group TEXT NOT NULL,
          male REAL NOT NULL CHECK (male >= 0),
          female REAL NOT NULL CHECK (female >= 0),
          total REAL NOT NULL CHECK (total >= 0),
          PRIMARY KEY (state_id, variant, year, age_from)
        ) WITHOUT ROWID;

        CREATE TABLE median_age_year (
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          years REAL NOT NULL CHECK (years > 0 AND years < 100),
          projected INTEGER NOT NULL CHECK (projected IN (0, 1)),
          PRIMARY KEY (state_id, year)
        ) WITHOUT ROWID;
        """)
  }
}
