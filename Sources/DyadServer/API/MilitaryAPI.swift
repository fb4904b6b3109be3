import DyadAnswers
import Foundation

/// `/api/v1/dyads/{a}/{b}/military` and `/verdict`: the military profile year by year, and the
/// "are they allies?" verdict with its rules and evidence, as ``MilitaryAnswers`` and
/// ``VerdictAnswers`` answer them.
enum MilitaryAPI {
  static func military(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try MilitaryAnswers.answer($0, store: $1) }
  }

  static func verdict(_ request: RouteRequest) async throws -> Payload {
    let year = request.year("year")
    return try await request.answer { try VerdictAnswers.answer($0, year: year, store: $1) }
  }
}
