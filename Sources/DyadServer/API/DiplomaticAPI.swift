import DyadAnalysis
import DyadCore
import DyadStore
import Foundation

/// `/api/v1/dyads/{a}/{b}/alignment`, `/vetoes` and `/institutions`: UN General Assembly vote
/// alignment, Security Council vetoes, and shared institutions.
enum DiplomaticAPI {
  static let issue = QueryParameter(
    "issue",
    "Only roll calls of one issue area (unvotes codes): me Palestinian conflict, nu nuclear weapons, di arms control, hr human rights, co colonialism, ec economic development.",
    kind: .choice(UNGAIssue.allCases.map(\.rawValue)), example: "hr")
  static let important = QueryParameter(
    "important", "Only the votes the US State Department classed as important (coded from 1983).",
    kind: .choice(["true", "false"]), example: "true")

  static func alignment(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let years = try request.years(default: .all)
    let issue = request.query.value("issue").flatMap(UNGAIssue.init(rawValue:))
    let importantOnly = request.query.value("important") == "true"
    let summary = try await request.server.store.read {
      try $0.alignment(for: dyad, years: years, issue: issue, importantOnly: importantOnly)
    }
    var table = DataTable(
      "year", "joint_votes", "agree", "agree_half", "s", "pi", "kappa", "agree_percentile", "s_percentile",
      "kappa_percentile", "agree_median", "s_median", "dyads")
    let n = DataTable.number as (Double?) -> String?
    for row in summary.rows {
      table.append([
        String(row.year), String(row.measures.n), n(row.measures.agree), n(row.measures.agreeHalf), n(row.measures.s),
        n(row.measures.pi), n(row.measures.kappa), n(row.percentiles.agree), n(row.percentiles.s),
        n(row.percentiles.kappa),
        n(row.medians.agree), n(row.medians.s), String(row.dyads),
      ])
    }
    return try request.respond(
      json: DyadEnvelope(a: a, b: b, years: summary.years, data: summary), table: table)
  }

  static func vetoes(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let years = try request.years(default: .all)
    let summary = try await request.server.store.read { try $0.vetoes(for: dyad, years: years) }
    var table = DataTable(
      "id", "date", "draft", "agenda_item", "topic", "region", "vetoers", "joint", "meeting_records")
    for veto in summary.all {
      table.append([
        String(veto.id), veto.date.description, veto.draft, veto.agendaItem, veto.topic, veto.region,
        veto.vetoers.map(\.rawValue).joined(separator: ";"),
        veto.isCast(by: dyad.first) && veto.isCast(by: dyad.second) ? "yes" : "no",
        veto.meetingRecords.joined(separator: ";"),
      ])
    }
    return try request.respond(
      json: DyadEnvelope(a: a, b: b, years: years, data: summary, notes: summary.notes), table: table)
  }

  static func institutions(_ request: RouteRequest) async throws -> Payload {
    let (dyad, a, b) = try request.dyad()
    let years = try request.years(default: .all)
    let summary = try await request.server.store.read { try $0.sharedInstitutions(for: dyad, years: years) }
    var table = DataTable("year", "shared_igos", "igos_\(dyad.first)", "igos_\(dyad.second)", "curated_shared")
    for row in summary.years {
      table.append([
        String(row.year), DataTable.number(row.sharedIGOs), DataTable.number(row.firstIGOs),
        DataTable.number(row.secondIGOs), row.curated.joined(separator: ";"),
      ])
    }
    return try request.respond(json: DyadEnvelope(a: a, b: b, years: years, data: summary), table: table)
  }
}
