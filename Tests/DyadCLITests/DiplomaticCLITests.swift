import DyadTestSupport
import Foundation
import Testing

/// `dyad alignment`, `dyad vetoes` and `dyad institutions`, end to end through the built binary,
/// on the hand-made votes folder (see `DiplomaticFixture`) and the real veto list.
@Suite("CLI diplomatic", .serialized)
struct DiplomaticCLITests {
  let folder = try! TemporaryFolder("dyad-cli-dipl")
  var store: String { folder.path("store.sqlite") }

  func run(_ arguments: [String]) throws -> CommandResult { try DyadBinary.run(arguments, store: store) }

  func importFixture() throws {
    let votes = try DiplomaticFixture.write(in: folder)
    let result = try run(["import", "unga-votes", votes.path])
    #expect(result.status == 0, "\(result.stderr)")
  }

  func csvRows(_ text: String) -> [String: [String]] {
    var rows: [String: [String]] = [:]
    // CSV lines end with CRLF: split on any line end.
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      rows[fields[0]] = fields
    }
    return rows
  }

  @Test("without the votes, alignment says which import fills the store")
  func alignmentNeedsTheVotes() throws {
    let result = try run(["alignment", "China", "Russia"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("dyad import unga-votes"), "\(result.stderr)")
    #expect(!result.stderr.contains("Optional("))
  }

  @Test("alignment --csv: one row per year, the issue's columns first, missing as empty")
  func alignmentCSV() throws {
    try importFixture()
    let result = try run(["alignment", "China", "Russia", "--csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
    // Changed deliberately: the default reference dyads are USA–GBR and USA–JPN on every surface.
    #expect(
      lines.first
        == "year,n,agree,agree_half,s,pi,kappa,percentile,median,usa_gbr_s,usa_jpn_s,ideal_distance,ideal_closeness_percentile")
    // Hand-computed: agree 2/3, agree_half 5/6, S 2/3, π 5/11, κ ½, percentile 83.33, median S −1/6;
    // the USA–GBR and USA–JPN references and the ideal points are missing: empty, not 0.
    #expect(lines.contains("2019,3,0.666667,0.833333,0.666667,0.454545,0.500000,83.33,-0.166667,,,,"))
    #expect(csvRows(result.stdout)["1985"]?[1] == "2")
    #expect(csvRows(result.stdout).count == 2)
  }

  @Test("alignment as a table and as JSON, with issue, important, rank and reference options")
  func alignmentOptions() throws {
    try importFixture()
    let table = try run(["alignment", "PRC", "Russian Federation", "--reference", "USA/Namibia"])
    #expect(table.status == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "YEAR\tN\tAGREE\tAGREE½\tS\tPI\tKAPPA\tPCTL S\tMEDIAN\tUSA-NAM S")
    #expect(lines.contains { $0.hasPrefix("2019\t3\t0.667\t0.833\t0.667\t0.455\t0.500\t83.3\t-0.167\t") })
    #expect(!table.stdout.contains("nan") && !table.stdout.contains("Optional"))

    let json = try run(["alignment", "China", "Russia", "--json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let alignment = object["alignment"] as! [String: Any]
    let rows = alignment["rows"] as! [[String: Any]]
    let last = try #require(rows.last)
    #expect(last["year"] as? Int == 2019)
    #expect((last["percentiles"] as! [String: Any])["s"] as? Double == 83.33)
    #expect((last["measures"] as! [String: Any])["n"] as? Int == 3)
    #expect(last["votes"] as? [[Int]] == [[1, 0, 0], [1, 0, 0], [0, 0, 1]])
    #expect(object["rankedBy"] as? String == "s")

    let issue = try run(["alignment", "China", "Russia", "--issue", "hr", "--csv", "--no-reference"])
    #expect(issue.status == 0, "\(issue.stderr)")
    #expect(issue.stdout.split(whereSeparator: \.isNewline).first == "year,n,agree,agree_half,s,pi,kappa,percentile,median,ideal_distance,ideal_closeness_percentile")
    #expect(csvRows(issue.stdout)["2019"]?[1...4] == ["2", "0.500000", "0.750000", "0.500000"])

    let important = try run(["alignment", "China", "Russia", "--important", "--rank-by", "kappa", "--csv", "--no-reference"])
    #expect(important.status == 0, "\(important.stderr)")
    #expect(csvRows(important.stdout)["2019"]?[1] == "2")
    #expect(csvRows(important.stdout)["2019"]?[6] == "1.000000")

    let window = try run(["alignment", "USA", "Russia", "--window", "100", "--csv", "--no-reference"])
    #expect(window.status == 0, "\(window.stderr)")
    // The last window pools all nine joint votes (1970–2019); no percentile for windows.
    #expect(csvRows(window.stdout)["2019"]?[1] == "9")
    #expect(csvRows(window.stdout)["2019"]?[7] == "")
  }

  @Test("alignment rejects bad options with one clear line")
  func alignmentErrors() throws {
    for arguments in [
      ["alignment", "China", "China"], ["alignment", "China", "Russia", "--issue", "xx"],
      ["alignment", "China", "Russia", "--from", "2010", "--to", "2000"],
      ["alignment", "China", "Russia", "--reference", "USA"], ["alignment", "China", "Russia", "--json", "--csv"],
    ] {
      let result = try run(arguments)
      #expect(result.status != 0, "\(arguments)")
      #expect(!result.stderr.isEmpty, "\(arguments)")
    }
  }

  @Test("vetoes of China and Russia from the real veto list", .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
  func vetoes() throws {
    let imported = try run(["import", "unsc-vetoes", SharedData.folder("unsc-vetoes").path])
    #expect(imported.status == 0, "\(imported.stderr)")
    let csv = try run(["vetoes", "China", "Russia", "--csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(whereSeparator: \.isNewline).map(String.init)
    // Changed deliberately: the CLI and the API share one veto table (id, region and meeting records
    // added), and a curated veto's own source (source_url) follows.
    #expect(lines.first == "id,date,draft,topic,agenda_item,region,meeting_records,vetoed_by,chn,rus,joint,source_url")
    let listed = lines.dropFirst().filter { $0.hasSuffix(",") }
    let curated = lines.dropFirst().filter { !$0.hasSuffix(",") }
    #expect(listed.count { $0.hasSuffix(",1,1,1,") } == 14)
    // China 17, Russia and the USSR 121, 14 of them joint: 124 vetoes by either in the imported list;
    // Dyad's curated vetoes add 8 after 15 September 2022 (Russia 8, China 2, both 2).
    #expect(listed.count == 17 + 121 - 14)
    #expect(curated.count == 8 && curated.allSatisfy { $0.contains(",http") })
    let table = try run(["vetoes", "Russia", "China"])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("Joint with the other"))
    #expect(table.stdout.contains("1999-02-25"))
    let neither = try run(["vetoes", "India", "Pakistan"])
    #expect(neither.status == 0)
    #expect(neither.stdout.contains("permanent seat"))
  }

  @Test("institutions: curated memberships without COW, counts once imported")
  func institutions() throws {
    let curated = try run(["institutions", "China", "Russia", "--from", "2010", "--to", "2020", "--csv"])
    #expect(curated.status == 0, "\(curated.stderr)")
    let rows = csvRows(curated.stdout)
    #expect(curated.stdout.split(whereSeparator: \.isNewline).first == "year,shared_igos,chn_igos,rus_igos,curated")
    #expect(rows.count == 11)
    #expect(rows["2015"]?[1] == "")  // missing, not 0
    #expect(rows["2015"]?[4].contains("SCO") == true)
    let igo = folder.url.appendingPathComponent("cow-igo")
    try folder.write("cow-igo/cow_igo_dyad_year_nondirected.csv", "ccode1,ccode2,year,dyadigos\n365,710,2014,55\n")
    try folder.write(
      "cow-igo/cow_igo_state_year.csv",
      "ccode,year,sum_igo_full,sum_igo_associate,sum_igo_observer,sum_igo_anytype\n365,2014,88,0,2,90\n710,2014,60,1,3,64\n")
    let imported = try run(["import", "cow-igo", igo.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    let counted = try run(["institutions", "Russia", "China", "--from", "2014", "--to", "2015", "--csv"])
    #expect(counted.status == 0, "\(counted.stderr)")
    #expect(counted.stdout.split(whereSeparator: \.isNewline).first == "year,shared_igos,rus_igos,chn_igos,curated")
    #expect(csvRows(counted.stdout)["2014"]?[0...3] == ["2014", "55", "88", "60"])
  }
}
