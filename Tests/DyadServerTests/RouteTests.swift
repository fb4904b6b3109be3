import DyadCore
import DyadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DyadServer

/// Every route on a live server: status, media type, body shape; and the figures it serves checked
/// against published facts and the curated files read independently.
@Suite("Server routes")
struct RouteTests {
  /// A route's answer for its example path: 200, or 404 "dataset not imported" for the analyses
  /// that need a dataset the test store lacks.
  static func expectAnswer(_ response: TestResponse, format: Format, path: String) throws {
    if response.status == .notFound {
      let problem = try response.json
      #expect(problem["type"] as? String == Problem.typeBase + "dataset-not-imported", "\(path)")
      return
    }
    #expect(response.status == .ok, "\(path): \(response.status) \(response.text.prefix(300))")
    #expect(response.headers[.contentType]?.hasPrefix(format.mediaType) == true, "\(path)")
    #expect(response.headers[.eTag]?.hasPrefix("\"") == true, "\(path)")
    #expect(response.headers[.cacheControl] != nil, "\(path)")
    switch format {
    case .json:
      #expect((try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) != nil, "\(path) is not JSON")
    case .csv:
      let records = parseCSV(response.text)
      #expect(records.count >= 1, "\(path) has no header")
      #expect(records.allSatisfy { $0.count == records[0].count }, "\(path): ragged CSV")
    case .html:
      #expect(response.text.hasPrefix("<!DOCTYPE html>"), "\(path)")
      #expect(!response.text.contains("Optional("), "\(path)")
      #expect(!response.text.contains("NaN"), "\(path)")
    case .markdown:
      #expect(response.text.hasPrefix("# "), "\(path)")
    }
  }

  @Test("every route answers GET and HEAD, in each of its formats")
  func everyRouteAnswers() async throws {
    try await ServerFixture.live { client in
      for route in RouteTable.standard.routes {
        for (template, suffix) in route.allPaths {
          let path = ServerFixture.example(template)
          let formats = suffix.map { [$0] } ?? route.formats
          for format in formats {
            let headers: HTTPFields = suffix == nil ? [.accept: format.mediaType] : [:]
            let response = try await client.execute(uri: path, method: .get, headers: headers)
            try Self.expectAnswer(response, format: format, path: "\(path) as \(format)")
            let head = try await client.execute(uri: path, method: .head, headers: headers)
            #expect(head.status == response.status, "HEAD \(path)")
            #expect(head.body.readableBytes == 0, "HEAD \(path) has a body")
            #expect(head.headers[.eTag] == response.headers[.eTag], "HEAD \(path)")
          }
        }
      }
    }
  }

  @Test("the treaties of China and Russia include the 2001 Treaty of Good-Neighborliness, signed 16 July 2001")
  func treaties() async throws {
    try await ServerFixture.live { client in
      let response = try await client.execute(uri: "/api/v1/dyads/Russia/PRC/treaties", method: .get)
      #expect(response.status == .ok)
      let body = try response.json
      let states = try #require(body["states"] as? [[String: Any]])
      #expect(states.map { $0["id"] as? String } == ["RUS", "CHN"])
      let treaties = try #require(body["data"] as? [[String: Any]])
      let treaty = try #require(treaties.first { ($0["name"] as? String)?.contains("Good-Neighborliness") == true })
      #expect(treaty["signed"] as? String == "2001-07-16")
    }
  }

  @Test("events by kind match the curated file, read independently; the CSV has the same rows")
  func eventsMatchCuratedFile() async throws {
    let url = SharedData.projectRoot.appendingPathComponent("Sources/DyadData/Resources/curated/events.csv")
    let records = parseCSV(try String(contentsOf: url, encoding: .utf8))
    let header = records[0]
    let kind = try #require(header.firstIndex(of: "kind")), states = try #require(header.firstIndex(of: "states"))
    let date = try #require(header.firstIndex(of: "date"))
    let expected = records.dropFirst().filter { row in
      let members = row[states].split(separator: ";").map(String.init)
      return row[kind] == "leader-meeting" && members.contains("CHN") && members.contains("RUS")
        && (2013...2019).contains(Int(row[date].prefix(4)) ?? 0)
    }
    #expect(!expected.isEmpty)
    try await ServerFixture.live { client in
      let path = "/api/v1/dyads/CHN/RUS/events?kind=leader-meeting&from=2013&to=2019"
      let json = try await client.execute(uri: path, method: .get)
      let events = try #require(try json.json["data"] as? [[String: Any]])
      #expect(events.count == expected.count)
      #expect(events.allSatisfy { $0["kind"] as? String == "leader-meeting" })
      #expect(events.compactMap { $0["date"] as? String }.sorted() == expected.map { $0[date] }.sorted())
      let csv = try await client.execute(uri: path, method: .get, headers: [.accept: "text/csv"])
      #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
      #expect(parseCSV(csv.text).count == expected.count + 1)
      let suffixed = try await client.execute(
        uri: "/api/v1/dyads/CHN/RUS/events.csv?kind=leader-meeting&from=2013&to=2019", method: .get)
      #expect(suffixed.text == csv.text)
    }
  }

  @Test("states are found by any name or code")
  func stateSearch() async throws {
    try await ServerFixture.live { client in
      // Published codes: COW 365 and IMF 922 are Russia, IMF 924 is China, ISO NA is Namibia.
      for (query, id) in [
        ("Soviet Union", "RUS"), ("cow:365", "RUS"), ("imf:924", "CHN"), ("imf:922", "RUS"), ("iso2:NA", "NAM"),
      ] {
        let response = try await client.execute(
          uri: "/api/v1/states?q=\(HTML.urlComponent(query))", method: .get)
        let states = try #require(try response.json["states"] as? [[String: Any]])
        #expect(states.first?["id"] as? String == id, "\(query)")
      }
      let none = try await client.execute(uri: "/api/v1/states?q=Rusia", method: .get)
      #expect(try none.json["suggestions"] as? [String] != [])
      let detail = try await client.execute(uri: "/api/v1/states/USSR", method: .get)
      let state = try #require(try detail.json["state"] as? [String: Any])
      #expect(state["id"] as? String == "RUS")
    }
  }

  @Test("pages addressed by names redirect to ids; the home form redirects to the dyad page")
  func redirects() async throws {
    try await ServerFixture.live { client in
      let page = try await client.execute(uri: "/dyads/China/Russia?from=2000", method: .get)
      #expect(page.status == .permanentRedirect)
      #expect(page.headers[.location] == "/dyads/CHN/RUS?from=2000")
      let form = try await client.execute(uri: "/?a=PRC&b=Soviet+Union", method: .get)
      #expect(form.status == .seeOther)
      #expect(form.headers[.location] == "/dyads/CHN/RUS")
      let unknown = try await client.execute(uri: "/?a=China&b=Rusia", method: .get)
      #expect(unknown.status == .ok)
      #expect(unknown.text.contains("No state is named or coded “Rusia”"))
      #expect(
        unknown.text.contains("href=\"/?a=China&amp;b=RUS\"") || unknown.text.contains("href=\"/?a=China&b=RUS\""))
      let state = try await client.execute(uri: "/states/Soviet%20Union", method: .get)
      #expect(state.headers[.location] == "/states/RUS")
    }
  }

  @Test("the report downloads as HTML, Markdown and JSON files")
  func reportDownloads() async throws {
    try await ServerFixture.live { client in
      let markdown = try await client.execute(uri: "/dyads/CHN/RUS/report.md?from=1990&to=2020", method: .get)
      #expect(markdown.status == .ok)
      #expect(markdown.headers[.contentDisposition] == "attachment; filename=\"dyad-CHN-RUS.md\"")
      #expect(markdown.text.hasPrefix("# China–Russia"))
      let json = try await client.execute(uri: "/dyads/CHN/RUS/report.json?from=1990&to=2020", method: .get)
      let years = try #require(try json.json["years"] as? [String: Any])
      #expect(years["lowerBound"] as? Int == 1990)
      #expect(years["upperBound"] as? Int == 2020)
      let api = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/report?from=1990&to=2020", method: .get)
      #expect(api.text == json.text)
      let html = try await client.execute(uri: "/dyads/CHN/RUS/report.html", method: .get)
      #expect(html.text.contains("<html"))
      #expect(html.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
    }
  }

  @Test("the dyad page follows its year and compare-with controls")
  func dyadPageControls() async throws {
    try await ServerFixture.live { client in
      let page = try await client.execute(uri: "/dyads/CHN/RUS?from=1990&to=2010&compare=India/Pakistan", method: .get)
      #expect(page.status == .ok)
      #expect(page.text.contains("Dyad dashboard · 1990–2010"))
      #expect(page.text.contains("compared with India–Pakistan"))
      #expect(page.text.contains("value=\"India/Pakistan\""))
      #expect(
        page.text.contains("href=\"/dyads/CHN/RUS/report.md?from=1990&amp;to=2010&amp;compare=India%2FPakistan\""))
      let report = try await client.execute(
        uri: "/api/v1/dyads/CHN/RUS/report?from=1990&to=2010&compare=IND/PAK", method: .get)
      #expect(try report.json["comparisons"] as? [String] == ["India–Pakistan"])
    }
  }

  @Test("the verdict defaults to the server's current year and lists every rule")
  func verdict() async throws {
    try await ServerFixture.live { client in
      let response = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/verdict", method: .get)
      let data = try #require(try response.json["data"] as? [String: Any])
      let verdict = try #require(data["verdict"] as? [String: Any])
      #expect(verdict["year"] as? Int == ServerFixture.today.year)
      let csv = try await client.execute(uri: "/api/v1/dyads/CHN/RUS/verdict.csv?year=1955", method: .get)
      let rows = parseCSV(csv.text)
      let rules = try #require(verdict["rules"] as? [Any])
      #expect(rows.count - 1 == rules.count)
      // The 1950 treaty of alliance and mutual assistance bound them until 1980 (FRUS 1950, vol. VI).
      #expect(rows.dropFirst().allSatisfy { $0[0] == "1955" && $0[1] == "treaty allies" })
    }
  }
}
