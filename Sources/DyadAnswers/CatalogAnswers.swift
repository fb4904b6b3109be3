import DyadCore
import Foundation
import DyadImport
import DyadStore

/// Every source the store cites (`dyad sources`, `/api/v1/sources`).
public enum SourceAnswers {
  /// A source as listed.
  public struct Item: Encodable, Sendable {
    /// The source's number in the store.
    public let id: Int
    /// Who published it.
    public let publisher: String
    /// Its title.
    public let title: String
    /// Its publication date (n.d. when it has none).
    public let date: String
    /// Its address.
    public let url: String
    /// Its licence, when known.
    public let licence: String?
  }

  /// The table's columns.
  public static let schema = TableSchema(
    row: "source",
    columns: [
      DataColumn("id", "the source's number in the store"),
      DataColumn("publisher", "who published it"),
      DataColumn("title", "its title"),
      DataColumn("date", "its publication date (n.d. when it has none)"),
      DataColumn("url", "its address"),
      DataColumn("licence", "its licence, when known"),
    ])

  /// Every source the store cites.
  public static func answer(store: Store) throws -> Answer<[Item]> {
    let items = try store.sources().map {
      Item(
        id: $0.id, publisher: $0.source.publisher, title: $0.source.title, date: $0.source.date, url: $0.source.url,
        licence: $0.source.licence)
    }
    var table = DataTable(columns: schema.columns.map(\.name))
    for item in items {
      table.append([String(item.id), item.publisher, item.title, item.date, item.url, item.licence])
    }
    return Answer(payload: items, table: table, years: nil)
  }
}

/// The datasets Dyad knows and what the store holds (`dyad datasets`, `/api/v1/datasets`).
public enum DatasetAnswers {
  /// A dataset Dyad knows, and what the store holds of it.
  public struct Item: Encodable, Sendable {
    /// Its name.
    public let name: String
    /// Its title.
    public let title: String
    /// Who published it.
    public let publisher: String
    /// Its version.
    public let version: String
    /// Its address.
    public let url: String
    /// Its licence.
    public let licence: String
    /// The years it covers.
    public let coverage: String
    /// diplomatic, economic, military or all.
    public let dimension: String
    /// The files an import reads.
    public let files: [String]
    /// Where `dyad sync` fetches each file from its publisher (empty: from a mirror only).
    public let downloads: [DatasetDownload]
    /// Why there are no downloads, when there are none.
    public let downloadNote: String?
    /// How a new release is told: version-in-address, etag-last-modified or checksum-list.
    public let releaseSignal: String
    /// Whether `dyad sync` with no names fetches it.
    public let syncsByDefault: Bool
    /// Whether Dyad can import it.
    public let importable: Bool
    /// What the store holds of it.
    public let imported: Imported?
    /// The command that imports it.
    public let importCommand: String?
  }

  /// A dataset's record in the store.
  public struct Imported: Encodable, Sendable {
    /// Its version.
    public let version: String
    /// The years the store holds.
    public let coverage: YearSpan?
    /// When it was imported.
    public let importedAt: String
    /// The rows the store holds.
    public let rowCount: Int
    /// The imported files' digest.
    public let checksum: String
    /// The release a sync fetched (`nil` for local files), when and from where.
    public let release: String?
    public let retrievedAt: String?
    public let retrievedFrom: String?
    /// The last year the store holds of it, and how many years before this one that is.
    public let lastYear: Int?
    public let ageYears: Int?
    /// Earlier releases kept beside the store, newest first (`--release NAME=RELEASE` reads one).
    public let earlierReleases: [EarlierRelease]
  }

  /// An earlier release of a dataset, kept when a newer one replaced it.
  public struct EarlierRelease: Encodable, Sendable {
    /// Its identifier, as `--release NAME=ID` takes it (unique among the dataset's releases).
    public let id: String
    /// Its name (`--release` takes it too).
    public let release: String
    /// When it was imported.
    public let importedAt: String
    /// The years it covers.
    public let coverage: YearSpan?
    /// Its rows.
    public let rowCount: Int
  }

  /// The table's columns.
  public static let schema = TableSchema(
    row: "dataset, Dyad's curated facts first",
    columns: [
      DataColumn("name", "the name `dyad import` takes"),
      DataColumn("title", "the dataset's title"),
      DataColumn("publisher", "who publishes it"),
      DataColumn("version", "the version Dyad reads"),
      DataColumn("release", "the release the store holds: the one a sync fetched, else the version"),
      DataColumn("coverage", "the years the dataset covers"),
      DataColumn("dimension", "diplomatic, economic, military or all"),
      DataColumn("licence", "its licence"),
      DataColumn("url", "where to get it"),
      DataColumn("in_store", "yes when the store holds it, else no"),
      DataColumn("rows", "the rows the store holds"),
      DataColumn("stored_coverage", "the years the store holds"),
      DataColumn("last_year", "the last year the store holds"),
      DataColumn("age_years", "how many years before this one the last year held is"),
      DataColumn("imported_at", "when it was imported"),
      DataColumn("retrieved_from", "where a sync fetched it from (empty for local files)"),
      DataColumn("earlier_releases", "earlier releases kept beside the store, newest first, separated by '; '"),
      DataColumn("import_command", "the command that imports it"),
    ])

  /// Every dataset of the catalogue, the curated facts first, with what the store holds.
  public static func items(
    _ stored: [StoredDataset], archived: [String: [ArchivedRelease]] = [:],
    thisYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())
  ) -> [Item] {
    let byName = Dictionary(stored.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    func imported(_ name: String) -> Imported? {
      byName[name].map {
        Imported(
          version: $0.version, coverage: YearSpan($0.coverage), importedAt: $0.importedAt, rowCount: $0.rowCount,
          checksum: $0.checksum, release: $0.release, retrievedAt: $0.retrievedAt, retrievedFrom: $0.retrievedFrom,
          lastYear: $0.coverage?.upperBound, ageYears: $0.coverage.map { max(0, thisYear - $0.upperBound) },
          earlierReleases: (archived[name] ?? []).map {
            EarlierRelease(id: $0.id, release: $0.name, importedAt: $0.importedAt, coverage: YearSpan($0.coverage), rowCount: $0.rowCount)
          })
      }
    }
    var items = DatasetCatalog.all.map { info in
      let importable = DatasetCatalog.importers[info.name] != nil
      return Item(
        name: info.name, title: info.title, publisher: info.publisher, version: info.version, url: info.url,
        licence: info.licence, coverage: info.coverage, dimension: info.dimension.rawValue, files: info.files,
        downloads: info.downloads, downloadNote: info.downloadNote, releaseSignal: info.releaseSignal.rawValue,
        syncsByDefault: info.syncsByDefault, importable: importable, imported: imported(info.name),
        importCommand: importable ? "dyad import \(info.name) \(info.files.count == 1 ? info.files[0] : "FOLDER")" : nil
      )
    }
    if let curated = byName[Store.curatedDataset] {
      items.insert(
        Item(
          name: curated.name, title: curated.title, publisher: "Dyad", version: curated.version,
          url: "Sources/DyadData/Resources/curated", licence: "facts cite their own sources",
          coverage: curated.coverage?.description ?? "", dimension: "all", files: [], downloads: [],
          downloadNote: "part of Dyad itself", releaseSignal: ReleaseSignal.versionInAddress.rawValue,
          syncsByDefault: false, importable: false,
          imported: imported(curated.name), importCommand: nil),
        at: 0)
    }
    return items
  }

  /// Every dataset, with what the store holds.
  public static func answer(store: Store) throws -> Answer<[Item]> {
    let stored = try store.datasets()
    var archived: [String: [ArchivedRelease]] = [:]
    for dataset in stored { archived[dataset.name] = try store.archivedReleases(of: dataset.name) }
    let items = items(stored, archived: archived)
    var table = DataTable(columns: schema.columns.map(\.name))
    for item in items {
      table.append([
        item.name, item.title, item.publisher, item.version, item.imported.map { $0.release ?? $0.version },
        item.coverage, item.dimension, item.licence, item.url,
        item.imported == nil ? "no" : "yes", DataTable.number(item.imported?.rowCount),
        item.imported?.coverage.map { "\($0.from)–\($0.to)" }, DataTable.number(item.imported?.lastYear),
        DataTable.number(item.imported?.ageYears), item.imported?.importedAt, item.imported?.retrievedFrom,
        item.imported.map { $0.earlierReleases.map(\.release).joined(separator: "; ") },
        item.importCommand,
      ])
    }
    return Answer(payload: items, table: table, years: nil)
  }
}

/// A year range in JSON: `{"from": 1992, "to": 2023}`.
public struct YearSpan: Encodable, Sendable, CustomStringConvertible {
  /// The first year.
  public let from: Int
  /// The last year.
  public let to: Int

  /// The span of `range`.
  public init(_ range: YearRange) {
    from = range.lowerBound
    to = range.upperBound
  }

  /// The span of `range`, or `nil`.
  public init?(_ range: YearRange?) {
    guard let range else { return nil }
    self.init(range)
  }

  /// `1992–2014`, or `2014` for a single year.
  public var description: String { from == to ? "\(from)" : "\(from)–\(to)" }
}

/// States by any name or code (`dyad states`, `/api/v1/states`).
public enum StateAnswers {
  /// A state as the search lists it, with how the query matched.
  public struct Item: Encodable, Sendable {
    /// Dyad's id of the state.
    public let id: StateID
    /// Its name.
    public let name: String
    /// The years it has existed.
    public let years: String
    /// What the query matched: name, alias or a code scheme.
    public let matchedBy: String?
    /// The name or code matched.
    public let matchedName: String?
    /// When the matched name or code came into use, if it was in use only for a while.
    public let from: Day?
    /// When the matched name or code went out of use, if it did.
    public let to: Day?
    /// Its codes by scheme.
    public let codes: [String: String]
    /// Its earlier names.
    public let periods: [Period]
  }

  /// An earlier name of a state.
  public struct Period: Encodable, Sendable {
    /// When the name came into use, if known.
    public let from: Day?
    /// When the name went out of use.
    public let to: Day
    /// The name.
    public let name: String
  }

  /// The table's columns.
  public static let schema = TableSchema(
    row: "matching state",
    columns: [
      DataColumn("id", "Dyad's id of the state"),
      DataColumn("name", "its current name"),
      DataColumn("years", "the years it has existed"),
      DataColumn("matched_by", "what the query matched: name, alias or a code scheme"),
      DataColumn("matched_name", "the name or code matched"),
      DataColumn("cow", "its Correlates of War code"),
      DataColumn("iso3", "its ISO 3166 alpha-3 code"),
      DataColumn("earlier_names", "earlier names with their years, separated by semicolons"),
    ])

  /// A state as listed.
  public static func item(
    _ state: State, matchedBy: String? = nil, matchedName: String? = nil, from: Day? = nil, to: Day? = nil
  ) -> Item {
    Item(
      id: state.id, name: state.name, years: state.years, matchedBy: matchedBy, matchedName: matchedName, from: from,
      to: to, codes: Dictionary(uniqueKeysWithValues: state.codes.values.map { ($0.key.rawValue, $0.value) }),
      periods: state.periods.map { Period(from: $0.from, to: $0.to, name: $0.name) })
  }

  /// The states matching `query` (every state, by name, without one).
  public static func answer(_ query: String?, registry: StateRegistry) -> Answer<[Item]> {
    let items: [Item]
    if let query, !query.trimmingCharacters(in: .whitespaces).isEmpty {
      items = registry.search(query, limit: 50).map {
        item($0.state, matchedBy: $0.matchedBy, matchedName: $0.label, from: $0.from, to: $0.to)
      }
    } else {
      items = registry.states.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { item($0) }
    }
    var table = DataTable(columns: schema.columns.map(\.name))
    for state in items {
      table.append([
        state.id.rawValue, state.name, state.years, state.matchedBy, state.matchedName, state.codes["cow"],
        state.codes["iso3"],
        state.periods.map { "\($0.name) (\($0.from.map { String($0.year) } ?? "")–\($0.to.year))" }.joined(
          separator: "; "),
      ])
    }
    return Answer(payload: items, table: table, years: nil)
  }
}
