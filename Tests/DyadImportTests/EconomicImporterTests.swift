import DyadCore
import DyadData
import DyadFast
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadImport

@Suite("Economic importers")
struct EconomicImporterTests {
  static let dyadicHeader = "ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2\n"
  static let stateHeader = "ccode,year,imports,exports\n"
  /// The state-year file the tests use when their own totals do not matter: one row (USA 1999),
  /// since a file with a header and no rows is refused (it would empty the totals).
  static let stateFile = stateHeader + "2,1999,1,1\n"

  static func context() throws -> ImportContext { ImportContext(registry: try StateRegistry.standard()) }

  /// Writes a COW trade folder and imports it into a recording sink.
  static func importCOW(dyadic: String, states: String = stateFile, folder: TemporaryFolder) throws
    -> (RecordingSink, ImportSummary)
  {
    let importer = COWTradeImporter()
    try folder.write("cow/cow_trade_dyadic_nondirected.csv", dyadicHeader + dyadic)
    try folder.write("cow/cow_trade_state_year.csv", states)
    let files = try importer.inputFiles(at: folder.url.appendingPathComponent("cow"))
    let sink = RecordingSink()
    let summary = try importer.read(files, into: sink, context: try context())
    return (sink, summary)
  }

  /// A COW dyadic file with lone-CR line ends (old Mac software) reads as its LF twin does, through
  /// the general reader (the fast scanner splits lines on LF only).
  @Test func loneCarriageReturnLineEndsReadAsLineFeeds() throws {
    let rows = "2,20,1999,10,20,,\n2,365,1999,5,6,,\n20,365,1999,1,2,,\n"
    let lf = try TemporaryFolder("cow-lf")
    let (expected, expectedSummary) = try Self.importCOW(dyadic: rows, folder: lf)
    let cr = try TemporaryFolder("cow-cr")
    try cr.write(
      "cow/cow_trade_dyadic_nondirected.csv", (Self.dyadicHeader + rows).replacingOccurrences(of: "\n", with: "\r"))
    try cr.write("cow/cow_trade_state_year.csv", Self.stateFile.replacingOccurrences(of: "\n", with: "\r"))
    let importer = COWTradeImporter()
    let sink = RecordingSink()
    let summary = try importer.read(
      try importer.inputFiles(at: cr.url.appendingPathComponent("cow")), into: sink, context: try Self.context())
    #expect(summary == expectedSummary)
    #expect(summary.rowsRead == 3 + 1)  // three dyad-years and the state-year file's one row
    #expect(sink.table("cow_trade") == expected.table("cow_trade"))
    // Russia (the smaller id, first) imported 6 from the United States (flow2), which imported 5.
    let russiaUSA = try #require(try Self.dyad(sink, "RUS", "USA").first)
    #expect(russiaUSA.year == 1999)
    #expect(russiaUSA.firstImportsFromSecond == 6 && russiaUSA.secondImportsFromFirst == 5)
  }

  static func dyad(_ sink: RecordingSink, _ a: String, _ b: String) throws -> [COWTradeSeries.DyadYear] {
    let row = try #require(sink.table("cow_trade").first { $0["state"]?.text == a })
    let pack = Data(try #require(row["dyads"]?.bytes))
    return try #require(try COWTradeSeries.decodePack(pack, partner: StateID(b)))
  }

  static func totals(_ sink: RecordingSink, _ state: String, _ year: Int) throws -> COWTradeSeries.StateYear? {
    let row = try #require(sink.table("cow_trade").first { $0["state"]?.text == state })
    let first = try #require(row["totals_first_year"]?.int)
    return try COWTradeSeries.decodeState(Data(try #require(row["totals"]?.bytes)), firstYear: first)
      .first { $0.year == year }
  }

  @Test func missingFlowsAreMissingAndLowerNoRank() throws {
    let folder = try TemporaryFolder()
    // USA(2)–Canada(20) 300, USA–China(710) with Chinese imports NA, USA–Russia(365) 30,
    // Canada–Russia with Canadian imports −9, Russia–China with Russian imports empty.
    let (sink, summary) = try Self.importCOW(
      dyadic: """
        2,20,2000,100,200,100,200
        2,710,2000,50,NA,50,NA
        2,365,2000,10,20,10,20
        20,365,2000,-9,5,-9,5
        365,710,2000,,7,,7
        365,710,2001,3,4,3,4
        2,20,2001,1.5,2.25,1.5,2.25

        """,
      states: Self.stateHeader + "2,2000,1000,800\n710,2000,NA,\n365,2000,-9,50\n", folder: folder)
    #expect(summary.rowsRead == 10)
    #expect(summary.coverage == (try YearRange(from: 2000, to: 2001)))

    // CHN < USA: the dyad's first state is China; flow1 of 2–710 is US imports from China.
    let chinaUS = try Self.dyad(sink, "CHN", "USA")
    #expect(chinaUS.count == 1)
    #expect(chinaUS[0].firstImportsFromSecond == nil)
    #expect(chinaUS[0].secondImportsFromFirst == 50)
    #expect(chinaUS[0].rankOfFirstForSecond == nil && chinaUS[0].rankOfSecondForFirst == nil)

    // The United States' partners in 2000: Canada 300 first, Russia 30 second; China, with a
    // missing flow, is unranked and does not push Russia down.
    let canadaUS = try Self.dyad(sink, "CAN", "USA")
    #expect(canadaUS.map(\.firstImportsFromSecond) == [200, 2.25])
    #expect(canadaUS.map(\.secondImportsFromFirst) == [100, 1.5])
    #expect(canadaUS[0].rankOfFirstForSecond == 1)
    let russiaUS = try Self.dyad(sink, "RUS", "USA")
    #expect(russiaUS[0].rankOfFirstForSecond == 2)
    #expect(russiaUS[0].rankOfSecondForFirst == 1)  // the US is Russia's only ranked partner

    let canadaRussia = try Self.dyad(sink, "CAN", "RUS")
    #expect(canadaRussia[0].firstImportsFromSecond == nil)  // −9
    #expect(canadaRussia[0].secondImportsFromFirst == 5)

    let chinaRussia = try Self.dyad(sink, "CHN", "RUS")
    #expect(chinaRussia.map(\.year) == [2000, 2001])
    #expect(chinaRussia[0].secondImportsFromFirst == nil)  // empty
    #expect(chinaRussia[0].firstImportsFromSecond == 7)
    #expect(chinaRussia[1].secondImportsFromFirst == 3 && chinaRussia[1].firstImportsFromSecond == 4)

    // National totals: missing stays missing; partners ranked counted per state-year.
    #expect(
      try Self.totals(sink, "USA", 2000)
        == COWTradeSeries.StateYear(year: 2000, imports: 1000, exports: 800, partnersRanked: 2))
    #expect(
      try Self.totals(sink, "RUS", 2000)
        == COWTradeSeries.StateYear(year: 2000, imports: nil, exports: 50, partnersRanked: 1))
    #expect(
      try Self.totals(sink, "CHN", 2000)
        == COWTradeSeries.StateYear(year: 2000, imports: nil, exports: nil, partnersRanked: 0))
  }

  @Test func stateTotalsInAnyOrderAreKeptByYearOnce() throws {
    let folder = try TemporaryFolder()
    // Russia's years out of order with a gap, the US between them, a state-year repeated with
    // the same totals.
    let states = Self.stateHeader + "365,2002,30,40\n2,2000,1000,800\n365,2000,10,NA\n365,2002,30,40\n"
    let (sink, summary) = try Self.importCOW(dyadic: "2,365,2000,1,2,,\n", states: states, folder: folder)
    #expect(summary.rowsRead == 5)
    #expect(summary.rowsWritten == 1 + 3)  // one dyad-year, three state-years
    typealias Year = COWTradeSeries.StateYear
    #expect(try Self.totals(sink, "RUS", 2000) == Year(year: 2000, imports: 10, exports: nil, partnersRanked: 1))
    #expect(try Self.totals(sink, "RUS", 2001) == Year(year: 2001, imports: nil, exports: nil, partnersRanked: 0))
    #expect(try Self.totals(sink, "RUS", 2002) == Year(year: 2002, imports: 30, exports: 40, partnersRanked: 0))
    #expect(try Self.totals(sink, "USA", 2000) == Year(year: 2000, imports: 1000, exports: 800, partnersRanked: 1))

    let other = try TemporaryFolder()
    #expect(
      throws: ImportError(
        file: "cow_trade_state_year.csv", line: 4, field: "ccode",
        message: "RUS 2002 is listed with other totals on line 2")
    ) {
      _ = try Self.importCOW(
        dyadic: "2,365,2000,1,2,,\n", states: Self.stateHeader + "365,2002,30,40\n2,2000,1,1\n365,2002,31,40\n",
        folder: other)
    }
  }

  @Test func quotedCRLFAndBOMFilesReadTheSame() throws {
    let plain = "2,20,2000,100,200,,\n710,365,2000,NA,7.5,,\n"
    let folder = try TemporaryFolder()
    let (expected, _) = try Self.importCOW(dyadic: plain, folder: folder)
    for variant in [
      plain.replacingOccurrences(of: "\n", with: "\r\n"),
      "\"2\",\"20\",2000,\"100\",200,,\n710,365,2000,\"NA\",7.5,,\n",  // quoted: read by CSVReader
      plain + "\n\n",  // blank lines at the end
    ] {
      let other = try TemporaryFolder()
      let (sink, summary) = try Self.importCOW(dyadic: variant, folder: other)
      #expect(summary.rowsRead == 2 + 1)  // and the one state-year row
      for (a, b) in [("CAN", "USA"), ("CHN", "RUS")] {
        #expect(try Self.dyad(sink, a, b) == (try Self.dyad(expected, a, b)), "\(variant.debugDescription)")
      }
    }
    // A byte-order mark before the header.
    let bom = try TemporaryFolder()
    try bom.write("cow/cow_trade_dyadic_nondirected.csv", "\u{FEFF}" + Self.dyadicHeader + plain)
    try bom.write("cow/cow_trade_state_year.csv", Self.stateFile)
    let importer = COWTradeImporter()
    let sink = RecordingSink()
    _ = try importer.read(
      try importer.inputFiles(at: bom.url.appendingPathComponent("cow")), into: sink, context: try Self.context())
    #expect(try Self.dyad(sink, "CHN", "RUS") == (try Self.dyad(expected, "CHN", "RUS")))
  }

  @Test func aDirectedFileNeedsMatchingMirrorRows() throws {
    let folder = try TemporaryFolder()
    let (sink, _) = try Self.importCOW(
      dyadic: "710,365,2014,42807.0,51135.0,,\n365,710,2014,51135.0,42807.0,,\n", folder: folder)
    let series = try Self.dyad(sink, "CHN", "RUS")
    #expect(series.count == 1)
    #expect(series[0].firstImportsFromSecond == 42807 && series[0].secondImportsFromFirst == 51135)
    // The mirror row is left out of the ranking too: one partner each, ranked first.
    #expect(series[0].rankOfSecondForFirst == 1 && series[0].rankOfFirstForSecond == 1)
    #expect(try Self.totals(sink, "CHN", 2014)?.partnersRanked == 1)
    #expect(try Self.totals(sink, "RUS", 2014)?.partnersRanked == 1)

    let other = try TemporaryFolder()
    #expect(
      throws: ImportError(
        file: "cow_trade_dyadic_nondirected.csv", line: 3, field: "flow1",
        message: "CHN–RUS 2014 is listed with other flows on line 2")
    ) {
      _ = try Self.importCOW(dyadic: "710,365,2014,42807.0,51135.0,,\n365,710,2014,51135.0,1.0,,\n", folder: other)
    }
  }

  @Test(arguments: [
    ("2,20,2000,abc,1,,\n", 2, "flow1"),
    ("2,20,2000,1,-5,,\n", 2, "flow2"),
    ("2,20,2000,1,2,,\n2,999,2000,1,2,,\n", 3, "ccode2"),
    ("2,2,2000,1,2,,\n", 2, "ccode2"),
    ("2,20,20x0,1,2,,\n", 2, "year"),
    ("2,20,1650,1,2,,\n", 2, "year"),
  ])
  func badRowsAreRejectedWithLineAndField(rows: String, line: Int, field: String) throws {
    let folder = try TemporaryFolder()
    do {
      _ = try Self.importCOW(dyadic: rows, folder: folder)
      Issue.record("the import should fail")
    } catch let error as ImportError {
      #expect(error.file == "cow_trade_dyadic_nondirected.csv")
      #expect(error.line == line)
      #expect(error.field == field)
    }
  }

  @Test func aMissingColumnIsNamed() throws {
    let folder = try TemporaryFolder()
    let importer = COWTradeImporter()
    try folder.write("cow/cow_trade_dyadic_nondirected.csv", "ccode1,ccode2,year,flow1\n2,20,2000,1\n")
    try folder.write("cow/cow_trade_state_year.csv", Self.stateFile)
    let files = try importer.inputFiles(at: folder.url.appendingPathComponent("cow"))
    #expect(throws: ImportError.self) { try importer.read(files, into: RecordingSink(), context: try Self.context()) }
    do {
      _ = try importer.read(files, into: RecordingSink(), context: try Self.context())
    } catch let error as ImportError {
      #expect(error.field == "flow2")
      #expect(error.line == 1)
    }
  }

  /// Varints of every length, at and around each boundary, are plain LEB128: seven bits a byte,
  /// lowest first, the top bit set on every byte but the last.
  @Test func varintsAreLEB128() {
    var values: [UInt64] = [
      0, 1, 0x7F, 0x80, 300, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, 0xFFF_FFFF, 0x1000_0000, UInt64.max,
    ]
    for bits in 1..<64 { values += [(1 << bits) - 1, 1 << bits, (1 << bits) + 1] }
    for value in values {
      var expected: [UInt8] = []
      var n = value
      repeat {
        expected.append(UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
        n >>= 7
      } while n > 0
      var buffer = [UInt8](repeating: 0xEE, count: 32)
      let written = buffer.withUnsafeMutableBufferPointer { buffer in
        var cursor = PackCursor(pointer: buffer.baseAddress!)
        cursor.varint(value)
        return buffer.baseAddress!.distance(to: cursor.pointer)
      }
      #expect(Array(buffer[0..<written]) == expected, "\(value)")
    }
  }

  @Test func packsRoundTrip() throws {
    let whole = COWTradeSeries.Dyad(
      partner: "RUS",
      years: [
        .init(
          year: 1990, firstImportsFromSecond: 0, secondImportsFromFirst: nil, rankOfSecondForFirst: nil,
          rankOfFirstForSecond: 7),
        .init(
          year: 1991, firstImportsFromSecond: 123_456, secondImportsFromFirst: 1e12, rankOfSecondForFirst: 1,
          rankOfFirstForSecond: 65_535),
      ])
    let fractional = COWTradeSeries.Dyad(
      partner: "USA",
      years: [
        .init(
          year: 2014, firstImportsFromSecond: 0.1, secondImportsFromFirst: 342.0299987792969, rankOfSecondForFirst: 3,
          rankOfFirstForSecond: nil)
      ])
    let bytes = COWTradeSeries.encodePack([whole, fractional])
    #expect(try COWTradeSeries.decodePack(Data(bytes)) == [whole, fractional])
    #expect(try COWTradeSeries.decodePack(Data(bytes), partner: "USA") == fractional.years)
    #expect(try COWTradeSeries.decodePack(Data(bytes), partner: "CHN") == nil)
    let year = try COWTradeSeries.decodePack(Data(bytes), year: 1991)
    #expect(year.count == 1 && year[0].partner == "RUS" && year[0].year == whole.years[1])
    #expect(try COWTradeSeries.decodePack(Data()) == [])
    #expect(throws: CorruptSeriesError.self) { try COWTradeSeries.decodePack(Data(bytes.dropLast())) }
    #expect(throws: CorruptSeriesError.self) { try COWTradeSeries.decodeState(Data([1, 2, 3]), firstYear: 2000) }
  }

  /// The value of `flow1` in a one-row file, as stored.
  static func flow1(_ text: String) throws -> Double? {
    let folder = try TemporaryFolder()
    let (sink, _) = try importCOW(dyadic: "2,20,2000,\(text),1,,\n", folder: folder)
    // CAN < USA: flow1 of 2–20 is US imports from Canada, the dyad's second state's imports.
    return try dyad(sink, "CAN", "USA").first?.secondImportsFromFirst
  }

  @Test(arguments: [
    ("612.0", 612.0), ("0.1", 0.1), ("42807", 42807), ("1e3", 1000), ("0.0185", 0.0185),
    ("12345678901234567890", 12345678901234567890), ("342.0299987792969", 342.0299987792969), (".5", 0.5),
    ("5.", 5), ("0.000001", 0.000001), ("123456789012345.6", 123456789012345.6), ("007", 7),
  ])
  func amountsParseExactly(text: String, value: Double) throws {
    #expect(try Self.flow1(text) == value)
    #expect(value == Double(text))
  }

  @Test(arguments: ["", "NA", "NaN", ".", "-9", "-9.0", "-9.00"])
  func missingAmounts(text: String) throws {
    #expect(try Self.flow1(text) == nil)
  }

  @Test(arguments: ["-", "1.2.3", "12a", "inf", "0x10", "--1", "-0.5", "1 5"])
  func invalidAmounts(text: String) throws {
    do {
      _ = try Self.flow1(text)
      Issue.record("'\(text)' should be rejected")
    } catch let error as ImportError {
      #expect(error.field == "flow1" && error.line == 2)
    }
  }

  @Test func largeFilesAreScannedOnSeveralThreadsWithTheSameResult() throws {
    // Over 1 MB, the scanner splits the body between threads; a bad row's line is still counted
    // from the top of the file, and every row lands in its dyad.
    let codes = try StateRegistry.standard().states.values.compactMap { $0.codes[.cowNumeric].flatMap(Int.init) }
      .filter { $0 != 365 }.sorted().prefix(150)
    var text = ""
    var line = 1
    for year in 1870...2014 {
      for code in codes {
        text += "\(code),365,\(year),\(code).0,\(year - 1800).0,1234567.000,7654321.000\n"
        line += 1
      }
    }
    #expect(text.utf8.count > 1 << 20)
    let folder = try TemporaryFolder()
    let (sink, summary) = try Self.importCOW(dyadic: text, folder: folder)
    #expect(summary.rowsRead == codes.count * 145 + 1)  // and the one state-year row
    let usaRussia = try Self.dyad(sink, "RUS", "USA")
    #expect(usaRussia.count == 145)
    #expect(
      usaRussia.allSatisfy { $0.secondImportsFromFirst == 2 && $0.firstImportsFromSecond == Double($0.year - 1800) })
    do {
      _ = try Self.importCOW(dyadic: text + "2,20,2014,1,bad,,\n", folder: folder)
      Issue.record("the import should fail")
    } catch let error as ImportError {
      #expect(error.line == line + 1)
      #expect(error.field == "flow2")
    }
  }

  @Test func aDyadSplitBetweenThreadsIsOneDyadAndLinesCountBlankLines() throws {
    // Rows grouped by dyad, as in COW's files: the split between threads falls inside a dyad's
    // run of years. A blank line in the first half shifts every later line by one.
    // Codes that name one state only, so that each code is one dyad with Russia in every year.
    let holders = Dictionary(
      grouping: try StateRegistry.standard().states.values.compactMap { state in
        state.codes[.cowNumeric].flatMap(Int.init).map { ($0, state.id) }
      }, by: \.0)
    let codes = holders.filter { $0.value.count == 1 && $0.key != 365 }.keys.sorted().prefix(150)
    var lines = [String]()
    var runs: [(code: Int, end: Int)] = []  // each code's last byte
    var bytes = Self.dyadicHeader.utf8.count
    for code in codes {
      for year in 1870...2014 {
        lines.append("\(code),365,\(year),\(year - 1800).0,1.0,1234567890.000,7654321.000")
        bytes += lines.last!.utf8.count + 1
      }
      if code == codes[codes.startIndex + 10] {
        lines.append("")
        bytes += 1
      }
      runs.append((code, bytes))
    }
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.utf8.count > 1 << 20)
    let folder = try TemporaryFolder()
    let (sink, summary) = try Self.importCOW(dyadic: text, folder: folder)
    #expect(summary.rowsRead == codes.count * 145 + 1)  // and the one state-year row
    // The dyad whose run holds the middle byte straddles the split between two threads.
    let middle = try #require(runs.first { $0.end > bytes / 2 }).code
    let state = try #require(holders[middle]?.first?.1)
    let (a, b) = state.rawValue < "RUS" ? (state.rawValue, "RUS") : ("RUS", state.rawValue)
    let series = try Self.dyad(sink, a, b)
    #expect(series.map(\.year) == Array(1870...2014))
    let imports = series.map { a == "RUS" ? $0.secondImportsFromFirst : $0.firstImportsFromSecond }
    #expect(imports == (1870...2014).map { Double($0 - 1800) })
    // A mirror row of the first dyad-year with other flows, after everything: its line counts
    // the header and the blank line; the message names the first row's line, 2.
    let first = codes[codes.startIndex]
    do {
      _ = try Self.importCOW(dyadic: text + "365,\(first),1870,5.0,5.0,,\n", folder: folder)
      Issue.record("the import should fail")
    } catch let error as ImportError {
      #expect(error.line == lines.count + 2)
      #expect(error.field == "flow1")
      #expect(error.message.hasSuffix("is listed with other flows on line 2"))
    }
  }

  // MARK: IMF

  static let imfHeader = "reporter,partner,partner_is_aggregate,flow,year,value_usd_millions\n"

  static func importIMF(_ rows: String, folder: TemporaryFolder) throws -> (RecordingSink, ImportSummary) {
    let file = try folder.write("russia_dots_by_partner_long.csv", imfHeader + rows)
    let sink = RecordingSink()
    let summary = try IMFDirectionOfTradeImporter().read([file], into: sink, context: try context())
    return (sink, summary)
  }

  @Test func imfPartnersResolvedByNameWithAggregatesSetApart() throws {
    let folder = try TemporaryFolder()
    let (sink, summary) = try Self.importIMF(
      """
      Russian Federation,"China, P.R.: Mainland",0,exports_fob,2021,68422.666053
      Russian Federation,World,1,exports_fob,2021,492048.058908
      Russian Federation,Euro Area,0,exports_fob,2021,1.5
      Russian Federation,Atlantis Free Port,0,exports_fob,2021,2
      Russian Federation,"China, P.R.: Mainland",0,exports_fob,2021,68422.666053
      Russian Federation,"China, P.R.: Mainland",0,imports_cif,2021,NA
      Russian Federation,Germany,0,imports_cif,2021,

      """, folder: folder)
    #expect(summary.rowsRead == 7)
    #expect(summary.rowsWritten == 6)  // the identical repeat is skipped
    let rows = sink.table("imf_dots")
    func row(_ name: String, _ flow: String) -> [String: SQLValue]? {
      rows.first { $0["partner_name"]?.text == name && $0["flow"]?.text == flow }
    }
    let china = try #require(row("China, P.R.: Mainland", "exports"))
    #expect(china["reporter"]?.text == "RUS")
    #expect(china["partner"]?.text == "CHN")
    #expect(china["value"]?.real == 68422.666053)
    #expect(china["valuation"]?.text == "fob")
    #expect(row("World", "exports")?["partner_kind"]?.text == "aggregate")
    #expect(row("Euro Area", "exports")?["partner_kind"]?.text == "aggregate")  // not flagged in the file
    #expect(row("Atlantis Free Port", "exports")?["partner_kind"]?.text == "unresolved")
    #expect(row("Atlantis Free Port", "exports")?["partner"] == .null)
    let missing = try #require(row("China, P.R.: Mainland", "imports"))
    #expect(missing["value"] == .null)
    #expect(missing["status"]?.text == "missing")
    #expect(row("Germany", "imports")?["status"]?.text == "missing")
    #expect(IMFPartnerNames.isAggregate("EURO AREA") && !IMFPartnerNames.isAggregate("Euro"))
  }

  @Test(arguments: [
    ("Russian Federation,Germany,0,exports,2021,1\n", 2, "flow"),
    ("Russian Federation,Germany,0,exports_fob,2021,-1\n", 2, "value_usd_millions"),
    ("Russian Federation,Germany,0,exports_fob,2021,lots\n", 2, "value_usd_millions"),
    ("Narnia,Germany,0,exports_fob,2021,1\n", 2, "reporter"),
    (
      "Russian Federation,Germany,0,exports_fob,2021,1\nRussian Federation,Germany,0,exports_fob,2021,2\n", 3,
      "value_usd_millions"
    ),
    ("Russian Federation,Germany,2,exports_fob,2021,1\n", 2, "partner_is_aggregate"),
  ])
  func badIMFRowsAreRejected(rows: String, line: Int, field: String) throws {
    let folder = try TemporaryFolder()
    do {
      _ = try Self.importIMF(rows, folder: folder)
      Issue.record("the import should fail")
    } catch let error as ImportError {
      #expect(error.line == line)
      #expect(error.field == field)
    }
  }

  // MARK: GDP

  @Test func gdpKeepsLogsAndCodesOutsideTheRegistry() throws {
    let folder = try TemporaryFolder()
    let header = "ccode,year,wbgdp2011est,wbpopest,sdpest,wbgdppc2011est\n"
    let file = try folder.write(
      "cow_sdp_gdp.csv",
      header
        + "2,1800,22.962753010562913,15.456134972434276,22.04237283553601,7.5071675170120775\n564,1860,20.1,12,19,8.1\n710,1950,NA,,1,2\n"
    )
    let sink = RecordingSink()
    let summary = try COWGDPPopulationImporter().read([file], into: sink, context: try Self.context())
    #expect(summary.rowsWritten == 3)
    let rows = sink.table("gdp_population")
    #expect(rows[0]["state"]?.text == "USA")
    #expect(rows[0]["ln_gdp"]?.real == 22.962753010562913)
    #expect(rows[1]["ccode"]?.int == 564)
    #expect(rows[1]["state"] == .null)  // Orange Free State is not in the registry: kept under its code
    #expect(rows[2]["state"]?.text == "CHN")
    #expect(rows[2]["ln_gdp"] == .null && rows[2]["ln_population"] == .null)

    let levels = try folder.write("levels.csv", header + "2,1800,9400000000,15,22,7\n")
    #expect(throws: ImportError.self) {
      try COWGDPPopulationImporter().read([levels], into: RecordingSink(), context: try Self.context())
    }
    let twice = try folder.write("twice.csv", header + "2,1800,22,15,22,7\n2,1800,22,15,22,7\n")
    do {
      _ = try COWGDPPopulationImporter().read([twice], into: RecordingSink(), context: try Self.context())
      Issue.record("a repeated state-year should fail")
    } catch let error as ImportError {
      #expect(error.line == 3)
    }
  }
}
