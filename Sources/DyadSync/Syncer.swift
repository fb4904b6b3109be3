import AsyncHTTPClient
import DyadCore
import DyadFast
import DyadImport
import DyadStore
import Foundation
import NIOCore

/// What a sync does.
public struct SyncOptions: Sendable {
  /// Where the files come from.
  public var origin: SyncOrigin
  /// Only ask what changed and report what a sync would fetch.
  public var dryRun: Bool
  /// Fetch every file again, even when the server or the checksums say it has not changed.
  public var force: Bool
  public var retry: RetryPolicy
  /// An HTTP proxy to fetch through (`http://HOST:PORT`), or `nil` for direct connections.
  public var proxy: String?

  public init(
    origin: SyncOrigin = .publisher, dryRun: Bool = false, force: Bool = false, retry: RetryPolicy = RetryPolicy(),
    proxy: String? = nil
  ) {
    (self.origin, self.dryRun, self.force, self.retry, self.proxy) = (origin, dryRun, force, retry, proxy)
  }

  /// The proxy the environment names (`https_proxy`, else `http_proxy`, in either case), unless
  /// `no_proxy` names the mirror's host or the mirror is on this machine.
  public static func proxy(
    for origin: SyncOrigin, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    func value(_ name: String) -> String? {
      (environment[name] ?? environment[name.uppercased()]).flatMap { $0.isEmpty ? nil : $0 }
    }
    guard let proxy = value("https_proxy") ?? value("http_proxy") else { return nil }
    if case .mirror(let base) = origin, let host = URL(string: base)?.host?.lowercased() {
      if ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) { return nil }
      let excluded = (value("no_proxy") ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }
      if excluded.contains(where: { $0 == "*" || host == $0 || host.hasSuffix($0.hasPrefix(".") ? $0 : "." + $0) }) {
        return nil
      }
    }
    return proxy
  }
}

/// Fetches each dataset's current release and imports it, the way a package manager fetches
/// packages: only what changed, resumed and retried over a bad network, verified (size, SHA-256,
/// kind of file), unpacked, and imported in one transaction, so that on any failure the store is
/// exactly as it was. One sync at a time holds a store (a lock file beside it).
///
/// Files wait in `STORE.sync/NAME/` while they arrive; a partial file is kept there for the next
/// run to resume, and the folder is removed once the dataset is imported.
public struct Syncer: Sendable {
  public let store: Store
  public let options: SyncOptions
  private let events: @Sendable (SyncEvent) -> Void

  public init(store: Store, options: SyncOptions, events: @escaping @Sendable (SyncEvent) -> Void = { _ in }) {
    (self.store, self.options, self.events) = (store, options, events)
  }

  /// The datasets a sync with no names fetches: those the store holds, and those marked default,
  /// in the catalogue's order. Names given are checked against the catalogue.
  public static func datasets(named names: [String], store: Store) throws -> [DatasetInfo] {
    if names.isEmpty {
      let held = Set(try store.datasets().map(\.name))
      return DatasetCatalog.all.filter { held.contains($0.name) || $0.syncsByDefault }
    }
    var seen = Set<String>()
    return try names.compactMap { name in
      guard let info = DatasetCatalog.info(named: name) else {
        throw SyncError(
          .catalogue, dataset: name,
          message: "no such dataset; Dyad knows \(DatasetCatalog.all.map(\.name).joined(separator: ", "))")
      }
      return seen.insert(name).inserted ? info : nil
    }
  }

  /// The lock file beside a store.
  public static func lockPath(for store: Store) -> String { store.path + ".sync-lock" }
  /// The folder beside a store where files wait while they arrive.
  public static func stagingFolder(for store: Store) -> URL { URL(fileURLWithPath: store.path + ".sync") }

  /// Syncs the datasets, one after another, and reports how each ended; a dataset that fails
  /// does not stop the others. Throws only when another sync holds the store.
  public func sync(_ datasets: [DatasetInfo]) async throws -> [DatasetSyncResult] {
    var lock: FileLock?
    if !options.dryRun {
      switch try FileLock.acquire(at: Self.lockPath(for: store)) {
      case .success(let held): lock = held
      case .failure(let holder):
        throw SyncError(
          .locked, dataset: datasets.map(\.name).joined(separator: ", "),
          message:
            "another `dyad sync`\(holder.processID.map { " (process \($0))" } ?? "") is working on the store \(store.path); wait for it to finish, then run this again"
        )
      }
    }
    defer { lock?.release() }

    var proxy: HTTPClient.Configuration.Proxy?
    if let address = options.proxy {
      guard let url = URL(string: address.contains("://") ? address : "http://" + address), let host = url.host,
        url.scheme?.lowercased() == "http"
      else {
        throw SyncError(
          .catalogue, dataset: datasets.map(\.name).joined(separator: ", "), url: address,
          message: "is not an http://HOST:PORT proxy")
      }
      proxy = .server(host: host, port: url.port ?? 80)
    }
    let configuration = HTTPClient.Configuration(
      redirectConfiguration: .follow(max: 8, allowCycles: false),
      timeout: .init(connect: TimeAmount(options.retry.connectTimeout), read: TimeAmount(options.retry.readTimeout)),
      proxy: proxy, decompression: .disabled)
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    var results: [DatasetSyncResult] = []
    for info in datasets {
      let started = ContinuousClock.now
      let result: DatasetSyncResult
      do {
        result = try await sync(info, client: client, started: started)
      } catch let error as SyncError {
        result = DatasetSyncResult(
          dataset: info.name, outcome: .failed(error), release: nil, seconds: Self.seconds(since: started))
      } catch is CancellationError {
        try? await client.shutdown()
        throw CancellationError()
      } catch {
        let wrapped = SyncError(.store, dataset: info.name, message: "\(error); the store is unchanged")
        result = DatasetSyncResult(
          dataset: info.name, outcome: .failed(wrapped), release: nil, seconds: Self.seconds(since: started))
      }
      tidyStaging(info.name)
      events(.datasetFinished(result))
      results.append(result)
    }
    try? await client.shutdown()
    return results
  }

  private func sync(_ info: DatasetInfo, client: HTTPClient, started: ContinuousClock.Instant) async throws
    -> DatasetSyncResult
  {
    guard let importer = DatasetCatalog.importers[info.name] else {
      throw SyncError(.catalogue, dataset: info.name, message: "Dyad lists this dataset but cannot import it yet")
    }
    let downloader = Downloader(client: client, policy: options.retry, dataset: info.name)
    let staging = Self.stagingFolder(for: store).appendingPathComponent(info.name, isDirectory: true)
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    let previous = try store.release(of: info.name)

    // A mirror's checksum list, when it has one.
    var checksums: ChecksumList?
    if let listURL = options.origin.checksumListURL(for: info.name) {
      checksums = try await fetchChecksumList(listURL, downloader: downloader, staging: staging, dataset: info.name)
    }
    let plan = try options.origin.plan(info, checksums: checksums)
    events(.datasetStarted(dataset: info.name, files: plan.count, origin: options.origin.description))
    func result(_ outcome: DatasetSyncResult.Outcome, _ release: DatasetRelease? = nil) -> DatasetSyncResult {
      DatasetSyncResult(dataset: info.name, outcome: outcome, release: release, seconds: Self.seconds(since: started))
    }

    // Known digests that match what the store holds: nothing to fetch.
    if !options.force, let previous, Self.holds(previous, plan) {
      return result(.unchanged(reason: "the store holds this release (every file's SHA-256 matches)"), previous)
    }

    // One download an address (a zip may hold several files), asked whether it changed when the
    // store recorded the address's validators.
    let addresses = plan.map(\.url).eachOnce()
    func conditional(_ url: String) -> Validators? {
      guard !options.force, let file = previous?.files.first(where: { $0.url == url }) else { return nil }
      let validators = Validators(etag: file.etag, lastModified: file.lastModified)
      return validators.isEmpty ? nil : validators
    }

    if options.dryRun {
      var changed: [String] = []
      var bytes: Int? = 0
      for url in addresses {
        let outcome = try await downloader.fetch(
          url, to: staging.appendingPathComponent("probe"), conditional: conditional(url), method: .HEAD,
          progress: { _ in })
        if case .downloaded(_, let count, _, _) = outcome {
          changed += plan.filter { $0.url == url }.map(\.name)
          bytes = count > 0 ? bytes.map { $0 + count } : nil
        }
      }
      if changed.isEmpty { return result(.unchanged(reason: "the server says no file changed since the last sync")) }
      return result(.wouldFetch(files: changed, byteCount: bytes))
    }

    var received: [String: (file: URL, validators: Validators, contentType: String?, seconds: Double)] = [:]
    var unchanged: [String] = []
    for (index, url) in addresses.enumerated() {
      let label = plan.first { $0.url == url }!.name
      if let fetched = try await download(
        url, label: label, index: index, downloader: downloader, staging: staging, conditional: conditional(url),
        dataset: info.name)
      {
        received[url] = fetched
      } else {
        unchanged.append(url)
        events(.fileUnchanged(dataset: info.name, file: label))
      }
    }
    if received.isEmpty {
      return result(.unchanged(reason: "the server says no file changed since the last sync"), previous)
    }
    // Some files changed: the import reads them all, so fetch the others as well.
    for url in unchanged {
      let label = plan.first { $0.url == url }!.name
      let index = addresses.firstIndex(of: url)!
      received[url] = try await download(
        url, label: label, index: index, downloader: downloader, staging: staging, conditional: nil, dataset: info.name)
    }

    // Unpack and verify every file before anything is imported. (What waits in the staging folder
    // is removed once the dataset is done, however it ends: see `tidyStaging`.)
    var files: [URL] = []
    var releaseFiles: [DatasetRelease.File] = []
    let unpacker = Unpacker(dataset: info.name)
    for planned in plan {
      guard let fetched = received[planned.url] else { continue }
      let target = staging.appendingPathComponent("files", isDirectory: true)
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      let (file, sha256) = try unpacker.unpack(
        fetched.file, as: planned, to: target.appendingPathComponent(planned.name), contentType: fetched.contentType)
      if let expected = planned.expectedSHA256, expected != sha256 {
        throw SyncError(
          .verification, dataset: info.name, url: planned.url,
          message:
            "SHA-256 \(sha256) is not the \(expected) that \(planned.expectationSource ?? "the list") gives for \(planned.name): the file is damaged, or not the release listed. It was deleted; the store is unchanged"
        )
      }
      let byteCount = Downloader.size(of: file) ?? 0
      events(
        .fileFinished(
          dataset: info.name, file: planned.name, byteCount: byteCount, seconds: fetched.seconds,
          verifiedBy: planned.expectationSource))
      files.append(file)
      releaseFiles.append(
        DatasetRelease.File(
          name: planned.name, url: planned.url, byteCount: byteCount, sha256: sha256, etag: fetched.validators.etag,
          lastModified: fetched.validators.lastModified))
    }

    let release = DatasetRelease(
      name: Self.releaseName(info, files: releaseFiles), retrievedAt: Store.timestamp(),
      origin: options.origin.description,
      files: releaseFiles)
    let outcome: ImportOutcome
    do {
      let events = self.events
      outcome = try store.importDataset(
        importer, files: files, sourcePath: options.origin.description, release: release,
        progress: { events(.importing(dataset: info.name, fraction: $0)) })
    } catch let error as ImportError {
      let url = plan.first { $0.name == (error.file as NSString).lastPathComponent }?.url
      throw SyncError(
        .layout, dataset: info.name, url: url,
        message: "\(error) — not the layout Dyad reads (a newer release may have changed it); the store is unchanged")
    } catch let error as ImportLossError {
      throw SyncError(
        .store, dataset: info.name,
        message:
          "\(error). Sync never replaces a dataset with less; if this release is right, import it with `dyad import \(info.name) PATH --replace`"
      )
    }
    switch outcome {
    case .unchanged: return result(.unchanged(reason: "the files fetched are the ones already imported"), release)
    case .imported(let summary): return result(.imported(summary), release)
    }
  }

  /// Removes what waits beside the store for a dataset, unless it is a partial download for the
  /// next run to resume; and the staging folder itself once it is empty.
  private func tidyStaging(_ dataset: String) {
    let manager = FileManager.default
    let root = Self.stagingFolder(for: store)
    let folder = root.appendingPathComponent(dataset, isDirectory: true)
    let partial = (try? manager.contentsOfDirectory(atPath: folder.path))?.contains { $0.hasSuffix(".part") } ?? false
    if !partial { try? manager.removeItem(at: folder) }
    if (try? manager.contentsOfDirectory(atPath: root.path))?.isEmpty == true { try? manager.removeItem(at: root) }
  }

  /// Downloads one address; `nil` when the server says it has not changed.
  private func download(
    _ url: String, label: String, index: Int, downloader: Downloader, staging: URL, conditional: Validators?,
    dataset: String
  ) async throws -> (file: URL, validators: Validators, contentType: String?, seconds: Double)? {
    let started = ContinuousClock.now
    let events = self.events
    let destination = staging.appendingPathComponent("download-\(index)")
    let outcome = try await downloader.fetch(url, to: destination, conditional: conditional) { progress in
      switch progress {
      case .started(let offset, let total):
        events(.fileStarted(dataset: dataset, file: label, url: url, resumingAt: offset, total: total))
      case .bytes(let received, let total):
        events(.fileProgress(dataset: dataset, file: label, received: received, total: total))
      case .retrying(let attempt, let delay, let reason):
        events(
          .retrying(
            dataset: dataset, file: label, url: url, attempt: attempt, delay: delay / .seconds(1), reason: reason))
      }
    }
    switch outcome {
    case .notModified: return nil
    case .downloaded(let file, _, let validators, let contentType):
      return (file, validators, contentType, Self.seconds(since: started))
    }
  }

  private func fetchChecksumList(_ url: String, downloader: Downloader, staging: URL, dataset: String) async throws
    -> ChecksumList?
  {
    let destination = staging.appendingPathComponent("SHA256SUMS")
    do {
      guard
        case .downloaded(let file, let count, _, _) = try await downloader.fetch(
          url, to: destination, progress: { _ in })
      else { return nil }
      defer { try? FileManager.default.removeItem(at: file) }
      guard count <= 1 << 20, let text = String(data: try Data(contentsOf: file), encoding: .utf8) else {
        throw SyncError(
          .content, dataset: dataset, url: url,
          message: "expected a SHA256SUMS list (sha256sum format), got \(count) bytes of another kind")
      }
      if Unpacker.isHTML(Array(text.utf8.prefix(512))) {
        throw SyncError(
          .content, dataset: dataset, url: url,
          message: "expected a SHA256SUMS list (sha256sum format), got an HTML page")
      }
      do { return try ChecksumList(text: text, source: url) } catch {
        throw SyncError(.content, dataset: dataset, url: url, message: "\(error)")
      }
    } catch let error as SyncError
      where error.kind == .http && (error.message.hasPrefix("HTTP 404") || error.message.hasPrefix("HTTP 410"))
    {
      return nil  // the list is optional
    }
  }

  /// Whether the store's release has, for every planned file, the SHA-256 the plan expects
  /// (wherever it was fetched from: the same bytes are the same release).
  static func holds(_ release: DatasetRelease, _ plan: [PlannedFile]) -> Bool {
    plan.allSatisfy { planned in
      guard let expected = planned.expectedSHA256 else { return false }
      return release.files.contains { $0.name == planned.name && $0.sha256 == expected }
    }
  }

  /// The release as its publisher tells it: the catalogue's version when the address names the
  /// release; else what the server tells of it (the files' date, an ETag, their digest), since an
  /// address that serves the current release may serve one newer than the catalogue's version.
  static func releaseName(_ info: DatasetInfo, files: [DatasetRelease.File]) -> String {
    let dated = files.compactMap { $0.lastModified.flatMap(HTTPDate.day) }.max().map { "files dated \($0)" }
    let digest = files.first.map { "sha256 \($0.sha256.prefix(12))" } ?? info.version
    switch info.releaseSignal {
    case .versionInAddress: return info.version
    case .httpValidators: return dated ?? files.compactMap(\.etag).first.map { "ETag \($0)" } ?? digest
    case .checksumList: return digest
    }
  }

  static func seconds(since start: ContinuousClock.Instant) -> Double { (ContinuousClock.now - start) / .seconds(1) }
}

/// HTTP dates (`Last-Modified: Tue, 02 May 2017 10:00:00 GMT`).
enum HTTPDate {
  /// The day of an HTTP date, `YYYY-MM-DD`, or `nil` for another text.
  static func day(_ text: String) -> String? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }
}

extension Sequence where Element: Hashable {
  /// The elements in order, each once.
  func eachOnce() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
