import DyadAnalysis
import DyadCore
import DyadStore

/// The dated events of a dyad (`dyad timeline`, `/api/v1/dyads/{a}/{b}/events`).
public enum TimelineAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "event, oldest first",
    columns: [
      DataColumn("id", "the event's id in Dyad's curated record"),
      DataColumn("date", "when it happened, as precisely as known"),
      DataColumn("precision", "the date's precision: day, month or year"),
      DataColumn("kind", "the kind of event"),
      DataColumn("title", "what happened"),
      DataColumn("states", "the states taking part, separated by semicolons"),
      DataColumn("place", "where"),
      DataColumn("description", "more on the event"),
      DataColumn("source_publisher", "who published the source"),
      DataColumn("source_title", "the source's title"),
      DataColumn("source_date", "the source's date"),
      DataColumn("source_url", "the source's address"),
    ])

  /// The events and joint exercises of the question's dyad, of the given kinds (all by default).
  public static func answer(_ question: DyadQuestion, kinds: Set<EventKind>? = nil, store: Store) throws
    -> Answer<[Event]>
  {
    let events = try store.timeline(for: question.dyad, years: question.years, kinds: kinds)
    var table = DataTable(columns: schema.columns.map(\.name))
    for event in events {
      table.append([
        event.id, event.date.formatted(event.precision), event.precision.rawValue, event.kind.rawValue, event.title,
        event.states.map(\.rawValue).joined(separator: ";"), event.place, event.description, event.source.publisher,
        event.source.title, event.source.date, event.source.url,
      ])
    }
    return Answer(payload: events, table: table, years: question.years).noting(question.yearsNote)
  }
}

/// Sourced statements about a dyad from the curated record
/// (`dyad facts`, `/api/v1/dyads/{a}/{b}/facts`).
public enum FactAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "fact",
    columns: [
      DataColumn("dimension", "diplomatic, economic or military"),
      DataColumn("topic", "what the fact is about"),
      DataColumn("statement", "the fact, as a sentence"),
      DataColumn("date", "the date it refers to, if any"),
      DataColumn("sources", "the sources' addresses, separated by spaces"),
    ])

  /// The curated record the facts are written from.
  public static func curatedRecord(_ store: Store, _ dyad: Dyad) throws -> CuratedRecord {
    CuratedRecord(
      treaties: try store.treaties(binding: dyad), events: try store.events(involving: dyad),
      memberships: try store.memberships(of: [dyad.first, dyad.second]),
      exercises: try store.reportedExercises(involving: dyad),
      reportedTrade: try store.reportedTrade(for: dyad))
  }

  /// The facts about the question's dyad, as of this year, of one dimension or all.
  public static func answer(_ question: DyadQuestion, dimension: RelationDimension? = nil, store: Store) throws
    -> Answer<[Fact]>
  {
    let record = try curatedRecord(store, question.dyad)
    let registry = store.registry
    var facts = record.facts(
      about: question.dyad, names: { registry[$0]?.name(inYear: $1) ?? $0.rawValue }, asOf: question.thisYear)
    if let dimension { facts = facts.filter { $0.dimension == dimension } }
    var table = DataTable(columns: schema.columns.map(\.name))
    for fact in facts {
      table.append([
        fact.dimension.rawValue, fact.topic, fact.statement, fact.date?.description,
        fact.sources.map(\.url).joined(separator: " "),
      ])
    }
    return Answer(payload: facts, table: table, years: nil)
  }
}

/// Treaties binding both states, oldest first (`/api/v1/dyads/{a}/{b}/treaties`).
public enum TreatyAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "treaty, oldest first",
    columns: [
      DataColumn("id", "the treaty's id in Dyad's curated record"),
      DataColumn("name", "the treaty's name"),
      DataColumn("signed", "the date it was signed"),
      DataColumn("in_force", "the date it entered into force"),
      DataColumn("ended", "the date it ended, if it has"),
      DataColumn("end_reason", "why it ended"),
      DataColumn("obligations", "what it obliges the parties to, separated by semicolons"),
      DataColumn("parties", "the states party to it, separated by semicolons"),
      DataColumn("source_publisher", "who published the source"),
      DataColumn("source_title", "the source's title"),
      DataColumn("source_url", "the source's address"),
    ])

  /// The treaties binding the question's two states.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<[Treaty]> {
    let treaties = try store.treaties(binding: question.dyad)
    var table = DataTable(columns: schema.columns.map(\.name))
    for treaty in treaties {
      table.append([
        treaty.id, treaty.name, treaty.signed.description, treaty.inForce?.description, treaty.ended?.description,
        treaty.endReason, treaty.obligations.sorted().map(\.rawValue).joined(separator: ";"),
        treaty.states.map(\.rawValue).joined(separator: ";"), treaty.source.publisher, treaty.source.title,
        treaty.source.url,
      ])
    }
    return Answer(payload: treaties, table: table, years: nil)
  }
}

/// Joint military exercises of two states, oldest first (`/api/v1/dyads/{a}/{b}/exercises`).
public enum ExerciseAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "exercise, oldest first",
    columns: [
      DataColumn("id", "the exercise's id"),
      DataColumn("name", "the exercise's name"),
      DataColumn("start", "when it began, as precisely as known"),
      DataColumn("end", "when it ended"),
      DataColumn("precision", "the start date's precision: day, month or year"),
      DataColumn("participants", "the states taking part, separated by semicolons"),
      DataColumn("bilateral", "yes when only the two took part, else no"),
      DataColumn("domain", "the kind of exercise: naval, air, joint, counter-terrorism, …"),
      DataColumn("location", "where"),
      DataColumn("source_publisher", "who published the source"),
      DataColumn("source_url", "the source's address"),
    ])

  /// The joint exercises of the question's two states in the years asked.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<[Exercise]> {
    let exercises = try store.exercises(involving: question.dyad, years: question.years)
    var table = DataTable(columns: schema.columns.map(\.name))
    for item in exercises {
      table.append([
        item.id, item.name, item.start.formatted(item.precision), item.end?.description, item.precision.rawValue,
        item.participants.map(\.rawValue).joined(separator: ";"), item.isBilateral ? "yes" : "no", item.domain,
        item.location, item.source.publisher, item.source.url,
      ])
    }
    return Answer(payload: exercises, table: table, years: question.years).noting(question.yearsNote)
  }
}
