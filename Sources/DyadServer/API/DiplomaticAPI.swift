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
  static let rankBy = QueryParameter(
    "rank_by", "The measure ranked and shown for the reference dyads (as `dyad alignment --rank-by`); s by default.",
    kind: .choice(SimilarityMeasure.allCases.map(\.rawValue)), example: "kappa")

  static let source = QueryParameter(
    "source",
    "The roll calls (as `dyad alignment --source`): unga-votes (Voeten, to 2019) or un-digital-library (the UN Library's adopted resolutions, to 2025); the most current the store holds by default.",
    kind: .choice(UNVoteSource.allCases.map(\.rawValue)), example: "un-digital-library")

  static func alignment(_ request: RouteRequest) async throws -> Payload {
    let compared = try request.comparisons()
    let options = AlignmentAnswers.Options(
      issue: request.query.value("issue").flatMap(UNGAIssue.init(rawValue:)),
      importantOnly: request.query.value("important") == "true",
      rankBy: request.query.value("rank_by").flatMap(SimilarityMeasure.init(rawValue:)) ?? .s,
      references: compared.isEmpty ? AnswerDefaults.referenceDyads : compared.map { ($0.0.id, $0.1.id) },
      source: request.query.value("source").flatMap(UNVoteSource.init(rawValue:)))
    return try await request.answer { try AlignmentAnswers.answer($0, options: options, store: $1) }
  }

  static func vetoes(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try VetoAnswers.answer($0, store: $1) }
  }

  static func institutions(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try InstitutionAnswers.answer($0, store: $1) }
  }
}
