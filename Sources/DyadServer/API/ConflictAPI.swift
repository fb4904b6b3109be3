import DyadAnswers
import Foundation

/// `/api/v1/dyads/{a}/{b}/conflict`: militarized disputes, wars, rivalries, UCDP conflicts and
/// contiguity year by year, as ``ConflictAnswers`` answers them.
enum ConflictAPI {
  static func conflict(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try ConflictAnswers.answer($0, store: $1) }
  }
}
