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
      Import one with `dyad import NAME PATH`, where PATH is its file or a folder holding its files, \
      or fetch it with `dyad sync NAME`. RELEASE is the release the store holds, LAST YEAR the last \
      year of its data and AGE how many years ago that is; SYNC says whether `dyad sync` fetches it \
      from its publisher or only from a mirror (`--json` gives each file's address and why).

      \(DatasetAnswers.schema.help)
      """)

  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let answer = try DatasetAnswers.answer(store: try storeOptions.open())
    if try output.printed(answer) { return }
    var table = TextTable("NAME", "DATASET", "RELEASE", "LAST YEAR", "AGE", "IN STORE", "SYNC")
    for item in answer.payload {
      var status: String
      if let imported = item.imported {
        let how = imported.retrievedAt.map { "synced \($0.prefix(10))" } ?? "imported \(imported.importedAt.prefix(10))"
        status = "\(imported.rowCount) rows, \(imported.coverage?.description ?? "-"), \(how)"
        if !imported.earlierReleases.isEmpty { status += "; \(imported.earlierReleases.count) earlier kept" }
      } else {
        status = item.importable ? "not imported" : "no importer yet"
      }
      let sync =
        item.name == "curated" ? "built in"
        : item.downloads.isEmpty ? "mirror only" : item.syncsByDefault ? "publisher, default" : "publisher"
      table.append(
        item.name, item.title, item.imported.map { $0.release ?? $0.version } ?? item.version,
        item.imported?.lastYear.map(String.init) ?? "-", item.imported?.ageYears.map { "\($0) y" } ?? "-", status, sync)
    }
    print(table.render(), terminator: "")
  }
}
