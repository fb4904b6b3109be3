import GRDB

extension StoreMigrations {
  /// v9: SIPRI's trade register in its deal layout (1950–2024), one row per deal, and Dyad's
  /// estimate of each deal's deliveries by year (its delivered TIV split evenly over its
  /// delivery-year list). Both belong to `sipri-transfers`, beside the observed deliveries by year
  /// in `arms_delivery`.
  @Sendable static func armsDeals(_ db: Database) throws {
    try db.execute(
      sql: """
        -- SIPRI trade register, deal layout: one row per deal. The register has no deal id: a deal
        -- is numbered by its position. Names are SIPRI's; state ids (resolved in the year of order)
        -- are NULL for non-state parties. The *_uncertain flags are SIPRI's '?' marks. Delivery
        -- years are SIPRI's list joined by ';' (one entry per tranche; empty when none).
        CREATE TABLE arms_deal (
          deal_number INTEGER PRIMARY KEY NOT NULL,
          line INTEGER NOT NULL,
          recipient TEXT NOT NULL,
          recipient_id TEXT,
          supplier TEXT NOT NULL,
          supplier_id TEXT,
          order_year INTEGER NOT NULL,
          order_year_uncertain INTEGER NOT NULL CHECK (order_year_uncertain IN (0, 1)),
          ordered INTEGER,
          ordered_uncertain INTEGER NOT NULL CHECK (ordered_uncertain IN (0, 1)),
          designation TEXT NOT NULL,
          description TEXT NOT NULL,
          delivered INTEGER,
          delivered_uncertain INTEGER NOT NULL CHECK (delivered_uncertain IN (0, 1)),
          delivery_years TEXT NOT NULL,
          status TEXT NOT NULL,
          comments TEXT NOT NULL,
          tiv_unit REAL,
          tiv_order REAL,
          tiv_delivered REAL
        );
        CREATE INDEX arms_deal_supplier ON arms_deal(supplier_id, recipient_id);
        CREATE INDEX arms_deal_recipient ON arms_deal(recipient_id);

        -- Dyad's estimate, not SIPRI's: a deal's delivered TIV split evenly over the entries of its
        -- delivery-year list; `shares` of `entries` name the year. NULL tiv when the deal's is missing.
        CREATE TABLE arms_deal_year (
          deal_number INTEGER NOT NULL,
          year INTEGER NOT NULL,
          supplier_id TEXT,
          recipient_id TEXT,
          tiv REAL,
          shares INTEGER NOT NULL CHECK (shares >= 1),
          entries INTEGER NOT NULL CHECK (entries >= shares),
          PRIMARY KEY (deal_number, year)
        );
        CREATE INDEX arms_deal_year_supplier ON arms_deal_year(supplier_id, recipient_id, year);
        CREATE INDEX arms_deal_year_recipient ON arms_deal_year(recipient_id, year);
        """)
  }
}
