import GRDB

extension StoreMigrations {
  /// v7: the release each dataset's last sync fetched (its name, when, from where) and each of its
  /// files (address, size, SHA-256, the server's validators). A local `dyad import` leaves them empty.
  @Sendable static func releases(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE dataset ADD COLUMN release TEXT;
        ALTER TABLE dataset ADD COLUMN retrieved_at TEXT;
        ALTER TABLE dataset ADD COLUMN retrieved_from TEXT;

        CREATE TABLE dataset_file (
          dataset TEXT NOT NULL REFERENCES dataset(name) ON DELETE CASCADE,
          file TEXT NOT NULL,
          url TEXT NOT NULL,
          byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          etag TEXT,
          last_modified TEXT,
          PRIMARY KEY (dataset, file)
        ) WITHOUT ROWID;
        """)
  }
}
