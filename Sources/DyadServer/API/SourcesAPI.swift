import DyadAnswers
import Foundation

/// `/api/v1/sources` and `/api/v1/datasets`: what the store cites and holds, as
/// ``SourceAnswers`` and ``DatasetAnswers`` answer it.
enum SourcesAPI {
  static func sources(_ request: RouteRequest) async throws -> Payload {
    let answer = try await request.server.store.read { try SourceAnswers.answer(store: $0) }
    return try request.respond(json: ["sources": answer.payload], table: answer.table)
  }

  static func datasets(_ request: RouteRequest) async throws -> Payload {
    let answer = try await request.server.store.read { try DatasetAnswers.answer(store: $0) }
    return try request.respond(json: ["datasets": answer.payload], table: answer.table)
  }
}
