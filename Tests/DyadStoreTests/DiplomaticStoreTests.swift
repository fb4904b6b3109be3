import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import GRDB
import Testing

/// The real diplomatic datasets imported once into an in-memory store, checked against
/// published values and against independent recomputations from the raw files.
@Suite(.enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"), .serialized)
struct DiplomaticStoreTests {
  /// The store with `unga-votes`, `unga-ideal-points`, `unsc-vetoes` and `cow-igo` imported.
  static let store: Result<Store, any Error> = Result {
    let store = try Store.open(at: ":memory:")
    for (name, folder) in [
      ("unga-votes", "unga-votes"), ("unga-ideal-points", "unga-ideal-points"), ("unsc-vetoes", "unsc-vetoes"),
      ("cow-igo", "cow-igo"),
    ] {
      let importer = DatasetCatalog.importers[name]!
      _ = try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder(folder)))
    }
    return store
  }

  /// The raw votes of some years, by country name as the file gives it: name → rcid → 1/2/3.
  struct RawVotes: Sendable {
    var votes: [String: [Int: Int]] = [:]
    var year: [Int: Int] = [:]
    var important: Set<Int> = []
    var issues: [String: Set<Int>] = [:]
  }

  static let sampleYears: Set<Int> = [1950, 1960, 1963, 1965, 1970, 1975, 1980, 1985, 1990, 1992, 1995, 2005, 2010, 2019]

  /// Read straightforwardly from the CSV files, without the importer.
  static let raw: Result<RawVotes, any Error> = Result {
    var raw = RawVotes()
    for row in try CSVReader(path: SharedData.file("unga-votes", "un_roll_calls.csv").path).rows() {
      let rcid = Int(row.text("rcid"))!
      raw.year[rcid] = Int(row.text("date").prefix(4))!
      if row.text("importantvote") == "1" { raw.important.insert(rcid) }
    }
    for row in try CSVReader(path: SharedData.file("unga-votes", "un_roll_call_issues.csv").path).rows() {
      raw.issues[row.text("short_name"), default: []].insert(Int(row.text("rcid"))!)
    }
    let codes = ["yes": 1, "abstain": 2, "no": 3]
    try CSVReader(path: SharedData.file("unga-votes", "un_votes.csv").path).forEachRow { header, record in
      let rcid = record.int(at: 0)!
      guard sampleYears.contains(raw.year[rcid]!) else { return }
      raw.votes[record.string(at: 1), default: [:]][rcid] = codes[record.string(at: 3)]!
    }
    return raw
  }

  /// The measures of two names' joint votes on some roll calls, computed the plain way.
  static func measures(_ x: [Int: Int], _ y: [Int: Int], rollCalls: (Int) -> Bool) -> SimilarityMeasures {
    var a: [Int] = [], b: [Int] = []
    for (rcid, vote) in x where rollCalls(rcid) {
      if let other = y[rcid] {
        a.append(vote)
        b.append(other)
      }
    }
    let n = Double(a.count)
    guard !a.isEmpty else { return SimilarityMeasures(n: 0, agree: nil, agreeHalf: nil, s: nil, pi: nil, kappa: nil) }
    let equal = Double(zip(a, b).filter { $0 == $1 }.count)
    let half = Double(zip(a, b).filter { $0 != $1 && ($0 == 2 || $1 == 2) }.count)
    let distance = Double(zip(a, b).map { abs($0 - $1) }.reduce(0, +))
    var chance = 0.0, pooled = 0.0
    for code in 1...3 {
      let px = Double(a.filter { $0 == code }.count) / n, py = Double(b.filter { $0 == code }.count) / n
      chance += px * py
      pooled += (px + py) / 2 * (px + py) / 2
    }
    let observed = 1 - equal / n
    return SimilarityMeasures(
      n: a.count, agree: equal / n, agreeHalf: (equal + half / 2) / n, s: 1 - distance / n,
      pi: 1 - pooled > 1e-12 ? 1 - observed / (1 - pooled) : nil,
      kappa: 1 - chance > 1e-12 ? 1 - observed / (1 - chance) : nil)
  }

  static func expectClose(_ found: SimilarityMeasures?, _ expected: SimilarityMeasures, _ label: String) {
    guard let found else {
      Issue.record("no row for \(label)")
      return
    }
    #expect(found.n == expected.n, "\(label) n")
    for measure in SimilarityMeasure.allCases {
      switch (found[measure], expected[measure]) {
      case (nil, nil): break
      case (let f?, let e?): #expect(abs(f - e) < 1e-9, "\(label) \(measure): \(f) vs \(e)")
      default: Issue.record("\(label) \(measure): \(String(describing: found[measure])) vs \(String(describing: expected[measure]))")
      }
    }
  }

  @Test func chinaRussia2019MatchesTheReference() throws {
    let store = try Self.store.get()
    let summary = try store.alignment(for: try Dyad("CHN", "RUS"), years: try YearRange(from: 1946, to: 2019))
    // The China seat was the Republic of China's until 1971: CHN's votes start then.
    #expect(summary.rows.first?.year == 1971)
    #expect(summary.rows.last?.year == 2019)
    let year = try #require(summary.row(inYear: 2019))
    let m = year.measures
    func rounded(_ value: Double?) -> Double { ((value ?? .nan) * 10_000).rounded() / 10_000 }
    #expect(m.n == 86)
    #expect(rounded(m.agree) == 0.7907)
    #expect(rounded(m.agreeHalf) == 0.8721)
    #expect(rounded(m.s) == 0.7442)
    #expect(rounded(m.pi) == 0.4989)
    #expect(rounded(m.kappa) == 0.5095)
    // The provenance's quick check: identical votes on 72.7% of 4,488 joint roll calls.
    let overall = try #require(summary.overall)
    #expect(overall.measures.n == 4488)
    #expect(abs(overall.measures.agree! - 0.727) < 0.0005)
    #expect(abs(summary.row(inYear: 1992)!.measures.agree! - 0.429) < 0.0005)
    // The default reference dyad is present for scale.
    #expect(summary.references.first?.dyad == (try Dyad("USA", "GBR")))
    #expect(summary.references.first?.measures(inYear: 2019)?.n ?? 0 > 0)
  }

  @Test func theSQLViewsUnpackTheTable() throws {
    let store = try Self.store.get()
    // The SQL views read the packed records: China–Russia 2019 as the issue gives it.
    let row = try #require(
      try store.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT n, agree, agree_half, s, pi, kappa, s_percentile FROM unga_similarity_measures
            WHERE state_a = 'CHN' AND state_b = 'RUS' AND year = 2019
            """)
      })
    #expect(row["n"] as Int == 86)
    for (column, value) in [("agree", 0.7907), ("agree_half", 0.8721), ("s", 0.7442), ("pi", 0.4989), ("kappa", 0.5095)] {
      #expect(((row[column] as Double) * 10_000).rounded() / 10_000 == value, "\(column)")
    }
    // Its percentile is the one the alignment query decodes in Swift.
    let summary = try store.alignment(for: try Dyad("CHN", "RUS"), years: try YearRange(from: 2019, to: 2019))
    let percentile = try #require(summary.rows.first?.percentiles[.s])
    #expect(row["s_percentile"] as Double == percentile)
    #expect(percentile > 0 && percentile < 100)
  }

  @Test func theWholeTableIsStored() throws {
    let store = try Self.store.get()
    // Both peer scripts give 819,308 dyad-year rows; so does the table keyed by state.
    #expect(try store.count("unga_similarity") == 819_308)
    // Packed by state and year; the unga_vote view unpacks them one per row.
    #expect(try store.count("unga_vote") == 869_937)
    #expect(try store.count("unga_vote_year") < 11_000)
    #expect(try store.count("unga_roll_call") == 6_202)
    #expect(try store.count("unga_roll_call_issue") == 5_745)
    #expect(try store.dataset(named: "unga-votes")?.coverage == (try YearRange(from: 1946, to: 2019)))
  }

  @Test func namesAreIdentifiedThroughTheRegistry() throws {
    let store = try Self.store.get()
    let voters = Dictionary(grouping: try store.ungaVoters(), by: \.name)
    #expect(voters["Namibia"]?.map(\.state) == ["NAM"])
    #expect(voters["Namibia"]?.first?.iso2 == "NA")
    #expect(voters["Federal Republic of Germany"]?.map(\.state).sorted() == ["DEU", "FRG"])
    #expect(voters["Yemen Arab Republic"]?.contains { $0.state == "YAR" } == true)
    #expect(voters["Zanzibar"]?.map(\.state) == ["ZAN"])
    #expect(voters["Taiwan"]?.map(\.state) == ["TWN"])
    #expect(voters["Taiwan"]?.first?.last == (try Day(parsing: "1971-10-07")))
    #expect(voters["China"]?.first?.first == (try Day(parsing: "1971-11-03")))
    #expect(voters["Russia"]?.map(\.state) == ["RUS"])
    #expect(voters["Russia"]?.first?.first == (try Day(parsing: "1946-01-01")))
  }

  @Test func sampledDyadYearsMatchAnIndependentComputation() throws {
    let store = try Self.store.get()
    let raw = try Self.raw.get()
    let samples: [(String, StateID, String, StateID, Int)] = [
      ("China", "CHN", "Russia", "RUS", 2019), ("China", "CHN", "Russia", "RUS", 1992),
      ("United States", "USA", "United Kingdom", "GBR", 1985),
      ("Federal Republic of Germany", "FRG", "United States", "USA", 1980),
      ("German Democratic Republic", "GDR", "Russia", "RUS", 1980), ("Namibia", "NAM", "South Africa", "ZAF", 1995),
      ("Taiwan", "TWN", "United States", "USA", 1960),
      ("Yemen Arab Republic", "YAR", "Yemen People's Republic", "YPR", 1975),
      ("India", "IND", "Pakistan", "PAK", 1965), ("Israel", "ISR", "United States", "USA", 2010),
      ("Cuba", "CUB", "United States", "USA", 1990), ("Zanzibar", "ZAN", "United States", "USA", 1963),
      ("Brazil", "BRA", "Argentina", "ARG", 1950), ("Japan", "JPN", "China", "CHN", 2005),
      ("Yugoslavia", "SRB", "Russia", "RUS", 1970), ("Czechoslovakia", "CSK", "Poland", "POL", 1975),
      ("Belarus", "BLR", "Ukraine", "UKR", 1960),
    ]
    for (nameA, a, nameB, b, year) in samples {
      let dyad = try Dyad(a, b)
      let span = try YearRange(from: year, to: year)
      let found = try store.alignment(for: dyad, years: span, references: []).row(inYear: year)
      // The raw names in the dyad's order (the table's first state is the smaller id).
      let (x, y) = a == dyad.first ? (nameA, nameB) : (nameB, nameA)
      let expected = Self.measures(raw.votes[x] ?? [:], raw.votes[y] ?? [:]) { raw.year[$0] == year }
      #expect(expected.n > 0, "\(nameA)–\(nameB) \(year) voted together")
      Self.expectClose(found?.measures, expected, "\(nameA)–\(nameB) \(year)")
    }
  }

  /// Every dyad's measure of some 2019 roll calls, from the raw names; the percentile of one.
  static func percentile(
    of names: (String, String), measure: SimilarityMeasure, raw: RawVotes, rollCalls: (Int) -> Bool
  ) -> (percentile: Double, median: Double, dyads: Int) {
    let voters = raw.votes.keys.filter { name in raw.votes[name]!.keys.contains(where: rollCalls) }.sorted()
    var values: [Double] = []
    var own = Double.nan
    for (i, x) in voters.enumerated() {
      for y in voters[(i + 1)...] {
        let m = measures(raw.votes[x]!, raw.votes[y]!, rollCalls: rollCalls)
        guard m.n > 0 else { continue }
        if let value = m[measure] {
          values.append(value)
          if Set([x, y]) == Set([names.0, names.1]) { own = value }
        }
      }
    }
    values.sort()
    let below = Double(values.filter { $0 < own - 1e-12 }.count)
    let equal = Double(values.filter { abs($0 - own) <= 1e-12 }.count)
    let m = values.count
    let median = m % 2 == 1 ? values[m / 2] : (values[m / 2 - 1] + values[m / 2]) / 2
    return (100 * (below + equal / 2) / Double(m), median, m)
  }

  @Test func percentilesAndMediansMatchAnIndependentRanking() throws {
    let store = try Self.store.get()
    let raw = try Self.raw.get()
    let year = try #require(try store.alignment(for: try Dyad("CHN", "RUS"), years: try YearRange(from: 2019, to: 2019)).row(inYear: 2019))
    for measure in [SimilarityMeasure.s, .kappa] {
      let expected = Self.percentile(of: ("China", "Russia"), measure: measure, raw: raw) { raw.year[$0] == 2019 }
      // Stored in hundredths of a percent.
      #expect(abs(try #require(year.percentiles[measure]) - expected.percentile) <= 0.005 + 1e-9, "\(measure)")
      #expect(abs(try #require(year.medians[measure]) - expected.median) < 1e-9, "\(measure) median")
    }
    #expect(year.dyads == 18_528)
  }

  @Test func issueAndImportantVariantsMatchAnIndependentComputation() throws {
    let store = try Self.store.get()
    let raw = try Self.raw.get()
    let dyad = try Dyad("CHN", "RUS")
    let span = try YearRange(from: 2019, to: 2019)
    let humanRights = raw.issues["hr"]!
    let hr = try store.alignment(for: dyad, years: span, issue: .humanRights)
    let hrRow = try #require(hr.row(inYear: 2019))
    Self.expectClose(
      hrRow.measures, Self.measures(raw.votes["China"]!, raw.votes["Russia"]!) { humanRights.contains($0) && raw.year[$0] == 2019 },
      "CHN–RUS hr 2019")
    let hrRank = Self.percentile(of: ("China", "Russia"), measure: .s, raw: raw) { humanRights.contains($0) && raw.year[$0] == 2019 }
    #expect(abs(try #require(hrRow.percentiles.s) - hrRank.percentile) < 1e-9)
    #expect(abs(try #require(hrRow.medians.s) - hrRank.median) < 1e-9)
    #expect(hrRow.dyads == hrRank.dyads)
    // The State Department's important votes are coded to 2017 in this release.
    let important = try store.alignment(for: dyad, years: try YearRange(from: 2010, to: 2019), importantOnly: true)
    Self.expectClose(
      important.row(inYear: 2010)?.measures,
      Self.measures(raw.votes["China"]!, raw.votes["Russia"]!) { raw.important.contains($0) && raw.year[$0] == 2010 },
      "CHN–RUS important 2010")
    #expect(important.filter == RollCallFilter(importantOnly: true))
    #expect(important.row(inYear: 2019) == nil)
    #expect(important.notes.contains { $0.contains("2018–2019") })
  }

  @Test func vetoCountsAgreeWithTheFilesJointFlags() throws {
    let store = try Self.store.get()
    // Read the file plainly: count each member's vetoes by name and the joint-veto flags.
    var byName: [String: Int] = [:]
    var flags: [String: Int] = [:]
    for row in try CSVReader(path: SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv").path).rows() {
      for column in ["member_veto1", "member_veto2", "member_veto3"] where !row.text(column).isEmpty {
        byName[row.text(column), default: 0] += 1
      }
      for flag in ["russia_china", "usa_uk", "usa_france", "usa_france_uk", "france_uk"] where row.text(flag) != "0" {
        flags[flag, default: 0] += 1
      }
    }
    // The imported list only: the curated vetoes after 15 September 2022 are set aside.
    func imported(_ vetoes: [Veto]?) -> Int? { vetoes?.count { !$0.isCurated } }
    let chinaRussia = try store.vetoes(for: try Dyad("CHN", "RUS"))
    #expect(imported(chinaRussia.joint) == flags["russia_china"])
    #expect(imported(chinaRussia.joint) == 14)
    #expect(imported(chinaRussia.side(of: "CHN")?.vetoes) == byName["China"])
    #expect(imported(chinaRussia.side(of: "RUS")?.vetoes) == byName["USSR"]! + byName["Russia"]!)
    #expect(chinaRussia.side(of: "CHN")?.lastWithoutPartner?.date == (try Day(parsing: "1999-02-25")))
    let usaUK = try store.vetoes(for: try Dyad("USA", "GBR"))
    #expect(imported(usaUK.joint) == flags["usa_uk"]! + flags["usa_france_uk"]!)
    #expect(imported(usaUK.side(of: "USA")?.vetoes) == byName["USA"])
    #expect(imported(usaUK.side(of: "GBR")?.vetoes) == byName["UK"])
    let franceUK = try store.vetoes(for: try Dyad("FRA", "GBR"))
    #expect(imported(franceUK.joint) == flags["france_uk"]! + flags["usa_france_uk"]!)
    let usaFrance = try store.vetoes(for: try Dyad("USA", "FRA"))
    #expect(imported(usaFrance.joint) == (flags["usa_france"] ?? 0) + flags["usa_france_uk"]!)
    #expect(imported(usaFrance.side(of: "FRA")?.vetoes) == byName["France"])
  }

  @Test func curatedVetoesContinueTheImportedList() throws {
    let store = try Self.store.get()
    let after = try Day(parsing: "2022-09-15")
    let list = try store.vetoList()
    let later = list.filter { $0.date > after }
    // Every later veto is curated and carries its own source; none is counted twice.
    #expect(!later.isEmpty && later.allSatisfy { $0.isCurated && $0.source!.url.hasPrefix("http") })
    #expect(Set(list.map(\.id)).count == list.count)
    func count(_ state: StateID) -> Int { later.count { $0.isCast(by: state) } }
    #expect(count("RUS") == 8 && count("CHN") == 2 && count("USA") == 7)
    #expect(count("GBR") == 0 && count("FRA") == 0)
    let chinaRussia = try store.vetoes(for: try Dyad("CHN", "RUS"))
    // China's and Russia's joint vetoes of the US drafts on Gaza.
    let joint = chinaRussia.joint.filter { $0.date > after }.map(\.date.description)
    #expect(joint == ["2023-10-25", "2024-03-22"])
    #expect(chinaRussia.joint.count == 16)
    // Russia's last veto without China is now Sudan (18 November 2024), not Syria (8 July 2022).
    #expect(chinaRussia.side(of: "RUS")?.lastWithoutPartner?.date == (try Day(parsing: "2024-11-18")))
    #expect(chinaRussia.coverage?.upperBound == 2025)
    #expect(chinaRussia.notes[0].contains("ends on 15 September 2022"))
    #expect(chinaRussia.notes[0].contains("continue it to 18 September 2025"))
    #expect(chinaRussia.notes[0].contains("would be missing"))
  }

  @Test func idealPointsAndSharedIGOsMatchTheProvenance() throws {
    let store = try Self.store.get()
    // The June 2024 release (the folder's): session 78 (2023) RUS −0.532, CHN −0.801.
    let ideal = try store.idealPoints(for: try Dyad("CHN", "RUS"))
    let last = try #require(ideal.rows.last)
    #expect(last.session == 78 && last.year == 2023)
    #expect(abs(last.first.value - -0.801) < 0.0005 && abs(last.second.value - -0.532) < 0.0005)
    #expect(abs(last.distance - 0.269) < 0.001)
    // Russia–China shared IGOs: 2 in 1950, 5 in 1970, 36 in 1992, 50 in 2000, 55 in 2014.
    let institutions = try store.sharedInstitutions(for: try Dyad("CHN", "RUS"))
    let counts = Dictionary(institutions.years.map { ($0.year, $0.sharedIGOs) }, uniquingKeysWith: { a, _ in a })
    #expect(counts[1950] == 2 && counts[1970] == 5 && counts[1992] == 36 && counts[2000] == 50 && counts[2014] == 55)
    // After 2014 the count is missing, not 0, and the curated memberships carry on.
    #expect(counts[2015] == .some(nil))
    #expect(institutions.years.first { $0.year == 2020 }?.curated.contains("SCO") == true)
  }

  @Test func reimportingTheSameFilesChangesNothing() throws {
    let store = try Self.store.get()
    let importer = UNSCVetoesImporter()
    #expect(try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder("unsc-vetoes"))) == .unchanged)
  }
}
