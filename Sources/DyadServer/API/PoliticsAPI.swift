import DyadAnswers
import Foundation

/// `/api/v1/dyads/{a}/{b}/politics`: regime measures, leaders and demography year by year, as
/// ``PoliticsAnswers`` answers them.
enum PoliticsAPI {
  static func politics(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try PoliticsAnswers.answer($0, store: $1) }
  }
}
