import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DyadServer

/// One store for the server suites: the shipped curated data, plus the UN Security Council veto
/// list (small) when the shared datasets are here. Built once, lazily, in a temporary folder.
enum ServerFixture {
  static let folder = try! TemporaryFolder("dyad-server-test")

  static let store: Store = {
    let path = folder.path("dyad.sqlite")
    let writable = try! Store.open(at: path)
    if SharedData.isAvailable, let importer = DatasetCatalog.importers["unsc-vetoes"] {
      _ = try! writable.importDataset(
        importer, files: [SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv")])
    }
    return try! Store.open(at: path, readOnly: true)
  }()

  /// A fixed "today", so that default year spans do not move.
  static let today = Day(year: 2024, month: 6, day: 30)!

  static func server(cache: Int = 512) -> DyadServer {
    DyadServer(store: store, configuration: .init(host: "127.0.0.1", port: 0, cacheCapacity: cache, today: today))
  }

  /// Runs `body` against a live server on a free loopback port.
  static func live<T: Sendable>(cache: Int = 512, _ body: @Sendable (any TestClientProtocol) async throws -> T)
    async throws -> T
  {
    try await server(cache: cache).makeApplication().test(.live, body)
  }

  /// A concrete path for a route template: `{a}` CHN, `{b}` RUS, `{id}` CHN.
  static func example(_ template: String) -> String {
    template.replacingOccurrences(of: "{a}", with: "CHN").replacingOccurrences(of: "{b}", with: "RUS")
      .replacingOccurrences(of: "{id}", with: "CHN")
  }

  /// Whether the store holds a dataset.
  static func has(_ dataset: String) -> Bool { (try? store.dataset(named: dataset)) != nil }
}

extension TestResponse {
  var text: String { String(buffer: body) }

  /// The body parsed as a JSON object.
  var json: [String: Any] {
    get throws {
      try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
  }
}

/// Splits CSV text into records of fields (RFC 4180: quoted fields, doubled quotes), for checking
/// the server's CSV independently of the code that writes it.
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var iterator = Array(text).makeIterator()
  var pending: Character? = nil
  while let ch = pending ?? iterator.next() {
    pending = nil
    if quoted {
      if ch == "\"" {
        if let next = iterator.next() {
          if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
        } else {
          quoted = false
        }
      } else {
        field.append(ch)
      }
      continue
    }
    switch ch {
    case "\"": quoted = true
    case ",": record.append(field); field = ""
    case "\r\n", "\n":
      record.append(field)
      records.append(record)
      record = []
      field = ""
    case "\r": continue
    default: field.append(ch)
    }
  }
  if !field.isEmpty || !record.isEmpty {
    record.append(field)
    records.append(record)
  }
  return records
}
