import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the SIPRI Military Expenditure Database (long format) as state-year observations.
///
/// Handling, deliberately:
/// - `raw` = `xxx` (the country did not exist or was not independent) is not a value: no row.
/// - `raw` = `...` (data unavailable) is stored as missing.
/// - Shares (`share_of_gdp`, `share_of_govt_spending`) are fractions (0.044 = 4.4%) and stay so;
///   a share above 2 (200%) is an error: it is a percentage written as a number. (Shares above 1
///   are real: Kuwait spent 117% of its GDP in 1991.)
/// - A zero in a US$ measure is a placeholder (no exchange-rate-based value, as for Russia's
///   current US$ cells of 1988–1990 and 1992) and is stored as missing, unless the country's
///   local-currency spending that year is also zero (Costa Rica, Iceland, Panama: no armed forces).
/// - Local-currency figures are used only for that test: their units differ by country.
/// - Names resolve through the registry by year, so `USSR` and `Russia` both give `RUS`; where two
///   names give one state-year, an observed value wins over a missing one. "European Union" is
///   not a state and is skipped.
public struct SIPRIMilexImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("sipri-milex")
  public let tables: [any StoreRecord.Type] = []

  public init() {}

  /// The measures in the file and the indicator each is stored as.
  public static let indicators: [String: String] = [
    "constant_2022_usd_millions": "sipri_milex_constant_2022_usd_m",
    "current_usd_millions": "sipri_milex_current_usd_m",
    "share_of_gdp": "sipri_milex_share_of_gdp",
    "per_capita_current_usd": "sipri_milex_per_capita_usd",
    "share_of_govt_spending": "sipri_milex_share_of_govt_spending",
  ]
  static let maximumShare = 2.0
  static let localCurrency = "local_currency_calendar_year"
  static let shares: Set<String> = ["share_of_gdp", "share_of_govt_spending"]
  static let dollarMeasures: Set<String> = ["constant_2022_usd_millions", "current_usd_millions", "per_capita_current_usd"]
  /// SIPRI names that are not states.
  static let nonStates: Set<String> = ["European Union"]
  /// SIPRI spellings the registry does not know under that name, and the name it knows.
  static let nameMap: [String: String] = [
    "Congo, DR": "Democratic Republic of the Congo", "Congo, Republic": "Congo", "Gambia, The": "Gambia",
    "Korea, North": "North Korea", "Korea, South": "South Korea", "Kyrgyz Republic": "Kyrgyzstan",
    "Timor Leste": "Timor-Leste", "Yemen, North": "Yemen Arab Republic", "Türkiye": "Turkey",
  ]

  private struct Cell {
    let country: String
    let measure: String
    let value: Double?
    let line: Int
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var cells: [Cell] = []
    var years: [Int] = []
    var states: [StateID?] = []
    var local: [String: Double?] = [:]  // "country|year" -> local-currency value
    var resolver = StateResolver(registry: context.registry)
    try reader.forEachRow(requiring: ["country", "measure", "year", "value", "raw"]) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let country = try f.required(record, "country")
      let measure = try f.required(record, "measure")
      guard Self.indicators[measure] != nil || measure == Self.localCurrency else {
        throw f.error(record.line, "measure", "'\(measure)' is not a SIPRI measure Dyad knows")
      }
      let year = try f.int(record, "year", in: 1900...2100)
      let raw = f.text(record, "raw")
      if raw == "xxx" { return }
      var value = try f.optionalDouble(record, "value")
      if value == nil {
        guard raw == "..." || raw.isEmpty else {
          throw f.error(record.line, "value", "is empty but the raw cell is '\(raw)' (expected '...' or 'xxx')")
        }
      } else if raw == "..." {
        throw f.error(record.line, "value", "has a value but the raw cell says the data are unavailable")
      }
      if let v = value {
        guard v >= 0 else { throw f.error(record.line, "value", "military spending cannot be negative") }
        if Self.shares.contains(measure), v > Self.maximumShare {
          throw f.error(record.line, "value", "\(v) is not a fraction; SIPRI shares are fractions (0.044 = 4.4%)")
        }
      }
      if measure == Self.localCurrency {
        local["\(country)|\(year)"] = .some(value)
        return
      }
      if Self.nonStates.contains(country) { return }
      guard let state = resolver.state(Self.nameMap[country] ?? country, inYear: year) else {
        throw f.error(record.line, "country", "'\(country)' names no state in \(year) in Dyad's state registry")
      }
      if value == 0 { value = 0 }  // normalise -0
      cells.append(Cell(country: country, measure: measure, value: value, line: record.line))
      years.append(year)
      states.append(state)
    }
    // Merge: one value per state, measure and year; observed wins over missing.
    struct Key: Hashable {
      let state: StateID
      let indicator: String
      let year: Int
    }
    var merged: [Key: Double?] = [:]
    var order: [Key] = []
    for (i, cell) in cells.enumerated() {
      var value = cell.value
      if value == 0, Self.dollarMeasures.contains(cell.measure) || Self.shares.contains(cell.measure) {
        // A zero is real only when local-currency spending is zero too.
        let localValue = local["\(cell.country)|\(years[i])"] ?? nil
        if localValue != 0 { value = nil }
      }
      let key = Key(state: states[i]!, indicator: Self.indicators[cell.measure]!, year: years[i])
      if let existing = merged[key] {
        if existing == nil, value != nil { merged[key] = .some(value) }
      } else {
        merged[key] = .some(value)
        order.append(key)
      }
    }
    let sourceID = try sink.sourceID(for: info.source)
    for key in order {
      let value = merged[key]!
      try sink.observe(
        Observation(indicator: key.indicator, a: key.state, year: key.year, value: value, status: .observed, sourceID: sourceID))
      summary.rowsWritten += 1
      summary.cover(key.year)
    }
    return summary
  }
}
