import DyadCore

// The economic tables: COW Trade 4.0 packed by state, IMF Direction of Trade flows, and
// GDP/population estimates. Missing values are NULL, never zero.

/// A state's COW trade: its national totals and the packed series of the dyads it is the first
/// (smaller id) state of (see ``COWTradeSeries``).
public struct COWTradeRow: StoreRecord {
  public static let tableName = "cow_trade"
  public enum Column: Int, StoreColumn { case state, totalsFirstYear, totals, dyads }
  public var state: StateID
  public var totalsFirstYear: Int?
  public var totals: [UInt8]
  public var dyads: [UInt8]

  public init(state: StateID, totalsFirstYear: Int?, totals: [UInt8], dyads: [UInt8]) {
    (self.state, self.totalsFirstYear, self.totals, self.dyads) = (state, totalsFirstYear, totals, dyads)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.state] = state
    row[.totalsFirstYear] = totalsFirstYear
    row[.totals] = totals
    row[.dyads] = dyads
  }
}

/// A reporter's exports to or imports from a partner in a year, as the IMF gives it.
public struct IMFDOTSRow: StoreRecord {
  public static let tableName = "imf_dots"
  public enum Column: Int, StoreColumn {
    case reporter, partnerName, partner, partnerKind, flow, valuation, year, value, status
  }
  /// What a partner name stands for.
  public enum PartnerKind: String, Sendable, Codable, CaseIterable { case state, aggregate, unresolved }
  public var reporter: StateID
  public var partnerName: String
  /// The partner state; `nil` for aggregates and names that are no state in the registry.
  public var partner: StateID?
  public var partnerKind: PartnerKind
  /// `exports` or `imports`.
  public var flow: String
  /// `fob` or `cif`.
  public var valuation: String
  public var year: Int
  /// Current US$ millions; `nil` is missing (status `missing`), never zero.
  public var value: Double?

  public init(
    reporter: StateID, partnerName: String, partner: StateID?, partnerKind: PartnerKind, flow: String,
    valuation: String, year: Int, value: Double?
  ) {
    self.reporter = reporter
    self.partnerName = partnerName
    self.partner = partner
    self.partnerKind = partnerKind
    self.flow = flow
    self.valuation = valuation
    self.year = year
    self.value = value
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.reporter] = reporter
    row[.partnerName] = partnerName
    row[.partner] = partner
    row[.partnerKind] = partnerKind.rawValue
    row[.flow] = flow
    row[.valuation] = valuation
    row[.year] = year
    row[.value] = value
    row[.status] = (value == nil ? ObservationStatus.missing : .observed).rawValue
  }
}

/// A COW state-year's GDP, population, surplus domestic product and GDP per capita, as natural
/// logarithms; `state` is `nil` for a code that names no state in the registry.
public struct GDPPopulationRow: StoreRecord {
  public static let tableName = "gdp_population"
  public enum Column: Int, StoreColumn { case ccode, year, state, lnGDP, lnPopulation, lnSDP, lnGDPPerCapita }
  public var ccode: Int
  public var year: Int
  public var state: StateID?
  /// ln GDP, ln population, ln SDP and ln GDP per capita, in that order; `nil` where missing.
  public var values: [Double?]

  public init(ccode: Int, year: Int, state: StateID?, values: [Double?]) {
    precondition(values.count == 4, "four values: ln GDP, ln population, ln SDP, ln GDP per capita")
    (self.ccode, self.year, self.state, self.values) = (ccode, year, state, values)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.ccode] = ccode
    row[.year] = year
    row[.state] = state
    row[.lnGDP] = values[0]
    row[.lnPopulation] = values[1]
    row[.lnSDP] = values[2]
    row[.lnGDPPerCapita] = values[3]
  }
}

/// One cell of an IMF Direction of Trade exports table (`imf-dots-all`): what a reporter says it
/// exported to one partner in one year, FOB, current US$ millions.
///
/// Only cells that hold a value are rows: a year inside the reporter's table (``IMFExportTableRow``)
/// without a row for a partner is missing, never zero. A value IMF flags `e` has status
/// `estimated`.
public struct IMFExportRow: StoreRecord {
  public static let tableName = "imf_dots_exports"
  public enum Column: Int, StoreColumn { case reporter, partnerName, partner, partnerKind, year, value, status }
  public var reporter: StateID
  public var partnerName: String
  /// The partner state; `nil` for aggregates and names that are no state in the registry.
  public var partner: StateID?
  public var partnerKind: IMFDOTSRow.PartnerKind
  public var year: Int
  public var value: Double
  /// `observed`, or `estimated` where IMF flags the value `e`.
  public var status: ObservationStatus

  public init(
    reporter: StateID, partnerName: String, partner: StateID?, partnerKind: IMFDOTSRow.PartnerKind, year: Int,
    value: Double, status: ObservationStatus
  ) {
    (self.reporter, self.partnerName, self.partner, self.partnerKind) = (reporter, partnerName, partner, partnerKind)
    (self.year, self.value, self.status) = (year, value, status)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.reporter] = reporter
    row[.partnerName] = partnerName
    row[.partner] = partner
    row[.partnerKind] = partnerKind.rawValue
    row[.year] = year
    row[.value] = value
    row[.status] = status.rawValue
  }
}

/// The span of years one reporter's IMF exports table covers for one state: which workbook it came
/// from, the reporter's name in it, its years and how many partners it lists. A year in that span
/// with no value for a partner is missing; a year outside it is not covered. A table whose reporter
/// name means two states over its years ("Germany": West Germany to 1990) gives a span for each.
public struct IMFExportTableRow: StoreRecord {
  public static let tableName = "imf_dots_export_table"
  public enum Column: Int, StoreColumn { case reporter, reporterName, file, firstYear, lastYear, partners }
  public var reporter: StateID
  /// The reporter as IMF names it ("China, P.R.: Mainland", "USSR").
  public var reporterName: String
  public var file: String
  public var firstYear: Int
  public var lastYear: Int
  public var partners: Int

  public init(reporter: StateID, reporterName: String, file: String, firstYear: Int, lastYear: Int, partners: Int) {
    (self.reporter, self.reporterName, self.file) = (reporter, reporterName, file)
    (self.firstYear, self.lastYear, self.partners) = (firstYear, lastYear, partners)
  }

  public func encode(to row: RowEncoder<Column>) {
    row[.reporter] = reporter
    row[.reporterName] = reporterName
    row[.file] = file
    row[.firstYear] = firstYear
    row[.lastYear] = lastYear
    row[.partners] = partners
  }
}
