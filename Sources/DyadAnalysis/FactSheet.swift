import DyadCore

/// A sourced statement about a dyad, for `dyad facts` and the report.
public struct Fact: Sendable, Hashable, Codable {
  public let dimension: RelationDimension
  /// A short label: "Treaty", "Shared institution", "Leader meetings".
  public let topic: String
  public let statement: String
  /// The date the fact refers to, when it has one.
  public let date: Day?
  public let sources: [Source]

  public init(dimension: RelationDimension, topic: String, statement: String, date: Day?, sources: [Source]) {
    self.dimension = dimension
    self.topic = topic
    self.statement = statement
    self.date = date
    self.sources = sources
  }
}

/// The curated record of a dyad, from which ``facts(about:names:asOf:)`` writes sourced statements.
public struct CuratedRecord: Sendable {
  public var treaties: [Treaty]
  public var events: [Event]
  public var memberships: [Membership]
  /// The reports of the dyad's joint exercises, merged so that one drill counts once.
  public var exercises: [ReportedExercise]
  public var reportedTrade: [ReportedTrade]

  public init(
    treaties: [Treaty] = [], events: [Event] = [], memberships: [Membership] = [], exercises: [ReportedExercise] = [],
    reportedTrade: [ReportedTrade] = []
  ) {
    self.treaties = treaties
    self.events = events
    self.memberships = memberships
    self.exercises = exercises
    self.reportedTrade = reportedTrade
  }

  /// Sourced statements about a dyad, by dimension, oldest first within each topic.
  ///
  /// - Parameters:
  ///   - names: a state's display name in a year (the USSR's name before 1992).
  ///   - year: the year "now" refers to, for what is in force and who is a member.
  public func facts(
    about dyad: Dyad, names: (StateID, Int) -> String, asOf year: Int
  ) -> [Fact] {
    var facts: [Fact] = []
    func pair(_ year: Int) -> String { "\(names(dyad.first, year)) and \(names(dyad.second, year))" }

    // Diplomatic: treaties, institutions, meetings, statements.
    for treaty in treaties.sorted(by: { $0.signed < $1.signed }) where treaty.binds(dyad) {
      let obligations = treaty.obligations.sorted().map(\.rawValue)
      var text = "\(treaty.name), signed \(treaty.signed)"
      if !obligations.isEmpty { text += ", obliges \(Self.list(obligations))" }
      if let ended = treaty.ended {
        text += "; ended \(ended)" + (treaty.endReason.map { " (\($0))" } ?? "")
      } else {
        text += "; in force"
      }
      facts.append(Fact(dimension: .diplomatic, topic: "Treaty", statement: text + ".", date: treaty.signed, sources: [treaty.source]))
    }
    let first = memberships.filter { $0.state == dyad.first }
    let second = memberships.filter { $0.state == dyad.second }
    for institution in Set(first.map(\.institution)).sorted() {
      let a = first.filter { $0.institution == institution }.sorted { $0.joined < $1.joined }
      let b = second.filter { $0.institution == institution }.sorted { $0.joined < $1.joined }
      guard let a0 = a.first, let b0 = b.first else { continue }
      let both = max(a0.joined, b0.joined)
      let aNow = a.contains { $0.isMember(inYear: year) }
      let bNow = b.contains { $0.isMember(inYear: year) }
      let status = aNow && bNow ? "both members since \(both.year)" : "both members from \(both.year); not both members in \(year)"
      facts.append(
        Fact(
          dimension: .diplomatic, topic: "Shared institution",
          statement: "\(a0.institutionName): \(status) (\(names(dyad.first, a0.joined.year)) \(a0.role) from \(a0.joined), \(names(dyad.second, b0.joined.year)) \(b0.role) from \(b0.joined)).",
          date: both, sources: Self.unique([a0.source, b0.source])))
    }
    let meetings = events.filter { $0.kind == .leaderMeeting && $0.involves(dyad) }.sorted { $0.date < $1.date }
    if let firstMeeting = meetings.first, let last = meetings.last {
      let perYear = Dictionary(grouping: meetings, by: \.date.year)
      let busiest = perYear.max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }!
      facts.append(
        Fact(
          dimension: .diplomatic, topic: "Leader meetings",
          statement: "\(meetings.count) recorded leader meetings from \(firstMeeting.date.formatted(firstMeeting.precision)) to \(last.date.formatted(last.precision)); the most in one year: \(busiest.value.count) in \(busiest.key). Latest: \(last.title)\(last.place.map { ", \($0)" } ?? "").",
          date: last.date, sources: Self.unique(meetings.map(\.source))))
    }
    for event in events.sorted(by: { $0.date < $1.date })
    where event.involves(dyad) && [.jointStatement, .agreement].contains(event.kind) {
      facts.append(Fact(dimension: .diplomatic, topic: event.kind == .jointStatement ? "Joint statement" : "Agreement",
                        statement: "\(event.date.formatted(event.precision)): \(event.title).", date: event.date, sources: [event.source]))
    }

    // Economic: official trade totals, energy, payments.
    let totals = reportedTrade.filter { $0.flow == .total }.sorted { ($0.year, $0.reporter) < ($1.year, $1.reporter) }
    for reporter in Set(totals.map(\.reporter)).sorted() {
      let series = totals.filter { $0.reporter == reporter }
      guard let latest = series.last else { continue }
      var text = "\(names(reporter, latest.year))'s customs report \(Self.usd(latest.valueUSDMillions)) of trade with \(names(latest.partner, latest.year)) in \(latest.year)"
      if let earliest = series.first, earliest.year < latest.year, earliest.valueUSDMillions > 0 {
        let ratio = latest.valueUSDMillions / earliest.valueUSDMillions
        text += ", \(Self.fixed(ratio, 1))× the \(Self.usd(earliest.valueUSDMillions)) of \(earliest.year)"
      }
      facts.append(Fact(dimension: .economic, topic: "Official trade total", statement: text + ".", date: Day.startOf(year: latest.year),
                        sources: Self.unique([series.first!.source, latest.source])))
    }
    for event in events.sorted(by: { $0.date < $1.date }) where event.involves(dyad) && event.kind.dimension == .economic {
      facts.append(Fact(dimension: .economic, topic: event.kind == .energy ? "Energy" : "Payments",
                        statement: "\(event.date.formatted(event.precision)): \(event.title).", date: event.date, sources: [event.source]))
    }

    // Military: exercises and military events.
    let drills = MergedExercise.merge(exercises).filter { $0.involves(dyad) }
    if let firstDrill = drills.first, let last = drills.last {
      let bilateral = drills.filter(\.isBilateral).count
      facts.append(
        Fact(
          dimension: .military, topic: "Joint exercises",
          statement: "\(drills.count) recorded joint exercises of \(pair(last.start.year)) (\(bilateral) bilateral, \(drills.count - bilateral) multilateral), from \(firstDrill.displayName) (\(firstDrill.start.formatted(firstDrill.precision))) to \(last.displayName) (\(last.start.formatted(last.precision))).",
          date: last.start, sources: Self.unique(drills.flatMap(\.sources))))
    }
    for event in events.sorted(by: { $0.date < $1.date }) where event.involves(dyad) && event.kind == .military {
      facts.append(Fact(dimension: .military, topic: "Military", statement: "\(event.date.formatted(event.precision)): \(event.title).",
                        date: event.date, sources: [event.source]))
    }
    return facts
  }

  static func unique(_ sources: [Source]) -> [Source] {
    var seen = Set<String>()
    return sources.filter { seen.insert($0.key).inserted }
  }

  /// "a", "a and b", "a, b and c".
  public static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }

  /// US$ millions as "US$240.1 billion" or "US$950 million".
  public static func usd(_ millions: Double) -> String {
    millions >= 1000 ? "US$\(fixed(millions / 1000, 1)) billion" : "US$\(fixed(millions, 0)) million"
  }

  /// A number with a fixed count of decimals, without Foundation's locale.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded() / scale
    let negative = value < 0 && rounded != 0
    let whole = Int(rounded)
    var text = String(whole)
    if decimals > 0 {
      let fraction = Int(((rounded - Double(whole)) * scale).rounded())
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    }
    return negative ? "-" + text : text
  }
}
