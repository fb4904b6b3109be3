import DyadCore

/// `/`: pick two states by any name or code. A complete pick redirects to the dyad page; an
/// incomplete one lists what each name could mean.
enum HomePage {
  /// Dyads to start from.
  static let featured: [(StateID, StateID)] = [
    ("CHN", "RUS"), ("USA", "GBR"), ("IND", "PAK"), ("USA", "JPN"), ("IND", "RUS"), ("FRA", "DEU"), ("CHN", "USA"),
    ("TUR", "RUS"),
  ]

  static func handle(_ request: RouteRequest) throws -> Payload {
    let a = request.query.value("a")?.trimmingCharacters(in: .whitespaces) ?? ""
    let b = request.query.value("b")?.trimmingCharacters(in: .whitespaces) ?? ""
    var resolvedA: State?, resolvedB: State?
    var problems: [String] = []
    let registry = request.registry
    func resolve(_ text: String, _ field: String) -> State? {
      guard !text.isEmpty else { return nil }
      do {
        return try request.server.resolve(text, parameter: field)
      } catch {
        var message =
          error.kind == "ambiguous-state"
          ? "<p><strong>“\(HTML.escape(text))” names several states; pick one, or give a year.</strong>"
          : "<p><strong>No state is named or coded “\(HTML.escape(text))”.</strong>"
        let matches = registry.search(text, limit: 8)
        // Search matches by their names; else the nearest names, as the registry writes them.
        let candidates: [(label: String, id: StateID)] =
          matches.isEmpty
          ? error.suggestions.map { ($0, StateID(ErrorPage.name(of: $0))) }.filter { registry[$0.1] != nil }
          : matches.map { ("\($0.state.name) (\($0.state.id))", $0.state.id) }
        if !candidates.isEmpty {
          message += " Did you mean "
          message += candidates.map { candidate in
            let id = candidate.id.rawValue
            let pairs = field == "a" ? [("a", id), ("b", b)] : [("a", a), ("b", id)]
            return "<a href=\"/\(HTML.escape(HTML.query(pairs)))\">\(HTML.escape(candidate.label))</a>"
          }.joined(separator: ", ")
          message += "?"
        }
        problems.append(message + "</p>")
        return nil
      }
    }
    resolvedA = resolve(a, "a")
    resolvedB = resolve(b, "b")
    if let x = resolvedA, let y = resolvedB {
      if x.id == y.id {
        problems.append("<p><strong>Both names mean \(HTML.escape(x.name)).</strong> Pick two different states.</p>")
      } else {
        throw Redirect(location: "/dyads/\(x.id)/\(y.id)", permanent: false)
      }
    } else if resolvedA != nil || resolvedB != nil, problems.isEmpty {
      problems.append("<p><strong>Pick a second state.</strong></p>")
    }

    var main = """
      <p class="kicker">Dyad</p>
      <h1>The ties between two countries, from open data</h1>
      <p class="lede">Alliances, UN voting alignment, vetoes, institutions, trade and military ties — every figure with its source. Type any name or code: China, PRC, CHN, CN, cow:710, Soviet Union.</p>
      <form class="controls picker" method="get" action="/" role="search" aria-label="Pick two states">
      <label>First state<input class="state" type="text" name="a" value="\(HTML.escape(a))" list="state-names" placeholder="e.g. China" autocomplete="off" required></label>
      <label>Second state<input class="state" type="text" name="b" value="\(HTML.escape(b))" list="state-names" placeholder="e.g. Russia" autocomplete="off" required></label>
      <button type="submit">Compare</button>
      </form>

      """
    if !problems.isEmpty { main += "<div class=\"problem\" role=\"alert\">\(problems.joined())</div>" }
    main += "<datalist id=\"state-names\">"
    for state in registry.states.values.filter({ $0.end == nil }).sorted(by: { $0.name < $1.name }) {
      main += "<option value=\"\(HTML.escape(state.name))\"></option>"
    }
    main += "</datalist>"
    main += "<h2>Start from</h2><ul class=\"pairs\">"
    for (x, y) in featured {
      guard let first = registry[x], let second = registry[y] else { continue }
      main += "<li><a href=\"/dyads/\(x)/\(y)\">\(HTML.escape(first.name))–\(HTML.escape(second.name))</a></li>"
    }
    main += "</ul>"
    main += """
      <h2>For tools</h2>
      <p>Every figure is also in the JSON API, for example <a href="/api/v1/dyads/CHN/RUS/events">/api/v1/dyads/CHN/RUS/events</a>; add <code>.csv</code> for CSV. The routes are described in <a href="/api/v1/openapi.json">the OpenAPI document</a>.</p>
      """
    return Payload(PageLayout(title: "Compare two states", current: "Compare").render(main: main), format: .html)
  }
}
