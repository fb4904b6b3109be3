/// A representation a route can answer with, chosen from the `Accept` header or a path suffix.
enum Format: String, Sendable, CaseIterable, Codable {
  case html, json, csv, markdown

  /// The media type of the representation.
  var mediaType: String {
    switch self {
    case .html: "text/html"
    case .json: "application/json"
    case .csv: "text/csv"
    case .markdown: "text/markdown"
    }
  }

  /// The `Content-Type` header value.
  var contentType: String {
    switch self {
    case .html: "text/html; charset=utf-8"
    case .json: "application/json"
    case .csv: "text/csv; charset=utf-8; header=present"
    case .markdown: "text/markdown; charset=utf-8"
    }
  }

  /// The path suffix that selects the representation: `events.csv`, `report.md`.
  var suffix: String {
    switch self {
    case .markdown: "md"
    default: rawValue
    }
  }
}
