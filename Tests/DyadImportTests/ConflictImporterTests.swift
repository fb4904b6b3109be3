import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// The conflict importer on the real `{peacesciencer}` tables in `../shared/data/conflict-rivalry`,
/// imported once for the suite, and the store's `conflictInputs(for:)` and the conflict profile
/// over them.
///
/// The expected numbers come from the raw files (and PROVENANCE.md's checks), independently of
/// Dyad, with Python's `csv` module:
///
/// ```python
/// import csv, collections
/// rows = lambda f: list(csv.DictReader(open(f)))
/// mid = [r for r in rows('cow_mid_dyad_year_directed.csv') if (r['ccode1'], r['ccode2']) == ('710', '365')]
/// len(mid), sum(r['disponset'] == '1' for r in mid), max(int(r['year']) for r in mid)   # 66, 45, 2012
/// len({r['year'] for r in mid})                                                         # 52 dyad-years
/// len({r['year'] for r in mid if max(int(r['hostlev1']), int(r['hostlev2'])) >= 4})      # 46 with force
/// # the same on gml_mid_dyad_year_directed.csv (midonset): 57, 41, 2009; 47 years; 39 with force
/// len(rows('cow_mid_dyad_year_directed.csv')) // 2, len(rows('gml_mid_dyad_year_directed.csv')) // 2  # 5695, 5138
/// len({(r['warnum'], min(r['ccode1'], r['ccode2']), max(r['ccode1'], r['ccode2']), r['year']) for r in wars})  # 958
///   (966 pairs less 8 listed again for a war resumed within the year, resume = 1)
/// len(rows('cow_direct_contiguity.csv')) // 2                                          # 937
/// # UCDP: distinct (conflict, year, code, role) over gwno_a, gwno_a_2nd, gwno_b, gwno_b_2nd: 6324,
/// #   less Hyderabad's 3 (GW 751, no Dyad state): 6321
/// # rivalries: TSS 264 and TD 197 rows, less the 2 of each with Venice (324, ended before 1816)
/// # haversine (R = 6371.0088) between the capitals with the latest enddate, 710 and 365: 5776.447 km
/// ```
@Suite(
  "Conflict importer", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ConflictImporterTests {
  static let source = SharedData.folder("conflict-rivalry")

  static let imported: Result<(store: Store, summary: ImportSummary, folder: TemporaryFolder), any Error> = Result {
    let folder = try TemporaryFolder("dyad-conflict")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = ConflictImporter()
    guard case .imported(let summary) = try store.importDataset(importer, files: try importer.inputFiles(at: source))
    else { throw CocoaError(.fileReadUnknown) }
    return (store, summary, folder)
  }

  /// The shared import, done off Swift's cooperative pool (see ``offThePool(_:)``).
  static func store() async throws -> Store { try await offThePool { try Self.imported.get().store } }

  static func inputs(_ a: StateID, _ b: StateID) async throws -> ConflictInputs {
    try await store().conflictInputs(for: try Dyad(a, b))
  }

  static func profile(_ a: StateID, _ b: StateID, _ from: Int, _ to: Int) async throws -> ConflictProfile {
    try await store().conflictProfile(for: try Dyad(a, b), years: try YearRange(from: from, to: to))
  }

  static func year(_ profile: ConflictProfile, _ year: Int) throws -> ConflictYear {
    try #require(profile.rows.first { $0.year == year })
  }

  @Test("every pair is stored once, and each dataset's years are kept apart")
  func rowsAndCoverage() async throws {
    let store = try await Self.store()
    let count = { (sql: String) in try store.read { db in try Int.fetchOne(db, sql: sql) ?? -1 } }
    #expect(try count("SELECT count(*) FROM mid_dyad_year WHERE dataset = 'cow-mid'") == 5695)
    #expect(try count("SELECT count(*) FROM mid_dyad_year WHERE dataset = 'gml-mid'") == 5138)
    #expect(try count("SELECT count(*) FROM war_dyad_year") == 958)
    #expect(try count("SELECT count(*) FROM ucdp_conflict_side") == 6321)
    #expect(try count("SELECT count(*) FROM contiguity") == 937)
    #expect(try count("SELECT count(*) FROM capital") == 242)
    #expect(try count("SELECT count(*) FROM rivalry WHERE dataset = 'tss-rivalries'") == 262)
    #expect(try count("SELECT count(*) FROM rivalry WHERE dataset = 'td-rivalries'") == 195)
    #expect(try count("SELECT count(*) FROM rivalry WHERE dataset = 'tss-rivalries' AND ongoing = 1") == 56)
    #expect(try count("SELECT count(*) FROM rivalry WHERE dataset = 'td-rivalries' AND ongoing = 1") == 42)
    let coverage = try await Self.inputs("CHN", "RUS").coverage
    let expected: [ConflictDataset: (Int, Int)] = [
      .cowMID: (1816, 2014), .gmlMID: (1816, 2010), .cowWar: (1823, 2003), .tssRivalries: (1494, 2020),
      .tdRivalries: (1494, 2010), .ucdp: (1946, 2024), .contiguity: (1816, 2016), .capitals: (1816, 2024),
    ]
    for (dataset, years) in expected {
      #expect(coverage[dataset] == (try YearRange(from: years.0, to: years.1)), "\(dataset)")
    }
    let summary = try Self.imported.get().summary
    #expect(summary.coverage == (try YearRange(from: 1494, to: 2024)))
    #expect(summary.rowsRead == 11_390 + 10_276 + 1_932 + 264 + 197 + 5_652 + 1_874 + 242)
  }

  @Test("China–Russia MIDs: COW 66 dyad-years, 45 onsets, last 2012; GML 57, 41, 2009; the 1969 clashes")
  func chinaRussiaDisputes() async throws {
    let inputs = try await Self.inputs("CHN", "RUS")
    let cow = inputs.disputes.filter { $0.dataset == .cowMID }, gml = inputs.disputes.filter { $0.dataset == .gmlMID }
    #expect(cow.count == 66 && cow.filter(\.isOnset).count == 45 && cow.map(\.year).max() == 2012)
    #expect(gml.count == 57 && gml.filter(\.isOnset).count == 41 && gml.map(\.year).max() == 2009)
    // CHN is the dyad's first state: its columns are China's.
    let ussuri = try #require(cow.first { $0.year == 1969 && $0.dispute == 349 })
    #expect(ussuri.first.hostility == 4 && ussuri.second.hostility == 4)
    #expect(ussuri.first.fatality == 3 && ussuri.second.fatality == 2)
    #expect(ussuri.first.isInitiator && !ussuri.second.isInitiator)
    let gmlUssuri = try #require(gml.first { $0.year == 1969 && $0.dispute == 349 })
    #expect(gmlUssuri.first.fatality == 2 && gmlUssuri.second.fatality == 2)
    // GML codes the USSR on the initiating side.
    #expect(!gmlUssuri.first.isInitiator && gmlUssuri.second.isInitiator)
  }

  @Test("China–Russia rivalries, contiguity, UCDP conflicts and capitals")
  func chinaRussiaOther() async throws {
    let inputs = try await Self.inputs("CHN", "RUS")
    let tss = inputs.rivalries.filter { $0.dataset == .tssRivalries }
    #expect(tss.map(\.start) == [1816, 1958] && tss.map(\.end) == [1949, 1989])
    #expect(tss.map(\.types) == [["positional", "spatial"], ["positional", "spatial", "ideological"]])
    #expect(tss.map(\.name) == ["China-Russia", "China-USSR"] && tss.allSatisfy { !$0.isOngoingAtDataEnd })
    let td = inputs.rivalries.filter { $0.dataset == .tdRivalries }
    #expect(td.map(\.types) == [["positional", "spatial"], ["ideological", "positional", "spatial"]])
    #expect(inputs.contiguity == [ContiguitySpan(type: 1, from: Day(year: 1860, month: 10, day: 1)!, to: Day(year: 2016, month: 12, day: 1)!)])
    // Conflict 305 (1969): China side A, the USSR side B; Korea (235, 1950–1953): both secondary on side A.
    let ussuri = try #require(inputs.armedConflicts.first { $0.conflict == 305 })
    #expect(ussuri.year == 1969 && ussuri.firstRole == .primaryA && ussuri.secondRole == .primaryB && ussuri.onOppositeSides)
    let korea = inputs.armedConflicts.filter { $0.conflict == 235 }
    #expect(korea.map(\.year) == [1950, 1951, 1952, 1953] && korea.allSatisfy { !$0.onOppositeSides })
    // COW wars with China and Russia on opposite sides: the Boxer Rebellion (82, 83; 1900) and the
    // Sino-Soviet war (118; 1929), from the raw file's 710→365 rows.
    #expect(inputs.wars.map(\.war) == [82, 83, 118] && inputs.wars.map(\.year) == [1900, 1900, 1929])
    #expect(Set(inputs.capitals.map(\.name)) == ["Beijing", "Saint Petersburg", "Moscow"])
  }

  @Test("UCDP 2024: conflict 11347 lists Russia as a secondary supporter of Mali's government")
  func maliRussia() async throws {
    let inputs = try await Self.inputs("MLI", "RUS")
    let conflict = try #require(inputs.armedConflicts.first { $0.conflict == 11347 && $0.year == 2024 })
    #expect(conflict.firstRole == .primaryA && conflict.secondRole == .secondaryA && !conflict.onOppositeSides)
    #expect(conflict.incompatibility == "government" && conflict.type == "internationalized intrastate")
    // Russia–Ukraine: Russia a secondary supporter of side B against Ukraine's government.
    let ukraine = try await Self.inputs("RUS", "UKR").armedConflicts.first { $0.year == 2014 }
    #expect(ukraine?.onOppositeSides == true && ukraine?.firstRole == .secondaryB)
  }

  @Test("India–Pakistan: the 1971 war is in the COW war data, with the other wars")
  func indiaPakistanWars() async throws {
    let wars = try await Self.inputs("IND", "PAK").wars
    #expect(wars.contains { $0.war == 178 && $0.year == 1971 })
    #expect(Set(wars.map(\.war)) == [147, 166, 178, 223])
    let profile = try await Self.profile("IND", "PAK", 1947, 2024)
    #expect(profile.summary.wars == [147, 166, 178, 223] && profile.summary.warYears == 6)
  }

  @Test("a rivalry ending in its dataset's last year is ongoing at the data's end")
  func ongoingRivalry() async throws {
    let rivalries = try await Self.inputs("CHN", "IND").rivalries
    let tss = try #require(rivalries.first { $0.dataset == .tssRivalries })
    #expect(tss.start == 1948 && tss.end == 2020 && tss.isOngoingAtDataEnd)
    let td = try #require(rivalries.first { $0.dataset == .tdRivalries })
    #expect(td.end == 2010 && td.isOngoingAtDataEnd)
    let profile = try await Self.profile("CHN", "IND", 2000, 2024)
    #expect(profile.summary.rivalries.first?.label == "1948–2020, ongoing at the data's end (2020)")
  }

  @Test("both ends of every dataset's coverage: the last (and first) year covered, the next unknown")
  func coverageEnds() async throws {
    // COW MIDs end in 2014 (China–Japan, dispute 4491), GML in 2010 (Somalia–Ethiopia, 4401).
    let chinaJapan = try await Self.profile("CHN", "JPN", 2014, 2015)
    #expect(try Self.year(chinaJapan, 2014).cowMID?.disputes == [4491])
    #expect(try Self.year(chinaJapan, 2015).cowMID == nil)
    #expect(try Self.year(chinaJapan, 2014).gmlMID == nil)
    let somalia = try await Self.profile("SOM", "ETH", 2010, 2011)
    #expect(try Self.year(somalia, 2010).gmlMID?.disputes == [4401])
    #expect(try Self.year(somalia, 2011).gmlMID == nil)
    // Wars: the first, France–Spain 1823; the last, the United States–Iraq 2003.
    let france = try await Self.profile("FRA", "ESP", 1822, 1823)
    #expect(try Self.year(france, 1823).wars == [1] && Self.year(france, 1822).wars == nil)
    let iraq = try await Self.profile("USA", "IRQ", 2003, 2004)
    #expect(try Self.year(iraq, 2003).wars == [227] && Self.year(iraq, 2004).wars == nil)
    // UCDP from 1946 (Iran against Soviet-backed side B in 205 and 206) to 2024.
    let iran = try await Self.profile("IRN", "RUS", 1945, 1946)
    #expect(try Self.year(iran, 1946).oppositeSideConflicts == [205, 206])
    #expect(try Self.year(iran, 1945).oppositeSideConflicts == nil)
    let mali = try await Self.profile("MLI", "RUS", 2024, 2025)
    #expect(try Self.year(mali, 2024).sameSideConflicts?.contains(11347) == true)
    #expect(try Self.year(mali, 2025).sameSideConflicts == nil)
    // Rivalries: TSS to 2020 (China–India ongoing), TD to 2010.
    let india = try await Self.profile("CHN", "IND", 2010, 2021)
    #expect(try Self.year(india, 2020).tssRivalries?.first?.isOngoingAtDataEnd == true)
    #expect(try Self.year(india, 2021).tssRivalries == nil)
    #expect(try Self.year(india, 2010).tdRivalries?.count == 1 && Self.year(india, 2011).tdRivalries == nil)
    // China–Russia: MIDs and contiguity from 1816 (no dispute, not yet contiguous), land from 1860 to 2016.
    let early = try await Self.profile("CHN", "RUS", 1815, 1860)
    #expect(try Self.year(early, 1815).cowMID == nil && Self.year(early, 1815).contiguity == nil)
    #expect(try Self.year(early, 1816).cowMID?.disputes == [] && Self.year(early, 1816).gmlMID?.disputes == [])
    #expect(try Self.year(early, 1859).contiguity == ContiguityYear(type: nil))
    #expect(try Self.year(early, 1860).contiguity?.type == 1)
    let late = try await Self.profile("CHN", "RUS", 2016, 2017)
    #expect(try Self.year(late, 2016).contiguity?.type == 1 && Self.year(late, 2017).contiguity == nil)
    #expect(try Self.year(late, 2016).cowMID == nil)
  }

  @Test("China–Russia summary: onsets, years with force, capitals 5,776 km apart, land contiguity at the data's end")
  func chinaRussiaSummary() async throws {
    let profile = try await Self.profile("CHN", "RUS", 1816, 2024)
    let summary = profile.summary
    #expect(summary.cowMIDOnsets == 45 && summary.gmlMIDOnsets == 41)
    #expect(summary.cowMIDYears == 52 && summary.gmlMIDYears == 47)
    #expect(summary.cowUseOfForceYears == 46 && summary.gmlUseOfForceYears == 39)
    #expect(summary.lastCOWMID == 2012 && summary.lastGMLMID == 2009)
    #expect(summary.wars == [82, 83, 118] && summary.warYears == 2)
    #expect(summary.capitals.map(\.name) == ["Beijing", "Moscow"])
    let km = try #require(summary.capitalDistanceKm)
    #expect(abs(km - 5776.447) < 0.01)
    #expect(summary.contiguity?.type == 1 && summary.contiguity?.inForceAtDataEnd == true)
    #expect(summary.rivalries.count == 4 && summary.rivalries[0].label == "1816–1949")
    #expect(profile.notes.contains { $0.hasPrefix("COW MIDs cover 1816–2014") })
    #expect(profile.coverage.count == ConflictDataset.allCases.count)
  }

  @Test("importing the same files again changes nothing")
  func idempotent() async throws {
    let store = try await Self.store()
    let before = try store.recordedChecksum(of: "conflict")
    let importer = ConflictImporter()
    let outcome = try await offThePool {
      try store.importDataset(importer, files: try importer.inputFiles(at: Self.source))
    }
    #expect(outcome == .unchanged)
    #expect(try store.recordedChecksum(of: "conflict") == before)
  }

  /// A copy of the folder with one line of one file replaced (or dropped, for `nil`).
  static func corrupt(_ file: String, line: Int, _ change: (String) -> String?) throws -> (TemporaryFolder, URL) {
    try DamagedCopy.folder(of: source, files: ConflictImporter().info.files, damaging: file, line: line, change)
  }

  static func replacing(_ index: Int, with value: String) -> (String) -> String? { DamagedCopy.replacing(index, with: value) }

  @Test("a bad field, an unknown code or a missing mirror stops the import with file, line and field; the store is unchanged")
  func badInput() async throws {
    let store = try await Self.store()
    let before = try store.recordedChecksum(of: "conflict")
    let rows = try store.count("mid_dyad_year")
    let cases: [(file: String, line: Int, change: (String) -> String?, field: String, message: String)] = [
      // hostlev1 (column 15) of 1903's US→UK row: 9 is no hostility level.
      ("cow_mid_dyad_year_directed.csv", 3, Self.replacing(14, with: "9"), "hostlev1", "outside 1–5"),
      // A COW code no state holds.
      ("gml_mid_dyad_year_directed.csv", 2, Self.replacing(1, with: "998"), "ccode1", "names no state"),
      // The mirror (200→2) of the first war row is dropped.
      ("cow_interstate_war_dyad_year_directed.csv", 3, { _ in nil }, "ccode2", "no mirrored row"),
      // A UCDP row with an unknown GW code.
      ("ucdp_armed_conflict_years.csv", 2, Self.replacing(2, with: "998"), "gwno_a", "names no state"),
      // A capital with no latitude.
      ("cow_capitals.csv", 2, Self.replacing(5, with: "north"), "lat", "not a number"),
    ]
    for item in cases {
      let (folder, data) = try Self.corrupt(item.file, line: item.line, item.change)
      let importer = ConflictImporter()
      let files = try importer.inputFiles(at: data)
      let error = await #expect(throws: ImportError.self, "\(item.file)") {
        try await offThePool { _ = try store.importDataset(importer, files: files) }
      }
      #expect(error?.file.hasSuffix(item.file) == true, "\(String(describing: error))")
      #expect(error?.field == item.field, "\(String(describing: error))")
      #expect(error?.line != nil, "\(String(describing: error))")
      #expect(error?.message.contains(item.message) == true, "\(String(describing: error))")
      _ = folder
    }
    #expect(try store.recordedChecksum(of: "conflict") == before)
    #expect(try store.count("mid_dyad_year") == rows)
  }

  @Test("the hostlev error names its line: line 3 of the COW file")
  func badFieldLine() async throws {
    let (folder, data) = try Self.corrupt("cow_mid_dyad_year_directed.csv", line: 3, Self.replacing(14, with: "9"))
    let store = try Store.open(at: folder.path("fresh.sqlite"))
    let importer = ConflictImporter()
    let files = try importer.inputFiles(at: data)
    let error = await #expect(throws: ImportError.self) {
      try await offThePool { _ = try store.importDataset(importer, files: files) }
    }
    #expect(error?.line == 3)
    #expect(try store.recordedChecksum(of: "conflict") == nil)
    #expect(try store.count("mid_dyad_year") == 0)
  }

  @Test("without the import: empty inputs, every year unknown, and a note saying how to fill them")
  func notImported() throws {
    let folder = try TemporaryFolder("dyad-conflict-empty")
    let store = try Store.open(at: folder.path("empty.sqlite"))
    let dyad = try Dyad("CHN", "RUS")
    let inputs = try store.conflictInputs(for: dyad)
    #expect(inputs.coverage.isEmpty && inputs.disputes.isEmpty && inputs.capitals.isEmpty)
    let profile = try store.conflictProfile(for: dyad, years: try YearRange(from: 1969, to: 1970))
    #expect(profile.rows.allSatisfy { $0.cowMID == nil && $0.wars == nil && $0.contiguity == nil })
    #expect(profile.summary.cowMIDOnsets == nil && profile.summary.capitalDistanceKm == nil)
    #expect(profile.notes.first?.contains("dyad import conflict") == true)
  }
}
