import DyadCore
import DyadData
import Foundation
import Testing

/// Names a person types that mean several states: refused with the candidates unless the date
/// asked about leaves one. Dates are the Correlates of War state system membership list
/// (states2016): Korea 730 1887-01-01–1905-11-17, North Korea 731 from 1948-09-09, South Korea
/// 732 from 1949-06-29; Germany 255 1816-01-01–1945-05-08 and from 1990-10-03, West Germany
/// 260 1955-05-05–1990-10-02, East Germany 265 1954-03-25–1990-10-02; North Yemen 678
/// 1926-09-02–1990-05-21, Yemen 679 from 1990-05-22, South Yemen 680 1967-11-30–1990-05-21;
/// China 710, Taiwan 713 from 1949-12-08 (the People's Republic was proclaimed on 1949-10-01).
@Suite("Ambiguous state names")
struct AmbiguousNameTests {
  let registry = try! StateRegistry.standard()
  /// A fixed today, so the tests do not age.
  let today = QueryDates.today(Day(year: 2026, month: 5, day: 1)!)

  func candidates(_ query: String, _ dates: QueryDates) throws -> [StateID] {
    do {
      let state = try registry.resolve(query, during: dates)
      Issue.record("'\(query)' resolved to \(state.id); expected an ambiguity")
      return []
    } catch let error as AmbiguousStateError {
      return error.candidates.map(\.id)
    }
  }

  @Test("Korea today is North or South Korea, and the error says how to choose")
  func koreaToday() throws {
    #expect(try candidates("Korea", today) == ["PRK", "KOR"])
    do {
      _ = try registry.resolve("Korea", during: today)
    } catch let error as AmbiguousStateError {
      #expect(error.hint == "say `North Korea` or `South Korea`, or give a year")
      #expect(error.description.contains("North Korea (PRK, COW 731, 1948–)"))
      #expect(error.description.contains("South Korea (KOR, COW 732, 1949–)"))
      #expect(error.candidates.map(\.cow) == ["731", "732"])
      #expect(error.candidates.first?.existed == "from 1948-09-09")
    }
  }

  @Test("Korea in 1900 is Joseon Korea (COW 730); in 1950 it is North or South Korea")
  func koreaByYear() throws {
    #expect(try registry.resolve("Korea", during: .year(1900)).id == "JOS")
    #expect(try candidates("Korea", .year(1950)) == ["PRK", "KOR"])
    // A range holding all three lists all three, oldest first; JOS is said by its code.
    #expect(try candidates("Korea", .asked(from: 1900, to: 1950)) == ["JOS", "PRK", "KOR"])
  }

  @Test("Germany today is Germany (255); in 1960 West or East Germany; in 1938 Germany (255)")
  func germany() throws {
    #expect(try registry.resolve("Germany", during: today).id == "DEU")
    #expect(try candidates("Germany", .year(1960)) == ["GDR", "FRG"])
    #expect(try registry.resolve("Germany", during: .year(1938)).id == "DEU")
    // Germany 255 was out of the system from 1945-05-09 to 1990-10-02.
    let germany = registry["DEU"]!
    #expect(!germany.exists(on: Day(year: 1960, month: 1, day: 1)!))
    #expect(germany.exists(on: Day(year: 1990, month: 10, day: 3)!))
    #expect(germany.years == "1816–1945, 1990–")
  }

  @Test("Yemen in 1980 is North or South Yemen; in 2000 unified Yemen (679)")
  func yemen() throws {
    #expect(try candidates("Yemen", .year(1980)) == ["YAR", "YPR"])
    #expect(try registry.resolve("Yemen", during: .year(2000)).id == "YEM")
    #expect(try registry.resolve("Yemen", during: today).id == "YEM")
  }

  @Test("Vietnam and Viet Nam today are Vietnam (816); in 1960 North or South")
  func vietnam() throws {
    #expect(try registry.resolve("Vietnam", during: today).id == "VNM")
    #expect(try registry.resolve("Viet Nam", during: today).id == "VNM")
    #expect(try candidates("Vietnam", .year(1960)) == ["RVN", "VNM"])
  }

  @Test("The Republic of China was China (710) in 1940 and Taiwan (713) in 1960")
  func republicOfChina() throws {
    #expect(try registry.resolve("Republic of China", during: .year(1940)).id == "CHN")
    #expect(try registry.resolve("Republic of China", during: .year(1960)).id == "TWN")
    #expect(try registry.resolve("ROC", during: .year(1960)).id == "TWN")
    #expect(try registry.resolve("Republic of China", during: today).id == "TWN")
  }

  @Test("Congo is the Republic of the Congo or DR Congo")
  func congo() throws {
    #expect(Set(try candidates("Congo", today)) == ["COG", "COD"])
    #expect(try registry.resolve("Congo-Brazzaville", during: today).id == "COG")
  }

  @Test("a code with its scheme is never ambiguous: cow:730 is always Joseon Korea")
  func codes() throws {
    for dates in [today, .year(1900), .year(1960), .asked(from: 1800, to: 2026)] {
      #expect(try registry.resolve("cow:730", during: dates).id == "JOS")
      #expect(try registry.resolve("cow:260", during: dates).id == "FRG")
    }
  }

  @Test("explicit names and aliases keep meaning one state", arguments: [
    "West Germany", "FRG", "GDR", "East Germany", "DPRK", "ROK", "North Korea", "South Korea", "Soviet Union",
  ])
  func aliases(name: String) throws {
    let id = try registry.resolve(name, during: today).id
    #expect(try registry.resolve(name, during: .year(1960)).id == id)
  }

  @Test("a search lists every state a shared name may mean, with its years")
  func search() {
    let found = registry.search("Korea").map(\.state.id)
    #expect(Set(found).isSuperset(of: ["JOS", "PRK", "KOR"]))
  }

  @Test("the importers' date resolution is unchanged: Germany in 1960 is West Germany there")
  func importersUnchanged() throws {
    #expect(try registry.resolve("Germany", on: Day(year: 1960, month: 1, day: 1)!).id == "FRG")
    #expect(try registry.resolve("Korea").id == "JOS")
    #expect(try registry.resolve("Congo").id == "COG")
  }
}
