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
      + curated.exercises.map(\.source) + curated.reportedTrade.map(\.source)
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
}
