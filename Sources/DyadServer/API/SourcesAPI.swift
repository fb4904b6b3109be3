import DyadCore
import DyadData
import DyadImport
import DyadStore
import Foundation

/// `/api/v1/sources` and `/api/v1/datasets`: what the store cites and holds.
enum SourcesAPI {
  struct SourceItem: Encodable, Sendable {
    let id: Int
    let publisher: String
    let title: String
    let date: String
    let url: String
    let licence: String?
  }

  static func sources(_ request: RouteRequest) async throws -> Payload {
    let sources = try await request.server.store.read { try $0.sources() }
    let items = sources.map {
      SourceItem(
        id: $0.id, publisher: $0.source.publisher, title: $0.source.title, date: $0.source.date, url: $0.source.url,
        licence: $0.source.licence)
    }
    var table = DataTable("id", "publisher", "title", "date", "url", "licence")
    for item in items {
      table.append([String(item.id), item.publisher, item.title, item.date, item.url, item.licence])
    }
    return try request.respond(json: ["sources": items], table: table)
  }

  /// A dataset Dyad knows, and what the store holds of it.
  struct DatasetItem: Encodable, Sendable {
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
    let imported: Imported?
    /// The command that imports it.
    let importCommand: String?
  }

  /// A dataset's record in the store.
  struct Imported: Encodable, Sendable {
    let version: String
    let coverage: Years?
    let importedAt: String
    let rowCount: Int
    let checksum: String
  }

  /// Every dataset of the catalogue, the curated facts first, with what the store holds.
  static func datasetItems(_ stored: [StoredDataset]) -> [DatasetItem] {
    let byName = Dictionary(stored.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    func imported(_ name: String) -> Imported? {
      byName[name].map {
        Imported(
          version: $0.version, coverage: Years($0.coverage), importedAt: $0.importedAt, rowCount: $0.rowCount,
          checksum: $0.checksum)
      }
    }
    var items = DatasetCatalog.all.map { info in
      let importable = DatasetCatalog.importers[info.name] != nil
      return DatasetItem(
        name: info.name, title: info.title, publisher: info.publisher, version: info.version, url: info.url,
        licence: info.licence, coverage: info.coverage, dimension: info.dimension.rawValue, files: info.files,
        importable: importable, imported: imported(info.name),
        importCommand: importable ? "dyad import \(info.name) \(info.files.count == 1 ? info.files[0] : "FOLDER")" : nil
      )
    }
    if let curated = byName[Store.curatedDataset] {
      items.insert(
        DatasetItem(
          name: curated.name, title: curated.title, publisher: "Dyad", version: curated.version,
          url: "Sources/DyadData/Resources/curated", licence: "facts cite their own sources",
          coverage: curated.coverage?.description ?? "", dimension: "all", files: [], importable: false,
          imported: imported(curated.name), importCommand: nil),
        at: 0)
    }
    return items
  }

  static func datasets(_ request: RouteRequest) async throws -> Payload {
    let items = datasetItems(try await request.server.store.read { try $0.datasets() })
    var table = DataTable(
      "name", "title", "publisher", "version", "coverage", "dimension", "licence", "url", "in_store", "rows",
      "stored_coverage", "imported_at", "import_command")
    for item in items {
      table.append([
        item.name, item.title, item.publisher, item.version, item.coverage, item.dimension, item.licence, item.url,
        item.imported == nil ? "no" : "yes", DataTable.number(item.imported?.rowCount),
        item.imported?.coverage.map { "\($0.from)–\($0.to)" }, item.imported?.importedAt, item.importCommand,
      ])
    }
    return try request.respond(json: ["datasets": items], table: table)
  }
}
