import DyadAnswers
import Foundation

/// `/api/v1/dyads/{a}/{b}/trade`: trade by year from every series, with dependence, asymmetry and
/// the gaps between sources, as ``TradeAnswers`` answers it.
enum EconomicAPI {
  static func trade(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let answer = try await request.server.store.read { try TradeAnswers.answer(question, store: $0) }
    return try request.respond(answer, question: question)
  }
}
