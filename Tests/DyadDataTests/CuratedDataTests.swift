import DyadAnalysis
import DyadCore
import DyadData
import DyadTestSupport
import Foundation
import Testing

/// The shipped curated data: every row sourced, dated and resolvable (loading validates each row
/// and throws on the first bad one), and the anchors an analyst expects are there.
@Suite("Curated data")
struct CuratedDataTests {
  let registry = try! StateRegistry.standard()
  let curated: CuratedData

  init() throws {
    curated = try CuratedData.standard(registry: registry)
  }

  func day(_ text: String) -> Day { try! Day(parsing: text) }

  @Test("every row carries a full source with a web address")
  func everyRowSourced() {
    let sources =
      curated.treaties.map(\.source) + curated.events.map(\.source) + curated.memberships.map(\.source)
      + curated.exercises.map(\.source) + curated.reportedTrade.map(\.source) + curated.vetoes.map(\.source)
      + curated.tallies.map(\.source)
    #expect(sources.count > 200)
    for source in sources {
      #expect(!source.publisher.isEmpty && !source.title.isEmpty && !source.date.isEmpty)
      #expect(source.url.hasPrefix("http://") || source.url.hasPrefix("https://"))
    }
  }

  @Test("the treaties behind the alliance question, with their obligations")
  func treaties() throws {
    let chinaRussia = try Dyad("CHN", "RUS")
    let ours = curated.treaties.filter { $0.binds(chinaRussia) }
    let alliance = try #require(ours.first { $0.signed == day("1950-02-14") })
    #expect(alliance.obligations.contains(.defense))
    #expect(alliance.ended?.year == 1980)
    let friendship = try #require(ours.first { $0.signed == day("2001-07-16") })
    #expect(friendship.obligations == [.nonaggression, .consultation])
    #expect(friendship.ended == nil)
    #expect(!friendship.obligations.contains(.defense))
    let nato = try #require(curated.treaties.first { $0.signed == day("1949-04-04") })
    #expect(nato.binds(try Dyad("USA", "GBR")) && nato.obligations.contains(.defense))
    #expect(curated.treaties.contains { $0.binds(try! Dyad("USA", "JPN")) && $0.obligations.contains(.defense) })
  }

  @Test("the February 2022 joint statement and Xi–Putin meetings since 2013")
  func events() throws {
    let chinaRussia = try Dyad("CHN", "RUS")
    #expect(curated.events.contains { $0.date == day("2022-02-04") && $0.kind == .jointStatement && $0.involves(chinaRussia) })
    let meetings = curated.events.filter { $0.kind == .leaderMeeting && $0.involves(chinaRussia) }
    #expect(meetings.count >= 35)
    #expect(meetings.map(\.date).min() == day("2013-03-22"))
    #expect(meetings.allSatisfy { $0.place != nil })
  }

  @Test("memberships: permanent Security Council seats and the BRICS enlargement of 2024")
  func memberships() {
    let p5 = curated.memberships.filter { $0.institution == "UNSC-P5" }
    #expect(Set(p5.filter { $0.isMember(inYear: 2024) }.map(\.state)) == ["CHN", "RUS", "USA", "GBR", "FRA"])
    // The Republic of China held the seat until 25 October 1971.
    #expect(p5.contains { $0.state == "TWN" && $0.left == day("1971-10-25") })
    let brics = curated.memberships.filter { $0.institution == "BRICS" }
    #expect(Set(brics.filter { $0.joined == day("2024-01-01") }.map(\.state)).isSuperset(of: ["EGY", "ETH", "IRN", "ARE"]))
    let sco = curated.memberships.filter { $0.institution == "SCO" && $0.joined == day("2001-06-15") }
    #expect(Set(sco.map(\.state)) == ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"])
  }

  @Test("official China–Russia trade totals from China's customs, in US$ millions")
  func tradeTotals() {
    let totals = curated.reportedTrade.filter { $0.reporter == "CHN" && $0.partner == "RUS" && $0.flow == .total }
    // GACC's 2023 total, widely reported as US$240.1 billion.
    let y2023 = totals.first { $0.year == 2023 }
    #expect(y2023 != nil && abs(y2023!.valueUSDMillions - 240_110) < 100)
    // Where exports and imports are given, they add up to the total within rounding.
    for total in totals {
      let parts = curated.reportedTrade.filter {
        $0.year == total.year && $0.reporter == total.reporter && $0.partner == total.partner && $0.flow != .total
      }
      if parts.count == 2 {
        #expect(abs(parts.map(\.valueUSDMillions).reduce(0, +) - total.valueUSDMillions) <= 100, "\(total.year)")
      }
    }
  }

  @Test("bilateral exercises have exactly two participants, and both China and Russia take part in each")
  func exercises() throws {
    let chinaRussia = try Dyad("CHN", "RUS")
    #expect(curated.exercises.contains { $0.name.contains("Peace Mission 2005") && $0.isBilateral })
    for exercise in curated.exercises where exercise.isBilateral { #expect(exercise.participants.count == 2) }
    #expect(curated.exercises.filter { $0.involves(chinaRussia) }.count >= 30)
  }

  @Test("a corrupt curated row is rejected with its file, line and field")
  func corruptRow() throws {
    let folder = try TemporaryFolder()
    for name in CuratedData.fileNames {
      try FileManager.default.copyItem(
        at: DyadResources.curatedDirectory.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
    }
    var text = try String(contentsOf: folder.url.appendingPathComponent("memberships.csv"), encoding: .utf8)
    text += "SCO,Shanghai Cooperation Organisation,Atlantis,member,2001-06-15,,Pub,Title,2020,https://example.org\n"
    try folder.write("memberships.csv", text)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect {
      _ = try CuratedData.load(from: folder.url, registry: registry)
    } throws: { error in
      let error = try #require(error as? ImportError)
      return error.file == "memberships.csv" && error.line == lines && error.field == "state"
        && error.message.contains("unknown state 'Atlantis'")
    }
  }

  @Test("treaties of 2024-2025 and ANZUS, with what their texts oblige")
  func recentTreaties() throws {
    func treaty(_ id: String) throws -> Treaty { try #require(curated.treaties.first { $0.id == id }) }
    let dprk = try treaty("dprk-russia-2024")
    #expect(dprk.binds(try Dyad("RUS", "PRK")) && dprk.obligations.contains(.defense))
    #expect(dprk.signed == day("2024-06-19") && dprk.inForce == day("2024-12-04"))
    // Russia–Iran: no mutual defence, only a pledge not to help an aggressor.
    let iran = try treaty("russia-iran-2025")
    #expect(!iran.obligations.contains(.defense) && iran.obligations.contains(.neutrality))
    #expect(iran.signed == day("2025-01-17") && iran.inForce == day("2025-10-02"))
    let belarus = try treaty("russia-belarus-security-guarantees-2024")
    #expect(belarus.obligations.contains(.defense) && belarus.signed == day("2024-12-06"))
    let saudi = try treaty("saudi-pakistan-2025")
    #expect(saudi.binds(try Dyad("SAU", "PAK")) && saudi.obligations == [.defense])
    let anzus = try treaty("anzus-1951")
    #expect(anzus.binds(try Dyad("USA", "AUS")) && anzus.inForce == day("1952-04-29"))
    // AUKUS (the leaders' statement of 15 September 2021, as the three governments sent it to the
    // IAEA) is a technology and security partnership: no alliance obligation is coded.
    let aukus = try treaty("aukus-2021")
    #expect(aukus.binds(try Dyad("AUS", "GBR")) && aukus.signed == day("2021-09-15") && aukus.obligations.isEmpty)
    #expect(aukus.source.url.hasPrefix("https://iaea.org/"))
    for treaty in [dprk, iran, belarus, saudi, anzus] {
      #expect(treaty.inForce.map { $0 >= treaty.signed } ?? true)
      #expect(treaty.source.url.hasPrefix("http"))
    }
  }

  @Test("vetoes after 15 September 2022: permanent members, sourced, in date order")
  func vetoes() throws {
    let end = day("2022-09-15")
    #expect(curated.vetoes.count == 15)
    #expect(curated.vetoes.allSatisfy { $0.date > end && !$0.vetoers.isEmpty && !$0.source.url.isEmpty })
    #expect(curated.vetoes.map(\.date) == curated.vetoes.map(\.date).sorted())
    let joint = curated.vetoes.filter { $0.vetoers == ["CHN", "RUS"] }.map(\.date)
    #expect(joint == [day("2023-10-25"), day("2024-03-22")])
    // A symbol is given only where checked: the meeting record when it is known.
    #expect(curated.vetoes.allSatisfy { $0.meetingRecord.isEmpty || $0.meetingRecord.hasPrefix("S/PV.") })
  }

  @Test("official tallies of Xi–Putin meetings, dated, and Dyad's count by its rule")
  func meetingTallies() throws {
    let chinaRussia = try Dyad("CHN", "RUS")
    let tallies = curated.tallies.filter { Set($0.states) == ["CHN", "RUS"] }
    #expect(tallies.count >= 4)
    #expect(tallies.contains { $0.date == day("2024-05-16") && $0.qualifier == .moreThan && $0.stated == "more than 40" })
    #expect(tallies.contains { $0.date == day("2023-10-18") && $0.count == 42 })
    let rule = try #require(LeaderMeetingCount(events: curated.events, dyad: chinaRussia))
    #expect(rule.leaders.map(\.name) == ["Xi Jinping", "Vladimir Putin"])
    // The 1989 Gorbachev–Deng summit and anything before Xi took office are never counted.
    #expect(rule.occasions.joined().allSatisfy { $0.date >= day("2013-03-14") })
    // One per visit: Moscow and St Petersburg 2019 are one; Tianjin and Beijing 2025 are one.
    #expect(rule.occasions.contains { $0.map(\.date) == [day("2019-06-05"), day("2019-06-06")] })
    #expect(rule.occasions.contains { $0.first?.date == day("2025-08-31") && $0.last?.date == day("2025-09-03") })
    // Trilateral meetings (with Mongolia, with India) are left out.
    #expect(rule.notBilateral.count == 3)
    #expect(rule.count == 34)
    // Dyad's count stays below the officials', which include several encounters per visit and video calls.
    for tally in tallies { #expect(rule.count(through: tally.date) <= tally.count) }
  }

  @Test("the first SCO exercise (2003, multilateral, without Uzbekistan) and the first bilateral one (2005)")
  func firstExercises() throws {
    let chinaRussia = try Dyad("CHN", "RUS")
    let joint = curated.exercises.filter { $0.involves(chinaRussia) }.sorted { $0.start < $1.start }
    let first = try #require(joint.first)
    #expect(first.id == "coalition-2003" && !first.isBilateral && first.start == day("2003-08-06"))
    #expect(Set(first.participants) == ["CHN", "RUS", "KAZ", "KGZ", "TJK"])
    #expect(joint.first { $0.isBilateral }?.id == "peace-mission-2005")
  }

  @Test("curated leaders from March 2021: the states the rule names, sourced, one effective leader a day, open spells attested")
  func leaders() throws {
    let spells = curated.leaders.map(\.spell)
    let required: Set<StateID> = [
      "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU", "ZAF", "KOR",
      "TUR", "GBR", "USA", "PAK", "KAZ", "KGZ", "TJK", "UZB", "IRN", "BLR", "EGY", "ETH", "ARE", "PRK",
    ]
    #expect(Set(spells.map(\.state)) == required)
    for spell in spells {
      #expect(spell.source != nil && spell.source!.url.hasPrefix("http"), "\(spell.name)")
      #expect(spell.isOpen == (spell.asOf != nil), "\(spell.name)")
      #expect(!spell.offices.isEmpty)
    }
    // Each state has exactly one effective leader on every day from 2021-03-01 to its last attested
    // day, and exactly one effective spell continues REIGN's open spell of March 2021.
    let start = day("2021-03-01")
    for state in required {
      let effective = spells.filter { $0.state == state && $0.isEffective }
      #expect(effective.filter(\.continuesDatasetSpell).count == 1, "\(state)")
      let last = try #require(effective.compactMap(\.lastKnownDay).max())
      var d = start
      while d <= last {
        let holders = effective.filter { $0.holdsOffice(on: d) }
        #expect(holders.count == 1, "\(state) \(d): \(holders.map(\.name))")
        if holders.count != 1 { break }
        d = Day.after(d)!
      }
    }
    // Anchors: Xi's presidency from 2013-03-14, Putin's from 2012-05-07 (REIGN counts both from
    // earlier: see docs/leaders.md); the UK's prime ministers of 2022; Biden to Trump.
    let xi = try #require(spells.first { $0.name == "Xi Jinping" })
    #expect(xi.from == day("2013-03-14") && xi.offices == [.headOfState] && xi.continuesDatasetSpell)
    #expect(spells.first { $0.name == "Vladimir Putin" }?.from == day("2012-05-07"))
    let truss = try #require(spells.first { $0.name == "Liz Truss" })
    #expect(truss.from == day("2022-09-06") && truss.to == day("2022-10-24"))
    #expect(spells.first { $0.name == "Joe Biden" }?.to == day("2025-01-19"))
    #expect(spells.first { $0.name == "Donald Trump" }?.from == day("2025-01-20"))
  }

  @Test("a curated leader row without as_of, or overlapping another effective leader, is rejected with its line and field")
  func badLeaderRows() throws {
    let header =
      "state,roles,name,from,to,acting,effective,continues,as_of,note,source_publisher,source_title,source_date,source_url\n"
    let cases: [(rows: String, line: Int, field: String, message: String)] = [
      ("RUS,head-of-state,A,2012-05-07,,0,1,reign,,,P,T,2020,https://example.org\n", 2, "as_of", "last attested"),
      (
        "RUS,head-of-state,A,2012-05-07,2022-01-01,0,1,,,,P,T,2020,https://example.org\n"
          + "RUS,head-of-government,B,2021-01-01,,0,1,,2024-01-01,,P,T,2020,https://example.org\n", 3, "from", "overlaps"
      ),
      ("RUS,president,A,2012-05-07,,0,1,,2024-01-01,,P,T,2020,https://example.org\n", 2, "roles", "not head-of-state"),
    ]
    for item in cases {
      let folder = try TemporaryFolder()
      for name in CuratedData.fileNames where name != "leaders.csv" {
        try FileManager.default.copyItem(
          at: DyadResources.curatedDirectory.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
      }
      try folder.write("leaders.csv", header + item.rows)
      #expect {
        _ = try CuratedData.load(from: folder.url, registry: registry)
      } throws: { error in
        let error = try #require(error as? ImportError)
        return error.file == "leaders.csv" && error.line == item.line && error.field == item.field
          && error.message.contains(item.message)
      }
    }
  }
}
