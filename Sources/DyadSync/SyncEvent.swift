import DyadCore

/// What a sync reports as it goes: for a progress bar on a terminal, a line per file when piped,
/// and JSON events for machines (`dyad sync --json`).
public enum SyncEvent: Sendable {
  /// A dataset's sync begins: `files` files from `origin`.
  case datasetStarted(dataset: String, files: Int, origin: String)
  /// A file's download begins (or resumes at byte `resumingAt`); `total` when the server tells it.
  case fileStarted(dataset: String, file: String, url: String, resumingAt: Int, total: Int?)
  /// Bytes of a file have arrived.
  case fileProgress(dataset: String, file: String, received: Int, total: Int?)
  /// A file is fetched and verified.
  case fileFinished(dataset: String, file: String, byteCount: Int, seconds: Double, verifiedBy: String?)
  /// The server says a file has not changed since the last sync.
  case fileUnchanged(dataset: String, file: String)
  /// A download attempt failed and is retried after `delay` seconds.
  case retrying(dataset: String, file: String, url: String, attempt: Int, delay: Double, reason: String)
  /// The import's progress (0...1).
  case importing(dataset: String, fraction: Double)
  /// A dataset's sync ended.
  case datasetFinished(DatasetSyncResult)
}

/// How one dataset's sync ended.
public struct DatasetSyncResult: Sendable {
  /// What became of the dataset.
  public enum Outcome: Sendable {
    /// A new release was fetched and imported.
    case imported(ImportSummary)
    /// Nothing changed: the store holds this release.
    case unchanged(reason: String)
    /// `--dry-run`: what a sync would fetch.
    case wouldFetch(files: [String], byteCount: Int?)
    /// It failed; the store holds what it held.
    case failed(SyncError)
  }

  public let dataset: String
  public let outcome: Outcome
  /// The release fetched, when one was.
  public let release: DatasetRelease?
  public let seconds: Double

  public init(dataset: String, outcome: Outcome, release: DatasetRelease?, seconds: Double) {
    (self.dataset, self.outcome, self.release, self.seconds) = (dataset, outcome, release, seconds)
  }

  /// Whether it failed.
  public var failed: Bool {
    if case .failed = outcome { return true }
    return false
  }
}
