import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// How hard a download tries: attempts, backoff and timeouts.
public struct RetryPolicy: Sendable {
  /// Attempts in a row that may fail without a byte arriving, before the download gives up.
  public var attempts: Int
  /// The wait before the first retry; each further retry waits twice as long, up to `maxDelay`.
  public var initialDelay: Duration
  public var maxDelay: Duration
  /// How long to wait for a connection.
  public var connectTimeout: Duration
  /// How long a response may send nothing (its head, or between body bytes) before it counts as
  /// dropped and is resumed.
  public var readTimeout: Duration

  public init(
    attempts: Int = 6, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
    connectTimeout: Duration = .seconds(15), readTimeout: Duration = .seconds(60)
  ) {
    (self.attempts, self.initialDelay, self.maxDelay) = (attempts, initialDelay, maxDelay)
    (self.connectTimeout, self.readTimeout) = (connectTimeout, readTimeout)
  }

  /// The wait before retry `n` (1-based).
  func delay(beforeRetry n: Int) -> Duration {
    var delay = initialDelay
    for _ in 1..<max(1, n) where delay < maxDelay { delay *= 2 }
    return min(delay, maxDelay)
  }
}

/// The validators a server gave for an address, to ask whether it changed (`If-None-Match`,
/// `If-Modified-Since`) or to resume only the same bytes (`If-Range`).
struct Validators: Sendable, Hashable, Codable {
  var etag: String?
  var lastModified: String?

  init(etag: String?, lastModified: String?) { (self.etag, self.lastModified) = (etag, lastModified) }

  init(_ headers: HTTPHeaders) {
    self.init(etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"))
  }

  var isEmpty: Bool { etag == nil && lastModified == nil }
  /// A strong ETag, else the date: what `If-Range` may carry.
  var ifRange: String? {
    if let etag, !etag.hasPrefix("W/") { return etag }
    return lastModified
  }
}

/// What one download produced.
enum DownloadOutcome: Sendable {
  /// The server says the address has not changed since the validators given.
  case notModified
  /// The bytes, in `file`, with the server's validators and content type.
  case downloaded(file: URL, byteCount: Int, validators: Validators, contentType: String?)
}

/// Progress of one download, for ``SyncEvent``.
enum DownloadProgress: Sendable {
  case started(resumingAt: Int, total: Int?)
  case bytes(received: Int, total: Int?)
  case retrying(attempt: Int, delay: Duration, reason: String)
}

/// Fetches an address into a file over HTTP, surviving the network: the body streams to
/// `FILE.part` (never held whole in memory); a dropped connection, a timeout, a 5xx or a 429 is
/// retried with backoff, and what arrived is kept and resumed with `Range` (with `If-Range`, so
/// that a file changed meanwhile starts over). The partial file's validators sit beside it in
/// `FILE.part.json`, so that a later run resumes too. A 4xx stops at once.
struct Downloader: Sendable {
  let client: HTTPClient
  let policy: RetryPolicy
  let dataset: String

  /// The bytes of the partial download, and what it was of.
  private struct PartialRecord: Codable {
    var url: String
    var validators: Validators
    var total: Int?
  }

  /// A failure worth another attempt.
  private struct Retryable: Error {
    let reason: String
    var retryAfter: Duration? = nil
  }

  /// Downloads `url` into `destination` (replacing it), asking with `conditional` whether it
  /// changed first. Throws ``SyncError`` when it gives up.
  func fetch(
    _ url: String, to destination: URL, conditional: Validators? = nil, method: HTTPMethod = .GET,
    progress: @Sendable (DownloadProgress) -> Void
  ) async throws -> DownloadOutcome {
    var failures = 0  // in a row without a byte arriving
    var attempts = 0
    while true {
      var received = 0
      do {
        return try await attempt(
          url, to: destination, conditional: conditional, method: method, received: &received, progress: progress)
      } catch let error as Retryable {
        failures = received > 0 ? 1 : failures + 1
        attempts += 1
        guard failures < policy.attempts, attempts < policy.attempts * 20 else {
          throw SyncError(
            .network, dataset: dataset, url: url,
            message: "gave up after \(attempts) attempts: \(error.reason)"
              + (Self.size(of: destination.appendingPathExtension("part")) ?? 0 > 0
                ? "; the bytes that arrived are kept, and `dyad sync` run again resumes from them" : "")
              + "; the store is unchanged")
        }
        let delay = max(policy.delay(beforeRetry: failures), min(error.retryAfter ?? .zero, policy.maxDelay))
        progress(.retrying(attempt: attempts + 1, delay: delay, reason: error.reason))
        try await Task.sleep(for: delay)
      }
    }
  }

  private func attempt(
    _ url: String, to destination: URL, conditional: Validators?, method: HTTPMethod, received: inout Int,
    progress: @Sendable (DownloadProgress) -> Void
  ) async throws -> DownloadOutcome {
    let partial = destination.appendingPathExtension("part")
    let record = destination.appendingPathExtension("part.json")
    var offset = 0
    var resumed: PartialRecord?
    if method == .GET, let data = try? Data(contentsOf: record),
      let previous = try? JSONDecoder().decode(PartialRecord.self, from: data), previous.url == url,
      previous.validators.ifRange != nil, let size = Self.size(of: partial), size > 0
    {
      offset = size
      resumed = previous
    } else {
      try? FileManager.default.removeItem(at: partial)
      try? FileManager.default.removeItem(at: record)
    }

    guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
      parsed.host?.isEmpty == false
    else {
      throw SyncError(.catalogue, dataset: dataset, url: url, message: "is not an http(s) address Dyad can fetch")
    }
    var request = HTTPClientRequest(url: url)
    request.method = method
    request.headers.add(name: "User-Agent", value: "Dyad/\(SyncVersion.current) (dyad sync)")
    request.headers.add(name: "Accept-Encoding", value: "identity")
    if let resumed, let ifRange = resumed.validators.ifRange {
      request.headers.add(name: "Range", value: "bytes=\(offset)-")
      request.headers.add(name: "If-Range", value: ifRange)
    } else if let conditional {
      if let etag = conditional.etag { request.headers.add(name: "If-None-Match", value: etag) }
      if let date = conditional.lastModified { request.headers.add(name: "If-Modified-Since", value: date) }
    }

    let response: HTTPClientResponse
    do {
      response = try await client.execute(request, timeout: TimeAmount(policy.readTimeout))
    } catch is CancellationError {
      throw CancellationError()
    } catch  where Self.isUnknownHost(error) {
      throw SyncError(
        .network, dataset: dataset, url: url,
        message:
          "the host \(parsed.host ?? "") cannot be found: this machine is offline or the address is wrong; the store is unchanged"
      )
    } catch {
      throw Retryable(reason: Self.describe(error))
    }

    let status = response.status
    let validators = Validators(response.headers)
    let contentType = response.headers.first(name: "Content-Type")
    var total: Int?
    switch status.code {
    case 304:
      return .notModified
    case 200:
      offset = 0
      total = response.headers.first(name: "Content-Length").flatMap { Int($0) }
    case 206:
      guard let range = ContentRange(response.headers.first(name: "Content-Range")), range.start == offset else {
        try? FileManager.default.removeItem(at: partial)
        try? FileManager.default.removeItem(at: record)
        throw Retryable(reason: "the server resumed at another byte than asked; starting over")
      }
      total = range.total
    case 416:
      try? FileManager.default.removeItem(at: partial)
      try? FileManager.default.removeItem(at: record)
      throw Retryable(reason: "the server cannot resume at byte \(offset) (the file changed?); starting over")
    case 408, 425, 429, 500...599:
      throw Retryable(
        reason: "HTTP \(status.code) \(status.reasonPhrase)",
        retryAfter: response.headers.first(name: "Retry-After").flatMap { Int($0) }.map { .seconds($0) })
    default:
      throw SyncError(
        .http, dataset: dataset, url: url,
        message: "HTTP \(status.code) \(status.reasonPhrase): \(Self.advice(for: status.code)); the store is unchanged")
    }
    if method == .HEAD {
      return .downloaded(file: destination, byteCount: total ?? 0, validators: validators, contentType: contentType)
    }

    // Where the body goes: appended to the partial file when resuming, else a new one.
    if offset == 0 {
      _ = FileManager.default.createFile(atPath: partial.path, contents: nil)
    }
    let current = PartialRecord(url: url, validators: validators, total: total)
    try JSONEncoder().encode(current).write(to: record, options: .atomic)
    let handle = try FileHandle(forWritingTo: partial)
    defer { try? handle.close() }
    try handle.truncate(atOffset: UInt64(offset))
    try handle.seek(toOffset: UInt64(offset))
    progress(.started(resumingAt: offset, total: total))
    var written = offset
    var lastReport = ContinuousClock.now
    do {
      for try await buffer in response.body {
        try buffer.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
        written += buffer.readableBytes
        received += buffer.readableBytes
        let now = ContinuousClock.now
        if now - lastReport > .milliseconds(100) {
          lastReport = now
          progress(.bytes(received: written, total: total))
        }
      }
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw Retryable(reason: "\(Self.describe(error)) after \(written) of \(total.map(String.init) ?? "?") bytes")
    }
    if let total, written != total {
      throw Retryable(reason: "the connection closed after \(written) of \(total) bytes")
    }
    progress(.bytes(received: written, total: total))
    try handle.close()
    try? FileManager.default.removeItem(at: destination)
    try FileManager.default.moveItem(at: partial, to: destination)
    try? FileManager.default.removeItem(at: record)
    return .downloaded(file: destination, byteCount: written, validators: validators, contentType: contentType)
  }

  static func size(of file: URL) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
  }

  private static func advice(for status: UInt) -> String {
    switch status {
    case 401, 403: "the server refuses the file (it may now need a login or accept terms on its page)"
    case 404, 410:
      "no file at this address (moved, or a newer release renamed it); check `dyad datasets --json` and the publisher's page"
    default: "the request was refused; retrying will not help"
    }
  }

  /// Whether the error says the host name does not resolve: no retry mends that soon.
  private static func isUnknownHost(_ error: any Error) -> Bool {
    if error is SocketAddressError.UnknownHost { return true }
    if let error = error as? NIOConnectionError {
      return error.connectionErrors.isEmpty
        && (error.dnsAError is SocketAddressError.UnknownHost || error.dnsAAAAError is SocketAddressError.UnknownHost)
    }
    return false
  }

  private static func describe(_ error: any Error) -> String {
    if let error = error as? HTTPClientError {
      switch error {
      case .readTimeout: return "no bytes arrived within the read timeout"
      case .connectTimeout: return "the connection timed out"
      case .remoteConnectionClosed: return "the server closed the connection"
      case .deadlineExceeded: return "no response within the read timeout"
      default: return "\(error)"
      }
    }
    return "\(error)"
  }
}

/// `Content-Range: bytes START-END/TOTAL`.
struct ContentRange: Equatable {
  let start: Int
  let end: Int
  let total: Int?

  init?(_ header: String?) {
    guard let header, header.hasPrefix("bytes ") else { return nil }
    let spec = header.dropFirst(6)
    let halves = spec.split(separator: "/", maxSplits: 1)
    guard halves.count == 2 else { return nil }
    let bounds = halves[0].split(separator: "-", maxSplits: 1)
    guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start <= end else { return nil }
    (self.start, self.end) = (start, end)
    self.total = halves[1] == "*" ? nil : Int(halves[1])
  }
}


/// The version `dyad sync` names in its `User-Agent`.
public enum SyncVersion {
  public static let current = "0.1.0"
}
