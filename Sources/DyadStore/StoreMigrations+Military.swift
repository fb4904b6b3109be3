import GRDB

extension StoreMigrations {
  /// The military tables: ATOP alliances (alliance level, member level, dyad-years) and SIPRI arms
  /// deliveries. Military spending (SIPRI) and capabilities (COW NMC) are state-year indicators in
  /// `observation`; imported joint exercises go into `exercise` and `exercise_state`.
  @Sendable static func military(_ db: Database) throws {
    try db.execute(
      sql: """
        -- ATOP alliance level: one row per alliance. Dates are YYYY, YYYY-MM or YYYY-MM-DD as
        -- precise as ATOP gives them; "end" NULL means in force at the end of the data.
        CREATE TABLE atop_alliance (
          atopid INTEGER PRIMARY KEY NOT NULL,
          begin TEXT NOT NULL,
          "end" TEXT,
          bilateral INTEGER NOT NULL CHECK (bilateral IN (0, 1)),
          defense INTEGER NOT NULL CHECK (defense IN (0, 1)),
          offense INTEGER NOT NULL CHECK (offense IN (0, 1)),
          neutrality INTEGER NOT NULL CHECK (neutrality IN (0, 1)),
          nonaggression INTEGER NOT NULL CHECK (nonaggression IN (0, 1)),
          consultation INTEGER NOT NULL CHECK (consultation IN (0, 1)),
          military_aid INTEGER,
          bases INTEGER,
          integrated_command INTEGER,
          member_count INTEGER NOT NULL
        );

        -- ATOP member level: one row per alliance x member x phase, with the member's obligations.
        CREATE TABLE atop_member (
          atopid INTEGER NOT NULL,
          phase INTEGER NOT NULL,
          cow_code INTEGER NOT NULL,
          state_id TEXT NOT NULL,
          entered TEXT NOT NULL,
          exited TEXT,
          bilateral INTEGER NOT NULL CHECK (bilateral IN (0, 1)),
          defense INTEGER NOT NULL CHECK (defense IN (0, 1)),
          offense INTEGER NOT NULL CHECK (offense IN (0, 1)),
          neutrality INTEGER NOT NULL CHECK (neutrality IN (0, 1)),
          nonaggression INTEGER NOT NULL CHECK (nonaggression IN (0, 1)),
          consultation INTEGER NOT NULL CHECK (consultation IN (0, 1))
        );
        CREATE INDEX atop_member_state ON atop_member(state_id, atopid);
        CREATE INDEX atop_member_alliance ON atop_member(atopid);

        -- ATOP dyad-years (state_a < state_b): the obligations the pair shares in a year. A pair
        -- absent in a year shares no alliance.
        CREATE TABLE atop_dyad_year (
          state_a TEXT NOT NULL,
          state_b TEXT NOT NULL,
          year INTEGER NOT NULL,
          defense INTEGER NOT NULL CHECK (defense IN (0, 1)),
          offense INTEGER NOT NULL CHECK (offense IN (0, 1)),
          neutrality INTEGER NOT NULL CHECK (neutrality IN (0, 1)),
          nonaggression INTEGER NOT NULL CHECK (nonaggression IN (0, 1)),
          consultation INTEGER NOT NULL CHECK (consultation IN (0, 1)),
          CHECK (state_a < state_b),
          PRIMARY KEY (state_a, state_b, year)
        ) WITHOUT ROWID;

        -- SIPRI trade register: one row per deal x delivery year. Supplier and recipient keep
        -- SIPRI's names; their state ids are NULL for non-state parties ("unknown supplier(s)",
        -- "NATO**", rebel groups marked "*"). Estimate flags are NULL when SIPRI leaves them blank.
        CREATE TABLE arms_delivery (
          deal_id INTEGER NOT NULL,
          delivery_year INTEGER NOT NULL,
          supplier TEXT NOT NULL,
          supplier_id TEXT,
          recipient TEXT NOT NULL,
          recipient_id TEXT,
          designation TEXT NOT NULL,
          description TEXT NOT NULL,
          category TEXT NOT NULL,
          order_year INTEGER NOT NULL,
          order_year_estimated INTEGER,
          delivered INTEGER,
          delivered_estimated INTEGER,
          delivery_year_estimated INTEGER,
          status TEXT NOT NULL,
          tiv_unit REAL,
          tiv_deal_unit REAL,
          tiv_delivered REAL,
          local_production INTEGER,
          PRIMARY KEY (deal_id, delivery_year)
        );
        CREATE INDEX arms_delivery_recipient ON arms_delivery(recipient_id, delivery_year);
        CREATE INDEX arms_delivery_supplier ON arms_delivery(supplier_id, delivery_year);
        """)
  }
}
