import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation

/// A small registry and curated folder, so store tests do not depend on the shipped tables.
enum Fixtures {
  static let registry: StateRegistry = {
    let states = [
      State(
        id: "CHN", name: "China", start: try! Day(parsing: "1860-01-01"), end: nil,
        codes: StateCodes([.cowNumeric: "710", .iso3: "CHN", .iso2: "CN"]), aliases: ["PRC"]),
      State(
        id: "RUS", name: "Russia", start: try! Day(parsing: "1816-01-01"), end: nil,
        codes: StateCodes([.cowNumeric: "365", .iso3: "RUS", .iso2: "RU"]), aliases: ["Russian Federation"],
        periods: [
          State.Period(
            from: try! Day(parsing: "1922-12-30"), to: try! Day(parsing: "1991-12-25"), name: "Soviet Union",
            codes: StateCodes([.iso2: "SU", .iso3: "SUN"]), aliases: ["USSR"])
        ]),
      State(
        id: "USA", name: "United States", start: try! Day(parsing: "1816-01-01"), end: nil,
        codes: StateCodes([.cowNumeric: "2", .iso3: "USA"]), aliases: []),
    ]
    return try! StateRegistry(states: states)
  }()

  static let source = "Pub,Title,2020-01-01,https://example.org/a"

  /// Writes a curated folder; `events` replaces the events file's rows.
  static func curated(in folder: TemporaryFolder, events: String? = nil) throws -> URL {
    let dir = "curated"
    try folder.write(
      "\(dir)/treaties.csv",
      "id,name,states,signed,in_force,ended,end_reason,obligations,description,source_publisher,source_title,source_date,source_url\n"
        + "t1,Treaty One,CHN;RUS,2001-07-16,2002-02-28,,,nonaggression;consultation,Text,\(source)\n")
    try folder.write(
      "\(dir)/events.csv",
      "id,date,precision,kind,states,title,description,place,source_publisher,source_title,source_date,source_url\n"
        + (events ?? "e1,2022-02-04,day,joint-statement,CHN;RUS,Joint statement,Text,Beijing,\(source)\n"))
    try folder.write(
      "\(dir)/memberships.csv",
      "institution,institution_name,state,role,joined,left,source_publisher,source_title,source_date,source_url\n"
        + "SCO,Shanghai Cooperation Organisation,CHN,founding-member,2001-06-15,,\(source)\n")
    try folder.write(
      "\(dir)/exercises.csv",
      "id,name,start_date,end_date,precision,participants,format,domain,location,description,source_publisher,source_title,source_date,source_url\n"
        + "x1,Peace Mission 2005,2005-08-18,2005-08-25,day,CHN;RUS,bilateral,joint,Vladivostok,Text,\(source)\n")
    try folder.write(
      "\(dir)/trade_totals.csv",
      "year,reporter,partner,flow,value_usd_millions,source_publisher,source_title,source_date,source_url\n"
        + "2023,CHN,RUS,total,240110,\(source)\n")
    try folder.write(
      "\(dir)/vetoes.csv",
      "date,draft,meeting_record,agenda_item,topic,region,vetoed_by,description,source_publisher,source_title,source_date,source_url\n"
        + "2022-09-30,,S/PV.9143,Ukraine,Ukraine,Eastern Europe,RUS,Text,\(source)\n")
    try folder.write(
      "\(dir)/tallies.csv",
      "id,date,states,counted,count,qualifier,statement,source_publisher,source_title,source_date,source_url\n"
        + "y1,2024-05-16,CHN;RUS,meetings,40,more-than,Text,\(source)\n")
    try folder.write(
      "\(dir)/leaders.csv",
      "state,roles,name,from,to,acting,effective,continues,as_of,note,source_publisher,source_title,source_date,source_url\n"
        + "RUS,head-of-state,Vladimir Putin,2012-05-07,,0,1,reign,2025-05-07,,\(source)\n")
    return folder.url.appendingPathComponent(dir)
  }
}

/// An importer of `state,partner,year,value` rows into observations, for store tests.
struct FixtureImporter: DatasetImporter {
  var info = DatasetInfo(
    name: "fixture", title: "Fixture", publisher: "Tests", version: "1", url: "https://example.org/fixture",
    licence: "none", coverage: "", dimension: .economic, files: ["fixture.csv"])
  var tables: [any StoreRecord.Type] { [] }

  func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    var summary = ImportSummary()
    let reader = try CSVReader(path: files[0].path)
    let source = try sink.sourceID(for: info.source)
    try reader.forEachRow(requiring: ["state", "partner", "year", "value"]) { header, record in
      summary.rowsRead += 1
      let row = CSVRow(header: header, record: record)
      let a = try context.registry.resolve(try row.required("state"))
      let year = try row.requiredInt("year")
      let value = row.optional("value").flatMap(Double.init)
      if let text = row.optional("value"), value == nil { throw row.error("value", "'\(text)' is not a number") }
      try sink.observe(
        Observation(
          indicator: "fixture", a: a.id, b: try context.registry.resolve(try row.required("partner")).id, year: year,
          value: value, status: .observed, sourceID: source))
      summary.rowsWritten += 1
      summary.cover(year)
    }
    return summary
  }
}
