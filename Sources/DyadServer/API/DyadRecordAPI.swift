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
    let question = try request.question()
    let kinds = request.query.value("kind").map {
      Set($0.split(separator: ",").compactMap { EventKind(rawValue: String($0)) })
    }
    let answer = try await request.server.store.read { try TimelineAnswers.answer(question, kinds: kinds, store: $0) }
    return try request.respond(answer, question: question)
  }

  /// Sourced statements about the dyad, by dimension, as ``FactAnswers`` answers them.
  static func facts(_ request: RouteRequest) async throws -> Payload {
    let question = try request.question()
    let dimension = request.query.value("dimension").flatMap(RelationDimension.init(rawValue:))
    let answer = try await request.server.store.read {
      try FactAnswers.answer(question, dimension: dimension, store: $0)
    }
    return try request.respond(answer, question: question)
  }

  /// Treaties binding both states, oldest first.
  static func treaties(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let treaties = try await request.server.store.read { try $0.treaties(binding: dyad) }
    var table = DataTable(
      "id", "name", "signed", "in_force", "ended", "end_reason", "obligations", "parties", "source_publisher",
      "source_title", "source_url")
    for treaty in treaties {
      table.append([
        treaty.id, treaty.name, treaty.signed.description, treaty.inForce?.description, treaty.ended?.description,
        treaty.endReason, treaty.obligations.sorted().map(\.rawValue).joined(separator: ";"),
        treaty.states.map(\.rawValue).joined(separator: ";"), treaty.source.publisher, treaty.source.title,
        treaty.source.url,
      ])
    }
    return try request.respond(json: DyadEnvelope(a: a, b: b, years: nil, data: treaties), table: table)
  }

  /// Joint military exercises, oldest first.
  static func exercises(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let years = try request.years(default: .all)
    let exercises = try await request.server.store.read { try $0.exercises(involving: dyad, years: years) }
    var table = DataTable(
      "id", "name", "start", "end", "precision", "participants", "bilateral", "domain", "location", "source_publisher",
      "source_url")
    for item in exercises {
      table.append([
        item.id, item.name, item.start.formatted(item.precision), item.end?.description, item.precision.rawValue,
        item.participants.map(\.rawValue).joined(separator: ";"), item.isBilateral ? "yes" : "no", item.domain,
        item.location, item.source.publisher, item.source.url,
      ])
    }
    return try request.respond(json: DyadEnvelope(a: a, b: b, years: years, data: exercises), table: table)
  }
}
