import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the Correlates of War National Material Capabilities (v7) as state-year observations.
///
/// COW codes resolve through the registry by year. Empty cells (COW's −9) are stored as missing;
/// a −9 left in a file is read as missing too, any other negative number is an error. Military
/// expenditure is in thousands of British pounds before 1914 and of current US$ from 1914, so it is
/// stored as two indicators. Where two codes name one state in a year, the code the registry gives
/// on 1 January wins.
public struct NMCImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("cow-nmc")
  public let tables: [any StoreRecord.Type] = []

  public init() {}

  /// The columns and the indicator each is stored as (military expenditure is split by currency).
  public static let indicators: [(column: String, indicator: String)] = [
    ("milper", "nmc_personnel_thousands"), ("irst", "nmc_iron_steel_thousand_tons"),
    ("pec", "nmc_energy_thousand_coal_tons"), ("tpop", "nmc_population_thousands"),
    ("upop", "nmc_urban_population_thousands"), ("cinc", "nmc_cinc"),
  ]
  public static let milexUSD = "nmc_milex_usd_thousands"
  public static let milexGBP = "nmc_milex_gbp_thousands"

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    let sourceID = try sink.sourceID(for: info.source)
    struct Key: Hashable {
      let state: StateID
      let year: Int
    }
    struct Entry {
      let code: Int
      let primary: Bool
      let line: Int
      let values: [Double?]
    }
    var entries: [Key: Entry] = [:]
    var order: [Key] = []
    let columns = ["milex"] + Self.indicators.map(\.column)
    try reader.forEachRow(requiring: ["ccode", "year"] + columns) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let code = try f.int(record, "ccode", in: 1...999)
      let year = try f.int(record, "year", in: 1800...2100)
      var values: [Double?] = []
      for column in columns {
        var value = try f.optionalDouble(record, column)
        if value == -9 { value = nil }
        if let v = value, v < 0 { throw f.error(record.line, column, "\(v) is negative") }
        if column == "cinc", let v = value, v > 1 { throw f.error(record.line, column, "\(v) is not a share of the world (0–1)") }
        values.append(value)
      }
      let state = try resolver.require(code: code, year: year, file: f.file, line: record.line, column: "ccode")
      let primary = (try? context.registry.resolve("cow:\(code)", on: Day.startOf(year: year)).id) == state
      let key = Key(state: state, year: year)
      let entry = Entry(code: code, primary: primary, line: record.line, values: values)
      if let other = entries[key] {
        if other.primary == primary {
          throw f.error(record.line, "ccode", "COW codes \(other.code) (line \(other.line)) and \(code) both name \(state) in \(year)")
        }
        if primary { entries[key] = entry }
      } else {
        entries[key] = entry
        order.append(key)
      }
    }
    for key in order {
      let entry = entries[key]!
      let milex = key.year < 1914 ? Self.milexGBP : Self.milexUSD
      try sink.observe(
        Observation(indicator: milex, a: key.state, year: key.year, value: entry.values[0], status: .observed, sourceID: sourceID))
      for (i, item) in Self.indicators.enumerated() {
        try sink.observe(
          Observation(
            indicator: item.indicator, a: key.state, year: key.year, value: entry.values[i + 1], status: .observed,
            sourceID: sourceID))
      }
      summary.rowsWritten += 1
      summary.cover(key.year)
    }
    return summary
  }
}
