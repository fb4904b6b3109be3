import GRDB

extension StoreMigrations {
  /// v8: IMF Direction of Trade exports tables for every reporter (`imf-dots-all`): the cells that
  /// hold a value, with IMF's estimate flag as their status, and each reporter's table with the
  /// years its columns span (a year inside it without a value is missing, never zero).
  @Sendable static func imfExports(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE imf_dots_exports (
          reporter TEXT NOT NULL,
          partner_name TEXT NOT NULL,
          partner TEXT,
          partner_kind TEXT NOT NULL CHECK (partner_kind IN ('state', 'aggregate', 'unresolved')),
          year INTEGER NOT NULL,
          value REAL NOT NULL CHECK (value >= 0),
          status TEXT NOT NULL CHECK (status IN ('observed', 'estimated')),
          CHECK ((partner IS NULL) = (partner_kind <> 'state')),
          PRIMARY KEY (reporter, partner_name, year)
        ) WITHOUT ROWID;
        CREATE INDEX imf_dots_exports_partner ON imf_dots_exports(partner, year);

        CREATE TABLE imf_dots_export_table (
          reporter TEXT NOT NULL,
          reporter_name TEXT NOT NULL,
          file TEXT NOT NULL,
          first_year INTEGER NOT NULL,
          last_year INTEGER NOT NULL CHECK (last_year >= first_year),
          partners INTEGER NOT NULL,
          PRIMARY KEY (reporter, first_year)
        ) WITHOUT ROWID;
        """)
  }
}
