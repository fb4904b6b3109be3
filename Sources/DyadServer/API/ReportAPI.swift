import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

/// The backgrounder report for a dyad: as JSON in the API, and as HTML, Markdown or JSON for
/// download.
enum ReportAPI {
  /// Builds the report the request asks for: its states, years and comparisons, as
  /// ``ReportAnswers`` answers it.
  static func report(_ request: RouteRequest) async throws -> Report {
    let question = try request.question()
    let comparisons = try request.comparisons()
    let today = request.server.today
    return try await request.server.store.read { store in
      try ReportAnswers.report(question, comparisons: comparisons, today: today, store: store)
    }
  }

  /// `/api/v1/dyads/{a}/{b}/report`: every section's figures, as JSON.
  static func json(_ request: RouteRequest) async throws -> Payload {
    try request.respond(json: try await report(request))
  }

  /// `/dyads/{a}/{b}/report[.html|.md|.json]`: the report file.
  static func download(_ request: RouteRequest) async throws -> Payload {
    let (_, a, b) = try request.dyad()
    try DyadPage.redirectToCanonical(request, a: a, b: b)
    let report = try await report(request)
    let suffixed = request.path.hasSuffix(".\(request.format.suffix)")
    let filename = suffixed ? "dyad-\(a.id)-\(b.id).\(request.format.suffix)" : nil
    switch request.format {
    case .html: return Payload(HTMLReportRenderer().render(report), format: .html, filename: filename)
    case .markdown: return Payload(MarkdownReportRenderer().render(report), format: .markdown, filename: filename)
    case .json: return Payload(try JSONCoding.encode(report), format: .json, filename: filename)
    case .csv: throw Problem.notAcceptable("text/csv", offered: request.route.formats.map(\.mediaType))
    }
  }
}
