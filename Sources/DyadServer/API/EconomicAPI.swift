import DyadAnswers
import Foundation

/// `/api/v1/dyads/{a}/{b}/trade`: trade by year from every series, with dependence, asymmetry and
/// the gaps between sources, as ``TradeAnswers`` answers it.
enum EconomicAPI {
  static func trade(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try TradeAnswers.answer($0, store: $1) }
  }
}
