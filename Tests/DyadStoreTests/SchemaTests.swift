import DyadCore
import DyadTestSupport
import Foundation
import GRDB
import Testing

@testable import DyadStore

/// The records (``StoreSchema``) against the tables the migrations create: a record naming a
/// table or column the migrations do not create, or a table without its record, fails here.
@Suite("Store schema")
struct SchemaTests {
  let folder = try! TemporaryFolder("schema")

  /// The migrated schema: each table's columns, and the views.
  func migrated() throws -> (tables: [String: [(name: String, notNull: Bool, hasDefault: Bool)]], views: Set<String>) {
    let queue = try DatabaseQueue(path: folder.path("schema.sqlite"))
    try StoreMigrations.migrator.migrate(queue)
    return try queue.read { db in
      var tables: [String: [(String, Bool, Bool)]] = [:]
      let names = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
      for name in names {
        tables[name] = try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(name)\")").map {
          ($0["name"], $0["notnull"] as Int == 1, ($0["dflt_value"] as String?) != nil || ($0["pk"] as Int == 1 && $0["type"] as String == "INTEGER"))
        }
      }
      let views = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view'"))
      return (tables, views)
    }
  }

  @Test func everyRecordMatchesItsTable() throws {
    let schema = try migrated()
    var owned = Set<String>()
    for record in StoreSchema.records {
      let (table, columns) = StoreSchema.columns(of: record)
      #expect(owned.insert(table).inserted, "two records own \(table)")
      let stored = try #require(schema.tables[table], "\(record) writes \(table), which no migration creates")
      let filled = StoreSchema.storeFilledColumns[table] ?? []
      #expect(Set(columns).count == columns.count, "\(record) names a column twice")
      #expect(
        Set(columns) == Set(stored.map(\.name)).subtracting(filled),
        "\(record)'s columns \(columns) differ from \(table)'s \(stored.map(\.name))")
      for column in stored where column.notNull && !column.hasDefault {
        #expect(columns.contains(column.name) || filled.contains(column.name), "\(record) does not write \(table).\(column.name)")
      }
    }
    // Every table has its record; views are read-only.
    #expect(Set(schema.tables.keys) == owned, "tables without a record: \(Set(schema.tables.keys).subtracting(owned).sorted())")
    #expect(schema.views.isDisjoint(with: owned))
    #expect(schema.views.isSuperset(of: ["unga_vote", "unga_similarity", "unga_similarity_measures"]))
  }

  @Test(arguments: [
    ("stateA", "state_a"), ("valueUSDMillions", "value_usd_millions"), ("iso2", "iso2"), ("cowN", "cow_n"),
    ("lnGDPPerCapita", "ln_gdp_per_capita"), ("sMedian", "s_median"), ("q100", "q100"), ("atopid", "atopid"),
    ("stateID", "state_id"), ("lnSDP", "ln_sdp"),
  ])
  func columnNamesAreSnakeCase(_ name: String, _ expected: String) {
    #expect(StoreColumnName.snakeCase(name) == expected)
  }

  /// A record written through the store reads back as the recording sink saw it, by the single
  /// row path and the batch path alike.
  @Test func storeWritesWhatTheRecordEncodes() throws {
    let queue = try DatabaseQueue(path: folder.path("write.sqlite"))
    try StoreMigrations.migrator.migrate(queue)
    let rows = [
      ArmsDeliveryRow(
        dealID: 7, deliveryYear: 2001, supplier: "Russia", supplierID: "RUS", recipient: "China", recipientID: "CHN",
        designation: "Su-27", description: "FGA aircraft", category: "Aircraft", orderYear: 1999,
        orderYearEstimated: nil, delivered: 12, deliveredEstimated: true, deliveryYearEstimated: false,
        status: "New", tivUnit: 35.5, tivDealUnit: nil, tivDelivered: 426, localProduction: false),
      ArmsDeliveryRow(
        dealID: 8, deliveryYear: 2002, supplier: "unknown supplier(s)", supplierID: nil, recipient: "China",
        recipientID: "CHN", designation: "X", description: "", category: "Missiles", orderYear: 2000,
        orderYearEstimated: true, delivered: nil, deliveredEstimated: nil, deliveryYearEstimated: nil,
        status: "New", tivUnit: nil, tivDealUnit: nil, tivDelivered: nil, localProduction: nil),
    ]
    try queue.write { db in
      let sink = StoreSink(db: db, dataset: "test")
      try sink.insert(rows[0])
      try sink.insert(ArmsDeliveryRow.self, count: 1) { _ in rows[1] }
    }
    let recorded = RecordingSink()
    for row in rows { try recorded.insert(row) }
    let stored = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM arms_delivery ORDER BY deal_id")
    }
    #expect(stored.count == 2)
    for (row, expected) in zip(stored, recorded.table(ArmsDeliveryRow.self)) {
      for (column, value) in expected {
        let databaseValue: DatabaseValue = row[column]
        switch value {
        case .null: #expect(databaseValue.isNull, "\(column)")
        case .integer(let v): #expect(Int.fromDatabaseValue(databaseValue) == v, "\(column)")
        case .real(let v): #expect(Double.fromDatabaseValue(databaseValue) == v, "\(column)")
        case .text(let v): #expect(String.fromDatabaseValue(databaseValue) == v, "\(column)")
        case .blob(let v): #expect(Data.fromDatabaseValue(databaseValue).map([UInt8].init) == v, "\(column)")
        }
      }
    }
    // Values as SIPRI's register gives them, not just as encoded.
    #expect(stored[0]["supplier_id"] as String? == "RUS")
    #expect(stored[0]["delivered_estimated"] as Int? == 1)
    #expect(stored[0]["order_year_estimated"] as Int? == nil)
    #expect(stored[1]["supplier_id"] as String? == nil)
    #expect(stored[1]["order_year_estimated"] as Int? == 1)
  }
}
