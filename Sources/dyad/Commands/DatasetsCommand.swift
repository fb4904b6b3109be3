import DyadCore
import DyadImport
import ArgumentParser
import DyadData
import DyadStore

struct DatasetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datasets",
    abstract: "List the datasets Dyad knows, where to get them, and what the store holds.",
    discussion: "Import one with `dyad import NAME PATH`, where PATH is its file or a folder holding its files.")

  @OptionGroup var output: OutputOptions
  @OptionGroup var storeOptions: StoreOptions

  struct Item: Encodable {
    let name: String
    let title: String
    let publisher: String
    let version: String
    let url: String
    let licence: String
    let coverage: String
    let dimension: String
    let files: [String]
    let importable: Bool
    let imported: StoredDataset?
  }

  func run() throws {
    let stored = Dictionary(uniqueKeysWithValues: try storeOptions.open().datasets().map { ($0.name, $0) })
    var items = DatasetCatalog.all.map { info in
      Item(
        name: info.name, title: info.title, publisher: info.publisher, version: info.version, url: info.url,
        licence: info.licence, coverage: info.coverage, dimension: info.dimension.rawValue, files: info.files,
        importable: DatasetCatalog.importers[info.name] != nil, imported: stored[info.name])
    }
    if let curated = stored[Store.curatedDataset] {
      items.insert(
        Item(
          name: curated.name, title: curated.title, publisher: "Dyad", version: curated.version,
          url: "Sources/DyadData/Resources/curated", licence: "facts cite their own sources",
          coverage: curated.coverage?.description ?? "", dimension: "all", files: [], importable: false, imported: curated),
        at: 0)
    }
    if output.json {
      try printJSON(items)
      return
    }
    var table = TextTable("NAME", "DATASET", "COVERAGE", "IN STORE", "GET IT FROM")
    for item in items {
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
