import DyadCore
import DyadFast
import Foundation
import GRDB

/// Dyad's SQLite store: states, sources, datasets, observations, events and the curated facts.
///
/// Opening a store migrates it to the current schema and loads the shipped curated data when it
/// changed, each in one transaction.
///
/// ```swift
/// let store = try Store.open(at: Store.defaultPath())  // DyadImport's opener, with curated data
/// let events = try store.events(involving: try Dyad("CHN", "RUS"))
/// ```
public final class Store: Sendable {
  /// The file's path.
  public let path: String
  let queue: DatabaseQueue
  /// The registry the store resolves names with.
  public let registry: StateRegistry

  private init(path: String, queue: DatabaseQueue, registry: StateRegistry) {
    self.path = path
    self.queue = queue
    self.registry = registry
  }

  /// The store's path: `explicit` (from `--store`), else `DYAD_STORE`, else
  /// `$XDG_DATA_HOME/dyad/dyad.sqlite`, else `~/.local/share/dyad/dyad.sqlite`.
  public static func defaultPath(
    explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let path = environment["DYAD_STORE"], !path.isEmpty { return path }
    let dataHome =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
    return dataHome + "/dyad/dyad.sqlite"
  }

  /// Opens (creating if needed) the store at a path and migrates it. (`Store.open`, in
  /// DyadImport, also loads the curated data; the store itself knows no readers.)
  ///
  /// - Parameters:
  ///   - readOnly: open without writing; the store must exist and be current.
  ///   - registry: the states the store resolves names with.
  ///   - releases: earlier releases of datasets (``archivedReleases(of:)``) to read in place of the
  ///     ones the store holds; the store is then read-only.
  public static func connect(
    at path: String, readOnly: Bool = false, registry: StateRegistry, releases: [ArchivedRelease] = []
  ) throws -> Store {
    if !releases.isEmpty && !readOnly {
      throw StoreError(path: path, message: "a store that reads an earlier release of a dataset is read-only")
    }
    let fileManager = FileManager.default
    if readOnly && !fileManager.fileExists(atPath: path) {
      throw StoreError(path: path, message: "no store here; run any dyad command without --read-only to create it")
    }
    if fileManager.fileExists(atPath: path),
      let type = (try? fileManager.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path))?[
        .type] as? FileAttributeType,
      type != .typeRegular
    {
      throw StoreError(
        path: path, message: "is not a file (\(type.rawValue)); choose a file path with --store or DYAD_STORE")
    }
    if !readOnly {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty {
        do {
          try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
          throw StoreError(path: path, message: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
      }
    }
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(5)
    configuration.label = "dyad"
    if !readOnly {
      // Imports are single transactions: a rollback journal with fewer syncs keeps them atomic
      // (a failed import rolls back) while cutting the fsyncs of a large commit.
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA journal_mode = TRUNCATE")
      }
    }
    if !releases.isEmpty {
      let datasets = releases.map(\.dataset)
      if let twice = datasets.first(where: { name in datasets.filter { $0 == name }.count > 1 }) {
        throw StoreError(path: path, message: "two releases of \(twice) are asked for; choose one")
      }
      configuration.prepareDatabase { db in try Self.releaseViews(releases, db: db) }
    }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.openError(error, path: path)
    }
    let store = Store(path: path, queue: queue, registry: registry)
    try store.prepare(readOnly: readOnly)
    return store
  }

  private static func openError(_ error: any Error, path: String) -> StoreError {
    if let error = error as? DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return StoreError(
          path: path,
          message: "is not a readable Dyad store (\(error.message ?? "not an SQLite database")); move it aside, or choose another with --store or DYAD_STORE")
      case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
        return StoreError(
          path: path, message: "cannot be opened (\(error.message ?? "permission denied")); check the path and its permissions")
      default:
        return StoreError(path: path, message: error.message ?? "\(error)")
      }
    }
    return StoreError(path: path, message: "\(error)")
  }

  private func prepare(readOnly: Bool) throws {
    let migrator = StoreMigrations.migrator
    do {
      // Another application's database is refused, never migrated into a Dyad store.
      let foreign = try queue.read { db -> [String] in
        guard try !db.tableExists("grdb_migrations") else { return [] }
        return try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
      }
      if !foreign.isEmpty {
        let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
        throw StoreError(
          path: path,
          message: "is an SQLite database but not a Dyad store (it holds \(shown) and no Dyad schema); it was left as it was: choose another path with --store or DYAD_STORE")
      }
      let (superseded, applied, complete) = try queue.read { db in
        (
          try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db),
          try migrator.hasCompletedMigrations(db)
        )
      }
      if superseded {
        let unknown = applied.subtracting(StoreMigrations.known).sorted().joined(separator: ", ")
        throw StoreError(
          path: path,
          message: "was written by a newer version of Dyad (schema \(unknown)); upgrade Dyad, or use another store with --store")
      }
      if readOnly {
        guard complete else {
          throw StoreError(path: path, message: "is out of date; open it once with a dyad command that writes (e.g. `dyad datasets`)")
        }
        return
      }
      try migrator.migrate(queue)
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.openError(error, path: path)
    }
  }

  /// Reads inside a consistent snapshot.
  public func read<T>(_ body: (Database) throws -> T) throws -> T { try queue.read(body) }
}
