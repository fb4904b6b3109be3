import DyadAnswers
import Foundation

/// `/api/v1/states/{id}/partners`: a state's strongest partners by each measure, as
/// ``PartnerRankingAnswers`` answers it.
enum PartnersAPI {
  static func partners(_ request: RouteRequest) async throws -> Payload {
    let state = try request.state("id")
    let year = request.server.today.year
    let answer = try await request.server.store.read { try PartnerRankingAnswers.answer(state, year: year, store: $0) }
    return try request.respond(json: answer.payload, table: answer.table)
  }
}
