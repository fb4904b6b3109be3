import DyadCore
import DyadData
import DyadFast
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadImport

@Suite("Military importers")
struct MilitaryImporterTests {
  let registry = try! StateRegistry.standard()

  func run(_ importer: some DatasetImporter, _ files: [(String, String)]) throws -> (RecordingSink, ImportSummary) {
    let folder = try TemporaryFolder("military-import")
    let urls = try files.map { try folder.write($0.0, $0.1) }
    let sink = RecordingSink()
    let summary = try importer.read(urls, into: sink, context: ImportContext(registry: registry))
    return (sink, summary)
  }

  static let atopMemberHeader =
    "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,bilat,defense,offense,neutral,nonagg,consul\n"
  static let atopAllianceHeader =
    "atopid,begyr,begmo,begday,endyr,endmo,endday,bilat,milaid,base,intcom,defense,offense,neutral,nonagg,consul,"
    + (1...59).map { "mem\($0)" }.joined(separator: ",") + "\n"
  static func alliance(_ fields: String, members: [Int]) -> String {
    fields + "," + (members.map(String.init) + Array(repeating: "", count: 59 - members.count)).joined(separator: ",")
      + "\n"
  }
  static let dyadHeader = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"

  @Test("ATOP: members resolve by year, open exits stay open, 1815 codes resolve, West Germany is not Germany")
  func atop() throws {
    let (sink, summary) = try run(
      ATOPImporter(),
      [
        (
          "m.csv",
          Self.atopMemberHeader
            + "3200,365,1950,2,14,1980,4,11,0,1,1,0,0,1,0\n3200,710,1950,2,14,1980,4,11,0,1,1,0,0,1,0\n4980,365,2001,7,16,0,0,0,0,1,0,0,0,1,1\n"
        ),
        (
          "a.csv",
          Self.atopAllianceHeader + Self.alliance("3200,1950,2,14,1980,4,11,1,0,0,0,1,0,0,1,0", members: [365, 710])
        ),
        (
          "d.csv",
          Self.dyadHeader
            + "365,710,1950,1,0,0,1,0\n2,260,1990,1,0,0,0,0\n2,255,1991,0,0,0,0,1\n200,365,1815,1,1,0,0,1\n"
        ),
      ])
    let members = sink.rows["atop_member"] ?? []
    #expect(members.count == 3)
    #expect(members[0]["state_id"] == .text("RUS"))
    #expect(members[1]["state_id"] == .text("CHN"))
    #expect(members[0]["entered"] == .text("1950-02-14"))
    #expect(members[0]["exited"] == .text("1980-04-11"))
    #expect(members[2]["exited"] == .null)
    #expect(sink.rows["atop_alliance"]?.first?["member_count"] == .integer(2))
    let dyads = sink.rows["atop_dyad_year"] ?? []
    #expect(dyads.count == 4)
    let westGermany = try #require(dyads.first { $0["year"] == .integer(1990) })
    #expect(westGermany["state_a"] == .text("FRG") && westGermany["state_b"] == .text("USA"))
    #expect(westGermany["defense"] == .integer(1) && westGermany["consultation"] == .integer(0))
    let germany = try #require(dyads.first { $0["year"] == .integer(1991) })
    #expect(germany["state_a"] == .text("DEU") && germany["consultation"] == .integer(1))
    // ATOP starts in 1815, a year before the COW state system: codes are read as of 1816.
    let vienna = try #require(dyads.first { $0["year"] == .integer(1815) })
    #expect(vienna["state_a"] == .text("GBR") && vienna["state_b"] == .text("RUS"))
    #expect(summary.coverage == (try YearRange(from: 1815, to: 2001)))
  }

  @Test("ATOP: a bad obligation dummy is rejected with its line and column")
  func atopBadRow() throws {
    #expect {
      _ = try run(
        ATOPImporter(),
        [
          (
            "m.csv",
            Self.atopMemberHeader
              + "3200,365,1950,2,14,1980,4,11,0,1,1,0,0,1,0\n3200,710,1950,2,14,1980,4,11,0,1,2,0,0,1,0\n"
          ),
          ("a.csv", Self.atopAllianceHeader), ("d.csv", Self.dyadHeader),
        ])
    } throws: { error in
      let error = error as? ImportError
      return error?.file == "m.csv" && error?.line == 3 && error?.field == "defense"
    }
  }

  static let sipriHeader =
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production\n"

  @Test("SIPRI transfers: states resolve; NATO**, rebels* and unknown suppliers are kept without a state id")
  func transfers() throws {
    let (sink, _) = try run(
      SIPRITransfersImporter(),
      [
        (
          "t.csv",
          Self.sipriHeader
            + "1,Russia,China,Su-27SK,FGA aircraft,Aircraft,1995,No,6,Yes,2000,No,New,30,30,180,No\n"
            + "2,unknown supplier(s),China,Mi-8,helicopter,Aircraft,1999,Yes,2,Yes,2000,Yes,Second hand,4,4,8,No\n"
            + "3,United States,NATO**,E-3A,AEW aircraft,Aircraft,2000,No,1,,2001,,New,100,100,100,No\n"
            + "4,Russia,Libya HoR*,Mi-24,helicopter,Aircraft,2015,Yes,2,Yes,2016,Yes,Second hand,4,4,8,No\n"
        )
      ])
    let rows = try #require(sink.rows["arms_delivery"])
    #expect(rows.count == 4)
    #expect(rows[0]["supplier_id"] == .text("RUS") && rows[0]["recipient_id"] == .text("CHN"))
    #expect(rows[0]["tiv_delivered"] == .real(180))
    #expect(rows[1]["supplier_id"] == .null && rows[1]["supplier"] == .text("unknown supplier(s)"))
    #expect(rows[2]["recipient_id"] == .null && rows[2]["delivered_estimated"] == .null)
    #expect(rows[3]["recipient_id"] == .null)
  }

  @Test("SIPRI transfers: a name that is no state is rejected with its line")
  func transfersUnknownName() throws {
    #expect {
      _ = try run(
        SIPRITransfersImporter(),
        [("t.csv", Self.sipriHeader + "1,Atlantis,China,X,y,Aircraft,1995,No,6,Yes,2000,No,New,30,30,180,No\n")])
    } throws: { error in
      (error as? ImportError)?.line == 2 && (error as? ImportError)?.field == "Supplier"
    }
  }

  @Test("SIPRI milex: placeholder zeros are missing, real zeros stay, shares stay fractions, xxx is no row")
  func milex() throws {
    let header = "country,region_heading,measure,year,value,raw,notes\n"
    let (sink, _) = try run(
      SIPRIMilexImporter(),
      [
        (
          "x.csv",
          header
            + "Russia,Eastern Europe,current_usd_millions,1992,0,0,\n"
            + "Russia,Eastern Europe,local_currency_calendar_year,1992,904000000,904000000,\n"
            + "Russia,Eastern Europe,share_of_gdp,1992,0.0442703,0.04427032321253673,\n"
            + "Russia,Eastern Europe,current_usd_millions,1991,,...,\n"
            + "USSR,Eastern Europe,current_usd_millions,1990,219114.0618,219114.0618313603,\n"
            + "Russia,Eastern Europe,current_usd_millions,1990,0,0,\n"
            + "Russia,Eastern Europe,local_currency_calendar_year,1990,123400000,123400000,\n"
            + "USSR,Eastern Europe,current_usd_millions,1993,,xxx,\n"
            + "Costa Rica,Central America,current_usd_millions,2000,0,0,\n"
            + "Costa Rica,Central America,local_currency_calendar_year,2000,0,0,\n"
        )
      ])
    #expect(sink.observation("sipri_milex_current_usd_m", "RUS", 1992)?.status == .missing)
    #expect(sink.observation("sipri_milex_current_usd_m", "RUS", 1992)?.value == nil)
    #expect(sink.observation("sipri_milex_share_of_gdp", "RUS", 1992)?.value == 0.0442703)
    #expect(sink.observation("sipri_milex_current_usd_m", "RUS", 1991)?.status == .missing)
    // The USSR row and Russia's placeholder zero both give RUS 1990: the observed USSR value wins.
    #expect(sink.observation("sipri_milex_current_usd_m", "RUS", 1990)?.value == 219114.0618)
    #expect(sink.observation("sipri_milex_current_usd_m", "RUS", 1993) == nil)
    #expect(sink.observation("sipri_milex_current_usd_m", "CRI", 2000)?.value == 0)
    #expect(sink.observation("sipri_milex_current_usd_m", "CRI", 2000)?.status == .observed)
  }

  @Test("SIPRI milex: a share written as a percentage is rejected")
  func milexPercentage() throws {
    #expect {
      _ = try run(
        SIPRIMilexImporter(),
        [("x.csv", "country,region_heading,measure,year,value,raw,notes\nChina,East Asia,share_of_gdp,2010,4.4,4.4,\n")]
      )
    } throws: { error in
      (error as? ImportError)?.line == 2 && (error as? ImportError)?.field == "value"
    }
  }

  @Test("COW NMC: empty cells are missing; milex is pounds before 1914 and dollars after")
  func nmc() throws {
    let (sink, summary) = try run(
      NMCImporter(),
      [
        (
          "n.csv",
          "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n365,1913,90000,1300,4900,,170900.0,,0.09\n710,2022,218639000,2035,1017959,7370013,1433350.0,632320.0,0.23409663\n"
        )
      ])
    #expect(sink.observation("nmc_milex_gbp_thousands", "RUS", 1913)?.value == 90000)
    #expect(sink.observation("nmc_energy_thousand_coal_tons", "RUS", 1913)?.status == .missing)
    #expect(sink.observation("nmc_milex_usd_thousands", "CHN", 2022)?.value == 218_639_000)
    #expect(sink.observation("nmc_cinc", "CHN", 2022)?.value == 0.23409663)
    #expect(summary.coverage == (try YearRange(from: 1913, to: 2022)))
  }

  static let exercisesHeader =
    "id,name,yr," + (1...28).map { "part\($0)" }.joined(separator: ",") + ",comments,source,source2\n"
  static func exercise(
    _ id: Int, _ name: String, _ year: Int, _ partners: [String], source: String = "https://structure.mil.ru/x"
  ) -> String {
    "\(id),\(name),\(year)," + (partners + Array(repeating: "", count: 28 - partners.count)).joined(separator: ",")
      + ",,\(source),\n"
  }

  @Test("Exercises: Russia plus partners, bilateral with one partner, ids prefixed, each citing its report")
  func exercises() throws {
    let (sink, _) = try run(
      ExercisesImporter(),
      [
        (
          "e.csv",
          Self.exercisesHeader
            + Self.exercise(23, "Мирная миссия-2014", 2014, ["China", "Kazakhstan", "Kyrgyzstan", "Tajikistan"])
            + Self.exercise(24, "Морское взаимодействе-2014", 2014, ["China"])
        )
      ])
    let rows = try #require(sink.rows["exercise"])
    #expect(rows.map { $0["id"] } == [.text("jme-ru-23"), .text("jme-ru-24")])
    #expect(rows[0]["bilateral"] == .integer(0) && rows[1]["bilateral"] == .integer(1))
    #expect(rows[1]["start"] == .text("2014-01-01") && rows[1]["precision"] == .text("year"))
    let links = (sink.rows["exercise_state"] ?? []).filter { $0["exercise_id"] == .text("jme-ru-24") }
    #expect(Set(links.compactMap { if case .text(let s) = $0["state_id"] { s } else { nil } }) == ["RUS", "CHN"])
  }

  @Test("Exercises: an unknown partner is rejected with its line and column")
  func exercisesBadRow() throws {
    #expect {
      _ = try run(
        ExercisesImporter(),
        [
          (
            "e.csv",
            Self.exercisesHeader + Self.exercise(1, "Индра-2018", 2018, ["India"])
              + Self.exercise(2, "X", 2018, ["Narnia"])
          )
        ])
    } throws: { error in
      (error as? ImportError)?.line == 3 && (error as? ImportError)?.field == "part1"
    }
  }
}
