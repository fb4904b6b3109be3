import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadImport

@Suite struct DiplomaticImporterTests {
  static let registry = try! StateRegistry.standard()

  func importVotes(_ folder: URL) throws -> (RecordingSink, ImportSummary) {
    let importer = UNGAVotesImporter()
    let sink = RecordingSink()
    let summary = try importer.read(
      try importer.inputFiles(at: folder), into: sink, context: ImportContext(registry: Self.registry))
    return (sink, summary)
  }

  /// The error an import of the fixture with edited vote lines throws.
  func votesError(_ edit: (inout [String]) -> Void) throws -> ImportError {
    let folder = try TemporaryFolder("dipl-data")
    let url = try DiplomaticFixture.write(in: folder, edit: edit)
    do {
      _ = try importVotes(url)
    } catch let error as ImportError {
      return error
    }
    Issue.record("the import did not fail")
    return ImportError(file: "", message: "")
  }

  @Test func votesIdentifyStatesByNameInUNUsage() throws {
    let folder = try TemporaryFolder("dipl-data")
    let (sink, summary) = try importVotes(try DiplomaticFixture.write(in: folder))
    #expect(summary.coverage == (try YearRange(from: 1970, to: 2019)))
    // Votes are packed by state and year, one byte per roll call: 0 is no vote.
    let packed = sink.table("unga_vote_year")
    #expect(packed.count == 16)  // four states in each of four years
    var cast = 0
    for row in packed { if case .blob(let bytes) = row["votes"]! { cast += bytes.count { $0 != 0 } } }
    #expect(cast == 36)
    let chinaIn2019 = try #require(packed.first { $0["state_id"] == .text("CHN") && $0["year"] == .integer(2019) })
    #expect(chinaIn2019["votes"] == .blob([1, 2, 3]))
    #expect(sink.table("unga_roll_call").count == 9)
    #expect(sink.table("unga_roll_call_issue").count == 4)
    var states: [String: Set<String>] = [:]
    var codes: [String: SQLValue] = [:]
    for voter in sink.table("unga_voter") {
      states[voter["name"]!.text!, default: []].insert(voter["state_id"]!.text!)
      codes[voter["name"]!.text!] = voter["iso2"]!
    }
    // Namibia's "NA" is a code, not a missing value; the empty codes of the FRG and North Yemen
    // do not matter, since names identify states.
    #expect(states["Namibia"] == ["NAM"])
    #expect(codes["Namibia"] == .text("NA"))
    #expect(codes["Yemen Arab Republic"] == .null)
    #expect(states["Yemen Arab Republic"] == ["YAR"])
    // West Germany in 1985; united Germany for the same name after 3 October 1990.
    #expect(states["Federal Republic of Germany"] == ["FRG", "DEU"])
    // The China seat before 1971 is filed under Taiwan; "Russia" covers the USSR.
    #expect(states["Taiwan"] == ["TWN"])
    #expect(states["China"] == ["CHN"])
    #expect(states["Russia"] == ["RUS"])
    // Roll-call metadata is kept, and not coded is NULL, not 0.
    let first = try #require(sink.table("unga_roll_call").first { $0["rcid"] == .integer(1) })
    #expect(
      first["important"] == .null && first["amendment"] == .integer(0) && first["short"] == .text("TRUSTEESHIP, A"))
    let seventh = try #require(sink.table("unga_roll_call").first { $0["rcid"] == .integer(7) })
    #expect(
      seventh["important"] == .integer(1) && seventh["session"] == .integer(74) && seventh["year"] == .integer(2019))
  }

  @Test func similarityRowsMatchHandComputation() throws {
    let folder = try TemporaryFolder("dipl-data")
    let (sink, _) = try importVotes(try DiplomaticFixture.write(in: folder))
    // Packed by dyad: one row each, with a record per year from its first to its last.
    let dyads = sink.table("unga_similarity_dyad")
    // 1970: 6 dyads; 1985: 5 new (RUS–USA was in 1970); 1990: 5 new (Germany votes as DEU after
    // 3 October 1990, with NAM, RUS and USA; NAM–RUS and NAM–USA); 2019: 1 new (CHN–NAM).
    #expect(dyads.count == 17)
    func records(_ a: String, _ b: String) throws -> [UNGASimilarityPack.Record] {
      let row = try #require(dyads.first { $0["state_a"] == .text(a) && $0["state_b"] == .text(b) })
      guard case .blob(let data) = row["data"], case .integer(let first) = row["first_year"] else {
        Issue.record("unexpected columns \(row)")
        return []
      }
      return UNGASimilarityPack.records(in: data, firstYear: first)
    }
    // Four voters (six dyads) in each of 1970, 1985, 1990 and 2019.
    let all = try dyads.flatMap { try records($0["state_a"]!.text!, $0["state_b"]!.text!) }
    #expect(all.count == 24)
    // RUS–USA voted together in all four years; the years between are empty records.
    #expect(try records("RUS", "USA").map(\.year) == [1970, 1985, 1990, 2019])
    let chinaRussia = try #require(try records("CHN", "RUS").first { $0.year == 2019 })
    let measures = chinaRussia.votes.measures
    #expect(measures.n == 3)
    #expect(abs(measures.agree! - 2.0 / 3) < 1e-12)
    #expect(abs(measures.agreeHalf! - 5.0 / 6) < 1e-12)
    #expect(abs(measures.s! - 2.0 / 3) < 1e-12)
    #expect(abs(measures.pi! - 5.0 / 11) < 1e-12)
    #expect(abs(measures.kappa! - 0.5) < 1e-12)
    // Percentiles to hundredths of a percent: (4 + ½·2)/6 = 83.33 %.
    #expect(chinaRussia.percentiles[.s] == 83.33)
    let unanimous = try #require(try records("NAM", "USA").first { $0.year == 1990 })
    #expect(unanimous.votes.counts[0] == 2)
    #expect(unanimous.percentiles[.pi] == nil && unanimous.percentiles[.kappa] == nil)
    let year = try #require(sink.table("unga_similarity_year").first { $0["year"] == .integer(2019) })
    #expect(year["dyads"] == .integer(6) && year["roll_calls"] == .integer(3) && year["voters"] == .integer(4))
    #expect(abs(year["s_median"]!.real! - -1.0 / 6) < 1e-12)
  }

  @Test func badVoteValueIsRejectedWithItsLine() throws {
    let error = try votesError { $0[14] = "4,Russia,RU,maybe" }
    #expect(error.file == "un_votes.csv" && error.line == 15 && error.field == "vote")
    #expect(error.message.contains("maybe"))
  }

  @Test func unknownCountryIsRejectedWithItsLine() throws {
    let error = try votesError { $0[11] = "3,Atlantis,AT,no" }
    #expect(error.line == 12 && error.field == "country")
    #expect(error.description.contains("Atlantis"))
  }

  @Test func truncatedLinesAreRejectedWithTheirLine() throws {
    let short = try votesError { $0.append("9,Chi") }
    #expect(short.line == 38)
    #expect(short.message.contains("truncated"))
    let openQuote = try votesError { $0.append("9,\"China") }
    #expect(openQuote.line == 38)
  }

  @Test func unknownRollCallAndDoubleVotesAreRejected() throws {
    let unknown = try votesError { $0[1] = "99,United States,US,yes" }
    #expect(unknown.line == 2 && unknown.field == "rcid")
    // The same state twice on one roll call, under two names.
    let twice = try votesError { $0.append("9,Russian Federation,RU,yes") }
    #expect(twice.line == 38 && twice.message.contains("twice"))
  }

  @Test func rollCallErrorsNameTheirLine() throws {
    let folder = try TemporaryFolder("dipl-data")
    let url = try DiplomaticFixture.write(in: folder)
    try folder.write(
      "unga-votes/un_roll_calls.csv",
      DiplomaticFixture.rollCalls.replacingOccurrences(of: "4,40,0,1985-11-01", with: "4,40,2,1985-11-01"))
    #expect(
      throws: ImportError(
        file: "un_roll_calls.csv", line: 5, field: "importantvote", message: "'2' is not 0, 1 or empty")
    ) {
      _ = try importVotes(url)
    }
    try folder.write(
      "unga-votes/un_roll_calls.csv",
      DiplomaticFixture.rollCalls.replacingOccurrences(of: "1985-11-01", with: "1985-11-31"))
    let error = #expect(throws: ImportError.self) { _ = try importVotes(url) }
    #expect(error?.line == 5 && error?.field == "date")
  }

  /// Implausible ids, sessions and dates are refused with their line and the range; a sparse but
  /// valid id is read without an array sized by it.
  @Test func implausibleRollCallsAreRefusedAndSparseIdsRead() throws {
    let folder = try TemporaryFolder("dipl-plausible")
    let url = try DiplomaticFixture.write(in: folder)
    func rollCalls(_ from: String, _ to: String) throws {
      try folder.write(
        "unga-votes/un_roll_calls.csv", DiplomaticFixture.rollCalls.replacingOccurrences(of: from, with: to))
    }
    try rollCalls("4,40,0,1985-11-01", "100000000000,40,0,1985-11-01")
    #expect(
      throws: ImportError(
        file: "un_roll_calls.csv", line: 5, field: "rcid",
        message: "'100000000000' is not a roll-call id (a whole number in 1–2147483647)")
    ) { _ = try importVotes(url) }
    try rollCalls("4,40,0,1985-11-01", "4,99999,0,1985-11-01")
    #expect(
      throws: ImportError(
        file: "un_roll_calls.csv", line: 5, field: "session",
        message: "'99999' is not a session number (1 = 1946; 1–200)")
    ) { _ = try importVotes(url) }
    try rollCalls("4,40,0,1985-11-01", "4,40,0,9999-12-31")
    #expect(
      throws: ImportError(
        file: "un_roll_calls.csv", line: 5, field: "date",
        message: "9999-12-31 is outside session 40's years (1946–1987)")
    ) { _ = try importVotes(url) }

    // Roll call 9 renumbered 2,000,000,000 (in its roll calls, issues and votes): read as before.
    let renumbered = try DiplomaticFixture.write(in: folder, name: "sparse") { lines in
      for i in lines.indices where lines[i].hasPrefix("9,") { lines[i] = "2000000000" + lines[i].dropFirst(1) }
    }
    try folder.write(
      "sparse/un_roll_calls.csv",
      DiplomaticFixture.rollCalls.replacingOccurrences(of: "9,74,1,2019-12-01", with: "2000000000,74,1,2019-12-01"))
    try folder.write(
      "sparse/un_roll_call_issues.csv",
      DiplomaticFixture.issues.replacingOccurrences(of: "9,me,", with: "2000000000,me,"))
    let (sink, summary) = try importVotes(renumbered)
    #expect(summary.rowsRead == 9 + 4 + 36)
    let last = try #require(sink.table("unga_roll_call").last)
    #expect(last["rcid"] == .integer(2_000_000_000) && last["date"] == .text("2019-12-01"))
    // Its four votes are in 2019's packed votes: the third byte of each state's 2019 row.
    let packed2019 = sink.table("unga_vote_year").filter { $0["year"] == .integer(2019) }
    let byState = Dictionary(uniqueKeysWithValues: packed2019.map { ($0["state_id"]!.text!, $0["votes"]!.bytes!) })
    #expect(byState["USA"]?[2] == 1 && byState["RUS"]?[2] == 3 && byState["CHN"]?[2] == 3 && byState["NAM"]?[2] == 2)
  }

  @Test func idealPointSessionsOutOfRangeAreRefused() throws {
    let folder = try TemporaryFolder("dipl-ideal-range")
    let file = try folder.write(
      "ideal.csv",
      "ccode,session,NVotesAll,IdealPointAll,QO%All,Q5%All,Q10%All,Q50%All,Q90%All,Q95%All,Q100%All,iso3c,Countryname\n"
        + "2,9223372036854775807,42,1.7,1,1,1,1,1,1,1,USA,United States\n")
    #expect(
      throws: ImportError(
        file: "ideal.csv", line: 2, field: "session",
        message: "'9223372036854775807' is not a session number (1 = 1946; 1–200)")
    ) {
      _ = try UNGAIdealPointsImporter().read(
        [file], into: RecordingSink(), context: ImportContext(registry: Self.registry))
    }
  }

  @Test func vetoesReadNamesAcrossQuotedLineBreaks() throws {
    let folder = try TemporaryFolder("dipl-data")
    let header =
      "year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,member_veto2,member_veto3,single_veto,multiple_vetoes,China,France,Russia,USSR,USA,UK,russia_china,usa_uk,usa_france,usa_france_uk,france_uk"
    let good = [
      header,
      "1950,9/12/1950,9,S/1812,S/PV.501,Complaint,Korea,Asia,USSR,,,1,0,0,0,0,1,0,0,0,0,0,0,0",
      "2020,7/7/2020,7,S/2020/654,\"S/2020/661\nS/2020/657\",Syria,Syria,Middle East,Russia,China,,0,1,1,0,1,0,0,0,1,0,0,0,0",
      "1956,10/30/1956,10,S/3710,S/PV.749,Suez,Suez,Middle East,UK,France,,0,1,0,0,0,0,0,0,0,0,0,0,1",
    ]
    let file = try folder.write("unsc.csv", good.joined(separator: "\n") + "\n")
    let sink = RecordingSink()
    let summary = try UNSCVetoesImporter().read([file], into: sink, context: ImportContext(registry: Self.registry))
    #expect(sink.table("unsc_veto").count == 3)
    #expect(sink.table("unsc_veto")[1]["meeting_record"] == .text("S/2020/661\nS/2020/657"))
    let members = sink.table("unsc_veto_member").map { ($0["veto_id"]!.int!, $0["state_id"]!.text!) }
    #expect(members.map(\.1) == ["RUS", "RUS", "CHN", "GBR", "FRA"])
    #expect(summary.coverage == (try YearRange(from: 1950, to: 2020)))
    // The row after the two-line record is on line 5; a flag naming an absent member is an error.
    let bad = good[0..<3] + [good[3].replacingOccurrences(of: ",0,0,0,0,0,1", with: ",0,0,1,0,0,1")]
    let badFile = try folder.write("bad.csv", bad.joined(separator: "\n") + "\n")
    let error = #expect(throws: ImportError.self) {
      _ = try UNSCVetoesImporter().read(
        [badFile], into: RecordingSink(), context: ImportContext(registry: Self.registry))
    }
    #expect(error?.line == 5 && error?.field == "usa_uk")
  }

  @Test func idealPointsByCOWCodeAndSession() throws {
    let folder = try TemporaryFolder("dipl-data")
    let file = try folder.write(
      "ideal.csv",
      """
      ccode,session,NVotesAll,IdealPointAll,QO%All,Q5%All,Q10%All,Q50%All,Q90%All,Q95%All,Q100%All,iso3c,Countryname
      365,74,90,-0.5,-1,-0.7,-0.6,-0.5,-0.4,-0.3,0,RUS,Russia
      260,40,80,1.1,NA,0.9,1,1.1,1.2,1.3,NA,DEU,German Federal Republic
      710,74,88,-1.0,-2,-1.2,-1.1,-1,-0.9,-0.8,0,CHN,China

      """)
    let sink = RecordingSink()
    _ = try UNGAIdealPointsImporter().read([file], into: sink, context: ImportContext(registry: Self.registry))
    let rows = sink.table("unga_ideal_point")
    #expect(rows.map { $0["state_id"]!.text! } == ["RUS", "FRG", "CHN"])
    #expect(rows[1]["q0"] == .null && rows[1]["q5"] == .real(0.9))
    let duplicate = try folder.write(
      "dup.csv",
      "ccode,session,NVotesAll,IdealPointAll\n365,74,90,-0.5\n365,74,91,-0.4\n")
    let error = #expect(throws: ImportError.self) {
      _ = try UNGAIdealPointsImporter().read(
        [duplicate], into: RecordingSink(), context: ImportContext(registry: Self.registry))
    }
    #expect(error?.line == 3)
  }

  @Test func igoDyadsAreStoredSmallerIDFirst() throws {
    let folder = try TemporaryFolder("dipl-data")
    let dyads = try folder.write("d.csv", "ccode1,ccode2,year,dyadigos\n2,365,2000,61\n365,710,2000,50\n2,710,2000,0\n")
    let states = try folder.write(
      "s.csv",
      "ccode,year,sum_igo_full,sum_igo_associate,sum_igo_observer,sum_igo_anytype\n365,2000,80,1,2,83\n")
    let sink = RecordingSink()
    let summary = try COWIGOImporter().read(
      [dyads, states], into: sink, context: ImportContext(registry: Self.registry))
    let rows = sink.table("cow_igo_dyad_year").map {
      "\($0["state_a"]!.text!)-\($0["state_b"]!.text!) \($0["shared"]!.int!)"
    }
    #expect(rows == ["CHN-RUS 50", "CHN-USA 0", "RUS-USA 61"])
    #expect(sink.table("cow_igo_state_year").first?["full"] == .integer(80))
    #expect(summary.coverage == (try YearRange(from: 2000, to: 2000)))
    let negative = try folder.write("n.csv", "ccode1,ccode2,year,dyadigos\n2,365,2000,61\n2,20,2000,-1\n")
    let error = #expect(throws: ImportError.self) {
      _ = try COWIGOImporter().read(
        [negative, states], into: RecordingSink(), context: ImportContext(registry: Self.registry))
    }
    #expect(error?.line == 3 && error?.field == "dyadigos")
  }
}
