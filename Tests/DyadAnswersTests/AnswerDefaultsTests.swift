import DyadAnswers
import DyadCore
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// The defaults every surface shares, and the table's CSV and documentation, on their own.
@Suite("Answer defaults and tables")
struct AnswerDefaultsTests {
  static let registry = try! StateRegistry.standard()

  static func question(_ a: String, _ b: String, from: Int? = nil, to: Int? = nil) throws -> DyadQuestion {
    try DyadQuestion(registry.resolve(a), registry.resolve(b), from: from, to: to, thisYear: 2024)
  }

  @Test("the reference dyads are USA–GBR and USA–JPN, in the order named")
  func referenceDyads() {
    #expect(AnswerDefaults.referenceDyads.map { "\($0.0)–\($0.1)" } == ["USA–GBR", "USA–JPN"])
  }

  @Test("a question keeps the order asked and rejects one state twice or inverted years")
  func questions() throws {
    let question = try Self.question("Russia", "China")
    #expect(question.a.id == "RUS" && question.dyad.first == "CHN" && !question.aIsFirst)
    #expect(question.years == nil)
    #expect(try Self.question("China", "Russia", from: 2000).years == YearRange(from: 2000, to: 2100))
    #expect(throws: (any Error).self) { try Self.question("China", "PRC") }
    #expect(throws: (any Error).self) { try Self.question("China", "Russia", from: 2010, to: 2000) }
  }

  @Test(
    "military runs from 1950 (SIPRI's deal register) to this year; institutions fill an open end with 1816 or this year"
  )
  func yearDefaults() throws {
    #expect(try MilitaryAnswers.years(Self.question("China", "Russia")) == YearRange(from: 1950, to: 2024))
    #expect(try MilitaryAnswers.years(Self.question("China", "Russia", from: 2010)) == YearRange(from: 2010, to: 2024))
    #expect(try MilitaryAnswers.years(Self.question("China", "Russia", to: 1990)) == YearRange(from: 1950, to: 1990))
    #expect(try MilitaryAnswers.years(Self.question("China", "Russia", to: 1940)) == YearRange(from: 1940, to: 1940))
    #expect(try InstitutionAnswers.years(Self.question("China", "Russia")) == nil)
    // Changed deliberately: an open start is no earlier than the years both states existed (China, COW 710, from 1860).
    #expect(try InstitutionAnswers.years(Self.question("China", "Russia", to: 1900)) == YearRange(from: 1860, to: 1900))
    #expect(
      try InstitutionAnswers.years(Self.question("China", "Russia", from: 2010)) == YearRange(from: 2010, to: 2024))
  }

  @Test("a table writes RFC 4180 CSV with CRLF line ends and empty missing values")
  func csv() {
    var table = DataTable(columns: ["name", "value", "note"])
    table.append(["Treaty, 1950", DataTable.number(1.5), nil])
    table.append(["plain", DataTable.fixed(2.0 / 3.0, decimals: 6), DataTable.number(Double.nan)])
    #expect(table.csv == "name,value,note\r\n\"Treaty, 1950\",1.5,\r\nplain,0.666667,\r\n")
  }

  @Test("a schema documents every column, in --help one a line")
  func documentation() {
    let help = VetoAnswers.schema.help
    #expect(help.hasPrefix("With --csv (RFC 4180, CRLF line ends), one row per veto cast by either state"))
    for column in VetoAnswers.schema.columns { #expect(help.contains("  \(column.name)  ")) }
    #expect(help.contains("<a> and <b> stand for"))
    #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(TradeAnswers.schema.documentation.contains("a_to_b — A's exports to B, current US$ millions"))
    #expect(!TradeAnswers.schema.documentation.contains("<a> and <b>"))
  }
}
