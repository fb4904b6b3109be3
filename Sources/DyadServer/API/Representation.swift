import DyadAnswers
import DyadCore
import DyadStore
import Foundation

/// The JSON body of a dyad resource: the two states in the order asked, the years covered, and
/// the resource's data.
struct DyadEnvelope<Data: Encodable & Sendable>: Encodable, Sendable {
  let states: [StateRef]
  let dyad: String
  let years: YearSpan?
  let data: Data
  /// Coverage notes: datasets not in the store and how to import them.
  let notes: [String]?

  init(a: State, b: State, years: YearRange?, data: Data, notes: [String] = []) {
    states = [StateRef(a), StateRef(b)]
    dyad = "\(a.id)–\(b.id)"
    self.years = YearSpan(years)
    self.data = data
    self.notes = notes.isEmpty ? nil : notes
  }
}

extension DyadEnvelope {
  /// The envelope of an answer: its payload as `data`, with its years and notes.
  init(a: State, b: State, answer: Answer<Data>) {
    self.init(a: a, b: b, years: answer.years, data: answer.payload, notes: answer.notes)
  }
}

extension RouteRequest {
  /// The question of the `{a}` and `{b}` path parameters and the `from` and `to` years.
  func question() throws(Problem) -> DyadQuestion {
    let (_, a, b) = try dyad()
    _ = try years(default: .all)
    do {
      return try DyadQuestion(a, b, from: year("from"), to: year("to"), thisYear: server.today.year)
    } catch let error as StatehoodError {
      throw .stateDidNotExist(error, parameter: year("from") != nil ? "from" : year("to") != nil ? "to" : nil)
    } catch {
      throw .sameState(a.name)
    }
  }

  /// The payload of a dyad answer in the negotiated format: the envelope as JSON, or the table.
  func respond<Body>(_ answer: Answer<Body>, question: DyadQuestion) throws -> Payload {
    try respond(json: DyadEnvelope(a: question.a, b: question.b, answer: answer), table: answer.table)
  }

  /// Answers the request's question from the store with `body`, in the negotiated format.
  func answer<Body>(_ body: @escaping @Sendable (DyadQuestion, Store) throws -> Answer<Body>) async throws -> Payload {
    let question = try question()
    let answer = try await server.store.read { try body(question, $0) }
    return try respond(answer, question: question)
  }

  /// The payload in the negotiated format: JSON of `json`, or CSV of `table`.
  func respond(json: some Encodable, table: @autoclosure () -> DataTable? = nil) throws -> Payload {
    switch format {
    case .json: return Payload(try JSONCoding.encode(json), format: .json)
    case .csv:
      guard let table = table() else {
        throw Problem.notAcceptable("text/csv", offered: route.formats.map(\.mediaType))
      }
      return Payload(table.csv, format: .csv)
    case .html, .markdown:
      throw Problem.notAcceptable(format.mediaType, offered: route.formats.map(\.mediaType))
    }
  }
}
