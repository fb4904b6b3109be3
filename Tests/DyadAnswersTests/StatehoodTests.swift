import DyadAnswers
import DyadCore
import DyadData
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// No answer covers a year in which one of its states did not exist. Dates from the Correlates of
/// War state system membership list (states2016): West Germany 260 1955-05-05–1990-10-02, East
/// Germany 265 1954-03-25–1990-10-02, Germany 255 1816-01-01–1945-05-08 and from 1990-10-03,
/// France 220 from 1816-01-01.
@Suite("Statehood of a question's years")
struct StatehoodTests {
  static let registry = try! StateRegistry.standard()

  static func question(_ a: String, _ b: String, from: Int? = nil, to: Int? = nil) throws -> DyadQuestion {
    try DyadQuestion(
      registry.resolve(a, during: .asked(from: from, to: to)), registry.resolve(b, during: .asked(from: from, to: to)),
      from: from, to: to, thisYear: 2026)
  }

  @Test("years that partly overlap a state's existence are cut to the years both existed, and the note says so")
  func clamped() throws {
    let question = try Self.question("West Germany", "France", from: 1950, to: 2000)
    #expect(question.from == 1955 && question.to == 1990)
    #expect(try question.years == YearRange(from: 1955, to: 1990))
    #expect(question.yearsNote == "Showing 1955–1990: the years both West Germany and France existed.")
    // An open end is cut too.
    let open = try Self.question("West Germany", "France", from: 1960)
    #expect(try open.years == YearRange(from: 1960, to: 1990))
  }

  @Test("years in which a state did not exist are an error naming its days and the years to ask for")
  func outside() throws {
    do {
      _ = try Self.question("West Germany", "East Germany", from: 2026, to: 2026)
      Issue.record("expected a StatehoodError")
    } catch let error as StatehoodError {
      #expect(error.states == ["FRG", "GDR"])
      #expect(error.description.contains("West Germany (COW 260) did not exist in 2026: it existed 1955-05-05 – 1990-10-02"))
      #expect(error.description.contains("ask for years in 1955–1990"))
    }
  }

  @Test("two states that never coexisted cannot be asked about: Joseon Korea and North Korea")
  func neverTogether() throws {
    #expect(throws: StatehoodError.self) { try Self.question("cow:730", "North Korea") }
  }

  @Test("with no years, a dyad that ended is asked about the years both existed")
  func defaults() throws {
    let question = try Self.question("FRG", "GDR")
    #expect(try question.years == YearRange(from: 1955, to: 1990))
    #expect(question.yearsNote == "Showing 1955–1990: the years both West Germany and East Germany existed.")
    #expect(try MilitaryAnswers.years(question) == YearRange(from: 1955, to: 1990))
    // The verdict's one year is the last year both existed.
    let (year, note) = try question.year(nil)
    #expect(year == 1990)
    #expect(note == "Showing 1990: the last year both West Germany and East Germany existed.")
    #expect(throws: StatehoodError.self) { try question.year(2026) }
    // Both alive: this year, as before.
    #expect(try Self.question("China", "Russia").year(nil).year == 2026)
    // A default start is no earlier than the later state's first year: South Sudan from 2011.
    #expect(try MilitaryAnswers.years(Self.question("South Sudan", "Sudan")).lowerBound == 2011)
  }

  @Test("years across Germany's 1945–1990 gap are kept, with a note that it did not exist in between")
  func gap() throws {
    let question = try Self.question("cow:255", "France", from: 1930, to: 2000)
    #expect(try question.years == YearRange(from: 1930, to: 2000))
    #expect(question.yearsNote == "Germany (COW 255) did not exist in 1946–1989; those years have no figures.")
  }

  @Test("dyad trade West Germany France 1950–2000 answers for 1955–1990, saying why")
  func tradeAnswer() throws {
    let folder = try TemporaryFolder("dyad-statehood")
    let store = try Store.open(at: folder.path("store.sqlite"))
    let answer = try TradeAnswers.answer(Self.question("West Germany", "France", from: 1950, to: 2000), store: store)
    #expect(answer.years.map { $0.lowerBound >= 1955 && $0.upperBound <= 1990 } ?? true)
    #expect(answer.yearsNote == "Showing 1955–1990: the years both West Germany and France existed.")
    #expect(answer.notes.first == answer.yearsNote)
  }
}
