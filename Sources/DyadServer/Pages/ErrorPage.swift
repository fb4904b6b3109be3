/// A problem shown to a browser: the same fields as the problem document, as a page.
struct ErrorPage {
  let problem: Problem
  let instance: String

  func render() -> String {
    var main = "<p class=\"kicker\">Error \(problem.status.code)</p><h1>\(HTML.escape(problem.title))</h1>"
    main +=
      "<div class=\"problem\" role=\"alert\"><p>\(HTML.escape(problem.detail.prefix(1).uppercased() + problem.detail.dropFirst())).</p>"
    if !problem.suggestions.isEmpty {
      main += "<p>Did you mean: "
      main += problem.suggestions.map { suggestion in
        "<a href=\"/?a=\(HTML.urlComponent(Self.name(of: suggestion)))\">\(HTML.escape(suggestion))</a>"
      }.joined(separator: ", ")
      main += "?</p>"
    }
    main += "</div><p><a href=\"/\">Pick two states</a> · <a href=\"/sources\">Datasets and sources</a></p>"
    return PageLayout(title: problem.title).render(main: main)
  }

  /// "Russia (RUS)" → "RUS".
  static func name(of suggestion: String) -> String {
    guard let open = suggestion.lastIndex(of: "("), suggestion.hasSuffix(")") else { return suggestion }
    return String(suggestion[suggestion.index(after: open)..<suggestion.index(before: suggestion.endIndex)])
  }
}
