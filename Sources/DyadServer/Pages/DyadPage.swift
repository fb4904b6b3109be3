import DyadAnswers
import DyadCore
import DyadReport

/// `/dyads/{a}/{b}`: the dashboard of a dyad — the report's sections and charts, a year-range and
/// a compare-with control (GET forms, no script), and the report downloads.
enum DyadPage {
  /// Redirects (308) a page addressed by names to the one addressed by ids, keeping the query.
  static func redirectToCanonical(_ request: RouteRequest, a: State, b: State) throws {
    guard request.parameter("a") != a.id.rawValue || request.parameter("b") != b.id.rawValue else { return }
    var path = request.path
    let tail = path.split(separator: "/").dropFirst(3).map { "/" + $0 }.joined()
    path = "/dyads/\(a.id)/\(b.id)\(tail)"
    let pairs = request.query.pairs.map { ($0.name, Optional($0.value)) }
    throw Redirect(location: path + HTML.query(pairs), permanent: true)
  }

  /// Pairs offered in the compare-with control: the default reference dyads first.
  static let referencePairs: [(StateID, StateID)] =
    AnswerDefaults.referenceDyads + [("FRA", "DEU"), ("USA", "CAN"), ("IND", "PAK"), ("CHN", "RUS"), ("USA", "ISR")]

  static func handle(_ request: RouteRequest) async throws -> Payload {
    let (_, a, b) = try request.dyad()
    try redirectToCanonical(request, a: a, b: b)
    let report = try await ReportAPI.report(request)
    let from = request.query.value("from"), to = request.query.value("to")
    let compares = request.query.values("compare").filter { !$0.isEmpty }
    let queryPairs: [(String, String?)] = [("from", from), ("to", to)] + compares.map { ("compare", $0) }
    let query = HTML.escape(HTML.query(queryPairs))
    let base = "/dyads/\(a.id)/\(b.id)"
    let api = "/api/v1/dyads/\(a.id)/\(b.id)"
    let registry = request.registry

    var html = """
      <p class="kicker">Dyad dashboard · \(HTML.escape(report.years.description))</p>
      <h1><a href="/states/\(a.id)">\(HTML.escape(a.name))</a>–<a href="/states/\(b.id)">\(HTML.escape(b.name))</a></h1>
      <p class="lede">\(HTML.escape(report.subtitle))\(report.comparisons.isEmpty ? "" : ", compared with \(HTML.escape(report.comparisons.joined(separator: " and ")))").</p>
      <form class="controls" method="get" action="\(base)" aria-label="Years and comparisons">
      <label class="year-field">From<input class="year" type="number" name="from" min="\(QueryParameter.yearBounds.lowerBound)" max="\(QueryParameter.yearBounds.upperBound)" step="1" inputmode="numeric" value="\(HTML.escape(from ?? ""))" placeholder="\(report.years.lowerBound)"></label>
      <label class="year-field">To<input class="year" type="number" name="to" min="\(QueryParameter.yearBounds.lowerBound)" max="\(QueryParameter.yearBounds.upperBound)" step="1" inputmode="numeric" value="\(HTML.escape(to ?? ""))" placeholder="\(report.years.upperBound)"></label>
      <label>Compare with<input class="pair" type="text" name="compare" list="reference-pairs" value="\(HTML.escape(compares.first ?? ""))" placeholder="USA/GBR"></label>
      <label>and<input class="pair" type="text" name="compare" list="reference-pairs" value="\(HTML.escape(compares.dropFirst().first ?? ""))" placeholder="USA/JPN"></label>
      <button type="submit">Update</button>
      <p class="hint">A comparison is two states joined by a slash, by any name or code (USA/GBR, France/Germany). Empty fields use the defaults.</p>
      </form>
      <datalist id="reference-pairs">
      """
    for (x, y) in referencePairs where Set([x, y]) != Set([a.id, b.id]) {
      guard let first = registry[x], let second = registry[y] else { continue }
      html += "<option value=\"\(x)/\(y)\">\(HTML.escape(first.name))–\(HTML.escape(second.name))</option>"
    }
    html += "</datalist>"

    // The report's own renderer writes the sections, so the dashboard and the file agree.
    var content = ReportHTML.summary(report.findings)
    for section in report.sections { content += ReportHTML.section(section, className: "report-section") }
    content += ReportHTML.notes(report.notes)

    var side =
      "<nav aria-label=\"Sections\"><h2>Sections</h2><ol class=\"toc\"><li><a href=\"#summary\">Summary</a></li>"
    for section in report.sections {
      side += "<li><a href=\"#\(HTML.escape(section.id))\">\(HTML.escape(section.title))</a></li>"
    }
    side += "<li><a href=\"#notes\">Notes</a></li></ol></nav>"
    side += "<h2>Report</h2><ul class=\"downloads\" aria-label=\"Report downloads\">"
    side += "<li><a href=\"\(base)/report.html\(query)\" download>HTML</a></li>"
    side += "<li><a href=\"\(base)/report.md\(query)\" download>Markdown</a></li>"
    side += "<li><a href=\"\(base)/report.json\(query)\" download>JSON</a></li></ul>"
    side += "<details class=\"data\"><summary>Data behind the page (JSON, CSV)</summary><ul class=\"data-links\">"
    let yearsQuery = HTML.escape(HTML.query([("from", from), ("to", to)]))
    for (name, label, years) in dataLinks {
      side +=
        "<li><a href=\"\(api)/\(name)\(years ? yearsQuery : "")\">\(label)</a> (<a href=\"\(api)/\(name).csv\(years ? yearsQuery : "")\">CSV</a>)</li>"
    }
    side += "</ul></details>"
    html += "<div class=\"layout\"><div class=\"content\">\(content)</div><aside class=\"side\">\(side)</aside></div>"
    let layout = PageLayout(title: "\(a.name)–\(b.name)")
    return Payload(
      layout.render(main: html, description: "The ties between \(a.name) and \(b.name), from open data, with sources."),
      format: .html)
  }

  /// The dyad's API tables linked from the page: route name, label, whether it takes years.
  static var dataLinks: [(String, String, Bool)] {
    let prefix = "/api/v1/dyads/{a}/{b}/"
    return RouteTable.standard.routes.compactMap { route in
      guard route.path.hasPrefix(prefix), route.suffixes.contains(.csv) else { return nil }
      let name = String(route.path.dropFirst(prefix.count))
      return (name, name.prefix(1).uppercased() + name.dropFirst(), route.query.contains { $0.name == "from" })
    }
  }
}
