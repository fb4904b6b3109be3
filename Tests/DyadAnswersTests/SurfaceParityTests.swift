import DyadAnswers
import DyadCore
import DyadStore
import DyadTestSupport
import Foundation
import HummingbirdTesting
import Testing

@testable import DyadServer

/// The same question asked of the command line (`--csv`) and of the API (`.csv`) gets the same
/// bytes: one header, the same rows, CRLF line ends.
@Suite("CLI and API answer alike", .serialized, .enabled(if: SharedData.isAvailable))
struct SurfaceParityTests {
  /// A store with trade, votes (the hand-made folder), vetoes, alliances and arms transfers,
  /// imported once with `dyad import` as a user would.
  static let imported: Result<(TemporaryFolder, String), any Error> = Result {
    let folder = try TemporaryFolder("dyad-answers-parity")
    let store = folder.path("store.sqlite")
    let votes = try DiplomaticFixture.write(in: folder)
    let imports: [(String, String)] = [
      ("unga-votes", votes.path), ("cow-trade", SharedData.folder("cow-trade").path),
      ("imf-dots", SharedData.folder("imf-dots-russia").path), ("unsc-vetoes", SharedData.folder("unsc-vetoes").path),
      ("atop", SharedData.folder("atop-alliances").path),
      ("sipri-transfers", SharedData.folder("sipri-arms-transfers").path),
      ("conflict", SharedData.folder("conflict-rivalry").path),
    ]
    for (name, path) in imports {
      let result = try DyadBinary.run(["import", name, path], store: store)
      guard result.status == 0 else { throw ImportFailed(message: "\(name): \(result.stderr)") }
    }
    return (folder, store)
  }

  struct ImportFailed: Error { let message: String }

  /// Today as the command line sees it, so that defaults running to this year agree.
  static var today: Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
    return Day(year: parts.year ?? 2024, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 2024, month: 1, day: 1)!
  }

  /// The CLI's `--csv` output and the API's `.csv` body for each question.
  static let questions: [(cli: [String], api: String)] = [
    (["trade", "China", "Russia", "--csv"], "/api/v1/dyads/CHN/RUS/trade.csv"),
    (["trade", "Russia", "China", "--from", "1990", "--to", "2023", "--csv"], "/api/v1/dyads/RUS/CHN/trade.csv?from=1990&to=2023"),
    (["alignment", "China", "Russia", "--csv"], "/api/v1/dyads/CHN/RUS/alignment.csv"),
    (["alignment", "China", "Russia", "--issue", "hr", "--csv"], "/api/v1/dyads/CHN/RUS/alignment.csv?issue=hr"),
    (
      ["alignment", "Russia", "China", "--rank-by", "kappa", "--reference", "USA/Namibia", "--important", "--csv"],
      "/api/v1/dyads/RUS/CHN/alignment.csv?rank_by=kappa&compare=USA/NAM&important=true"
    ),
    (["vetoes", "Russia", "China", "--csv"], "/api/v1/dyads/RUS/CHN/vetoes.csv"),
    (["vetoes", "USA", "UK", "--from", "1970", "--to", "1990", "--csv"], "/api/v1/dyads/USA/GBR/vetoes.csv?from=1970&to=1990"),
    (["military", "China", "Russia", "--csv"], "/api/v1/dyads/CHN/RUS/military.csv"),
    (["military", "Russia", "China", "--from", "2010", "--csv"], "/api/v1/dyads/RUS/CHN/military.csv?from=2010"),
    (["conflict", "China", "Russia", "--csv"], "/api/v1/dyads/CHN/RUS/conflict.csv"),
    (["conflict", "Russia", "China", "--from", "1960", "--to", "1990", "--csv"], "/api/v1/dyads/RUS/CHN/conflict.csv?from=1960&to=1990"),
    (["institutions", "China", "Russia", "--from", "2010", "--csv"], "/api/v1/dyads/CHN/RUS/institutions.csv?from=2010"),
    (["allies", "China", "Russia", "--year", "2015", "--csv"], "/api/v1/dyads/CHN/RUS/verdict.csv?year=2015"),
    (["timeline", "China", "Russia", "--from", "2013", "--csv"], "/api/v1/dyads/CHN/RUS/events.csv?from=2013"),
    (["facts", "China", "Russia", "--csv"], "/api/v1/dyads/CHN/RUS/facts.csv"),
    (["states", "Soviet Union", "--csv"], "/api/v1/states.csv?q=Soviet%20Union"),
    (["sources", "--csv"], "/api/v1/sources.csv"),
  ]

  @Test("--csv and .csv give the same header and rows, byte for byte")
  func csvParity() async throws {
    let path = try Self.imported.get().1
    let store = try Store.open(at: path, readOnly: true)
    let server = DyadServer(
      store: store, configuration: .init(host: "127.0.0.1", port: 0, cacheCapacity: 0, today: Self.today))
    try await server.makeApplication().test(.router) { client in
      for question in Self.questions {
        let cli = try DyadBinary.run(question.cli, store: path)
        #expect(cli.status == 0, "\(question.cli): \(cli.stderr)")
        let api = try await client.execute(uri: question.api, method: .get)
        #expect(api.status == .ok, "\(question.api): \(api.status)")
        let body = String(buffer: api.body)
        let cliLines = cli.stdout.components(separatedBy: "\r\n"), apiLines = body.components(separatedBy: "\r\n")
        #expect(cliLines.first == apiLines.first, "\(question.cli): header differs")
        #expect(cliLines.count > 2, "\(question.cli): no rows")
        #expect(cli.stdout == body, "\(question.cli) and \(question.api) differ")
      }
    }
  }

  @Test("--json prints the API's data: the same payload")
  func jsonParity() async throws {
    let path = try Self.imported.get().1
    let store = try Store.open(at: path, readOnly: true)
    let server = DyadServer(
      store: store, configuration: .init(host: "127.0.0.1", port: 0, cacheCapacity: 0, today: Self.today))
    try await server.makeApplication().test(.router) { client in
      for (cli, api) in [
        (["trade", "China", "Russia", "--from", "2010", "--to", "2014", "--json"], "/api/v1/dyads/CHN/RUS/trade?from=2010&to=2014"),
        (["vetoes", "China", "Russia", "--json"], "/api/v1/dyads/CHN/RUS/vetoes"),
        (["military", "China", "Russia", "--from", "2015", "--to", "2016", "--json"], "/api/v1/dyads/CHN/RUS/military?from=2015&to=2016"),
        (["alignment", "China", "Russia", "--json"], "/api/v1/dyads/CHN/RUS/alignment"),
        (["conflict", "China", "Russia", "--from", "1969", "--to", "1970", "--json"], "/api/v1/dyads/CHN/RUS/conflict?from=1969&to=1970"),
      ] {
        let result = try DyadBinary.run(cli, store: path)
        #expect(result.status == 0, "\(cli): \(result.stderr)")
        let response = try await client.execute(uri: api, method: .get)
        let envelope = try #require(
          try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
        let data = try #require(envelope["data"])
        let printed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        #expect(NSDictionary(dictionary: ["v": data]).isEqual(to: ["v": printed]), "\(cli) and \(api) differ")
      }
    }
  }

  @Test("the schemas document every column the tables write")
  func documentedColumns() throws {
    let path = try Self.imported.get().1
    let store = try Store.open(at: path, readOnly: true)
    let china = try store.registry.resolve("China"), russia = try store.registry.resolve("Russia")
    let question = try DyadQuestion(china, russia, from: 2010, to: 2014)
    func documented(_ table: DataTable, _ schema: TableSchema) -> Bool {
      let names = Set(schema.columns.map(\.name))
      return table.columns.allSatisfy { column in
        names.contains(column) || names.contains { $0.contains("<") }
      } && table.columns.count >= schema.columns.count - 1
    }
    #expect(try TradeAnswers.answer(question, store: store).table.columns == TradeAnswers.schema.columns.map(\.name))
    #expect(try MilitaryAnswers.answer(question, store: store).table.columns == MilitaryAnswers.schema.columns.map(\.name))
    #expect(try ConflictAnswers.answer(question, store: store).table.columns == ConflictAnswers.schema.columns.map(\.name))
    #expect(documented(try VetoAnswers.answer(question, store: store).table, VetoAnswers.schema))
    #expect(documented(try InstitutionAnswers.answer(question, store: store).table, InstitutionAnswers.schema))
    #expect(try AlignmentAnswers.answer(question, store: store).table.columns.count == AlignmentAnswers.schema.columns.count + 1)
  }
}
