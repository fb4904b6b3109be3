import DyadCore
import Foundation

/// A state as responses name it: its id and its current name.
struct StateRef: Encodable, Sendable {
  let id: StateID
  let name: String

  init(_ state: State) {
    id = state.id
    name = state.name
  }
}

/// A year range in responses: `{"from": 1992, "to": 2023}`.
struct Years: Encodable, Sendable {
  let from: Int
  let to: Int

  init(_ range: YearRange) {
    from = range.lowerBound
    to = range.upperBound
  }

  init?(_ range: YearRange?) {
    guard let range else { return nil }
    self.init(range)
  }
}

/// The JSON body of a dyad resource: the two states in the order asked, the years covered, and
/// the resource's data.
struct DyadEnvelope<Data: Encodable & Sendable>: Encodable, Sendable {
  let states: [StateRef]
  let dyad: String
  let years: Years?
  let data: Data
  /// Coverage notes: datasets not in the store and how to import them.
  let notes: [String]?

  init(a: State, b: State, years: YearRange?, data: Data, notes: [String] = []) {
    states = [StateRef(a), StateRef(b)]
    dyad = "\(a.id)–\(b.id)"
    self.years = Years(years)
    self.data = data
    self.notes = notes.isEmpty ? nil : notes
  }
}

extension RouteRequest {
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
