import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the SIPRI Military Expenditure Database as state-year observations, from SIPRI's own
/// workbook (`SIPRI-Milex-data-1948-2023.xlsx`, any release: the file is told by its content) or
/// from its long CSV conversion (`sipri_milex_long.csv`).
///
/// From the workbook, each country sheet is read (constant US$ at the sheet's base year, current
/// US$, share of GDP, per capita, share of government spending, and local currency for the zero
/// test below); SIPRI marks its estimates in blue and highly uncertain figures in red, by font
/// colour alone, and both are stored with the status *estimated*. The release is told from the
/// workbook: its years and its constant-dollar base year.
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
  static let dollarMeasures: Set<String> = [
    "constant_2022_usd_millions", "current_usd_millions", "per_capita_current_usd",
  ]
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
    let estimated: Bool
  }

  /// The indicator a measure is stored as: constant dollars carry their base year
  /// (`constant_2023_usd_millions` → `sipri_milex_constant_2023_usd_m`).
  static func indicator(for measure: String) -> String? {
    if let indicator = indicators[measure] { return indicator }
    let parts = measure.split(separator: "_")
    if parts.count == 4, parts[0] == "constant", let year = Int(parts[1]), (1900...2100).contains(year),
      parts[2] == "usd", parts[3] == "millions"
    {
      return "sipri_milex_constant_\(year)_usd_m"
    }
    return nil
  }

  /// The workbook's sheets Dyad reads, and the measure of each (constant dollars by pattern).
  static let sheetMeasures: [String: String] = [
    "Current US$": "current_usd_millions", "Share of GDP": "share_of_gdp", "Per capita": "per_capita_current_usd",
    "Share of Govt. spending": "share_of_govt_spending", "Local currency calendar years": localCurrency,
  ]

  /// What the rows read so far hold, before values are merged per state, indicator and year.
  private struct Collected {
    var cells: [Cell] = []
    var years: [Int] = []
    var states: [StateID?] = []
    var local: [String: Double?] = [:]  // "country|year" -> local-currency value
    var resolver: StateResolver
    /// Where each country's figure of a measure and year was read: a second one is a duplicated row.
    var lines: [String: Int] = [:]

    /// Adds one value; `problem` makes the error for a field of the row being read.
    mutating func add(
      country: String, measure: String, year: Int, raw: String, value: Double?, estimated: Bool, line: Int,
      problem: (_ field: String, _ message: String) -> ImportError
    ) throws(ImportError) {
      if let first = lines.updateValue(line, forKey: "\(country)|\(measure)|\(year)") {
        throw problem(
          "country", "'\(country)' has a second \(measure) figure for \(year) (the first is on line \(first))")
      }
      if raw == "xxx" { return }
      var value = value
      if value == nil {
        guard raw == "..." || raw.isEmpty else {
          throw problem("value", "is empty but the raw cell is '\(raw)' (expected '...' or 'xxx')")
        }
      } else if raw == "..." {
        throw problem("value", "has a value but the raw cell says the data are unavailable")
      }
      if let v = value {
        guard v >= 0 else { throw problem("value", "military spending cannot be negative") }
        if SIPRIMilexImporter.shares.contains(measure), v > SIPRIMilexImporter.maximumShare {
          throw problem("value", "\(v) is not a fraction; SIPRI shares are fractions (0.044 = 4.4%)")
        }
      }
      if measure == SIPRIMilexImporter.localCurrency {
        local["\(country)|\(year)"] = .some(value)
        return
      }
      if SIPRIMilexImporter.nonStates.contains(country) { return }
      guard let state = resolver.state(SIPRIMilexImporter.nameMap[country] ?? country, inYear: year) else {
        throw problem("country", "'\(country)' names no state in \(year) in Dyad's state registry")
      }
      if value == 0 { value = 0 }  // normalise -0
      cells.append(Cell(country: country, measure: measure, value: value, line: line, estimated: estimated))
      years.append(year)
      states.append(state)
    }
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    var summary = ImportSummary()
    var collected = Collected(resolver: StateResolver(registry: context.registry))
    if try Self.isWorkbook(url) {
      summary.release = try readWorkbook(url, into: &collected, summary: &summary)
    } else {
      try readLong(url, into: &collected, summary: &summary)
    }
    return try write(collected, into: sink, summary: summary)
  }

  /// Whether a file is a zip (an .xlsx workbook) rather than text.
  static func isWorkbook(_ url: URL) throws -> Bool {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    return try handle.read(upToCount: 4) == Data([0x50, 0x4B, 0x03, 0x04])
  }

  /// The long CSV: one row per country, measure and year.
  private func readLong(_ url: URL, into collected: inout Collected, summary: inout ImportSummary) throws {
    let reader = try CSVReader(path: url.path)
    try reader.forEachRow(requiring: ["country", "measure", "year", "value", "raw"]) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let country = try f.required(record, "country")
      let measure = try f.required(record, "measure")
      guard Self.indicator(for: measure) != nil || measure == Self.localCurrency else {
        throw f.error(record.line, "measure", "'\(measure)' is not a SIPRI measure Dyad knows")
      }
      let year = try f.int(record, "year", in: 1900...2100)
      try collected.add(
        country: country, measure: measure, year: year, raw: f.text(record, "raw"),
        value: try f.optionalDouble(record, "value"),
        estimated: false, line: record.line, problem: { field, message in f.error(record.line, field, message) })
    }
  }

  /// SIPRI's workbook: one sheet per measure, a header row (`Country`, `Notes`, one column per
  /// year), then region headings and one row per country. Returns the release the workbook tells.
  private func readWorkbook(_ url: URL, into collected: inout Collected, summary: inout ImportSummary) throws -> String
  {
    let book = try XLSXWorkbook(url: url)
    let file = url.lastPathComponent
    var constantBase: Int?
    var sheets: [(name: String, measure: String)] = []
    for name in book.sheetNames {
      if let measure = Self.sheetMeasures[name] {
        sheets.append((name, measure))
      } else if name.hasPrefix("Constant ("), let year = Int(name.dropFirst("Constant (".count).prefix(4)),
        name.hasSuffix(") US$")
      {
        constantBase = year
        sheets.append((name, "constant_\(year)_usd_millions"))
      }
    }
    let missing =
      ["Current US$", "Share of GDP"].filter { !book.sheetNames.contains($0) }
      + (constantBase == nil ? ["Constant (YYYY) US$"] : [])
    guard missing.isEmpty else {
      throw ImportError(
        file: file,
        message:
          "is not a SIPRI milex workbook Dyad reads: it lacks the sheets \(missing.map { "'\($0)'" }.joined(separator: ", "))"
      )
    }
    var allYears: [Int] = []
    for (sheet, measure) in sheets {
      let place = "\(file) [\(sheet)]"
      var yearOf: [Int: Int] = [:]  // column -> year
      try book.forEachRow(inSheet: sheet) { row, cells in
        guard let first = cells.first, first.column == 1, case .text(let country) = first.value else { return }
        if yearOf.isEmpty {
          // Before the header row, only titles and notes.
          guard country == "Country" else { return }
          // The year columns; the others (Notes, Currency) are labels.
          for cell in cells.dropFirst() {
            if let year = cell.value.number.map(Int.init) ?? Int(cell.value.text), (1900...2100).contains(year) {
              yearOf[cell.column] = year
            }
          }
          guard !yearOf.isEmpty else {
            throw ImportError(file: place, line: row, message: "the header row names no year columns")
          }
          if measure != Self.localCurrency { allYears += yearOf.values }
          return
        }
        let values = cells.filter { yearOf[$0.column] != nil }
        guard !values.isEmpty else { return }  // a region heading, or a note below the table
        summary.rowsRead += 1
        for cell in values {
          let year = yearOf[cell.column]!
          let raw: String
          let value: Double?
          switch cell.value {
          case .number(let number):
            (raw, value) = ("", number)
          case .text(let text) where ["...", "xxx"].contains(text.trimmingCharacters(in: .whitespaces)):
            (raw, value) = (text.trimmingCharacters(in: .whitespaces), nil)
          default:
            throw ImportError(
              file: place, line: row, field: cell.reference,
              message: "'\(cell.value.text.prefix(200))' is not a figure, '...' (unavailable) or 'xxx' (no such state)")
          }
          let estimated = cell.fontColor.map { $0.isBlue || $0.isRed } ?? false
          try collected.add(
            country: country.trimmingCharacters(in: .whitespaces), measure: measure, year: year,
            raw: raw, value: value, estimated: estimated, line: row,
            problem: { field, message in
              ImportError(
                file: place, line: row, field: field == "value" ? cell.reference : "A\(row)", message: message)
            })
        }
      }
      if yearOf.isEmpty {
        throw ImportError(file: place, message: "has no header row (a row starting 'Country')")
      }
    }
    guard summary.rowsRead > 0 else {
      throw ImportError(file: file, message: "has header rows but no country rows: no rows to import")
    }
    let span = allYears.isEmpty ? "" : "data \(allYears.min()!)–\(allYears.max()!), "
    return "\(span)constant \(constantBase!) US$ (from the workbook)"
  }

  private func write(_ collected: Collected, into sink: any ImportSink, summary: ImportSummary) throws -> ImportSummary
  {
    var summary = summary
    let cells = collected.cells, years = collected.years, states = collected.states, local = collected.local
    // Merge: one value per state, measure and year; observed wins over missing.
    struct Key: Hashable {
      let state: StateID
      let indicator: String
      let year: Int
    }
    var merged: [Key: Double?] = [:]
    var estimated: Set<Key> = []
    var order: [Key] = []
    for (i, cell) in cells.enumerated() {
      var value = cell.value
      if value == 0, Self.dollarMeasures.contains(cell.measure) || Self.shares.contains(cell.measure) {
        // A zero is real only when local-currency spending is zero too.
        let localValue = local["\(cell.country)|\(years[i])"] ?? nil
        if localValue != 0 { value = nil }
      }
      let key = Key(state: states[i]!, indicator: Self.indicator(for: cell.measure)!, year: years[i])
      if cell.estimated, value != nil { estimated.insert(key) }
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
        Observation(
          indicator: key.indicator, a: key.state, year: key.year, value: value,
          status: value == nil ? .missing : estimated.contains(key) ? .estimated : .observed, sourceID: sourceID))
      summary.rowsWritten += 1
      summary.cover(key.year)
    }
    return summary
  }
}
