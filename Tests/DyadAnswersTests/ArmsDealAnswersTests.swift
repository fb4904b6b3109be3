import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// `dyad military` (and its API) with `sipri-transfers` imported from both files: SIPRI's observed
/// deliveries by year (2000–2023) and, beside them, Dyad's estimate from the deal register
/// (1950–2024), labelled as one.
///
/// Expected values, from the raw deal file (the four TIV-only lines merged into the deal above):
///
/// ```python
/// import csv, collections
/// rows = list(csv.reader(open('sipri_trade_register_deals_1950_2024.csv', encoding='utf-8-sig')))[1:]
/// deals = []
/// for r in rows:
///     if r[0] == '': deals[-1][13:16] = r[1:4]; continue
///     deals.append(list(r))
/// def by_year(sups, rec):
///     by = collections.defaultdict(float)
///     for d in deals:
///         if d[1] in sups and d[0] == rec and d[10]:
///             ys = d[10].split('; ')
///             for y in ys: by[int(y)] += float(d[15]) / len(ys)
///     return by
/// by_year(('Russia', 'Soviet Union'), 'China')  # 1955 1826.8186, 1996 822.3333, 2000 2928.475
/// by_year(('United States',), 'Israel')         # 1973 1952.781
/// by_year(('France',), 'India')                 # 2020 727.5777
/// ```
/// and from the yearly file: Russia → China delivered 2,205 TIV in 2000.
@Suite(
  "Arms deals in the answers", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ArmsDealAnswersTests {
  static let folder = try! TemporaryFolder("dyad-arms-deals")
  nonisolated(unsafe) static let store: Result<Store, any Error> = Result {
    let store = try Store.open(at: folder.path("store.sqlite"))
    let importer = SIPRITransfersImporter()
    _ = try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder("sipri-arms-transfers")))
    return store
  }

  func answer(_ a: String, _ b: String, from: Int? = nil, to: Int? = nil) throws -> Answer<MilitaryProfile> {
    let store = try Self.store.get()
    let question = try DyadQuestion(
      store.registry.resolve(a), store.registry.resolve(b), from: from, to: to, thisYear: 2024)
    return try MilitaryAnswers.answer(question, store: store)
  }

  /// A column of the answer's table in a year, as a number.
  func value(_ answer: Answer<MilitaryProfile>, _ column: String, _ year: Int) throws -> Double? {
    let table = answer.table
    let c = try #require(table.columns.firstIndex(of: column))
    let row = try #require(table.rows.first { $0[0] == String(year) })
    return row[c].flatMap(Double.init)
  }

  @Test("China–Russia: 1950–2024 by default; the estimate from the deal register beside SIPRI's observed series")
  func chinaRussia() throws {
    let answer = try answer("China", "Russia")
    #expect(answer.years == (try YearRange(from: 1950, to: 2024)))
    // B → A is Russia (and the Soviet Union) → China.
    #expect(abs(try value(answer, "tiv_est_b_to_a", 1955)! - 1_826.8186) < 0.001)
    #expect(abs(try value(answer, "tiv_est_b_to_a", 1996)! - 822.3333) < 0.001)
    #expect(abs(try value(answer, "tiv_est_b_to_a", 2000)! - 2_928.475) < 0.001)
    // The observed series is SIPRI's own, 2000–2023 only: missing before, never merged.
    #expect(try value(answer, "tiv_b_to_a", 1996) == nil)
    #expect(try value(answer, "tiv_b_to_a", 2000) == 2_205)
    let row = try #require(answer.payload.rows.first { $0.year == 1996 })
    let flow = try #require(row.transfers.first { $0.supplier == "RUS" })
    #expect(flow.estimatedTIV.status == .estimated)
    #expect(flow.estimatedTIV.note?.contains("split evenly") == true)
    #expect(flow.tiv.isMissing)
    #expect(flow.estimatedDeals > 0)
  }

  @Test(
    "pairs without Russia or China: United States → Israel, France → India",
    arguments: [
      ("United States", "Israel", 1973, 1_952.781), ("France", "India", 2020, 727.5777),
    ])
  func otherPairs(a: String, b: String, year: Int, expected: Double) throws {
    let answer = try answer(a, b, from: 1950, to: 2024)
    #expect(abs(try value(answer, "tiv_est_a_to_b", year)! - expected) < 0.001)
    // A year the register covers with no delivery is 0, not missing.
    #expect(try value(answer, "tiv_est_b_to_a", year) == 0)
  }
}
