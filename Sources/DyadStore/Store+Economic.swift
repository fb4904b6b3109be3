import DyadAnalysis
import DyadCore
import Foundation
import GRDB

/// A state-year of GDP and population estimates, as levels (the store keeps the published logs).
public struct GDPEstimate: Hashable, Sendable, Codable {
  public let year: Int
  /// GDP in 2011 international dollars.
  public let gdp: Double?
  public let population: Double?
  /// Surplus domestic product, 2011 international dollars.
  public let surplusDomesticProduct: Double?
  /// GDP per capita, 2011 international dollars.
  public let gdpPerCapita: Double?
}

/// Where a state's partners can be listed from: the years of each series.
public struct TradePartnerYears: Hashable, Sendable, Codable {
  /// Years with COW partner ranks for the state.
  public let cow: [Int]
  /// Years the state reports both its exports and its imports to the IMF by partner.
  public let imf: [Int]
  /// Years of the state's IMF exports table (`imf-dots-all`) with a value for a partner state.
  public let imfExports: [Int]

  /// The latest year with data in any series.
  public var latest: Int? { [cow.last, imf.last, imfExports.last].compactMap { $0 }.max() }
}

extension Store {
  // MARK: Entry points for reports

  /// The economic ties of two states over some years: every series' figures, the derived
  /// indicators, the gaps between sources, where each series ends and the answer sentence.
  ///
  /// Directed figures are named from `a`'s side. Datasets missing from the store are listed in
  /// ``TradeProfile/missingDatasets`` with the command that imports each.
  public func tradeProfile(of a: StateID, with b: StateID, years: YearRange? = nil) throws -> TradeProfile {
    let inputs = try tradeInputs(between: a, and: b)
    let registry = self.registry
    return TradeProfile(inputs: inputs, years: years) { id, year in registry[id]?.name(inYear: year) ?? id.rawValue }
  }

  /// ``tradeProfile(of:with:years:)`` with the dyad's first state as `a`.
  public func tradeProfile(for dyad: Dyad, years: YearRange? = nil) throws -> TradeProfile {
    try tradeProfile(of: dyad.first, with: dyad.second, years: years)
  }

  /// Everything the store holds on the trade of two states, for ``TradeProfile``.
  public func tradeInputs(between a: StateID, and b: StateID) throws -> TradeInputs {
    let dyad = try Dyad(a, b)
    let official = try reportedTrade(for: dyad)
    return try read { db in
      var inputs = TradeInputs(a: a, b: b, official: official)
      if let (source, coverage) = try Self.datasetSource("cow-trade", db) {
        inputs.cowSource = source
        inputs.cowCoverage = coverage
        inputs.cow = try Self.cowTrade(dyad, db).map { item in
          let aIsFirst = a == dyad.first
          return TradeInputs.COWYear(
            year: item.year,
            aImportsFromB: aIsFirst ? item.firstImportsFromSecond : item.secondImportsFromFirst,
            bImportsFromA: aIsFirst ? item.secondImportsFromFirst : item.firstImportsFromSecond,
            rankOfBForA: aIsFirst ? item.rankOfSecondForFirst : item.rankOfFirstForSecond,
            rankOfAForB: aIsFirst ? item.rankOfFirstForSecond : item.rankOfSecondForFirst)
        }
        for state in [a, b] {
          var totals: [Int: TradeInputs.NationalTotals] = [:]
          for item in try Self.cowTradeTotals(state, db) {
            totals[item.year] = TradeInputs.NationalTotals(
              imports: item.imports, exports: item.exports, partnersRanked: item.partnersRanked)
          }
          inputs.cowTotals[state] = totals
        }
      }
      if let (source, _) = try Self.datasetSource("imf-dots", db) {
        inputs.imfSource = source
        inputs.imf = try Self.imfTrade([a, b], db)
      }
      if let (source, _) = try Self.datasetSource("imf-dots-all", db) {
        inputs.imfExportSource = source
        inputs.imfExports = try Self.imfExports([a, b], db)
        inputs.imfExportYears = try Self.imfExportYears([a, b], db)
      }
      if let (source, _) = try Self.datasetSource("cow-gdp-pop", db) {
        inputs.gdpSource = source
        for state in [a, b] {
          var levels: [Int: Double] = [:]
          for item in try Self.gdpEstimates(state, db) { levels[item.year] = item.gdp }
          inputs.gdp[state] = levels
        }
      }
      return inputs
    }
  }

  /// A state's trading partners in a year, by rank: from COW Trade when it has the year, else from
  /// the state's IMF reports (both flows), else from the IMF exports tables. `nil` when no series
  /// has the state in that year.
  ///
  /// - Parameters:
  ///   - year: the year; by default the latest year any series has.
  ///   - source: `.cowTrade`, `.imfDots` or `.imfDotsExports` to choose the series.
  public func tradePartners(
    of state: StateID, year: Int? = nil, source: TradeSource.Kind? = nil
  ) throws -> TradePartners? {
    let available = try tradePartnerYears(of: state)
    let series: [(TradeSource.Kind, [Int])] = [
      (.cowTrade, available.cow), (.imfDots, available.imf), (.imfDotsExports, available.imfExports),
    ]
    let chosenKind: TradeSource.Kind
    let chosen: Int
    if let source {
      guard let years = series.first(where: { $0.0 == source })?.1, let y = year ?? years.last else { return nil }
      (chosenKind, chosen) = (source, y)
    } else if let year {
      guard let kind = series.first(where: { $0.1.contains(year) })?.0 else { return nil }
      (chosenKind, chosen) = (kind, year)
    } else {
      guard let latest = available.latest, let kind = series.first(where: { $0.1.last == latest })?.0 else {
        return nil
      }
      (chosenKind, chosen) = (kind, latest)
    }
    return try read { db in
      switch chosenKind {
      case .imfDots:
        guard let (citation, _) = try Self.datasetSource("imf-dots", db) else { return nil }
        let flows = try Self.imfTrade([state], db).filter { $0.year == chosen }
        guard !flows.isEmpty else { return nil }
        return TradePartners.imf(state: state, year: chosen, citation: citation, flows: flows)
      case .imfDotsExports:
        guard let (citation, _) = try Self.datasetSource("imf-dots-all", db) else { return nil }
        let exports = try Self.imfExports([state], db).filter { $0.year == chosen }
        guard !exports.isEmpty else { return nil }
        let mirrored = try Self.imfExports(toPartner: state, year: chosen, db)
        return TradePartners.imfExports(
          state: state, year: chosen, citation: citation, exports: exports, partnerExports: mirrored)
      case .official:
        return nil
      case .cowTrade:
        break
      }
      guard let (citation, _) = try Self.datasetSource("cow-trade", db) else { return nil }
      let totals = try Self.cowTradeTotals(state, db).first { $0.year == chosen }
      var partners: [TradePartners.COWPartner] = []
      // The state's own row holds its dyads with later ids; earlier rows hold the others.
      for row in try Row.fetchAll(
        db, sql: "SELECT state, dyads FROM \(COWTradeRow.tableName) WHERE state <= ? ORDER BY state",
        arguments: [state.rawValue])
      {
        let first = StateID(row["state"] as String)
        let pack: Data = row["dyads"]
        if first == state {
          for (partner, item) in try COWTradeSeries.decodePack(pack, year: chosen) where item.hasData {
            partners.append(
              TradePartners.COWPartner(
                partner: partner, importsFromPartner: item.firstImportsFromSecond,
                partnerImports: item.secondImportsFromFirst, rank: item.rankOfSecondForFirst))
          }
        } else if let series = try COWTradeSeries.decodePack(pack, partner: state),
          let item = series.first(where: { $0.year == chosen }), item.hasData
        {
          partners.append(
            TradePartners.COWPartner(
              partner: first, importsFromPartner: item.secondImportsFromFirst,
              partnerImports: item.firstImportsFromSecond, rank: item.rankOfFirstForSecond))
        }
      }
      guard !partners.isEmpty else { return nil }
      return TradePartners.cow(
        state: state, year: chosen, citation: citation,
        totals: totals.map {
          TradeInputs.NationalTotals(imports: $0.imports, exports: $0.exports, partnersRanked: $0.partnersRanked)
        }, partners: partners)
    }
  }

  /// The years for which a state's partners can be listed from each series.
  public func tradePartnerYears(of state: StateID) throws -> TradePartnerYears {
    try read { db in
      let cow = try Self.cowTradeTotals(state, db).filter { $0.partnersRanked > 0 }.map(\.year)
      // Years in which partners can be ranked: both directions reported for some partner state.
      let imf = try Int.fetchAll(
        db,
        sql: """
          SELECT year FROM \(IMFDOTSRow.tableName) WHERE reporter = ? AND partner_kind = 'state' AND value IS NOT NULL
          GROUP BY year HAVING count(DISTINCT flow) = 2 ORDER BY year
          """, arguments: [state.rawValue])
      let exports = try Int.fetchAll(
        db,
        sql: """
          SELECT DISTINCT year FROM \(IMFExportRow.tableName) WHERE reporter = ? AND partner_kind = 'state' ORDER BY year
          """, arguments: [state.rawValue])
      return TradePartnerYears(cow: cow, imf: imf, imfExports: exports)
    }
  }

  // MARK: Stored series

  /// The COW trade series of a dyad, oriented to its first and second state, one record per year
  /// from its first to its last year with data (a year without a row has no values).
  public func cowTrade(for dyad: Dyad) throws -> [COWTradeSeries.DyadYear] {
    try read { db in try Self.cowTrade(dyad, db) }
  }

  /// A state's COW national trade totals and the number of partners ranked, by year.
  public func cowTradeTotals(of state: StateID) throws -> [COWTradeSeries.StateYear] {
    try read { db in try Self.cowTradeTotals(state, db) }
  }

  /// Every IMF flow a state reports, with all its partners.
  public func imfTrade(reportedBy reporter: StateID) throws -> [TradeInputs.IMFFlow] {
    try read { db in try Self.imfTrade([reporter], db) }
  }

  /// IMF partner names that name no state in the registry (territories such as Guam), with the
  /// reporter; aggregates such as "World" are not among them.
  public func imfUnresolvedPartners() throws -> [String] {
    try read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT DISTINCT partner_name FROM \(IMFDOTSRow.tableName) WHERE partner_kind = 'unresolved' ORDER BY partner_name"
      )
    }
  }

  /// The COW codes of GDP rows that name no state in the registry, with their years.
  public func gdpUnmatchedCodes() throws -> [(code: Int, years: YearRange)] {
    try read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT ccode, min(year) AS f, max(year) AS t FROM \(GDPPopulationRow.tableName) WHERE state IS NULL GROUP BY ccode ORDER BY ccode"
      ).compactMap { row in (try? YearRange(from: row["f"], to: row["t"])).map { (row["ccode"], $0) } }
    }
  }

  /// A state's GDP and population estimates, as levels, by year.
  public func gdpEstimates(of state: StateID) throws -> [GDPEstimate] {
    try read { db in try Self.gdpEstimates(state, db) }
  }

  // MARK: Queries inside a read

  static func datasetSource(_ name: String, _ db: Database) throws -> (Source, YearRange?)? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT d.coverage_from, d.coverage_to, s.publisher, s.title AS source_title, s.date AS source_date,
                 s.url, s.licence
          FROM \(DatasetRow.tableName) d JOIN \(SourceRow.tableName) s ON s.id = d.source_id WHERE d.name = ?
          """, arguments: [name])
    else { return nil }
    let from: Int? = row["coverage_from"], to: Int? = row["coverage_to"]
    return (source(row), from.flatMap { f in to.flatMap { try? YearRange(from: f, to: $0) } })
  }

  static func cowTrade(_ dyad: Dyad, _ db: Database) throws -> [COWTradeSeries.DyadYear] {
    guard
      let pack = try Data.fetchOne(
        db, sql: "SELECT dyads FROM \(COWTradeRow.tableName) WHERE state = ?", arguments: [dyad.first.rawValue])
    else { return [] }
    return try COWTradeSeries.decodePack(pack, partner: dyad.second) ?? []
  }

  static func cowTradeTotals(_ state: StateID, _ db: Database) throws -> [COWTradeSeries.StateYear] {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT totals_first_year, totals FROM \(COWTradeRow.tableName) WHERE state = ?",
        arguments: [state.rawValue]),
      let first = row["totals_first_year"] as Int?
    else { return [] }
    return try COWTradeSeries.decodeState(row["totals"], firstYear: first)
  }

  static func imfTrade(_ reporters: [StateID], _ db: Database) throws -> [TradeInputs.IMFFlow] {
    let marks = reporters.map { _ in "?" }.joined(separator: ", ")
    return try Row.fetchAll(
      db,
      sql: """
        SELECT reporter, partner_name, partner, partner_kind, flow, year, value FROM \(IMFDOTSRow.tableName)
        WHERE reporter IN (\(marks)) ORDER BY reporter, year, partner_name, flow
        """, arguments: StatementArguments(reporters.map(\.rawValue))
    ).map { row in
      TradeInputs.IMFFlow(
        reporter: StateID(row["reporter"] as String), partnerName: row["partner_name"],
        partner: (row["partner"] as String?).map(StateID.init(rawValue:)),
        partnerKind: TradeInputs.IMFFlow.PartnerKind(rawValue: row["partner_kind"]) ?? .unresolved,
        direction: row["flow"] == "exports" ? .exports : .imports, year: row["year"], value: row["value"])
    }
  }

  static func imfExports(_ reporters: [StateID], _ db: Database) throws -> [TradeInputs.IMFExport] {
    let marks = reporters.map { _ in "?" }.joined(separator: ", ")
    return try imfExports(
      where: "reporter IN (\(marks)) ORDER BY reporter, year, partner_name",
      StatementArguments(reporters.map(\.rawValue)), db)
  }

  /// What every reporter's exports table gives for its exports to one state in a year (the state's
  /// imports, mirrored).
  static func imfExports(toPartner partner: StateID, year: Int, _ db: Database) throws -> [TradeInputs.IMFExport] {
    try imfExports(where: "partner = ? AND year = ? ORDER BY reporter, partner_name", [partner.rawValue, year], db)
  }

  /// The exports-table values a condition selects.
  private static func imfExports(where condition: String, _ arguments: StatementArguments, _ db: Database) throws
    -> [TradeInputs.IMFExport]
  {
    try Row.fetchAll(
      db,
      sql: """
        SELECT reporter, partner_name, partner, partner_kind, year, value, status FROM \(IMFExportRow.tableName)
        WHERE \(condition)
        """, arguments: arguments
    ).map { row in
      TradeInputs.IMFExport(
        reporter: StateID(row["reporter"] as String), partnerName: row["partner_name"],
        partner: (row["partner"] as String?).map(StateID.init(rawValue:)),
        partnerKind: TradeInputs.IMFFlow.PartnerKind(rawValue: row["partner_kind"]) ?? .unresolved, year: row["year"],
        value: row["value"], status: ObservationStatus(rawValue: row["status"]) ?? .observed)
    }
  }

  /// The years each reporter's exports tables cover.
  static func imfExportYears(_ reporters: [StateID], _ db: Database) throws -> [StateID: Set<Int>] {
    let marks = reporters.map { _ in "?" }.joined(separator: ", ")
    var years: [StateID: Set<Int>] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT reporter, first_year, last_year FROM \(IMFExportTableRow.tableName) WHERE reporter IN (\(marks))",
      arguments: StatementArguments(reporters.map(\.rawValue)))
    {
      let first: Int = row["first_year"], last: Int = row["last_year"]
      years[StateID(row["reporter"] as String), default: []].formUnion(first...last)
    }
    return years
  }

  static func gdpEstimates(_ state: StateID, _ db: Database) throws -> [GDPEstimate] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT year, ln_gdp, ln_population, ln_sdp, ln_gdp_per_capita FROM \(GDPPopulationRow.tableName)
        WHERE state = ? ORDER BY year
        """, arguments: [state.rawValue]
    ).map { row in
      func level(_ column: String) -> Double? { (row[column] as Double?).map { Foundation.exp($0) } }
      return GDPEstimate(
        year: row["year"], gdp: level("ln_gdp"), population: level("ln_population"),
        surplusDomesticProduct: level("ln_sdp"), gdpPerCapita: level("ln_gdp_per_capita"))
    }
  }
}
