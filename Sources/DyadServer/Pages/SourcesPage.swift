import DyadAnswers
import DyadStore

/// `/sources`: every dataset Dyad knows with what the store holds of it and how to import it, and
/// every source the store cites.
enum SourcesPage {
  static func handle(_ request: RouteRequest) async throws -> Payload {
    let (datasets, sources) = try await request.server.store.read { store in
      (DatasetAnswers.items(try store.datasets()), try store.sources())
    }
    var html = """
      <p class="kicker">Provenance</p><h1>Datasets and sources</h1>
      <p class="lede">What the store holds, where each dataset comes from, and every document the curated facts cite.</p>
      <h2>Datasets</h2><div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Dataset</th><th scope="col">Publisher</th><th scope="col">Version</th><th scope="col">Coverage</th><th scope="col">Licence</th><th scope="col">In this store</th></tr></thead><tbody>
      """
    for item in datasets {
      let status: String
      if let imported = item.imported {
        let span = imported.coverage.map { " · \($0.from)–\($0.to)" } ?? ""
        status =
          "<span class=\"tag ok\">imported</span> \(imported.rowCount) rows\(span) · \(HTML.escape(String(imported.importedAt.prefix(10))))"
      } else if let command = item.importCommand {
        status = "<span class=\"tag\">not imported</span> <code>\(HTML.escape(command))</code>"
      } else {
        status = "<span class=\"tag\">no importer yet</span>"
      }
      let title =
        item.url.hasPrefix("http")
        ? "<a href=\"\(HTML.escape(item.url))\">\(HTML.escape(item.title))</a>" : HTML.escape(item.title)
      html += "<tr><th scope=\"row\">\(title)<br><span class=\"meta\">\(HTML.escape(item.name))</span></th>"
      html +=
        "<td data-label=\"Publisher\">\(HTML.escape(item.publisher))</td><td data-label=\"Version\">\(HTML.escape(item.version))</td>"
      html +=
        "<td data-label=\"Coverage\">\(HTML.escape(item.coverage))</td><td data-label=\"Licence\">\(HTML.escape(item.licence))</td>"
      html += "<td data-label=\"In this store\">\(status)</td></tr>"
    }
    html += "</tbody></table></div>"
    html +=
      "<h2>Sources cited</h2><p class=\"meta\">\(sources.count) sources · <a href=\"/api/v1/sources\">JSON</a> · <a href=\"/api/v1/sources.csv\">CSV</a></p><ol class=\"notes sources\">"
    for item in sources {
      let source = item.source
      html +=
        "<li>\(HTML.escape(source.publisher)), <cite>\(HTML.escape(source.title))</cite> (\(HTML.escape(source.date)))"
      if let licence = source.licence, !licence.isEmpty { html += " · \(HTML.escape(licence))" }
      html += ". <a href=\"\(HTML.escape(source.url))\">\(HTML.escape(source.url))</a></li>"
    }
    html += "</ol>"
    return Payload(PageLayout(title: "Datasets and sources", current: "Sources").render(main: html), format: .html)
  }
}
