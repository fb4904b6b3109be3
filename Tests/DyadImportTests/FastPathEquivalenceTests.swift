import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// The fast COW trade import (the multi-threaded byte scanner, the radix-sorted ranking and the
/// packed series) against a plain reference written here: split the lines, split the fields,
/// read the flows, rank each state's partners by total trade with a sort. Generated files with
/// the quirks real files have — CRLF, blank lines, quoted fields (which send the import to the
/// general CSV reader), missing flows written empty, `NA` or −9, decimals, ties — must import to
/// exactly the reference's flows and ranks, year by year, for every dyad.
@Suite("Fast paths agree with a plain reader")
struct FastPathEquivalenceTests {
  typealias Generator = SplitMix64

  enum Quirk: String, CaseIterable, Sendable {
    case plain, crlf, blankLines, quoted, large
  }

  /// COW codes of states that exist 1995–2004 (none changed form then); the large file adds more.
  static let codes = [2, 20, 200, 220, 255, 325, 365, 710, 732, 740, 750, 770]
  static let moreCodes = [210, 211, 230, 235, 290, 640, 630, 652, 666, 900, 920, 140, 160, 375, 380, 390]
  static func codes(_ quirk: Quirk) -> [Int] { quirk == .large ? codes + moreCodes : codes }

  /// One generated file: its text, and the flows the reference reader finds in it.
  struct Generated {
    var text = "ccode1,ccode2,year,flow1,flow2,smoothflow1,version\n"
    /// (ccode1, ccode2, year) → (flow1, flow2), as written.
    var rows: [[Int]: (Double?, Double?)] = [:]
  }

  static func generate(_ quirk: Quirk, seed: UInt64) -> Generated {
    var random = Generator(state: seed)
    var generated = Generated()
    let end = quirk == .crlf ? "\r\n" : "\n"
    generated.text = generated.text.replacingOccurrences(of: "\n", with: end)
    let years = quirk == .large ? Array(1870...2004) : Array(1995...2004)
    func flow() -> (text: String, value: Double?) {
      switch Int.random(in: 0..<10, using: &random) {
      case 0: return ("", nil)
      case 1: return ("NA", nil)
      case 2: return ("-9", nil)
      case 3: return ("0", 0)
      case 4: return ("100", 100)  // ties between partners
      case 5:
        let cents = Int.random(in: 1...99_999, using: &random)
        return (
          "\(cents / 100).\(String(format: "%02d", cents % 100))",
          Double("\(cents / 100).\(String(format: "%02d", cents % 100))")
        )
      default:
        let whole = Int.random(in: 1...50_000, using: &random)
        return ("\(whole)", Double(whole))
      }
    }
    let codes = codes(quirk)
    for year in years {
      for (i, a) in codes.enumerated() {
        for b in codes[(i + 1)...] where Int.random(in: 0..<4, using: &random) != 0 {
          let (text1, value1) = flow(), (text2, value2) = flow()
          // Either order of the pair, as nondirected files list them.
          let swap = Bool.random(using: &random)
          let (c1, c2, t1, t2, v1, v2) =
            swap ? (b, a, text2, text1, value2, value1) : (a, b, text1, text2, value1, value2)
          var fields = ["\(c1)", "\(c2)", "\(year)", t1, t2, t1, "4.0"]
          if quirk == .quoted && Int.random(in: 0..<3, using: &random) == 0 { fields[3] = "\"\(t1)\"" }
          generated.text += fields.joined(separator: ",") + end
          if quirk == .blankLines && Int.random(in: 0..<20, using: &random) == 0 { generated.text += end }
          generated.rows[[c1, c2, year]] = (v1, v2)
        }
      }
    }
    return generated
  }

  /// The reference ranks: each state's partners with both flows reported, by total trade, largest
  /// first, tied totals sharing the better rank ("1224").
  static func referenceRanks(_ generated: Generated) -> [[Int]: Int] {
    var totals: [[Int]: [(partner: Int, total: Double)]] = [:]  // [state, year]
    for (key, flows) in generated.rows {
      guard let f1 = flows.0, let f2 = flows.1 else { continue }
      totals[[key[0], key[2]], default: []].append((key[1], f1 + f2))
      totals[[key[1], key[2]], default: []].append((key[0], f1 + f2))
    }
    var ranks: [[Int]: Int] = [:]  // [state, partner, year] → rank of partner for state
    for (key, partners) in totals {
      let sorted = partners.sorted { $0.total > $1.total }
      for partner in partners {
        ranks[[key[0], partner.partner, key[1]]] = 1 + sorted.filter { $0.total > partner.total }.count
      }
    }
    return ranks
  }

  @Test("COW trade: the fast import equals the plain reference", arguments: Quirk.allCases)
  func cowTrade(_ quirk: Quirk) throws {
    let generated = Self.generate(quirk, seed: 0xD7AD + UInt64(quirk.rawValue.count))
    if quirk == .large { #expect(generated.text.utf8.count > 1 << 20) }  // split between threads
    let folder = try TemporaryFolder("dyad-fast")
    try folder.write("cow/cow_trade_dyadic_nondirected.csv", generated.text)
    try folder.write("cow/cow_trade_state_year.csv", "ccode,year,imports,exports\n2,2000,1,1\n")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = try #require(DatasetCatalog.importers["cow-trade"])
    _ = try store.importDataset(importer, files: try importer.inputFiles(at: folder.url.appendingPathComponent("cow")))

    let registry = store.registry
    func id(_ code: Int) throws -> StateID { try registry.resolve(code: "\(code)", in: .cowNumeric).id }
    let ranks = Self.referenceRanks(generated)
    var compared = 0
    let codes = Self.codes(quirk)
    for (i, a) in codes.enumerated() {
      for b in codes[(i + 1)...] {
        let inputs = try store.tradeInputs(between: try id(a), and: try id(b))
        let stored = Dictionary(uniqueKeysWithValues: inputs.cow.map { ($0.year, $0) })
        for year in Set(generated.rows.keys.filter { Set([$0[0], $0[1]]) == [a, b] }.map { $0[2] }) {
          // The reference, oriented a → b whichever order the file gave.
          let (aFromB, bFromA) = generated.rows[[a, b, year]] ?? generated.rows[[b, a, year]].map { ($0.1, $0.0) }!
          let row = stored[year]
          #expect(row?.aImportsFromB == aFromB, "\(quirk) \(a)–\(b) \(year) flow1")
          #expect(row?.bImportsFromA == bFromA, "\(quirk) \(a)–\(b) \(year) flow2")
          #expect(row?.rankOfBForA == ranks[[a, b, year]], "\(quirk) \(a)–\(b) \(year) rank of b for a")
          #expect(row?.rankOfAForB == ranks[[b, a, year]], "\(quirk) \(a)–\(b) \(year) rank of a for b")
          compared += 1
        }
      }
    }
    #expect(compared == generated.rows.count)
  }
}
