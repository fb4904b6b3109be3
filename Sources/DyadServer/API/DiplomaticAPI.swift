import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadStore
import Foundation

/// `/api/v1/dyads/{a}/{b}/alignment`, `/vetoes` and `/institutions`: UN General Assembly vote
/// alignment, Security Council vetoes, and shared institutions, as ``AlignmentAnswers``,
/// ``VetoAnswers`` and ``InstitutionAnswers`` answer them.
enum DiplomaticAPI {
  static let issue = QueryParameter(
    "issue",
    "Only roll calls of one issue area (unvotes codes): me Palestinian conflict, nu nuclear weapons, di arms control, hr human rights, co colonialism, ec economic development.",
    kind: .choice(UNGAIssue.allCases.map(\.rawValue)), example: "hr")
  static let important = QueryParameter(
    "important", "Only the votes the US State Department classed as important (coded from 1983).",
    kind: .choice(["true", "false"]), example: "true")

  static func alignment(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let options = AlignmentAnswers.Options(
      issue: request.query.value("issue").flatMap(UNGAIssue.init(rawValue:)),
      importantOnly: request.query.value("important") == "true")
    let answer = try await request.server.store.read {
      try AlignmentAnswers.answer(question, options: options, store: $0)
    }
    return try request.respond(answer, question: question)
  }

  static func vetoes(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let answer = try await request.server.store.read { try VetoAnswers.answer(question, store: $0) }
    return try request.respond(answer, question: question)
  }

  static func institutions(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let answer = try await request.server.store.read { try InstitutionAnswers.answer(question, store: $0) }
    return try request.respond(answer, question: question)
  }
}
