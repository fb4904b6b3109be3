import DyadCore
import DyadImport
import ArgumentParser
import DyadAnswers
import DyadStore

struct DatasetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datasets",
    abstract: "List the datasets Dyad knows, where to get them, and what the store holds.",
    discussion: """
      Import one with `dyad import NAME PATH`, where PATH is its file or a folder holding its files.

      \(DatasetAnswers.schema.help)
      """)

  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let answer = try DatasetAnswers.answer(store: try storeOptions.open())
    if try output.printed(answer) { return }
    var table = TextTable("NAME", "DATASET", "COVERAGE", "IN STORE", "GET IT FROM")
    for item in answer.payload {
      let status: String
      if let imported = item.imported {
        status = "\(imported.rowCount) rows, \(imported.coverage?.description ?? "-"), \(imported.importedAt.prefix(10))"
      } else {
        status = item.importable ? "not imported" : "no importer yet"
      }
      table.append(item.name, "\(item.title) (\(item.version))", item.coverage, status, item.url)
    }
    print(table.render(), terminator: "")
  }
}
