import DyadCore
import DyadStore
import DyadSync
import DyadTestSupport
import Foundation
import GRDB
import Synchronization

/// Quick retries, so that the fault tests run in milliseconds; generous timeouts, so that a
/// loaded machine (the whole suite runs in parallel) does not add retries of its own.
let quickRetries = RetryPolicy(
  attempts: 3, initialDelay: .milliseconds(10), maxDelay: .milliseconds(40), connectTimeout: .seconds(30),
  readTimeout: .seconds(60))

/// Collects a sync's events.
final class EventLog: Sendable {
  private let events = Mutex<[SyncEvent]>([])
  var all: [SyncEvent] { events.withLock { $0 } }
  func record(_ event: SyncEvent) { events.withLock { $0.append(event) } }

  var retryReasons: [String] {
    all.compactMap { if case .retrying(_, _, _, _, _, let reason) = $0 { reason } else { nil } }
  }
  var progressCount: Int {
    all.filter { if case .fileProgress = $0 { true } else { false } }.count
  }
  var verifiers: [String?] {
    all.compactMap { if case .fileFinished(_, _, _, _, let by) = $0 { by } else { nil } }
  }
}

/// A store, a mirror serving shared folders, and a sync between them.
struct SyncFixture {
  let folder: TemporaryFolder
  let store: Store
  let server: MirrorServer
  let log = EventLog()

  init(_ datasets: [String], extra: [String: URL] = [:]) throws {
    folder = try TemporaryFolder("dyad-sync")
    store = try Store.open(at: folder.path("store.sqlite"))
    var served = extra
    for name in datasets { served[name] = SharedData.folder(SharedData.datasetFolders[name]!) }
    server = try MirrorServer(datasets: served)
  }

  /// Syncs datasets (by name, or given) from the mirror, or from the publishers of `infos`.
  func sync(
    _ names: [String], infos: [DatasetInfo]? = nil, origin: SyncOrigin? = nil, dryRun: Bool = false,
    force: Bool = false,
    retry: RetryPolicy = quickRetries
  ) async throws -> [DatasetSyncResult] {
    let log = self.log
    let syncer = Syncer(
      store: store,
      options: SyncOptions(origin: origin ?? .mirror(server.baseURL), dryRun: dryRun, force: force, retry: retry),
      events: { log.record($0) })
    return try await syncer.sync(infos ?? names.map { DatasetCatalog.info(named: $0)! })
  }

  /// A digest of every row of every table: equal before and after means the store is unchanged.
  func fingerprint() throws -> Int {
    try store.read { db in
      var hasher = Hasher()
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      for table in tables {
        hasher.combine(table)
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { hasher.combine(row.description) }
      }
      return hasher.finalize()
    }
  }

  /// The requests for one path.
  func requests(_ path: String) -> [MirrorServer.Request] { server.requests.filter { $0.path == path } }
}

/// A `SHA256SUMS` list of a dataset's files, made by `sha256sum`.
func checksumList(_ dataset: String) throws -> String {
  let info = DatasetCatalog.info(named: dataset)!
  let folder = SharedData.folder(SharedData.datasetFolders[dataset]!)
  return try info.files.map { "\(try sha256sum(folder.appendingPathComponent($0)))  \($0)\n" }.joined()
}

/// Runs a command-line tool (zip, gzip) in a folder.
func run(_ tool: String, _ arguments: [String], in folder: URL) throws {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: tool)
  process.arguments = arguments
  process.currentDirectoryURL = folder
  try process.run()
  process.waitUntilExit()
  precondition(process.terminationStatus == 0, "\(tool) \(arguments) failed")
}

extension DatasetSyncResult {
  var summary: ImportSummary? { if case .imported(let summary) = outcome { summary } else { nil } }
  var error: SyncError? { if case .failed(let error) = outcome { error } else { nil } }
  var isUnchanged: Bool { if case .unchanged = outcome { true } else { false } }
}
