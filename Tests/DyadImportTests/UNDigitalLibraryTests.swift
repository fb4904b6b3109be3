import DyadAnalysis
import DyadCore
import DyadData
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadImport

/// The UN Digital Library's voting records (`un-digital-library`) in ../shared/data. Expected
/// values are the PROVENANCE checks (China–Russia GA 2019 76/96, 2020 78/98, 2021 68/88, 2025
/// 150/192; USA–GBR 2025 0.214, USA–JPN 0.115) and counts from the raw files with Python's csv:
///
/// ```python
/// # the 1946–2021 scrape: headers stripped; a state's vote is its first non-empty column
/// def agree(a, b, body, year):   # (same, both voted Y/N/A)
///     n = s = 0
///     for row in rows:
///         if row[0] != body or row[1][:4] != str(year): continue
///         va = next((row[i] for i in cols(a) if row[i]), ''); vb = next((row[i] for i in cols(b) if row[i]), '')
///         if va in ('Y', 'N', 'A') and vb in ('Y', 'N', 'A'): n += 1; s += va == vb
///     return s, n
/// # the 2025 scrape: DictReader, both cells non-empty
/// ```
/// GA: India–Pakistan 2020 80/98, Germany–France 2021 78/86, 2025 India–Pakistan 170/190 and
/// Germany–France 174/192. SC: China–Russia 2018 52/54 and 2025 41/44; USA–UK 2020 57/57; China–USSR
/// 1985 19/21.
@Suite(
  "UN Digital Library votes", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct UNDigitalLibraryTests {
  static let folder = SharedData.folder("un-digital-library")
  let registry = try! StateRegistry.standard()

  /// One store with the small unga-votes fixture and the whole Digital Library folder.
  static let imported: (store: Store, summary: ImportSummary, folder: TemporaryFolder) = {
    let folder = try! TemporaryFolder("dyad-undl")
    let store = try! Store.open(at: folder.path("dyad.sqlite"))
    let fixture = try! DiplomaticFixture.write(in: folder)
    let votes = UNGAVotesImporter()
    _ = try! store.importDataset(votes, files: try! votes.inputFiles(at: fixture))
    let importer = UNDigitalLibraryImporter()
    guard
      case .imported(let summary) = try! store.importDataset(importer, files: try! importer.inputFiles(at: Self.folder))
    else { fatalError("a first import imports") }
    return (store, summary, folder)
  }()

  /// The shared import, done off Swift's cooperative pool (see ``offThePool(_:)``).
  static func load() async throws { _ = try await offThePool { Self.imported.summary } }

  func agreement(_ a: StateID, _ b: StateID, _ year: Int, source: UNVoteSource = .digitalLibrary) throws -> (Int, Int)?
  {
    let summary = try Self.imported.store.alignment(
      for: try Dyad(a, b), years: try YearRange(from: year, to: year), references: [], source: source)
    return summary.rows.first.map { row in
      (Int(((row.measures.agree ?? 0) * Double(row.votes.n)).rounded()), row.votes.n)
    }
  }

  @Test func generalAssemblyAgreementMatchesTheRawFilesForAnyPair() async throws {
    try await Self.load()
    let expected: [(StateID, StateID, Int, (Int, Int))] = [
      ("CHN", "RUS", 2019, (76, 96)), ("CHN", "RUS", 2020, (78, 98)), ("CHN", "RUS", 2021, (68, 88)),
      ("CHN", "RUS", 2025, (150, 192)), ("IND", "PAK", 2020, (80, 98)), ("DEU", "FRA", 2021, (78, 86)),
      ("IND", "PAK", 2025, (170, 190)), ("DEU", "FRA", 2025, (174, 192)),
    ]
    for (a, b, year, counts) in expected {
      let found = try #require(try agreement(a, b, year), "\(a)–\(b) \(year)")
      #expect(found == counts, "\(a)–\(b) \(year): \(found)")
    }
    let usa = try Self.imported.store.alignment(
      for: try Dyad("USA", "GBR"), years: try YearRange(from: 2025, to: 2025), references: [], source: .digitalLibrary)
    #expect(abs((usa.rows.first?.measures.agree ?? 0) - 0.214) < 0.0005)
    // Percentiles among all dyads that year, as for unga-votes.
    let row = try #require(
      try Self.imported.store.alignment(
        for: try Dyad("CHN", "RUS"), years: try YearRange(from: 2025, to: 2025), references: [], source: .digitalLibrary
      ).rows.first)
    #expect(row.dyads > 15_000 && (row.percentiles.s ?? -1) > 0 && (row.percentiles.s ?? 101) < 100)
  }

  @Test func theTwoSourcesStaySideBySideAndYearsWithoutRollCallsAreMissing() async throws {
    try await Self.load()
    let store = Self.imported.store
    // The fixture's own 2019: three roll calls, CHN and RUS alike on two.
    let voeten = try #require(try agreement("CHN", "RUS", 2019, source: .ungaVotes))
    #expect(voeten == (2, 3))
    #expect(try #require(try agreement("CHN", "RUS", 2019)) == (76, 96))
    // The most current source is the default.
    #expect(try store.currentVoteSource() == .digitalLibrary)
    let span = try store.alignment(
      for: try Dyad("CHN", "RUS"), years: try YearRange(from: 2020, to: 2025), references: [])
    #expect(span.rows.map(\.year) == [2020, 2021, 2025])
    #expect(span.notes.contains { $0.contains("No roll calls in 2022–2024 in un-digital-library") }, "\(span.notes)")
    // Re-importing unga-votes replaces only its own rows.
    let folder = try TemporaryFolder("dyad-undl-again")
    let fixture = try DiplomaticFixture.write(in: folder) { lines in lines.removeLast() }
    let votes = UNGAVotesImporter()
    _ = try store.importDataset(votes, files: try votes.inputFiles(at: fixture), replace: true)
    #expect(try #require(try agreement("CHN", "RUS", 2019)) == (76, 96))
  }

  @Test func securityCouncilMembersVotesBesideTheVetoes() async throws {
    try await Self.load()
    let store = Self.imported.store
    let council = try #require(try store.councilAgreement(for: try Dyad("CHN", "RUS")))
    func year(_ y: Int) -> (Int, Int)? { council.years.first { $0.year == y }.map { ($0.same, $0.votes) } }
    #expect(year(2018)! == (52, 54) && year(2025)! == (41, 44) && year(1985)! == (19, 21))
    let west = try #require(try store.councilAgreement(for: try Dyad("USA", "GBR")))
    #expect(west.years.first { $0.year == 2020 }.map { ($0.same, $0.votes) }! == (57, 57))
    // Brazil and India did not sit on the Council together in 2021.
    let elected = try #require(try store.councilAgreement(for: try Dyad("BRA", "IND")))
    #expect(!elected.years.contains { $0.year == 2021 })
  }

  @Test func scrapeHeadersThatNameNoStateAreReportedNotGuessed() async throws {
    try await Self.load()
    let notes = Self.imported.summary.notes
    #expect(notes.contains { $0.contains("'DONOTKNOW' (1 vote)") }, "\(notes)")
    #expect(notes.contains { $0.contains("45 resolutions adopted without a vote") }, "\(notes)")
    #expect(Self.imported.summary.coverage == (try YearRange(from: 1946, to: 2025)))
  }

  // MARK: Layouts and bad input

  func read(_ url: URL) throws -> RecordingSink {
    let sink = RecordingSink()
    _ = try UNDigitalLibraryImporter().read([url], into: sink, context: ImportContext(registry: registry))
    return sink
  }

  @Test func bothBulkLayoutsOfTheLibrary() throws {
    let folder = try TemporaryFolder("dyad-undl-bulk")
    // Version 5: singular names, X for non-voting.
    let v5 = try folder.write(
      "v5.csv",
      """
      undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title
      4000001,CHN,CHINA,Y,2024-12-10,79,A/RES/79/1,First
      4000001,RUS,RUSSIAN FEDERATION,N,2024-12-10,79,A/RES/79/1,First
      4000001,USA,UNITED STATES,X,2024-12-10,79,A/RES/79/1,First
      4000002,CHN,CHINA,A,2024-12-11,79,S/RES/2760(2024),Second
      4000002,RUS,RUSSIAN FEDERATION,A,2024-12-11,79,S/RES/2760(2024),Second

      """)
    let sink = try read(v5)
    #expect(sink.table(UNGARollCallRow.self).count == 1)
    #expect(sink.table(UNSCVoteRow.self).count == 2)
    #expect(sink.table(UNGAVoterRow.self).map { $0["state_id"] } == [.text("CHN"), .text("RUS")])
    // Version 1: plural names, NV for non-voting.
    let v1 = try folder.write(
      "v1.csv",
      """
      undl_id,ms_codes,ms_names,ms_votes,date,session,resolutions,title
      4000001,CHN,CHINA,Y,2024-12-10,79,A/RES/79/1,First
      4000001,USA,UNITED STATES,NV,2024-12-10,79,A/RES/79/1,First

      """)
    #expect(try read(v1).table(UNGAVoterRow.self).count == 1)
    let bad = try folder.write(
      "bad.csv",
      """
      undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title
      4000001,CHN,CHINA,Y,2024-12-10,79,A/RES/79/1,First
      4000001,RUS,RUSSIAN FEDERATION,maybe,2024-12-10,79,A/RES/79/1,First

      """)
    let error = try #require(throws: ImportError.self) { try read(bad) }
    #expect(error.file == "bad.csv" && error.line == 3 && error.field == "ms_vote", "\(error)")
    let twice = try folder.write(
      "twice.csv",
      """
      undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title
      4000001,RUS,RUSSIAN FEDERATION,Y,2024-12-10,79,A/RES/79/1,First
      4000001,RUS,Russian Federation,N,2024-12-10,79,A/RES/79/1,First

      """)
    #expect((try #require(throws: ImportError.self) { try read(twice) }).message.contains("RUS votes twice"))
  }

  @Test func aBadCellInTheWideScrapeNamesItsLineAndColumn() throws {
    let folder = try TemporaryFolder("dyad-undl-wide")
    var lines = try String(contentsOf: Self.folder.appendingPathComponent("un_dl_votes_2025_wide.csv"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Line 3's first YES becomes a vote that does not exist.
    let header = lines[0].split(separator: ",").map(String.init)
    lines[2] = lines[2].replacingOccurrences(
      of: ",YES,", with: ",MAYBE,", options: [], range: lines[2].range(of: ",YES,"))
    let url = try folder.write("wide.csv", lines.joined(separator: "\n"))
    let error = try #require(throws: ImportError.self) { try read(url) }
    #expect(error.line == 3 && error.message.contains("'MAYBE' is not a vote"), "\(error)")
    #expect(header.contains(error.field ?? ""), "\(error)")
    // A record listed twice is refused on the second's line.
    let lines2025 = try String(
      contentsOf: Self.folder.appendingPathComponent("un_dl_votes_2025_wide.csv"), encoding: .utf8
    )
    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let twice = try folder.write(
      "twice.csv", (Array(lines2025.prefix(3)) + [lines2025[2]]).joined(separator: "\n") + "\n")
    let repeated = try #require(throws: ImportError.self) { try read(twice) }
    #expect(repeated.file == "twice.csv" && repeated.line == 4, "\(repeated)")
    #expect(repeated.message.contains("is listed again (first on twice.csv line 3)"), "\(repeated)")
  }

  /// Random damage to the 2025 file's lines: never a crash; an ImportError naming the file, or a
  /// valid import; the store unchanged after a refusal.
  @Test func fuzzedFilesAreRefusedCleanlyAndLeaveTheStoreUnchanged() throws {
    let folder = try TemporaryFolder("dyad-undl-fuzz")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let importer = UNDigitalLibraryImporter()
    let original = try Data(contentsOf: Self.folder.appendingPathComponent("un_dl_votes_2025_wide.csv"))
    let good = try folder.write("good/votes.csv", String(decoding: original, as: UTF8.self))
    _ = try store.importDataset(importer, files: [good])
    let before = try store.recordedChecksum(of: "un-digital-library")
    var generator = SplitMix64(seed: 2025)
    let alphabet = Array(",\"\nYESNOABSTAIN0123-x ".utf8)
    var refused = 0
    for round in 0..<12 {
      var bytes = [UInt8](original)
      for _ in 0..<(1 + Int(generator.next() % 3)) {
        let at = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 3 {
        case 0: bytes[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
        case 1: bytes.remove(at: at)
        default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 6)], at: at)
        }
      }
      let url = folder.url.appendingPathComponent("f\(round)/votes.csv")
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
      do {
        _ = try store.importDataset(importer, files: [url], replace: true)
        _ = try store.importDataset(importer, files: [good], replace: true)
      } catch let error as ImportError {
        refused += 1
        #expect(error.file.hasPrefix("votes.csv"), "\(error)")
      }
      #expect(try store.recordedChecksum(of: "un-digital-library") == before)
    }
    #expect(refused > 3)
  }
}
