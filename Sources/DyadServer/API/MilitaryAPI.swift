import DyadAnswers
import Foundation

/// `/api/v1/dyads/{a}/{b}/military` and `/verdict`: the military profile year by year, and the
/// "are they allies?" verdict with its rules and evidence, as ``MilitaryAnswers`` and
/// ``VerdictAnswers`` answer them.
enum MilitaryAPI {
  static func military(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let answer = try await request.server.store.read { try MilitaryAnswers.answer(question, store: $0) }
    return try request.respond(answer, question: question)
  }

  static func verdict(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let year = request.year("year")
    let answer = try await request.server.store.read { try VerdictAnswers.answer(question, year: year, store: $0) }
    return try request.respond(answer, question: question)
  }
}
