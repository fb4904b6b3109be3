import DyadCore
import DyadData
import DyadStore
import DyadTestSupport
import Foundation
import GRDB
import Testing

@testable import DyadImport

/// SIPRI's trade register by deal (`sipri_trade_register_deals_1950_2024.csv`), read by
/// ``SIPRIDealRegister`` as part of `sipri-transfers`: every deal kept, names resolved in the
/// year of order, the delivered TIV split evenly over the delivery years as a labelled estimate,
/// and every bad field named by file, line and column.
///
/// The expected figures were computed from the raw file by this script, independently of Dyad
/// (the four lines holding only the TIV of the deal above are merged into it):
///
/// ```python
/// import csv, collections
/// rows = list(csv.reader(open('sipri_trade_register_deals_1950_2024.csv', encoding='utf-8-sig')))[1:]
/// deals = []
/// for r in rows:
///     if r[0] == '':
///         deals[-1][13:16] = r[1:4]; continue
///     deals.append(list(r))
/// print(len(deals))                                                     # 29503
/// def est(sups, rec):
///     by = collections.defaultdict(float); n = 0; tot = 0
///     for d in deals:
///         if d[1] in sups and d[0] == rec:
///             n += 1; t = float(d[15]); tot += t
///             ys = d[10].split('; ') if d[10] else []
///             for y in ys: by[int(y)] += t / len(ys)
///     return n, tot, by
/// est(('Russia',), 'China')         # 97 deals, 38156.15; by year 1996 822.3333, 2005 2165.3333
/// est(('Soviet Union',), 'China')   # 84 deals, 32979.84; 1955 1826.8186
/// est(('United States',), 'Israel') # 291 deals, 38133.76; 1973 1952.781, 2005 807.76
/// est(('France',), 'India')         # 63 deals, 9638.31; 2020 727.5777
/// ```
@Suite(
  "SIPRI deal register", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct SIPRIDealRegisterTests {
  let registry = try! StateRegistry.standard()
  static let file = "sipri_trade_register_deals_1950_2024.csv"
  static var url: URL { SharedData.file("sipri-arms-transfers", file) }
  static let header =
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n"
  static let good =
    "China,Russia,1992,,24,,Su-27SK,FGA aircraft,24,?,1992; 1993; 1993,New,Deal worth $1 b,31.5,756,756\n"

  /// The real file read once into a recording sink.
  nonisolated(unsafe) static let imported: Result<RecordingSink, any Error> = Result {
    let sink = RecordingSink()
    _ = try SIPRITransfersImporter().read(
      [url], into: sink, context: ImportContext(registry: try StateRegistry.standard()))
    return sink
  }

  func run(_ text: String) throws -> RecordingSink {
    let folder = try TemporaryFolder("sipri-deals")
    let url = try folder.write("deals.csv", text)
    let sink = RecordingSink()
    _ = try SIPRITransfersImporter().read([url], into: sink, context: ImportContext(registry: registry))
    return sink
  }

  static func text(_ row: [String: SQLValue], _ column: String) -> String? {
    if case .text(let value) = row[column] { return value }
    return nil
  }
  static func real(_ row: [String: SQLValue], _ column: String) -> Double? {
    switch row[column] {
    case .real(let value)?: value
    case .integer(let value)?: Double(value)
    default: nil
    }
  }

  /// The deals of a supplier name to a recipient name, and their delivered TIV.
  static func deals(_ sink: RecordingSink, supplier: String, recipient: String) -> (count: Int, tiv: Double) {
    let rows = sink.table(ArmsDealRow.self).filter {
      text($0, "supplier") == supplier && text($0, "recipient") == recipient
    }
    return (rows.count, rows.reduce(0) { $0 + (real($1, "tiv_delivered") ?? 0) })
  }

  /// The estimated TIV delivered from one state to another in a year.
  static func estimate(_ sink: RecordingSink, _ supplier: StateID, _ recipient: StateID, _ year: Int) -> Double {
    sink.table(ArmsDealYearRow.self).filter {
      text($0, "supplier_id") == supplier.rawValue && text($0, "recipient_id") == recipient.rawValue
        && $0["year"] == .integer(year)
    }.reduce(0) { $0 + (real($1, "tiv") ?? 0) }
  }

  @Test("the real register: every deal kept; Russia → China 97 deals, 38,156.1 TIV; Soviet Union → China 84 (RUS)")
  func realRegister() throws {
    let sink = try Self.imported.get()
    let deals = sink.table(ArmsDealRow.self)
    #expect(deals.count == 29_503)
    let russia = Self.deals(sink, supplier: "Russia", recipient: "China")
    #expect(russia.count == 97)
    #expect(abs(russia.tiv - 38_156.15) < 0.005)
    let soviet = Self.deals(sink, supplier: "Soviet Union", recipient: "China")
    #expect(soviet.count == 84)
    #expect(abs(soviet.tiv - 32_979.84) < 0.005)
    // The Soviet Union is RUS's earlier name: resolved in the year of order.
    let sovietRows = deals.filter {
      Self.text($0, "supplier") == "Soviet Union" && Self.text($0, "recipient") == "China"
    }
    #expect(sovietRows.allSatisfy { $0["supplier_id"] == .text("RUS") && $0["recipient_id"] == .text("CHN") })
    let israel = Self.deals(sink, supplier: "United States", recipient: "Israel")
    #expect(israel.count == 291)
    #expect(abs(israel.tiv - 38_133.76) < 0.005)
    let india = Self.deals(sink, supplier: "France", recipient: "India")
    #expect(india.count == 63)
    #expect(abs(india.tiv - 9_638.31) < 0.005)
    // Flags: line 4 (United States → Afghanistan, M-113) has '?' on the order year, the number
    // ordered and the number delivered; line 2 has none.
    let m113 = try #require(deals.first { $0["line"] == .integer(4) })
    #expect(Self.text(m113, "designation") == "M-113")
    #expect(m113["order_year_uncertain"] == .integer(1) && m113["ordered_uncertain"] == .integer(1))
    #expect(m113["delivered_uncertain"] == .integer(1))
    let first = try #require(deals.first { $0["line"] == .integer(2) })
    #expect(first["order_year_uncertain"] == .integer(0) && first["deal_number"] == .integer(1))
    #expect(Self.text(first, "comments") == "Second-hand; aid" && Self.text(first, "status") == "Second hand")
    // A deal not delivered yet: no delivery years, and a number ordered kept as missing when blank.
    #expect(deals.contains { Self.text($0, "delivery_years") == "" && $0["delivered"] == .integer(0) })
    #expect(deals.contains { $0["ordered"] == .null })
  }

  @Test("the real register: yearly estimates for Russia/Soviet Union → China, United States → Israel, France → India")
  func realEstimates() throws {
    let sink = try Self.imported.get()
    for (supplier, recipient, year, expected) in [
      ("RUS", "CHN", 1955, 1_826.8186), ("RUS", "CHN", 1996, 822.3333), ("RUS", "CHN", 2005, 2_165.3333),
      ("USA", "ISR", 1973, 1_952.781), ("USA", "ISR", 2005, 807.76), ("FRA", "IND", 2020, 727.5777),
    ] as [(StateID, StateID, Int, Double)] {
      let value = Self.estimate(sink, supplier, recipient, year)
      #expect(abs(value - expected) < 0.0005, "\(supplier) → \(recipient) \(year): \(value)")
    }
    // The estimates of a dyad add up to its deals' delivered TIV: nothing lost, nothing doubled.
    let total =
      Self.deals(sink, supplier: "Russia", recipient: "China").tiv
      + Self.deals(sink, supplier: "Soviet Union", recipient: "China").tiv
    let years = (1950...2024).reduce(0.0) { $0 + Self.estimate(sink, "RUS", "CHN", $1) }
    #expect(abs(years - total) < 0.005)
  }

  @Test("the real register: a line holding only the TIV of the deal above is merged into it (Thailand, BTR-3, 2008)")
  func continuationLine() throws {
    let sink = try Self.imported.get()
    // Lines 25156–25157: 14 ordered, 13 delivered at 0.25 each.
    let deal = try #require(sink.table(ArmsDealRow.self).first { $0["line"] == .integer(25_156) })
    #expect(Self.text(deal, "designation") == "BTR-3")
    #expect(deal["tiv_unit"] == .real(0.25) && deal["tiv_order"] == .real(3.5) && deal["tiv_delivered"] == .real(3.25))
    #expect(!sink.table(ArmsDealRow.self).contains { $0["line"] == .integer(25_157) })
  }

  @Test("the split: a four-year deal gives a quarter a year; a year listed twice gets two shares")
  func split() throws {
    let sink = try run(
      Self.header
        + "Afghanistan,United States,2016,,53,,S-70 Black Hawk,transport helicopter,53,?,2017; 2018; 2019; 2020,Second hand but modernized,aid,4.29,227.37,227.37\n"
        + Self.good)
    let years = sink.table(ArmsDealYearRow.self)
    let hawk = years.filter { $0["deal_number"] == .integer(1) }
    #expect(hawk.map { $0["year"] } == [.integer(2017), .integer(2018), .integer(2019), .integer(2020)])
    for row in hawk {
      #expect(abs(Self.real(row, "tiv")! - 227.37 / 4) < 1e-9)
      #expect(row["shares"] == .integer(1) && row["entries"] == .integer(4))
    }
    // 1992; 1993; 1993: a third in 1992, two thirds in 1993.
    let su27 = years.filter { $0["deal_number"] == .integer(2) }
    #expect(su27.count == 2)
    #expect(abs(Self.real(su27[0], "tiv")! - 252) < 1e-9 && abs(Self.real(su27[1], "tiv")! - 504) < 1e-9)
    #expect(su27[1]["shares"] == .integer(2) && su27[1]["entries"] == .integer(3))
    let deal = try #require(sink.table(ArmsDealRow.self).last)
    #expect(Self.text(deal, "delivery_years") == "1992;1993;1993")
    #expect(deal["supplier_id"] == .text("RUS") && deal["recipient_id"] == .text("CHN"))
  }

  /// Runs a one-deal file and returns the error it must raise.
  func failure(_ row: String) throws -> ImportError {
    do {
      _ = try run(Self.header + Self.good + row)
    } catch let error as ImportError {
      return error
    }
    Issue.record("no error for \(row)")
    return ImportError(file: "", message: "")
  }

  @Test("bad input: a non-numeric TIV, an unknown supplier, a malformed delivery-year list name their line and field")
  func badInput() throws {
    let tiv = try failure("China,Russia,1999,,2,,Il-76,transport aircraft,2,,2000,New,,12,24,2x4\n")
    #expect(tiv.file == "deals.csv" && tiv.line == 3 && tiv.field == "SIPRI TIV of delivered weapons")
    #expect(tiv.message.contains("2x4"))
    let supplier = try failure("China,Atlantis,1999,,2,,Il-76,transport aircraft,2,,2000,New,,12,24,24\n")
    #expect(supplier.line == 3 && supplier.field == "Supplier" && supplier.message.contains("Atlantis"))
    for list in ["2000;2001", "2000; 20x1", "2000; ", "2000 2001", "1850"] {
      let error = try failure("China,Russia,1999,,2,,Il-76,transport aircraft,2,,\(list),New,,12,24,24\n")
      #expect(error.line == 3 && error.field == "Year(s) of delivery", "\(list): \(error)")
    }
    let flag = try failure("China,Russia,1999,!,2,,Il-76,transport aircraft,2,,2000,New,,12,24,24\n")
    #expect(flag.line == 3 && flag.field == "? of Year of order")
    let negative = try failure("China,Russia,1999,,2,,Il-76,transport aircraft,2,,2000,New,,-12,24,24\n")
    #expect(negative.line == 3 && negative.field == "SIPRI TIV per unit")
    // An empty recipient that is not the TIV of the deal above.
    let orphan = try failure(",Russia,1999,,2,,Il-76,transport aircraft,2,,2000,New,,12,24,24\n")
    #expect(orphan.line == 3 && orphan.field == "Recipient")
    // A header out of SIPRI's order names the column.
    do {
      _ = try run(Self.header.replacingOccurrences(of: "Year of order, ,", with: "Year of order,?,") + Self.good)
      Issue.record("a wrong header was accepted")
    } catch let error as ImportError {
      #expect(error.line == 1 && error.message.contains("column 4"))
    }
  }

  // MARK: - Fuzz: random mutations of the real file

  typealias Generator = SplitMix64

  /// What a mutation does to one field of one line; all but `.noise` must be refused at that line.
  enum Damage: CaseIterable {
    case letterInTIV, letterInOrderYear, badYearList, badFlag, unknownSupplier, fieldDropped, noise
  }

  /// One line of the file with one field damaged.
  static func damage(_ fields: [String], _ kind: Damage, _ generator: inout Generator) -> (line: String, field: String?)
  {
    var fields = fields
    switch kind {
    case .letterInTIV:
      let column = [13, 14, 15].randomElement(using: &generator)!
      fields[column] = "1.5x"
      return (fields.joined(separator: ","), SIPRIDealRegister.columns[column])
    case .letterInOrderYear:
      fields[2] = "19x5"
      return (fields.joined(separator: ","), "Year of order")
    case .badYearList:
      fields[10] = ["1990;;1991", "1990 1991", "199", "1990;", "x"].randomElement(using: &generator)!
      return (fields.joined(separator: ","), "Year(s) of delivery")
    case .badFlag:
      let column = [3, 5, 9].randomElement(using: &generator)!
      fields[column] = "x"
      return (fields.joined(separator: ","), SIPRIDealRegister.flagNames[column])
    case .unknownSupplier:
      fields[1] = "Atlantis"
      return (fields.joined(separator: ","), "Supplier")
    case .fieldDropped:
      fields.remove(at: Int.random(in: 0..<fields.count, using: &generator))
      return (fields.joined(separator: ","), nil)
    case .noise:
      var bytes = Array(fields.joined(separator: ",").utf8)
      let at = Int.random(in: 0...bytes.count, using: &generator)
      bytes.insert(UInt8.random(in: 0x20...0x7E, using: &generator), at: at)
      return (String(decoding: bytes, as: UTF8.self), nil)
    }
  }

  @Test("fuzz: a mutated real file never crashes, fails with its line and field, and leaves the store as it was")
  func fuzz() throws {
    let folder = try TemporaryFolder("sipri-deals-fuzz")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = SIPRITransfersImporter()
    _ = try store.importDataset(importer, files: [Self.url])
    func state() throws -> [Double] {
      try store.read { db in
        let row = try Row.fetchOne(
          db,
          sql:
            "SELECT COUNT(*) AS n, SUM(tiv_delivered) AS tiv, (SELECT COUNT(*) FROM arms_deal_year) AS years FROM arms_deal"
        )!
        return [Double(row["n"] as Int), row["tiv"] as Double, Double(row["years"] as Int)]
      }
    }
    let before = try state()
    let checksum = try store.recordedChecksum(of: importer.info.name)
    #expect(before[0] == 29_503)
    let lines = try String(contentsOf: Self.url, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    // Deal lines whose fields hold no comma or quote (so splitting on commas gives the fields).
    let candidates = lines.indices.dropFirst().filter { i in
      !lines[i].isEmpty && !lines[i].hasPrefix(",") && !lines[i].contains("\"")
        && lines[i].split(separator: ",", omittingEmptySubsequences: false).count == 16
    }
    var generator = Generator(state: 0x5195_1950)
    for round in 0..<14 {
      let kind = Damage.allCases[round % Damage.allCases.count]
      let index = candidates.randomElement(using: &generator)!
      let fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let (damaged, field) = Self.damage(fields, kind, &generator)
      var mutated = lines
      mutated[index] = damaged
      let url = try folder.write("round\(round)/\(Self.file)", mutated.joined(separator: "\n"))
      let what = "round \(round), \(kind), line \(index + 1): \(damaged)"
      do {
        _ = try store.importDataset(importer, files: [url])
        #expect(kind == .noise, "accepted: \(what)")
        // Noise can be harmless (a letter in a comment): put the real file back.
        _ = try store.importDataset(importer, files: [Self.url])
      } catch let error as ImportLossError {
        #expect(kind == .noise, "\(what): \(error)")
      } catch let error as ImportError {
        #expect(error.file == Self.file, "\(what): \(error)")
        if kind != .noise {
          #expect(error.line == index + 1, "\(what): \(error)")
          if let field { #expect(error.field == field, "\(what): \(error)") }
        }
      }
      #expect(try state() == before, "\(what): the store changed")
      #expect(try store.recordedChecksum(of: importer.info.name) == checksum)
    }
  }
}
