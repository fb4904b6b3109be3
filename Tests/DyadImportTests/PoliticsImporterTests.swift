import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// The politics importer on the real files in `../shared/data/politics-demography`, imported once
/// for the suite, and the store's politics inputs and profile over them.
///
/// The expected numbers come from the raw files (and PROVENANCE.md's checks), independently of
/// Dyad, with Python's `csv` module:
///
/// ```python
/// import csv
/// rows = lambda f: list(csv.DictReader(open(f)))
/// v = rows('vdem_indices_country_year.csv')
/// [(r['v2x_polyarchy'], r['v2x_polyarchy_codelow'], r['v2x_polyarchy_codehigh']) for r in v
///  if (r['vdem_cowcode'], r['year']) == ('365', '2023')]                     # 0.19, 0.172, 0.204
/// # the same for (710, 2023): 0.074 0.069 0.077; (365, 1980): 0.109 0.094 0.124;
/// # (265, 1980) German Democratic Republic: 0.168 0.153 0.18; (626, 2012): 0.196 0.179 0.209;
/// # (260, 1960) West Germany: 0.836; (255, 1938) Germany: 0.086; no (255, 1960) row
/// i = rows('vdem_polyarchy_uds_polity_cow_state_year.csv')   # (710, 2025): 0.072; (365, 2025): 0.17;
///                                                             # (2, 2025): 0.735; (710, 2018) polity2 -7
/// f = rows('freedom_house_country_year.csv')  # (cown 2, 2024): pr 2 cl 2 F; (265, 1980): 7 7 NF;
///                                             # (750, 2024): 2 4 PF
/// w = rows('wpp2024_population_by_age5_estimates.csv'); p = rows('..._projections.csv')
/// wa = lambda rs, c, y, col='pop': sum(float(r[col]) for r in rs if (r['country_code'], r['year']) == (c, y)
///                                   and 15 <= int(r['age'].split('-')[0].rstrip('+')) <= 60)
/// # wa(w, '156', '2020') 989716.558; wa(w, '643', '2020') 97862.84; wa(w, '356', '2020') 943088.901;
/// # wa(p, '643', '2050') 82373.894, pop_low 79134.514; wa(w, '728', '2010') South Sudan 5871.358 (2020)
/// # median age: chn 2023 39.066, chn 2050 52.141 (a projection)
/// ```
@Suite(
  "Politics importer", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct PoliticsImporterTests {
  static let source = SharedData.folder("politics-demography")

  static let imported: Result<(store: Store, summary: ImportSummary, folder: TemporaryFolder), any Error> = Result {
    let folder = try TemporaryFolder("dyad-politics")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = PoliticsImporter()
    guard case .imported(let summary) = try store.importDataset(importer, files: try importer.inputFiles(at: source))
    else { throw CocoaError(.fileReadUnknown) }
    return (store, summary, folder)
  }

  static func store() async throws -> Store { try await offThePool { try Self.imported.get().store } }

  static func inputs(_ a: StateID, _ b: StateID) async throws -> PoliticsInputs {
    try await store().politicsInputs(for: try Dyad(a, b))
  }

  static func profile(_ a: StateID, _ b: StateID, _ from: Int, _ to: Int) async throws -> PoliticsProfile {
    try await store().politicsProfile(
      for: try Dyad(a, b), years: try YearRange(from: from, to: to), today: Day(year: 2026, month: 12, day: 3)!)
  }

  static func side(_ inputs: PoliticsInputs, _ state: StateID) -> StatePoliticsInputs {
    inputs.first.state == state ? inputs.first : inputs.second
  }

  @Test("each dataset's years are kept apart; the dataset covers its observed years, not the projections")
  func coverage() async throws {
    let inputs = try await Self.inputs("CHN", "RUS")
    let expected: [PoliticsDataset: (Int, Int)] = [
      .vdem: (1816, 2024), .vdemCOW: (1816, 2025), .freedomHouse: (1972, 2024), .reign: (1921, 2021),
      .archigos: (1840, 2015), .wppAge: (1950, 2100), .wppMedianAge: (1950, 2100),
    ]
    for (dataset, years) in expected {
      #expect(inputs.coverage[dataset] == (try YearRange(from: years.0, to: years.1)), "\(dataset)")
    }
    let summary = try Self.imported.get().summary
    #expect(summary.coverage == (try YearRange(from: 1816, to: 2025)))
    // Every row of every file is read: 27,913 + 17,706 + 9,965 + 2,524 + 3,409 + 93,555 + 99,792 + 35,636.
    #expect(summary.rowsRead == 27_913 + 17_706 + 9_965 + 2_524 + 3_409 + 93_555 + 99_792 + 35_636)
    #expect(summary.notes.contains { $0.contains("left out") && $0.contains("regions and income groups") })
    #expect(summary.notes.contains { $0.contains("Hong Kong") })
  }

  @Test("V-Dem polyarchy with its interval: China and Russia 2023 (PROVENANCE), 2025 from v16 without one")
  func vdem() async throws {
    let inputs = try await Self.inputs("CHN", "RUS")
    let china = Self.side(inputs, "CHN"), russia = Self.side(inputs, "RUS")
    #expect(china.measure("polyarchy", in: .vdem)[2023] == RegimeValue(value: 0.074, low: 0.069, high: 0.077))
    #expect(russia.measure("polyarchy", in: .vdem)[2023] == RegimeValue(value: 0.19, low: 0.172, high: 0.204))
    #expect(china.measure("polyarchy", in: .vdem)[2025] == nil)
    #expect(china.measure("polyarchy", in: .vdemCOW)[2025]?.value == 0.072)
    #expect(russia.measure("polyarchy", in: .vdemCOW)[2025]?.value == 0.17)
    #expect(china.measure("polity2", in: .vdemCOW)[2018]?.value == -7)
    // The Soviet Union is Russia's earlier period (COW 365).
    #expect(russia.measure("polyarchy", in: .vdem)[1980] == RegimeValue(value: 0.109, low: 0.094, high: 0.124))
    #expect(china.freedomHouse[2024] == FreedomHouseRating(politicalRights: 7, civilLiberties: 6, status: "NF"))
    #expect(russia.freedomHouse[2024]?.total == 13)
  }

  @Test("a state that ended, one that began late, one divided: East Germany, South Sudan, Germany")
  func statesThatChanged() async throws {
    let gdr = Self.side(try await Self.inputs("GDR", "POL"), "GDR")
    #expect(gdr.measure("polyarchy", in: .vdem)[1980] == RegimeValue(value: 0.168, low: 0.153, high: 0.18))
    #expect(gdr.freedomHouse[1980] == FreedomHouseRating(politicalRights: 7, civilLiberties: 7, status: "NF"))
    #expect(gdr.measure("polyarchy", in: .vdem)[1991] == nil)
    #expect(gdr.leaders.contains { $0.dataset == .reign && $0.name == "Honecker" && $0.from == Day(year: 1971, month: 5, day: 3)! })
    // WPP reports present-day countries: nothing for East Germany.
    #expect(gdr.population.isEmpty && gdr.medianAge.isEmpty)
    let ssd = Self.side(try await Self.inputs("SSD", "SDN"), "SSD")
    #expect(ssd.measure("polyarchy", in: .vdem)[2012] == RegimeValue(value: 0.196, low: 0.179, high: 0.209))
    #expect(ssd.measure("polyarchy", in: .vdem)[2010] == nil)
    #expect(ssd.freedomHouse[2012]?.status == "NF")
    let kiir = try #require(ssd.leaders.first { $0.dataset == .reign && $0.name == "Kiir" })
    #expect(kiir.from == Day(year: 2011, month: 7, day: 9)! && kiir.isOpen && kiir.asOf == PoliticsImporter.reignAsOf)
    // West Germany (COW 260) in 1960; Germany (255) in 1938 and not while divided.
    let frg = Self.side(try await Self.inputs("FRG", "FRA"), "FRG")
    #expect(frg.measure("polyarchy", in: .vdem)[1960]?.value == 0.836)
    let germany = Self.side(try await Self.inputs("DEU", "FRA"), "DEU")
    #expect(germany.measure("polyarchy", in: .vdem)[1938]?.value == 0.086)
    #expect(germany.measure("polyarchy", in: .vdem)[1960] == nil)
    // Archigos's GW 255 is Germany to 1945.
    #expect(germany.leaders.contains { $0.dataset == .archigos && $0.name == "Hitler" })
  }

  @Test("leaders: REIGN and Archigos side by side; Putin one spell from 2000, Xi from 2012-11-15")
  func leaders() async throws {
    let inputs = try await Self.inputs("CHN", "RUS")
    let china = Self.side(inputs, "CHN").leaders, russia = Self.side(inputs, "RUS").leaders
    let xi = try #require(china.first { $0.dataset == .reign && $0.name == "Xi Jinping" })
    #expect(xi.from == Day(year: 2012, month: 11, day: 15)! && xi.isOpen)
    let hu = try #require(china.first { $0.dataset == .reign && $0.name == "Hu Jintao" })
    #expect(hu.from == Day(year: 2003, month: 3, day: 15)! && hu.to == Day(year: 2012, month: 11, day: 1)! && hu.toPrecision == .month)
    #expect(hu.holdsOffice(on: Day(year: 2012, month: 11, day: 30)!))
    let putin = russia.filter { $0.name == "Putin" }
    #expect(putin.map(\.dataset) == [.archigos, .reign] || putin.map(\.dataset) == [.reign, .archigos])
    #expect(putin.allSatisfy { $0.from == Day(year: 2000, month: 1, day: 1)! && $0.isOpen })
    #expect(putin.first { $0.dataset == .archigos }?.asOf == Day(year: 2015, month: 12, day: 31)!)
    #expect(!russia.contains { $0.name.contains("Medvedev") })
    let yeltsin = try #require(russia.first { $0.dataset == .reign && $0.name == "Yeltsin" })
    #expect(yeltsin.from == Day(year: 1991, month: 8, day: 21)! && yeltsin.to == Day(year: 1999, month: 12, day: 1)!)
  }

  @Test("WPP working age (15–64) summed from the age groups: PROVENANCE's 2020 figures, India, a projection")
  func population() async throws {
    let inputs = try await Self.inputs("CHN", "RUS")
    func point(_ side: StatePoliticsInputs, _ year: Int, _ variant: PopulationPoint.Variant) throws -> PopulationPoint {
      try #require(side.population.first { $0.year == year && $0.variant == variant })
    }
    let china = Self.side(inputs, "CHN"), russia = Self.side(inputs, "RUS")
    #expect(abs(try point(china, 2020, .estimate).workingAge - 989_716.558) < 0.01)
    #expect(abs(try point(russia, 2020, .estimate).workingAge - 97_862.84) < 0.01)
    #expect(abs(try point(russia, 2050, .medium).workingAge - 82_373.894) < 0.01)
    #expect(abs(try point(russia, 2050, .low).workingAge - 79_134.514) < 0.01)
    #expect(!china.population.contains { $0.year == 2021 || $0.year == 2023 })
    let india = Self.side(try await Self.inputs("IND", "PAK"), "IND")
    #expect(abs(try point(india, 2020, .estimate).workingAge - 943_088.901) < 0.01)
    #expect(china.medianAge[2023] == MedianAge(year: 2023, years: 39.066, isProjection: false))
    #expect(china.medianAge[2050] == MedianAge(year: 2050, years: 52.141, isProjection: true))
  }

  @Test("the profile: both autocracies, the distance, tenures at the data's end, five-yearly points only")
  func profile() async throws {
    let profile = try await Self.profile("CHN", "RUS", 2015, 2026)
    let row2023 = try #require(profile.rows.first { $0.year == 2023 })
    #expect(row2023.sides.map(\.regime) == [.autocracy, .autocracy] && row2023.pairing == "both autocracies")
    #expect(abs((row2023.distance ?? 0) - 0.116) < 1e-9)
    let row2025 = try #require(profile.rows.first { $0.year == 2025 })
    #expect(row2025.sides[0].polyarchyDataset == .vdemCOW && row2025.sides[0].polyarchy?.low == nil)
    let row2026 = try #require(profile.rows.first { $0.year == 2026 })
    #expect(row2026.sides.allSatisfy { $0.polyarchy == nil && $0.regime == nil } && row2026.pairing == nil)
    let china = profile.sides[0]
    #expect(china.lastObserved["polyarchy"] == 2025 && china.lastObserved["freedom-house"] == 2024)
    #expect(china.lastObserved["population"] == 2020 && china.lastObserved["polity2"] == 2018)
    #expect(china.population.filter { $0.variant == .estimate }.map(\.year) == [2015, 2020])
    #expect(china.population.filter { $0.variant == .medium }.map(\.year) == [2025, 2030, 2035, 2040, 2045, 2050])
    // 2020 → 2030 medium: 971,978.22 / 989,716.558 − 1 = −1.79%.
    #expect(abs((china.workingAgeChangeTo2030 ?? 0) - (971_978.22 / 989_716.558 - 1) * 100) < 1e-6)
    #expect(china.workingAgeShrinking == true)
    let russia = profile.sides[1]
    #expect(russia.presentTerritoryFrom == nil)  // the years shown start in 2015
    // India (0.398 [0.343, 0.44]) is an autocracy by the rule, the USA (0.84 [0.804, 0.891]) a democracy.
    let usIndia = try await Self.profile("USA", "IND", 2024, 2024)
    #expect(usIndia.dyad.first == "IND" && usIndia.rows[0].sides.map(\.regime) == [.autocracy, .democracy])
    #expect(usIndia.rows[0].pairing == "a democracy and an autocracy")
    // East Germany ended in 1990: its last leader in REIGN, Gysi (1989-12-09 to October 1990);
    // WPP has no East German figures.
    let gdr = try #require(try await Self.profile("GDR", "POL", 1985, 1990).sides.first { $0.state == "GDR" })
    #expect(gdr.current?.name == "Gysi" && gdr.current?.until == Day(year: 1990, month: 10, day: 1)! && gdr.current?.asOf == nil)
    #expect(gdr.population.isEmpty && gdr.lastObserved["polyarchy"] == 1990)
    // Russia 1985–1995: WPP's figures before 1992 are the present territory's, not the Soviet Union's.
    let soviet = try await Self.profile("RUS", "USA", 1985, 1995)
    #expect(soviet.sides.first { $0.state == "RUS" }?.presentTerritoryFrom == 1992)
  }

  @Test("regime classes by the interval: above 0.5, below, spanning it, and a point estimate")
  func regimeClasses() {
    #expect(PoliticsProfile.RegimeClass.of(RegimeValue(value: 0.6, low: 0.52, high: 0.7)) == .democracy)
    #expect(PoliticsProfile.RegimeClass.of(RegimeValue(value: 0.45, low: 0.4, high: 0.49)) == .autocracy)
    #expect(PoliticsProfile.RegimeClass.of(RegimeValue(value: 0.52, low: 0.47, high: 0.56)) == .uncertain)
    #expect(PoliticsProfile.RegimeClass.of(RegimeValue(value: 0.735)) == .democracy)
    #expect(PoliticsProfile.RegimeClass.of(RegimeValue(value: 0.5)) == .uncertain)
  }

  @Test("importing the same files again changes nothing")
  func idempotent() async throws {
    let store = try await Self.store()
    let before = try store.recordedChecksum(of: "politics")
    let importer = PoliticsImporter()
    let outcome = try await offThePool {
      try store.importDataset(importer, files: try importer.inputFiles(at: Self.source))
    }
    #expect(outcome == .unchanged)
    #expect(try store.recordedChecksum(of: "politics") == before)
  }

  /// A copy of the folder with one line of one file replaced (or dropped, for `nil`).
  static func corrupt(_ file: String, line: Int, _ change: (String) -> String?) throws -> (TemporaryFolder, URL) {
    try DamagedCopy.folder(of: source, files: PoliticsImporter().info.files, damaging: file, line: line, change)
  }

  static func replacing(_ index: Int, with value: String) -> (String) -> String? { DamagedCopy.replacing(index, with: value) }

  @Test("a bad value stops the import with file, line and field; the store is unchanged")
  func badInput() async throws {
    let store = try await Self.store()
    let before = try store.recordedChecksum(of: "politics")
    let rows = try store.count("regime_measure_year")
    let cases: [(file: String, line: Int, change: (String) -> String?, field: String, message: String)] = [
      // Mexico 1789's polyarchy (column 23) outside its interval 0.016–0.037.
      ("vdem_indices_country_year.csv", 2, Self.replacing(22, with: "0.9"), "v2x_polyarchy_codelow", "does not hold"),
      // Afghanistan 1972: fh_total (column 6) 12 is not pr + cl (4 + 5).
      ("freedom_house_country_year.csv", 2, Self.replacing(5, with: "12"), "fh_total", "is not pr + cl"),
      // Truman's end year (column 9) before his start.
      ("reign_leaders_to_2021-03.csv", 2, Self.replacing(8, with: "1900"), "eyear", "before it starts"),
      // Burundi's (M49 108) 1950 children aged 0–4, the first row of a state: a negative population.
      ("wpp2024_population_by_age5_estimates.csv", 11_027, Self.replacing(5, with: "-5"), "pop", "outside"),
    ]
    // A row listed twice (line 2 again as line 3) is refused at line 3, whether the row would be
    // kept (Truman, Grant) or left out (Mexico 1789 before independence, the region M49 900).
    let twice: (String) -> String? = { "\($0)\n\($0)" }
    let duplicates: [(file: String, field: String, message: String)] = [
      ("reign_leaders_to_2021-03.csv", "leader", "Truman's spell from 1945-04-12 (COW 2) is also on line 2"),
      ("archigos41_leaders.csv", "obsid", "the spell USA-1869 is also on line 2"),
      ("vdem_indices_country_year.csv", "country_text_id", "MEX in 1789 is also on line 2"),
      ("wpp2024_population_by_age5_projections.csv", "age", "M49 900 2025, ages 0-4, is also on line 2"),
    ]
    for item in duplicates {
      let (folder, data) = try Self.corrupt(item.file, line: 2, twice)
      let importer = PoliticsImporter()
      let files = try importer.inputFiles(at: data)
      let error = await #expect(throws: ImportError.self, "\(item.file)") {
        try await offThePool { _ = try store.importDataset(importer, files: files) }
      }
      #expect(error?.file.hasSuffix(item.file) == true && error?.line == 3 && error?.field == item.field, "\(String(describing: error))")
      #expect(error?.message.contains(item.message) == true, "\(String(describing: error))")
      _ = folder
    }
    for item in cases {
      let (folder, data) = try Self.corrupt(item.file, line: item.line, item.change)
      let importer = PoliticsImporter()
      let files = try importer.inputFiles(at: data)
      let error = await #expect(throws: ImportError.self, "\(item.file)") {
        try await offThePool { _ = try store.importDataset(importer, files: files) }
      }
      #expect(error?.file.hasSuffix(item.file) == true, "\(String(describing: error))")
      #expect(error?.field == item.field, "\(String(describing: error))")
      #expect(error?.line == item.line, "\(String(describing: error))")
      #expect(error?.message.contains(item.message) == true, "\(String(describing: error))")
      _ = folder
    }
    #expect(try store.recordedChecksum(of: "politics") == before)
    #expect(try store.count("regime_measure_year") == rows)
  }

  @Test("without the import: no coverage, every year unknown, a note saying how to fill it")
  func notImported() throws {
    let folder = try TemporaryFolder("dyad-politics-empty")
    let store = try Store.open(at: folder.path("empty.sqlite"))
    let profile = try store.politicsProfile(for: try Dyad("CHN", "RUS"), years: try YearRange(from: 2020, to: 2021))
    #expect(profile.coverage.isEmpty && profile.rows.allSatisfy { $0.sides.allSatisfy { $0.polyarchy == nil } })
    #expect(profile.notes.first?.contains("dyad import politics") == true)
  }
}
