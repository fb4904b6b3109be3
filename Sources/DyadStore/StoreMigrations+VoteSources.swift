import Foundation
import GRDB

extension StoreMigrations {
  /// The tables of General Assembly roll calls, votes and vote similarity, keyed by the dataset
  /// that gave them: `unga-votes` (Voeten, to 2019) and `un-digital-library` (the UN Library's
  /// records, adopted resolutions only) sit side by side and are never merged. Rows already
  /// stored are `unga-votes`'.
  @Sendable static func voteSources(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP VIEW IF EXISTS unga_similarity_measures;
        DROP VIEW IF EXISTS unga_similarity;
        DROP VIEW IF EXISTS unga_vote;
        """)
    let tables: [(name: String, columns: String, definition: String)] = [
      (
        "unga_roll_call",
        "rcid, session, date, year, position, important, resolution, amendment, paragraph, short, description",
        """
          dataset TEXT NOT NULL,
          rcid INTEGER NOT NULL,
          session INTEGER NOT NULL,
          date TEXT NOT NULL,
          year INTEGER NOT NULL,
          position INTEGER NOT NULL,
          important INTEGER CHECK (important IN (0, 1)),
          resolution TEXT,
          amendment INTEGER CHECK (amendment IN (0, 1)),
          paragraph INTEGER CHECK (paragraph IN (0, 1)),
          short TEXT,
          description TEXT,
          PRIMARY KEY (dataset, rcid),
          UNIQUE (dataset, year, position)
        """
      ),
      (
        "unga_roll_call_issue", "issue, rcid",
        """
          dataset TEXT NOT NULL,
          issue TEXT NOT NULL CHECK (issue IN ('me', 'nu', 'di', 'hr', 'co', 'ec')),
          rcid INTEGER NOT NULL,
          PRIMARY KEY (dataset, issue, rcid)
        """
      ),
      (
        "unga_vote_year", "state_id, year, votes",
        """
          dataset TEXT NOT NULL,
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          votes BLOB NOT NULL,
          PRIMARY KEY (dataset, state_id, year)
        """
      ),
      (
        "unga_voter", "name, state_id, iso2, first_date, last_date, votes",
        """
          dataset TEXT NOT NULL,
          name TEXT NOT NULL,
          state_id TEXT NOT NULL,
          iso2 TEXT,
          first_date TEXT NOT NULL,
          last_date TEXT NOT NULL,
          votes INTEGER NOT NULL,
          PRIMARY KEY (dataset, name, state_id)
        """
      ),
      (
        "unga_similarity_dyad", "state_a, state_b, first_year, last_year, data",
        """
          dataset TEXT NOT NULL,
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          first_year INTEGER NOT NULL,
          last_year INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (dataset, state_a, state_b)
        """
      ),
      (
        "unga_similarity_year",
        "year, roll_calls, voters, dyads, agree_median, agree_half_median, s_median, pi_median, kappa_median",
        """
          dataset TEXT NOT NULL,
          year INTEGER NOT NULL,
          roll_calls INTEGER NOT NULL,
          voters INTEGER NOT NULL,
          dyads INTEGER NOT NULL,
          agree_median REAL, agree_half_median REAL, s_median REAL, pi_median REAL, kappa_median REAL,
          PRIMARY KEY (dataset, year)
        """
      ),
    ]
    for table in tables {
      let rowid =
        ["unga_roll_call", "unga_similarity_dyad", "unga_similarity_year"].contains(table.name) ? "" : " WITHOUT ROWID"
      try db.execute(
        sql: """
          ALTER TABLE \(table.name) RENAME TO \(table.name)_v8;
          CREATE TABLE \(table.name) (
          \(table.definition)
          )\(rowid);
          INSERT INTO \(table.name) (dataset, \(table.columns)) SELECT 'unga-votes', \(table.columns) FROM \(table.name)_v8;
          DROP TABLE \(table.name)_v8;
          """)
    }
    // The views of v2 and v5, with the dataset.
    let bytes = "x'" + (0..<256).map { String(format: "%02X", $0) }.joined() + "'"
    func number(_ field: Int) -> String {
      "((instr(\(bytes), substr(r, \(2 * field + 1), 1)) - 1) * 256 + instr(\(bytes), substr(r, \(2 * field + 2), 1)) - 1)"
    }
    let cells = ["yy", "ya", "yn", "ay", "aa", "an", "ny", "na", "nn"].enumerated().map { "\(number($0)) AS \($1)" }
    let percentiles = ["agree_pct", "agree_half_pct", "s_pct", "pi_pct", "kappa_pct"].enumerated().map {
      "nullif(\(number(9 + $0)), 65535) AS \($1)"
    }
    try db.execute(
      sql: """
        -- The votes one per row, for SQL users: dataset, state, roll call, vote (1 yes, 2 abstain, 3 no).
        CREATE VIEW unga_vote AS
        SELECT v.dataset, v.state_id, r.rcid, instr(x'010203', substr(v.votes, r.position + 1, 1)) AS vote
        FROM unga_vote_year v JOIN unga_roll_call r ON r.dataset = v.dataset AND r.year = v.year
        WHERE substr(v.votes, r.position + 1, 1) <> x'00';

        -- Every dyad-year's joint votes and percentiles (in hundredths of a percent; NULL where
        -- undefined), unpacked from unga_similarity_dyad, by dataset.
        CREATE VIEW unga_similarity AS
        SELECT dataset, state_a, state_b, year,
          \((cells + percentiles).joined(separator: ",\n  "))
        FROM (
          SELECT d.dataset, d.state_a, d.state_b, y.year, substr(d.data, (y.year - d.first_year) * 28 + 1, 28) AS r
          FROM unga_similarity_dyad d
          JOIN unga_similarity_year y ON y.dataset = d.dataset AND y.year BETWEEN d.first_year AND d.last_year
        )
        WHERE substr(r, 1, 18) <> zeroblob(18);

        -- The measures in plain columns, for SQL users.
        CREATE VIEW unga_similarity_measures AS
        SELECT dataset, state_a, state_b, year, n,
          1.0 * (yy + aa + nn) / n AS agree,
          (yy + aa + nn + 0.5 * (ya + ay + an + na)) / n AS agree_half,
          1.0 * (n - (ya + ay + an + na) - 2 * (yn + ny)) / n AS s,
          CASE WHEN 4 * n * n > (r1 + c1) * (r1 + c1) + (r2 + c2) * (r2 + c2) + (r3 + c3) * (r3 + c3)
            THEN 1 - 4.0 * n * (n - yy - aa - nn)
              / (4 * n * n - ((r1 + c1) * (r1 + c1) + (r2 + c2) * (r2 + c2) + (r3 + c3) * (r3 + c3))) END AS pi,
          CASE WHEN n * n > r1 * c1 + r2 * c2 + r3 * c3
            THEN 1 - 1.0 * n * (n - yy - aa - nn) / (n * n - (r1 * c1 + r2 * c2 + r3 * c3)) END AS kappa,
          agree_pct / 100.0 AS agree_percentile, s_pct / 100.0 AS s_percentile, kappa_pct / 100.0 AS kappa_percentile
        FROM (
          SELECT *, yy + ya + yn + ay + aa + an + ny + na + nn AS n,
            yy + ya + yn AS r1, ay + aa + an AS r2, ny + na + nn AS r3,
            yy + ay + ny AS c1, ya + aa + na AS c2, yn + an + nn AS c3
          FROM unga_similarity
        );

        -- un-digital-library: Security Council resolutions adopted by vote, and each member's vote
        -- (1 yes, 2 abstain, 3 no; a member that did not vote has no row).
        CREATE TABLE unsc_resolution (
          id INTEGER PRIMARY KEY NOT NULL,
          date TEXT NOT NULL,
          year INTEGER NOT NULL,
          resolution TEXT,
          title TEXT NOT NULL
        );
        CREATE TABLE unsc_vote (
          resolution_id INTEGER NOT NULL REFERENCES unsc_resolution(id),
          state_id TEXT NOT NULL,
          vote INTEGER NOT NULL CHECK (vote IN (1, 2, 3)),
          PRIMARY KEY (resolution_id, state_id)
        ) WITHOUT ROWID;
        CREATE INDEX unsc_vote_state ON unsc_vote(state_id);
        """)
  }
}
