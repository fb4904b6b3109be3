import Foundation
import GRDB

extension StoreMigrations {
  /// The diplomatic tables: UN General Assembly votes and their similarity table, ideal points,
  /// Security Council vetoes and COW IGO counts.
  ///
  /// Each belongs to one importer, which empties it before a re-import; none has a foreign key to
  /// `dataset`. Dyad-year tables hold the smaller state id first.
  @Sendable static func diplomatic(_ db: Database) throws {
    try db.execute(
      sql: """
        -- unga-votes: roll calls, with the metadata of the source (NULL where it is not coded).
        -- `position` numbers the roll calls of a year from 0, in rcid order: the byte of a roll
        -- call in each state's `unga_vote_year.votes`.
        CREATE TABLE unga_roll_call (
          rcid INTEGER PRIMARY KEY NOT NULL,
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
          UNIQUE (year, position)
        );

        CREATE TABLE unga_roll_call_issue (
          issue TEXT NOT NULL CHECK (issue IN ('me', 'nu', 'di', 'hr', 'co', 'ec')),
          rcid INTEGER NOT NULL,
          PRIMARY KEY (issue, rcid)
        ) WITHOUT ROWID;

        -- Every vote, packed: one row per state and year, one byte per roll call of the year (by
        -- position): 1 yes, 2 abstain, 3 no, 0 no vote (absent or not a member; not a vote).
        CREATE TABLE unga_vote_year (
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          votes BLOB NOT NULL,
          PRIMARY KEY (state_id, year)
        ) WITHOUT ROWID;

        -- The votes one per row, for SQL users: state, roll call, vote (1 yes, 2 abstain, 3 no).
        CREATE VIEW unga_vote AS
        SELECT v.state_id, r.rcid, instr(x'010203', substr(v.votes, r.position + 1, 1)) AS vote
        FROM unga_vote_year v JOIN unga_roll_call r ON r.year = v.year
        WHERE substr(v.votes, r.position + 1, 1) <> x'00';

        -- The country names of the votes file, their ISO2 code as given (NULL where empty) and the
        -- state each was identified as.
        CREATE TABLE unga_voter (
          name TEXT NOT NULL,
          state_id TEXT NOT NULL,
          iso2 TEXT,
          first_date TEXT NOT NULL,
          last_date TEXT NOT NULL,
          votes INTEGER NOT NULL,
          PRIMARY KEY (name, state_id)
        ) WITHOUT ROWID;

        -- Every dyad-year's joint votes (a 3×3 table: the first state's yes/abstain/no by the
        -- second's) and the dyad's percentile of each measure among all dyads that year, in
        -- hundredths of a percent (0–10000; NULL where the measure is undefined).
        CREATE TABLE unga_similarity (
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          year INTEGER NOT NULL,
          yy INTEGER NOT NULL, ya INTEGER NOT NULL, yn INTEGER NOT NULL,
          ay INTEGER NOT NULL, aa INTEGER NOT NULL, an INTEGER NOT NULL,
          ny INTEGER NOT NULL, na INTEGER NOT NULL, nn INTEGER NOT NULL,
          agree_pct INTEGER, agree_half_pct INTEGER, s_pct INTEGER, pi_pct INTEGER, kappa_pct INTEGER,
          PRIMARY KEY (state_a, state_b, year)
        ) WITHOUT ROWID;

        -- Per year: roll calls, voters, dyads, and each measure's median over all dyads.
        CREATE TABLE unga_similarity_year (
          year INTEGER PRIMARY KEY NOT NULL,
          roll_calls INTEGER NOT NULL,
          voters INTEGER NOT NULL,
          dyads INTEGER NOT NULL,
          agree_median REAL, agree_half_median REAL, s_median REAL, pi_median REAL, kappa_median REAL
        );

        -- The measures in plain columns, for SQL users.
        CREATE VIEW unga_similarity_measures AS
        SELECT state_a, state_b, year, n,
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

        -- unga-ideal-points: Bailey, Strezhnev & Voeten estimates by state and session.
        CREATE TABLE unga_ideal_point (
          state_id TEXT NOT NULL,
          session INTEGER NOT NULL,
          votes INTEGER NOT NULL,
          ideal_point REAL NOT NULL,
          q0 REAL, q5 REAL, q10 REAL, q50 REAL, q90 REAL, q95 REAL, q100 REAL,
          cow_code INTEGER NOT NULL,
          country_name TEXT NOT NULL,
          PRIMARY KEY (state_id, session)
        ) WITHOUT ROWID;

        -- unsc-vetoes: one row per vetoed draft (or question), and its vetoing members.
        CREATE TABLE unsc_veto (
          id INTEGER PRIMARY KEY NOT NULL,
          date TEXT NOT NULL,
          draft TEXT NOT NULL,
          meeting_record TEXT NOT NULL,
          agenda_item TEXT NOT NULL,
          topic TEXT NOT NULL,
          region TEXT NOT NULL
        );
        CREATE TABLE unsc_veto_member (
          state_id TEXT NOT NULL,
          veto_id INTEGER NOT NULL,
          name TEXT NOT NULL,
          PRIMARY KEY (state_id, veto_id)
        ) WITHOUT ROWID;

        -- cow-igo: IGOs in which both states of a dyad were full members, per year; and each
        -- state's memberships per year.
        CREATE TABLE cow_igo_dyad_year (
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          year INTEGER NOT NULL,
          shared INTEGER NOT NULL,
          PRIMARY KEY (state_a, state_b, year)
        ) WITHOUT ROWID;
        CREATE TABLE cow_igo_state_year (
          state_id TEXT NOT NULL,
          year INTEGER NOT NULL,
          full INTEGER NOT NULL,
          associate INTEGER NOT NULL,
          observer INTEGER NOT NULL,
          any_type INTEGER NOT NULL,
          PRIMARY KEY (state_id, year)
        ) WITHOUT ROWID;
        """)
  }
}

extension StoreMigrations {
  /// The vote-similarity table packed by dyad (``UNGASimilarityPack``): `unga_similarity_dyad`
  /// replaces the row-per-dyad-year `unga_similarity` table, whose rows it converts, and
  /// `unga_similarity` becomes a view with the same columns that unpacks it.
  @Sendable static func similarityPacked(_ db: Database) throws {
    try db.execute(
      sql: """
        -- Every dyad's joint votes and percentiles, one 28-byte record per year from first_year
        -- to last_year (see UNGASimilarityPack).
        CREATE TABLE unga_similarity_dyad (
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          first_year INTEGER NOT NULL,
          last_year INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (state_a, state_b)
        );
        """)
    // The stored dyad-years, packed (a store made by a development build may lack the table).
    if try db.tableExists("unga_similarity") {
      try packSimilarityRows(db)
      try db.execute(sql: "DROP TABLE unga_similarity")
    }
    try createSimilarityView(db)
  }

  /// Packs the rows of the row-per-dyad-year `unga_similarity` table into `unga_similarity_dyad`.
  private static func packSimilarityRows(_ db: Database) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT state_a, state_b, year, yy, ya, yn, ay, aa, an, ny, na, nn,
          agree_pct, agree_half_pct, s_pct, pi_pct, kappa_pct
        FROM unga_similarity ORDER BY state_a, state_b, year
        """)
    let insert = try db.makeStatement(
      sql: "INSERT INTO unga_similarity_dyad (state_a, state_b, first_year, last_year, data) VALUES (?, ?, ?, ?, ?)")
    var dyad: (String, String)?
    var years: [(year: Int, counts: [Int], percentiles: [Int?])] = []
    func flush() throws {
      guard let (a, b) = dyad, !years.isEmpty else { return }
      let pack = try UNGASimilarityPack.data(years)
      try insert.execute(arguments: [a, b, pack.firstYear, pack.lastYear, Data(pack.data)])
      years.removeAll(keepingCapacity: true)
    }
    while let row = try rows.next() {
      let key: (String, String) = (row[0], row[1])
      if dyad.map({ $0 != key }) ?? true {
        try flush()
        dyad = key
      }
      years.append((row[2], (3..<12).map { row[$0] as Int }, (12..<17).map { row[$0] as Int? }))
    }
    try flush()
  }

  /// The `unga_similarity` view: the packed records unpacked, one row per dyad-year, with the
  /// columns the table had.
  private static func createSimilarityView(_ db: Database) throws {
    // A big-endian UInt16 at a byte offset of a record r: each byte's value is its position in
    // the 256 bytes 00…FF.
    let bytes = "x'" + (0..<256).map { String(format: "%02X", $0) }.joined() + "'"
    func number(_ field: Int) -> String {
      "((instr(\(bytes), substr(r, \(2 * field + 1), 1)) - 1) * 256 + instr(\(bytes), substr(r, \(2 * field + 2), 1)) - 1)"
    }
    let cells = ["yy", "ya", "yn", "ay", "aa", "an", "ny", "na", "nn"].enumerated().map { "\(number($0)) AS \($1)" }
    let percentiles = ["agree_pct", "agree_half_pct", "s_pct", "pi_pct", "kappa_pct"].enumerated().map {
      "nullif(\(number(9 + $0)), 65535) AS \($1)"
    }
    // The view keeps the table's name and columns, so unga_similarity_measures reads it as before.
    try db.execute(
      sql: """
        -- Every dyad-year's joint votes and percentiles (in hundredths of a percent; NULL where
        -- undefined), unpacked from unga_similarity_dyad.
        CREATE VIEW unga_similarity AS
        SELECT state_a, state_b, year,
          \((cells + percentiles).joined(separator: ",\n  "))
        FROM (
          SELECT d.state_a, d.state_b, y.year, substr(d.data, (y.year - d.first_year) * 28 + 1, 28) AS r
          FROM unga_similarity_dyad d JOIN unga_similarity_year y ON y.year BETWEEN d.first_year AND d.last_year
        )
        WHERE substr(r, 1, 18) <> zeroblob(18);
        """)
  }
}
