import DyadAnalysis
import DyadCore
import DyadData
import DyadStore
import Foundation

/// Imports regime measures, leaders and demography from a folder laid out as
/// `shared/data/politics-demography`, as one catalogue dataset (`politics`) whose seven
/// sub-datasets (``PoliticsDataset``) keep their own coverage in `politics_coverage`.
///
/// The rules:
///
/// - **Codes by scheme**: COW codes (V-Dem, Freedom House, REIGN) and Gleditsch–Ward codes
///   (Archigos) resolve through the registry by year; UN M49 (WPP by age) and ISO 3 (median age)
///   name today's state. A COW or GW code that names no state stops the import with its file,
///   line and field; a WPP or ISO code Dyad's registry does not hold is a region, an income group
///   or a territory and is left out, counted in the import's notes.
/// - **Country-years, not colony-years**: a V-Dem or Freedom House row for a year in which its
///   state was not in Dyad's registry (a colony before independence, Germany between 1945 and
///   1990 under code 255) is left out and counted; so is a row without a COW code (Hong Kong,
///   Palestine, the occupied territories Freedom House rates).
/// - **Leaders**: REIGN gives the start day and the end month (`to` is month-precise); a spell
///   without an end is in office at the file's date (1 March 2021). Archigos's "Still in Office"
///   spells are censored at 2015-12-31. Both code the *effective* leader.
/// - **Population**: WPP's five-year age groups are stored as published (thousands), estimates
///   to 2020 and the medium, low and high projections from 2025; every state-year must have all
///   21 groups and male + female must equal the total. WPP reports present-day territories, also
///   for years before a state existed (Russia before 1991 is the RSFSR's territory, not the USSR).
///   No year between two five-year points is made up.
/// - **Missing is missing**: an empty measure is not stored (never 0).
public struct PoliticsImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("politics")
  public let tables: [any StoreRecord.Type] = [
    PoliticsCoverageRow.self, RegimeMeasureRow.self, FreedomHouseRow.self, PopulationAgeRow.self, MedianAgeRow.self,
  ]

  /// Each sub-dataset's title and version, as `politics_coverage` records it.
  public static let versions: [PoliticsDataset: String] = [
    .vdem: "V-Dem v15 democracy indices with credible intervals (via democracyData 0.7.1, vdem_simple)",
    .vdemCOW: "V-Dem v16 electoral democracy index, Unified Democracy Scores and Polity2 by COW state-year (via isard)",
    .freedomHouse: "Freedom House, Freedom in the World ratings 1972–2024 (via democracyData 0.7.1)",
    .reign: "REIGN leader list, March 2021 (leaderlist_3_21)",
    .archigos: "Archigos 4.1 (via peacesciencer)",
    .wppAge: "UN World Population Prospects 2024, population by five-year age group (via the wpp2024 R package)",
    .wppMedianAge: "UN World Population Prospects 2024, median age (via Gapminder systema_globalis)",
  ]

  /// The day REIGN's March 2021 list attests its open spells to.
  public static let reignAsOf = Day(year: 2021, month: 3, day: 1)!
  /// Archigos 4.1's censoring day.
  public static let archigosAsOf = Day(year: 2015, month: 12, day: 31)!
  /// WPP 2024's last estimated year of the yearly series; later years are its medium projection.
  public static let wppLastEstimateYear = 2023
  /// V-Dem's indices stored, by their column stem.
  public static let vdemIndices = ["polyarchy", "libdem", "partipdem", "delibdem", "egaldem"]
  /// The measures of the COW state-year file.
  public static let cowMeasures: [(column: String, measure: String, range: ClosedRange<Double>)] = [
    ("v2x_polyarchy", "polyarchy", 0...1), ("euds", "euds", -5...5), ("aeuds", "aeuds", -5...5),
    ("polity2", "polity2", -10...10),
  ]
  /// Gleditsch–Ward codes Archigos uses that the registry does not carry in the GW scheme: GW 255
  /// is Germany (Prussia) to 1945, GW 345 Yugoslavia/Serbia.
  static let gwFallbacks: [Int: String] = ConflictImporter.gwFallbacks.merging([255: "cow:255"]) { a, _ in a }

  /// The columns each file must have, in ``DatasetInfo/files``' order.
  static let requiredColumns: [[String]] = [
    ["country_text_id", "vdem_cowcode", "year"]
      + vdemIndices.flatMap { ["v2x_\($0)", "v2x_\($0)_codelow", "v2x_\($0)_codehigh"] },
    ["ccode", "year"] + cowMeasures.map(\.column),
    ["fh_country", "year", "pr", "cl", "status", "fh_total", "cown"],
    ["ccode", "leader", "sdate", "smonth", "syear", "emonth", "eyear", "birthyear"],
    ["obsid", "gwcode", "leader", "yrborn", "startdate", "enddate", "entry", "exit"],
    ["country_code", "year", "age", "popM", "popF", "pop"],
    ["country_code", "year", "age", "popM", "popF", "pop", "popM_low", "popF_low", "pop_low", "popM_high", "popF_high", "pop_high"],
    ["geo", "time", "median_age_years"],
  ]

  public init() {}

  /// Checks every file's header and first row before any is read in full, so that a missing
  /// column, an empty file or a damaged first line fails at once, not after a minute of reading.
  static func preflight(_ files: [URL]) throws {
    struct FirstRow: Error {}
    for (url, columns) in zip(files, requiredColumns) {
      do {
        try CSVReader(path: url.path).forEachRow(requiring: columns) { _, _ in throw FirstRow() }
      } catch is FirstRow {}
    }
  }

  typealias Part = PartTally

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == info.files.count else {
      throw ImportError(file: info.name, message: "expects \(info.files.joined(separator: ", "))")
    }
    try Self.preflight(files)
    var summary = ImportSummary()
    var reader = Reader(registry: context.registry, sink: sink)
    var parts: [PoliticsDataset: Part] = [:]
    let steps: [(PoliticsDataset, () throws -> Void)] = [
      (.vdem, { parts[.vdem] = try reader.readVDem(files[0], summary: &summary) }),
      (.vdemCOW, { parts[.vdemCOW] = try reader.readCOWMeasures(files[1], summary: &summary) }),
      (.freedomHouse, { parts[.freedomHouse] = try reader.readFreedomHouse(files[2], summary: &summary) }),
      (.reign, { parts[.reign] = try reader.readREIGN(files[3], summary: &summary) }),
      (.archigos, { parts[.archigos] = try reader.readArchigos(files[4], summary: &summary) }),
      (.wppAge, { parts[.wppAge] = try reader.readPopulation(estimates: files[5], projections: files[6], summary: &summary) }),
      (.wppMedianAge, { parts[.wppMedianAge] = try reader.readMedianAge(files[7], summary: &summary) }),
    ]
    for (i, (dataset, step)) in steps.enumerated() {
      try step()
      let part = parts[dataset]!
      guard let years = part.years else { throw ImportError.noRows(file: files[min(i, files.count - 1)].lastPathComponent) }
      try sink.insert(
        PoliticsCoverageRow(
          dataset: dataset.rawValue, coverageFrom: years.lowerBound, coverageTo: years.upperBound,
          version: Self.versions[dataset]!, rows: part.rows))
      summary.rowsWritten += part.rows
      context.progress(Double(i + 1) / Double(steps.count))
    }
    // The dataset's coverage is its observed years: projections are not coverage.
    for (dataset, part) in parts {
      guard let years = part.years else { continue }
      summary.cover(years.lowerBound)
      let last = dataset == .wppAge ? 2020 : dataset == .wppMedianAge ? Self.wppLastEstimateYear : years.upperBound
      summary.cover(last)
    }
    summary.notes.insert(
      PoliticsDataset.allCases.map { dataset in
        let part = parts[dataset]!
        return "\(dataset): \(part.years!.lowerBound)–\(part.years!.upperBound), \(part.rows) rows"
      }.joined(separator: "; "), at: 0)
    summary.notes += reader.skipNotes()
    return summary
  }
}

extension PoliticsImporter {
  /// The reading state shared by the files: the resolver, the sink and what was left out.
  struct Reader {
    var resolver: StateResolver
    let registry: StateRegistry
    let sink: any ImportSink
    /// Rows left out, by file and reason, with the units they name.
    var skipped: [String: [String: (rows: Int, units: [String])]] = [:]
    var skippedOrder: [String] = []

    init(registry: StateRegistry, sink: any ImportSink) {
      self.resolver = StateResolver(registry: registry)
      self.registry = registry
      self.sink = sink
    }

    mutating func skip(_ file: String, _ reason: String, unit: String? = nil) {
      if skipped[file] == nil { skippedOrder.append(file) }
      var entry = skipped[file, default: [:]][reason] ?? (0, [])
      entry.rows += 1
      if let unit, !entry.units.contains(unit) { entry.units.append(unit) }
      skipped[file, default: [:]][reason] = entry
    }

    /// One note per file: how many rows were left out and why, naming up to eight units.
    func skipNotes() -> [String] {
      skippedOrder.map { file in
        let reasons = skipped[file]!.sorted { $0.value.rows > $1.value.rows }.map { reason, entry in
          let units = entry.units.prefix(8).joined(separator: ", ") + (entry.units.count > 8 ? ", …" : "")
          return "\(entry.rows) \(reason)" + (units.isEmpty ? "" : " (\(units))")
        }
        return "\(file): left out \(reasons.joined(separator: "; "))."
      }
    }

    /// Records a row's key and throws when an earlier line had it: `what` names the row, `field`
    /// the column the error points at. Each file checks its own codes before a row is kept or left
    /// out (so a row listed twice is refused either way), and the resolved state-year after (two
    /// codes for one state).
    static func once(
      _ key: String, in seen: inout [String: Int], line: Int, _ f: FieldReader, _ field: String, _ what: String
    ) throws(ImportError) {
      if let earlier = seen.updateValue(line, forKey: key) {
        throw f.error(line, field, "\(what) is also on line \(earlier)")
      }
    }

    /// The state a COW code names in a year, if the state was in the registry that year.
    mutating func countryYear(
      cow code: Int, year: Int, _ f: FieldReader, _ line: Int, column: String
    ) throws(ImportError) -> StateID? {
      let id = try resolver.require(code: code, in: .cowNumeric, year: year, file: f.file, line: line, column: column)
      guard let state = registry[id], state.exists(between: Day.startOf(year: year), and: Day.endOf(year: year)) else {
        return nil
      }
      return id
    }

    // MARK: - Regime measures

    mutating func readVDem(_ url: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var seen: [String: Int] = [:], units: [String: Int] = [:]
      try CSVReader(path: url.path).forEachRow(requiring: PoliticsImporter.requiredColumns[0]) {
        header, record in
        let f = FieldReader(header)
        summary.rowsRead += 1
        let line = record.line
        let year = try f.int(record, "year", in: 1789...2100)
        let unit = try f.required(record, "country_text_id")
        try Self.once("\(unit)|\(year)", in: &units, line: line, f, "country_text_id", "\(unit) in \(year)")
        // Every value is checked, also on rows left out below.
        var values: [(index: String, value: Double, low: Double, high: Double)] = []
        for index in PoliticsImporter.vdemIndices {
          guard let value = try Self.share(record, f, "v2x_\(index)") else { continue }
          let low = try Self.share(record, f, "v2x_\(index)_codelow"), high = try Self.share(record, f, "v2x_\(index)_codehigh")
          guard let low, let high, low <= value, value <= high else {
            throw f.error(
              line, "v2x_\(index)_codelow",
              "the credible interval \(low.map { "\($0)" } ?? "(empty)")–\(high.map { "\($0)" } ?? "(empty)") does not hold the value \(value)")
          }
          values.append((index, value, low, high))
        }
        guard let code = try f.optionalInt(record, "vdem_cowcode", in: 1...999) else {
          skip(f.file, "rows without a COW code (units that are not states)", unit: f.text(record, "country_text_id"))
          return
        }
        guard let state = try countryYear(cow: code, year: year, f, line, column: "vdem_cowcode") else {
          skip(
            f.file, "country-years outside their state's years in Dyad's registry (colonies, units before independence)",
            unit: f.text(record, "country_text_id"))
          return
        }
        try Self.once("\(state)|\(year)", in: &seen, line: line, f, "vdem_cowcode", "\(state) in \(year)")
        for (index, value, low, high) in values {
          try sink.insert(
            RegimeMeasureRow(
              dataset: PoliticsDataset.vdem.rawValue, measure: index, stateID: state, year: year, value: value, low: low,
              high: high))
          part.rows += 1
          part.cover(year)
        }
      }
      return part
    }

    /// A V-Dem index value, 0–1, or `nil` when empty.
    static func share(_ record: borrowing CSVRecord, _ f: FieldReader, _ column: String) throws(ImportError) -> Double? {
      guard let value = try f.optionalDouble(record, column) else { return nil }
      guard (0...1).contains(value) else {
        throw f.error(record.line, column, .outOfRange(value: String(value), range: "0–1"))
      }
      return value
    }

    mutating func readCOWMeasures(_ url: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var seen: [String: Int] = [:], codes: [String: Int] = [:]
      try CSVReader(path: url.path).forEachRow(requiring: PoliticsImporter.requiredColumns[1]) {
        header, record in
        let f = FieldReader(header)
        summary.rowsRead += 1
        let line = record.line
        let year = try f.int(record, "year", in: 1816...2100)
        let code = try f.int(record, "ccode", in: 1...999)
        try Self.once("\(code)|\(year)", in: &codes, line: line, f, "ccode", "COW \(code) in \(year)")
        guard let state = try countryYear(cow: code, year: year, f, line, column: "ccode") else {
          skip(f.file, "state-years outside their state's years in Dyad's registry")
          return
        }
        try Self.once("\(state)|\(year)", in: &seen, line: line, f, "ccode", "\(state) in \(year)")
        for (column, measure, range) in PoliticsImporter.cowMeasures {
          guard let value = try f.optionalDouble(record, column) else { continue }
          guard range.contains(value) else {
            throw f.error(line, column, .outOfRange(value: String(value), range: "\(range.lowerBound)–\(range.upperBound)"))
          }
          try sink.insert(
            RegimeMeasureRow(
              dataset: PoliticsDataset.vdemCOW.rawValue, measure: measure, stateID: state, year: year, value: value,
              low: nil, high: nil))
          part.rows += 1
          part.cover(year)
        }
      }
      return part
    }

    mutating func readFreedomHouse(_ url: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var seen: [String: Int] = [:], countries: [String: Int] = [:]
      try CSVReader(path: url.path).forEachRow(requiring: PoliticsImporter.requiredColumns[2]) {
        header, record in
        let f = FieldReader(header)
        summary.rowsRead += 1
        let line = record.line
        let year = try f.int(record, "year", in: 1972...2100)
        let country = try f.required(record, "fh_country")
        try Self.once("\(country)|\(year)", in: &countries, line: line, f, "fh_country", "\(country) in \(year)")
        let pr = try f.int(record, "pr", in: 1...7), cl = try f.int(record, "cl", in: 1...7)
        let status = f.text(record, "status")
        guard ["F", "PF", "NF"].contains(status) else {
          throw f.error(line, "status", .invalid(value: status, expected: "F, PF or NF"))
        }
        guard try f.int(record, "fh_total", in: 2...14) == pr + cl else {
          throw f.error(line, "fh_total", "is not pr + cl (\(pr) + \(cl))")
        }
        guard let code = try f.optionalInt(record, "cown", in: 1...999) else {
          skip(f.file, "rows of territories Freedom House rates that are not states", unit: f.text(record, "fh_country"))
          return
        }
        guard let state = try countryYear(cow: code, year: year, f, line, column: "cown") else {
          skip(f.file, "country-years outside their state's years in Dyad's registry")
          return
        }
        try Self.once("\(state)|\(year)", in: &seen, line: line, f, "cown", "\(state) in \(year)")
        try sink.insert(FreedomHouseRow(stateID: state, year: year, politicalRights: pr, civilLiberties: cl, status: status))
        part.rows += 1
        part.cover(year)
      }
      return part
    }

    // MARK: - Leaders

    mutating func readREIGN(_ url: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var seen: [String: Int] = [:]
      try CSVReader(path: url.path).forEachRow(
        requiring: PoliticsImporter.requiredColumns[3]
      ) { header, record in
        let f = FieldReader(header)
        summary.rowsRead += 1
        let line = record.line
        let year = try f.int(record, "syear", in: 1800...2100)
        let month = try f.int(record, "smonth", in: 1...12)
        let day = try f.int(record, "sdate", in: 1...31)
        guard let from = Day(year: year, month: month, day: day) else {
          throw f.error(line, "sdate", .invalid(value: "\(year)-\(month)-\(day)", expected: "a day of the month"))
        }
        let code = try f.int(record, "ccode", in: 1...999)
        let name = try f.required(record, "leader")
        // REIGN's leadid is not unique (one id stands for three spells): a spell is its state,
        // leader and first day.
        try Self.once("\(code)|\(name)|\(from)", in: &seen, line: line, f, "leader", "\(name)'s spell from \(from) (COW \(code))")
        let state = try resolver.require(code: code, in: .cowNumeric, year: year, file: f.file, line: line, column: "ccode")
        var to: Day?
        if let endYear = try f.optionalInt(record, "eyear", in: 1800...2100) {
          let endMonth = try f.int(record, "emonth", in: 1...12)
          to = Day(year: endYear, month: endMonth, day: 1)
          guard to! >= Day(year: year, month: month, day: 1)! else {
            throw f.error(line, "eyear", "the spell ends (\(endYear)-\(endMonth)) before it starts (\(from))")
          }
        } else if !f.text(record, "emonth").isEmpty {
          throw f.error(line, "eyear", .empty(expected: "the end year beside the end month"))
        }
        guard from <= PoliticsImporter.reignAsOf else {
          throw f.error(line, "syear", "\(from) is after the list's date (\(PoliticsImporter.reignAsOf))")
        }
        let spell = LeaderSpell(
          dataset: .reign, state: state, name: name, from: from, to: to,
          toPrecision: .month, asOf: to == nil ? PoliticsImporter.reignAsOf : nil,
          birthYear: try f.optionalInt(record, "birthyear", in: -99...2100).flatMap { $0 == -99 ? nil : $0 })
        try sink.insert(LeaderSpellRow(dataset: "politics", line: line, spell, sourceID: nil))
        part.rows += 1
        part.cover(year)
        part.cover((to ?? PoliticsImporter.reignAsOf).year)
      }
      return part
    }

    mutating func readArchigos(_ url: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var seen: [String: Int] = [:]
      try CSVReader(path: url.path).forEachRow(
        requiring: PoliticsImporter.requiredColumns[4]
      ) { header, record in
        let f = FieldReader(header)
        summary.rowsRead += 1
        let line = record.line
        let id = try f.required(record, "obsid")
        try Self.once(id, in: &seen, line: line, f, "obsid", "the spell \(id)")
        let from = try Self.day(record, f, "startdate"), end = try Self.day(record, f, "enddate")
        guard from <= end else { throw f.error(line, "enddate", "is before the start date (\(from))") }
        guard end <= PoliticsImporter.archigosAsOf else {
          throw f.error(line, "enddate", "\(end) is after Archigos 4.1's end (\(PoliticsImporter.archigosAsOf))")
        }
        let code = try f.int(record, "gwcode", in: 1...999)
        var state: StateID?
        for year in [from.year, end.year] where state == nil {
          state = resolver.state(code: code, in: .gwNumeric, year: year)
            ?? PoliticsImporter.gwFallbacks[code].flatMap { resolver.state($0, inYear: year) }
        }
        guard let state else {
          throw f.error(line, "gwcode", "GW code \(code) names no state in \(from.year)–\(end.year) in Dyad's state registry")
        }
        let exit = f.text(record, "exit")
        let stillInOffice = exit == "Still in Office"
        let spell = LeaderSpell(
          dataset: .archigos, state: state, name: try f.required(record, "leader"), from: from,
          to: stillInOffice ? nil : end, asOf: stillInOffice ? end : nil,
          birthYear: try f.optionalInt(record, "yrborn", in: -99...2100).flatMap { $0 == -99 ? nil : $0 }, entry: f.text(record, "entry"),
          exit: exit.isEmpty ? nil : exit)
        try sink.insert(LeaderSpellRow(dataset: "politics", line: line, spell, sourceID: nil))
        part.rows += 1
        part.cover(from.year)
        part.cover(end.year)
      }
      return part
    }

    /// A full date, `YYYY-MM-DD`.
    static func day(_ record: borrowing CSVRecord, _ f: FieldReader, _ column: String) throws(ImportError) -> Day {
      let text = try f.required(record, column)
      guard Day.precision(of: text) == .day, let value = try? Day(parsing: text) else {
        throw f.error(record.line, column, .invalid(value: text, expected: "a date YYYY-MM-DD"))
      }
      return value
    }

    // MARK: - Population

    /// The age groups WPP publishes, by their first age: `0-4` … `95-99`, `100+`.
    static let ageGroups: [String: Int] = {
      var groups = ["100+": 100]
      for start in stride(from: 0, to: 100, by: 5) { groups["\(start)-\(start + 4)"] = start }
      return groups
    }()

    /// The state an M49 or ISO 3 code names today, or `nil` for a region, income group or a
    /// territory the registry does not hold.
    mutating func today(_ query: String) -> StateID? {
      resolver.state(query, on: Day.today)
        ?? (try? registry.resolve(query)).map(\.id)
    }

    mutating func readPopulation(estimates: URL, projections: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var states: [Int: StateID?] = [:]
      struct Key: Hashable {
        let state: StateID, year: Int, variant: String
      }
      var groups: [Key: (line: Int, file: String, ages: Set<Int>)] = [:]
      for (url, isProjection) in [(estimates, false), (projections, true)] {
        var rows: [String: Int] = [:]
        let required = PoliticsImporter.requiredColumns[isProjection ? 6 : 5]
        try CSVReader(path: url.path).forEachRow(requiring: required) { header, record in
          let f = FieldReader(header)
          summary.rowsRead += 1
          let line = record.line
          let code = try f.int(record, "country_code", in: 1...9999)
          let year = try f.int(record, "year", in: 1950...2100)
          let age = f.text(record, "age")
          try Self.once("\(code)|\(year)|\(age)", in: &rows, line: line, f, "age", "M49 \(code) \(year), ages \(age),")
          guard year % 5 == 0, isProjection ? year >= 2025 : year <= 2020 else {
            throw f.error(
              line, "year",
              "\(year) is not a five-yearly \(isProjection ? "projection year (2025, 2030, …)" : "estimate year (…, 2015, 2020)")")
          }
          let state: StateID?
          if let known = states[code] {
            state = known
          } else {
            state = code >= 900 ? nil : today("m49:\(code)")
            states[code] = .some(state)
          }
          guard let state else {
            if code >= 900 {
              skip(f.file, "rows of regions and income groups (codes 900 and above)")
            } else {
              skip(f.file, "rows of areas Dyad's registry does not hold", unit: "M49 \(code)")
            }
            return
          }
          guard let ageFrom = Self.ageGroups[age] else {
            throw f.error(line, "age", .invalid(value: age, expected: "a five-year group 0-4 … 95-99 or 100+"))
          }
          let variants: [(String, String)] =
            isProjection ? [("medium", ""), ("low", "_low"), ("high", "_high")] : [("estimate", "")]
          for (variant, suffix) in variants {
            let male = try Self.thousands(record, f, "popM\(suffix)"), female = try Self.thousands(record, f, "popF\(suffix)")
            let total = try Self.thousands(record, f, "pop\(suffix)")
            guard abs(male + female - total) <= 0.01 else {
              throw f.error(line, "pop\(suffix)", "is not popM\(suffix) + popF\(suffix) (\(male) + \(female) ≠ \(total))")
            }
            let key = Key(state: state, year: year, variant: variant)
            var entry = groups[key] ?? (line, f.file, [])
            guard entry.ages.insert(ageFrom).inserted else {
              throw f.error(line, "age", "\(state) (M49 \(code)) \(year) \(variant) lists the group \(age) twice")
            }
            groups[key] = entry
            try sink.insert(
              PopulationAgeRow(
                stateID: state, year: year, variant: variant, ageFrom: ageFrom, ageGroup: age, male: male, female: female,
                total: total))
            part.rows += 1
          }
          part.cover(year)
        }
      }
      for (key, entry) in groups where entry.ages.count != Self.ageGroups.count {
        throw ImportError(
          file: entry.file, line: entry.line, field: "age",
          message: "\(key.state) \(key.year) (\(key.variant)) has \(entry.ages.count) of the \(Self.ageGroups.count) age groups")
      }
      return part
    }

    /// A population in thousands: a number, not negative.
    static func thousands(_ record: borrowing CSVRecord, _ f: FieldReader, _ column: String) throws(ImportError) -> Double {
      guard let value = try f.optionalDouble(record, column) else {
        throw f.error(record.line, column, .empty(expected: "a population in thousands"))
      }
      guard value >= 0, value < 10_000_000 else {
        throw f.error(record.line, column, .outOfRange(value: String(value), range: "0–10,000,000 thousand"))
      }
      return value
    }

    mutating func readMedianAge(_ url: URL, summary: inout ImportSummary) throws -> Part {
      var part = Part()
      var states: [String: StateID?] = [:]
      var seen: [String: Int] = [:], areas: [String: Int] = [:]
      try CSVReader(path: url.path).forEachRow(requiring: PoliticsImporter.requiredColumns[7]) { header, record in
        let f = FieldReader(header)
        summary.rowsRead += 1
        let line = record.line
        let geo = try f.required(record, "geo")
        let year = try f.int(record, "time", in: 1950...2100)
        try Self.once("\(geo)|\(year)", in: &areas, line: line, f, "geo", "\(geo) in \(year)")
        let state: StateID?
        if let known = states[geo] {
          state = known
        } else {
          state = geo.count == 3 ? today("iso3:\(geo.uppercased())") : nil
          states[geo] = .some(state)
        }
        guard let state else {
          skip(f.file, "rows of areas Dyad's registry does not hold", unit: geo)
          return
        }
        guard let years = try f.optionalDouble(record, "median_age_years") else { return }
        guard years > 0, years < 100 else {
          throw f.error(line, "median_age_years", .outOfRange(value: String(years), range: "0–100"))
        }
        try Self.once("\(state)|\(year)", in: &seen, line: line, f, "geo", "\(state) in \(year) (\(geo))")
        try sink.insert(
          MedianAgeRow(stateID: state, year: year, years: years, projected: year > PoliticsImporter.wppLastEstimateYear))
        part.rows += 1
        part.cover(year)
      }
      return part
    }
  }
}
