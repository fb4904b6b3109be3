import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadStore
import Foundation

/// The curated record of a dyad: `/api/v1/dyads/{a}/{b}` and its events, facts, treaties and
/// exercises.
enum DyadRecordAPI {
  /// The resources of a dyad, as links.
  struct Summary: Encodable, Sendable {
    let links: [String: String]
    let datasets: [String]
  }

  static func summary(_ request: RouteRequest) async throws -> Payload {
    let (_, a, b) = try request.dyad()
    let base = "/api/v1/dyads/\(a.id)/\(b.id)"
    var links = ["page": "/dyads/\(a.id)/\(b.id)"]
    for route in RouteTable.standard.routes where route.path.hasPrefix("/api/v1/dyads/{a}/{b}/") {
      let name = String(route.path.dropFirst("/api/v1/dyads/{a}/{b}/".count))
      links[name] = "\(base)/\(name)"
    }
    let datasets = try await request.server.store.read { try $0.datasets().map(\.name) }
    return try request.respond(
      json: DyadEnvelope(a: a, b: b, years: nil, data: Summary(links: links, datasets: datasets)))
  }

  /// The timeline: events and joint exercises, oldest first, as ``TimelineAnswers`` answers it.
  static func events(_ request: RouteRequest) async throws -> Payload {
    let kinds = request.query.value("kind").map {
      Set($0.split(separator: ",").compactMap { EventKind(rawValue: String($0)) })
    }
    return try await request.answer { try TimelineAnswers.answer($0, kinds: kinds, store: $1) }
  }

  /// Sourced statements about the dyad, by dimension, as ``FactAnswers`` answers them.
  static func facts(_ request: RouteRequest) async throws -> Payload {
    let dimension = request.query.value("dimension").flatMap(RelationDimension.init(rawValue:))
    return try await request.answer { try FactAnswers.answer($0, dimension: dimension, store: $1) }
  }

  /// Treaties binding both states, oldest first, as ``TreatyAnswers`` answers it.
  static func treaties(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try TreatyAnswers.answer($0, store: $1) }
  }

  /// Joint military exercises, oldest first, as ``ExerciseAnswers`` answers it.
  static func exercises(_ request: RouteRequest) async throws -> Payload {
    try await request.answer { try ExerciseAnswers.answer($0, store: $1) }
  }
}
