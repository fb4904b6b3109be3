import Foundation
import DyadAnswers
import Testing

@testable import DyadServer

/// The HTTP building blocks on their own: content negotiation, query strings, CSV, entity tags.
@Suite("HTTP building blocks")
struct HTTPUnitTests {
  @Test(
    "Accept headers choose by quality, specificity and the route's order",
    arguments: [
      (nil as String?, [Format.json, .csv], Format.json as Format?),
      ("text/csv", [.json, .csv], .csv),
      ("text/*", [.json, .csv], .csv),
      ("*/*", [.json, .csv], .json),
      ("application/json;q=0.5, text/csv", [.json, .csv], .csv),
      ("text/csv;q=0.2, application/json;q=0.9", [.json, .csv], .json),
      ("text/*;q=0.1, text/csv;q=0", [.json, .csv], nil),
      ("image/png", [.json, .csv], nil),
      ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", [.html], .html),
      ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", [.html, .markdown, .json], .html),
      ("text/markdown", [.html, .markdown, .json], .markdown),
      ("garbage", [.json], .json),
    ])
  func negotiation(_ accept: String?, _ offered: [Format], _ expected: Format?) {
    #expect(ContentNegotiation.choose(from: offered, accept: accept) == expected)
  }

  @Test("query strings decode strictly")
  func queryStrings() throws {
    let query = try QueryString(parsing: "q=Soviet+Union&compare=USA%2FGBR&compare=FRA/DEU&empty=&flag")
    #expect(query.value("q") == "Soviet Union")
    #expect(query.values("compare") == ["USA/GBR", "FRA/DEU"])
    #expect(query.value("empty") == nil)
    #expect(query.values("flag") == [""])
    #expect(query.canonical == "compare=FRA/DEU&compare=USA/GBR&empty=&flag=&q=Soviet Union")
    #expect(try QueryString(parsing: "q=C%C3%B4te").value("q") == "Côte")
    #expect(throws: Problem.self) { try QueryString(parsing: "q=%E2%82") }
    #expect(throws: Problem.self) { try QueryString(parsing: "q=%2") }
    #expect(throws: Problem.self) { try QueryString(parsing: "=x") }
  }

  @Test("CSV quotes what needs quoting and leaves missing values empty")
  func csv() {
    var table = DataTable("name", "value", "note")
    table.append(["Treaty, 1950", DataTable.number(1.5), nil])
    table.append(["He said \"no\"", DataTable.number(Double.nan), "two\nlines"])
    table.append(["plain", DataTable.number(2_000_000.0), DataTable.number(42)])
    #expect(
      table.csv
        == "name,value,note\r\n\"Treaty, 1950\",1.5,\r\n\"He said \"\"no\"\"\",,\"two\nlines\"\r\nplain,2000000,42\r\n")
    #expect(
      parseCSV(table.csv) == [
        ["name", "value", "note"], ["Treaty, 1950", "1.5", ""], ["He said \"no\"", "", "two\nlines"],
        ["plain", "2000000", "42"],
      ])
  }

  @Test("entity tags are strong, change with any byte, and match If-None-Match lists")
  func entityTags() {
    let a = EntityTag.strong(for: Array("hello".utf8))
    #expect(a == EntityTag.strong(for: Array("hello".utf8)))
    #expect(a != EntityTag.strong(for: Array("hellp".utf8)))
    #expect(a != EntityTag.strong(for: Array("hello ".utf8)))
    #expect(EntityTag.matches(ifNoneMatch: a, tag: a))
    #expect(EntityTag.matches(ifNoneMatch: "W/\(a)", tag: a))
    #expect(EntityTag.matches(ifNoneMatch: "\"x\", \(a)", tag: a))
    #expect(EntityTag.matches(ifNoneMatch: "*", tag: a))
    #expect(!EntityTag.matches(ifNoneMatch: "\"x\"", tag: a))
  }

  @Test("HTML escaping and URL components")
  func escaping() {
    #expect(HTML.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    #expect(HTML.urlComponent("Côte d'Ivoire/") == "C%C3%B4te%20d%27Ivoire%2F")
    #expect(HTML.query([("from", "1990"), ("to", nil), ("compare", "USA/GBR")]) == "?from=1990&compare=USA%2FGBR")
  }
}
