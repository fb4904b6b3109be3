import DyadCore
import Foundation

/// The facts Dyad ships, written from public sources: treaties, events, memberships, joint
/// exercises and official trade totals. Every row carries its source.
///
/// Loading validates every row: each is sourced (publisher, title, date, URL), its dates are real
/// days, its states resolve through the registry, and ids are unique. The first bad row is
/// reported with its file, line and field.
public struct CuratedData: Sendable {
  public var treaties: [Treaty] = []
  public var events: [Event] = []
  public var memberships: [Membership] = []
  public var exercises: [Exercise] = []
  public var reportedTrade: [ReportedTrade] = []
  /// Security Council vetoes after the imported veto list ends (15 September 2022).
  public var vetoes: [CuratedVeto] = []
  /// Counts officials gave on a date (how often two leaders have met).
  public var tallies: [OfficialTally] = []
  /// Heads of state and government from March 2021 (after REIGN ends), with the line each is on.
  public var leaders: [(line: Int, spell: LeaderSpell)] = []

  /// The files of the curated data set, in load order.
  public static let fileNames = [
    "treaties.csv", "events.csv", "memberships.csv", "exercises.csv", "trade_totals.csv", "vetoes.csv",
    "tallies.csv", "leaders.csv",
  ]

  public init() {}

  /// Loads the shipped curated data.
  public static func standard(registry: StateRegistry) throws -> CuratedData {
    try load(from: DyadResources.curatedDirectory, registry: registry)
  }

  /// Loads and validates the curated files in a folder.
  public static func load(from directory: URL, registry: StateRegistry) throws -> CuratedData {
    var data = CuratedData()
    let loader = Loader(registry: registry)
    func rows(_ name: String, _ required: [String]) throws -> [CSVRow] {
      try CSVReader(path: directory.appendingPathComponent(name).path).rows(
        requiring: required + Loader.sourceColumns)
    }
    var ids = Set<String>()
    for row in try rows("treaties.csv", ["id", "name", "states", "signed", "in_force", "ended", "obligations"]) {
      let id = try loader.uniqueID(row, &ids)
      var obligations = Set<Obligation>()
      for item in row.list("obligations") {
        guard let obligation = Obligation(rawValue: item) else {
          throw row.error(
            "obligations",
            "'\(item)' is not one of \(Obligation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        obligations.insert(obligation)
      }
      let signed = try row.requiredDay("signed")
      let treaty = Treaty(
        id: id, name: try row.required("name"), states: try loader.states(row, "states", on: signed, minimum: 2),
        signed: signed, inForce: try row.optionalDay("in_force"), ended: try row.optionalDay("ended"),
        endReason: row.optional("end_reason"), obligations: obligations, description: row.text("description"),
        source: try loader.source(row))
      if let ended = treaty.ended, ended < signed { throw row.error("ended", "is before the signing date") }
      data.treaties.append(treaty)
    }
    for row in try rows("events.csv", ["id", "date", "precision", "kind", "states", "title"]) {
      let date = try row.requiredDay("date")
      data.events.append(
        Event(
          id: try loader.uniqueID(row, &ids), date: date,
          precision: try row.required("precision", as: DatePrecision.self),
          kind: try row.required("kind", as: EventKind.self),
          states: try loader.states(row, "states", on: date, minimum: 1), title: try row.required("title"),
          description: row.text("description"), place: row.optional("place"), source: try loader.source(row)))
    }
    var memberships = Set<String>()
    for row in try rows("memberships.csv", ["institution", "institution_name", "state", "role", "joined", "left"]) {
      let joined = try row.requiredDay("joined")
      let membership = Membership(
        institution: try row.required("institution"), institutionName: try row.required("institution_name"),
        state: try loader.state(row, "state", on: joined), role: try row.required("role"), joined: joined,
        left: try row.optionalDay("left"), source: try loader.source(row))
      let key = "\(membership.institution)|\(membership.state)|\(membership.role)|\(joined)"
      guard memberships.insert(key).inserted else {
        throw row.error("state", "\(membership.state) is listed twice for \(membership.institution)")
      }
      if let left = membership.left, left < joined { throw row.error("left", "is before the join date") }
      data.memberships.append(membership)
    }
    for row in try rows(
      "exercises.csv", ["id", "name", "start_date", "end_date", "precision", "participants", "format", "domain"])
    {
      let start = try row.requiredDay("start_date")
      let format = try row.required("format")
      guard format == "bilateral" || format == "multilateral" else {
        throw row.error("format", "'\(format)' is not one of bilateral, multilateral")
      }
      let participants = try loader.states(row, "participants", on: start, minimum: 2)
      if format == "bilateral" && participants.count != 2 {
        throw row.error("participants", "a bilateral exercise needs exactly two participants")
      }
      let end = try row.optionalDay("end_date")
      if let end, end < start { throw row.error("end_date", "is before the start date") }
      data.exercises.append(
        Exercise(
          id: try loader.uniqueID(row, &ids), name: try row.required("name"), start: start, end: end,
          precision: try row.required("precision", as: DatePrecision.self), participants: participants,
          isBilateral: format == "bilateral", domain: try row.required("domain"), location: row.optional("location"),
          description: row.text("description"), source: try loader.source(row)))
    }
    var flows = Set<String>()
    for row in try rows("trade_totals.csv", ["year", "reporter", "partner", "flow", "value_usd_millions"]) {
      let year = try row.requiredInt("year")
      let day = Day.startOf(year: year)
      let value = try row.requiredDouble("value_usd_millions")
      guard value >= 0 else { throw row.error("value_usd_millions", "must not be negative") }
      let trade = ReportedTrade(
        year: year, reporter: try loader.state(row, "reporter", on: day),
        partner: try loader.state(row, "partner", on: day),
        flow: try row.required("flow", as: ReportedTrade.Flow.self), valueUSDMillions: value,
        source: try loader.source(row))
      guard flows.insert("\(year)|\(trade.reporter)|\(trade.partner)|\(trade.flow)").inserted else {
        throw row.error("year", "this flow is listed twice for \(year)")
      }
      data.reportedTrade.append(trade)
    }
    var vetoes = Set<String>()
    for row in try rows("vetoes.csv", ["date", "draft", "meeting_record", "agenda_item", "topic", "region", "vetoed_by"]) {
      let date = try row.requiredDay("date")
      let veto = CuratedVeto(
        date: date, draft: row.optional("draft") ?? "", meetingRecord: row.optional("meeting_record") ?? "",
        agendaItem: try row.required("agenda_item"), topic: try row.required("topic"), region: try row.required("region"),
        vetoers: try loader.states(row, "vetoed_by", on: date, minimum: 1), description: row.text("description"),
        source: try loader.source(row))
      for state in veto.vetoers where !["CHN", "RUS", "USA", "GBR", "FRA"].contains(state) {
        throw row.error("vetoed_by", "\(state) is not a permanent member of the Security Council")
      }
      guard vetoes.insert("\(date)|\(veto.draft)|\(veto.meetingRecord)|\(veto.vetoers)").inserted else {
        throw row.error("date", "this veto is listed twice")
      }
      data.vetoes.append(veto)
    }
    for row in try rows("tallies.csv", ["id", "date", "states", "counted", "count", "qualifier", "statement"]) {
      let date = try row.requiredDay("date")
      let count = try row.requiredInt("count")
      guard count >= 0 else { throw row.error("count", "must not be negative") }
      data.tallies.append(
        OfficialTally(
          id: try loader.uniqueID(row, &ids), date: date, states: try loader.states(row, "states", on: date, minimum: 2),
          counted: try row.required("counted"), count: count,
          qualifier: try row.required("qualifier", as: OfficialTally.Qualifier.self), statement: try row.required("statement"),
          source: try loader.source(row)))
    }
    data.leaders = try Self.leaders(try rows("leaders.csv", [
      "state", "roles", "name", "from", "to", "acting", "effective", "continues", "as_of", "note",
    ]), loader: loader)
    return data
  }

  /// The curated leaders (`leaders.csv`), checked: each state resolves, each date is a day, a spell
  /// still open says the day it was last attested (`as_of`), and a state's effective leaders never
  /// overlap (a handover day may be both the old `to` and the new `from`).
  fileprivate static func leaders(_ rows: [CSVRow], loader: Loader) throws -> [(line: Int, spell: LeaderSpell)] {
    var result: [(line: Int, spell: LeaderSpell)] = []
    for row in rows {
      let from = try row.requiredDay("from")
      guard Day.precision(of: row.text("from")) == .day else { throw row.error("from", "must be a day (YYYY-MM-DD)") }
      let to = try row.optionalDay("to"), asOf = try row.optionalDay("as_of")
      if let to, to < from { throw row.error("to", "is before 'from' (\(from))") }
      if to == nil, asOf == nil { throw row.error("as_of", "an open spell needs the day it was last attested") }
      if to != nil, asOf != nil { throw row.error("as_of", "is only for a spell without an end ('to')") }
      if let asOf, asOf < from { throw row.error("as_of", "is before 'from' (\(from))") }
      var offices: [LeaderSpell.Office] = []
      for item in row.list("roles") {
        guard let office = LeaderSpell.Office(rawValue: item) else {
          throw row.error("roles", "'\(item)' is not head-of-state or head-of-government")
        }
        offices.append(office)
      }
      guard !offices.isEmpty else { throw row.error("roles", "names no office") }
      func flag(_ column: String) throws(ImportError) -> Bool {
        switch row.text(column) {
        case "1": return true
        case "0": return false
        case let other: throw row.error(column, "'\(other)' is not 0 or 1")
        }
      }
      let continues = row.text("continues")
      guard ["", "reign"].contains(continues) else { throw row.error("continues", "'\(continues)' is not empty or reign") }
      let effective = try flag("effective")
      if continues == "reign" && !effective { throw row.error("continues", "only an effective leader's spell continues REIGN's") }
      let spell = LeaderSpell(
        dataset: .curated, state: try loader.state(row, "state", on: from), name: try row.required("name"),
        offices: offices, isEffective: effective, isActing: try flag("acting"), from: from, to: to, asOf: asOf,
        continuesDatasetSpell: continues == "reign", note: row.optional("note"), source: try loader.source(row))
      for (line, other) in result where other.state == spell.state && other.isEffective && spell.isEffective {
        let otherEnd = other.lastKnownDay!, end = spell.lastKnownDay!
        // Overlap beyond a shared handover day.
        if spell.from < otherEnd && other.from < end {
          throw row.error("from", "overlaps the effective spell of \(other.name) on line \(line) (\(other.spanLabel))")
        }
      }
      result.append((row.line, spell))
    }
    return result
  }

  /// Every distinct source cited by the curated rows.
  public var sources: [Source] {
    var seen = Set<String>()
    var result: [Source] = []
    let all =
      treaties.map(\.source) + events.map(\.source) + memberships.map(\.source) + exercises.map(\.source)
      + reportedTrade.map(\.source) + vetoes.map(\.source) + tallies.map(\.source) + leaders.compactMap(\.spell.source)
    for source in all where seen.insert(source.key).inserted { result.append(source) }
    return result
  }
}

/// Row-level validation shared by the curated files.
private struct Loader {
  static let sourceColumns = ["source_publisher", "source_title", "source_date", "source_url"]
  let registry: StateRegistry

  func uniqueID(_ row: CSVRow, _ ids: inout Set<String>) throws(ImportError) -> String {
    let id = try row.required("id")
    guard ids.insert(id).inserted else { throw row.error("id", "'\(id)' is used twice") }
    return id
  }

  func state(_ row: CSVRow, _ column: String, on day: Day) throws(ImportError) -> StateID {
    try resolve(row, column, try row.required(column), on: day)
  }

  func states(_ row: CSVRow, _ column: String, on day: Day, minimum: Int) throws(ImportError) -> [StateID] {
    let names = row.list(column)
    guard names.count >= minimum else {
      throw row.error(column, "lists \(names.count) state(s); at least \(minimum) needed")
    }
    var result: [StateID] = []
    for name in names {
      let id = try resolve(row, column, name, on: day)
      guard !result.contains(id) else { throw row.error(column, "names \(id) twice") }
      result.append(id)
    }
    return result
  }

  private func resolve(_ row: CSVRow, _ column: String, _ name: String, on day: Day) throws(ImportError) -> StateID {
    if let state = registry[StateID(name)] { return state.id }
    do { return try registry.resolve(name, on: day).id } catch { throw row.error(column, error.description) }
  }

  func source(_ row: CSVRow) throws(ImportError) -> Source {
    let url = try row.required("source_url")
    guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(" ") else {
      throw row.error("source_url", "'\(url)' is not a web address")
    }
    // "n.d." marks a page that carries no publication date, as in a bibliography.
    let date = try row.required("source_date")
    guard date == "n.d." || (try? Day(parsing: date)) != nil else {
      throw row.error("source_date", "'\(date)' is not a date (YYYY-MM-DD, YYYY-MM or YYYY, or n.d. for an undated page)")
    }
    return Source(
      publisher: try row.required("source_publisher"), title: try row.required("source_title"), date: date, url: url)
  }
}
