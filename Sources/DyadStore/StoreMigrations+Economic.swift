import GRDB

extension StoreMigrations {
  /// The economic tables: COW Trade 4.0 (packed yearly series by state, with partner ranks), IMF
  /// Direction of Trade flows, and GDP/population estimates.
  @Sendable static func economic(_ db: Database) throws {
    try db.execute(
      sql: """
        -- COW Trade 4.0, one row per state: its national totals (18-byte records per year from
        -- totals_first_year: imports and exports as float64, NaN = missing, current US$ millions,
        -- and the number of partners ranked as uint16) and the packed yearly series of the dyads
        -- it is the first (smaller id) state of: both directed flows and both partner ranks (see
        -- COWTradeSeries). About 200 rows instead of 673,654 keep the import as fast as a parser.
        CREATE TABLE cow_trade (
          state TEXT PRIMARY KEY NOT NULL,
          totals_first_year INTEGER,
          totals BLOB NOT NULL,
          dyads BLOB NOT NULL,
          CHECK (length(totals) % 18 = 0),
          CHECK ((totals_first_year IS NULL) = (length(totals) = 0))
        );

        -- IMF Direction of Trade Statistics: a reporter's exports to or imports from a partner.
        -- partner is the partner state, NULL for aggregates ("World") and names that are no
        -- state in the registry (territories); value NULL is missing, never zero.
        CREATE TABLE imf_dots (
          reporter TEXT NOT NULL,
          partner_name TEXT NOT NULL,
          partner TEXT,
          partner_kind TEXT NOT NULL CHECK (partner_kind IN ('state', 'aggregate', 'unresolved')),
          flow TEXT NOT NULL CHECK (flow IN ('exports', 'imports')),
          valuation TEXT NOT NULL CHECK (valuation IN ('fob', 'cif')),
          year INTEGER NOT NULL,
          value REAL,
          status TEXT NOT NULL CHECK (status IN ('observed', 'missing')),
          CHECK ((value IS NULL) = (status = 'missing')),
          CHECK ((partner IS NULL) = (partner_kind <> 'state')),
          PRIMARY KEY (reporter, partner_name, flow, year)
        ) WITHOUT ROWID;
        CREATE INDEX imf_dots_partner ON imf_dots(partner, reporter, year);

        -- Anders, Fariss & Markowitz estimates by COW state-year, as published: natural
        -- logarithms of GDP (2011 international dollars), population, surplus domestic product
        -- and GDP per capita. NULL is missing. state is NULL for a code that names no state in the
        -- registry (the file also covers entities outside the COW system, such as 564 Orange Free
        -- State): the row is kept under its code.
        CREATE TABLE gdp_population (
          ccode INTEGER NOT NULL,
          year INTEGER NOT NULL,
          state TEXT,
          ln_gdp REAL,
          ln_population REAL,
          ln_sdp REAL,
          ln_gdp_per_capita REAL,
          PRIMARY KEY (ccode, year)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX gdp_population_state ON gdp_population(state, year) WHERE state IS NOT NULL;
        """)
  }
}
