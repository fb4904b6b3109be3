import DyadAnswers
import DyadCore
import DyadStore

/// `/states/{id}`: a state's names and codes through time, and its strongest partners by each
/// measure, each partner linking to the dyad page.
enum StatePage {
  static func handle(_ request: RouteRequest) async throws -> Payload {
    let state = try request.state("id")
    if request.parameter("id") != state.id.rawValue {
      throw Redirect(location: "/states/\(state.id)", permanent: true)
    }
    let year = request.server.today.year
    let rankings = try await request.server.store.read {
      try PartnerRankingAnswers.answer(state, year: year, store: $0).payload.rankings
    }
    var html = "<p class=\"kicker\">State · \(HTML.escape(state.years))</p><h1>\(HTML.escape(state.name))</h1>"
    if !state.aliases.isEmpty {
      html += "<p class=\"lede\">Also: \(HTML.escape(state.aliases.joined(separator: ", "))).</p>"
    }
    html += "<form class=\"controls\" method=\"get\" action=\"/\" aria-label=\"Compare with another state\">"
    html += "<input type=\"hidden\" name=\"a\" value=\"\(state.id)\">"
    html +=
      "<label>Compare \(HTML.escape(state.name)) with<input class=\"state\" type=\"text\" name=\"b\" placeholder=\"any name or code\" required></label>"
    html += "<button type=\"submit\">Compare</button></form>"

    html += "<h2>Strongest partners</h2><div class=\"cards\">"
    for ranking in rankings {
      html += "<section class=\"card\" id=\"\(ranking.id)\"><h3>\(HTML.escape(ranking.title))</h3>"
      if let year = ranking.year, !ranking.partners.isEmpty { html += "<p class=\"meta\">\(year)</p>" }
      if ranking.partners.isEmpty {
        html += "<p class=\"meta\">\(HTML.escape(ranking.note ?? "No data."))</p>"
      } else {
        html += "<ol>"
        for partner in ranking.partners {
          html +=
            "<li><a href=\"/dyads/\(state.id)/\(partner.state.id)\">\(HTML.escape(partner.state.name))</a> <span class=\"meta\">\(HTML.escape(partner.label))</span></li>"
        }
        html += "</ol>"
      }
      if let source = ranking.source {
        html +=
          "<p class=\"meta\">Source: <a href=\"\(HTML.escape(source.url))\">\(HTML.escape(source.citation))</a></p>"
      } else if !ranking.partners.isEmpty, let note = ranking.note {
        html += "<p class=\"meta\">\(HTML.escape(note))</p>"
      }
      html += "</section>"
    }
    html += "</div>"

    html +=
      "<h2>Names and codes</h2><div class=\"table-wrap\"><table class=\"compact\"><thead><tr><th scope=\"col\">Scheme</th><th scope=\"col\">Code</th></tr></thead><tbody>"
    for scheme in CodeScheme.allCases {
      guard let code = state.codes[scheme] else { continue }
      html += "<tr><th scope=\"row\">\(HTML.escape(scheme.description))</th><td>\(HTML.escape(code))</td></tr>"
    }
    html += "</tbody></table></div>"
    if !state.periods.isEmpty {
      html +=
        "<h3>Earlier names</h3><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Codes</th></tr></thead><tbody>"
      for period in state.periods {
        let codes = CodeScheme.allCases.compactMap { scheme in
          period.codes[scheme].map { "\(scheme.description) \($0)" }
        }
        html +=
          "<tr><th scope=\"row\">\(HTML.escape(period.name))</th><td>\(period.from?.description ?? "–")</td><td>\(period.to)</td><td>\(HTML.escape(codes.joined(separator: ", ")))</td></tr>"
      }
      html += "</tbody></table></div>"
    }
    html +=
      "<p class=\"meta\">Data: <a href=\"/api/v1/states/\(state.id)\">JSON</a> · <a href=\"/api/v1/states/\(state.id)/partners\">partners JSON</a> (<a href=\"/api/v1/states/\(state.id)/partners.csv\">CSV</a>)</p>"
    return Payload(PageLayout(title: state.name).render(main: html), format: .html)
  }
}
