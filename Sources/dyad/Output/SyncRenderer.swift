import DyadCore
import DyadSync
import Foundation
import Synchronization

/// Shows a sync's progress: a bar per file on a terminal (bytes, rate, time left), one line per
/// file when piped, or one JSON object per line for machines. Results go to standard output,
/// progress to standard error.
final class SyncRenderer: Sendable {
  enum Mode: Sendable { case terminal, lines, json }

  private struct Transfer {
    var started: ContinuousClock.Instant
    var resumedAt: Int
    var lastDrawn: ContinuousClock.Instant?
  }

  let mode: Mode
  private let transfers = Mutex<[String: Transfer]>([:])

  init(mode: Mode) { self.mode = mode }

  /// Prints a message on standard output (as a JSON message with --json).
  func say(_ text: String) {
    if mode == .json { emit(["event": "message", "text": text]) } else { print(text) }
  }

  func handle(_ event: SyncEvent) {
    switch mode {
    case .json: emit(Self.json(event))
    case .terminal, .lines: draw(event)
    }
  }

  /// The outcome of each dataset, one line each (JSON lines with --json).
  func summarize(_ results: [DatasetSyncResult]) {
    guard mode != .json else { return }  // each result was an event already
    let failed = results.filter(\.failed).count
    if results.count > 1 {
      print("\(results.count - failed) of \(results.count) datasets synced\(failed > 0 ? "; \(failed) failed" : "").")
    }
  }

  private func draw(_ event: SyncEvent) {
    switch event {
    case .datasetStarted(let dataset, let files, let origin):
      if mode == .lines { Terminal.writeError("\(dataset): \(files) file\(files == 1 ? "" : "s") from \(origin)\n") }
    case .fileStarted(let dataset, let file, let url, let offset, let total):
      transfers.withLock { $0["\(dataset)/\(file)"] = Transfer(started: .now, resumedAt: offset, lastDrawn: nil) }
      if mode == .lines {
        let resume = offset > 0 ? ", resuming at \(Self.bytes(offset))" : ""
        Terminal.writeError(
          "\(dataset): fetching \(file) (\(total.map(Self.bytes) ?? "size unknown")\(resume)) from \(url)\n")
      }
    case .fileProgress(let dataset, let file, let received, let total):
      guard mode == .terminal else { return }
      let key = "\(dataset)/\(file)"
      guard let transfer = transfers.withLock({ $0[key] }) else { return }
      let elapsed = (ContinuousClock.now - transfer.started) / .seconds(1)
      let rate = elapsed > 0 ? Double(received - transfer.resumedAt) / elapsed : 0
      var line = "\(key) "
      if let total, total > 0 {
        let fraction = min(1, Double(received) / Double(total))
        let filled = Int(fraction * 24)
        line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 24 - filled) + "] "
        line += "\(Self.bytes(received)) of \(Self.bytes(total))"
        if rate > 0 { line += ", \(Self.bytes(Int(rate)))/s, \(Self.duration(Double(total - received) / rate)) left" }
      } else {
        line += "\(Self.bytes(received))" + (rate > 0 ? ", \(Self.bytes(Int(rate)))/s" : "")
      }
      Terminal.writeError("\r\u{1B}[K" + line)
    case .fileFinished(let dataset, let file, let count, let seconds, let verifiedBy):
      let check = verifiedBy.map { "SHA-256 checked against \($0)" } ?? "size checked"
      let text = "\(dataset)/\(file): \(Self.bytes(count)) in \(String(format: "%.1f", seconds)) s, \(check)"
      Terminal.writeError(mode == .terminal ? "\r\u{1B}[K\(text)\n" : "\(text)\n")
    case .fileUnchanged(let dataset, let file):
      Terminal.writeError("\(dataset)/\(file): unchanged on the server\n")
    case .retrying(let dataset, let file, _, let attempt, let delay, let reason):
      let text = "\(dataset)/\(file): \(reason); attempt \(attempt) in \(String(format: "%.1f", delay)) s"
      Terminal.writeError(mode == .terminal ? "\r\u{1B}[K\(text)\n" : "\(text)\n")
    case .importing(let dataset, let fraction):
      if mode == .terminal { Terminal.writeError("\r\u{1B}[K\(dataset): importing \(Int(fraction * 100))%") }
    case .datasetFinished(let result):
      if mode == .terminal { Terminal.writeError("\r\u{1B}[K") }
      print(Self.line(result))
    }
  }

  static func line(_ result: DatasetSyncResult) -> String {
    let release = result.release.map { " (release \($0.name), from \($0.origin))" } ?? ""
    switch result.outcome {
    case .imported(let summary):
      let coverage = summary.coverage.map { ", covering \($0)" } ?? ""
      return
        "\(result.dataset): imported \(summary.rowsWritten) rows\(coverage)\(release) in \(String(format: "%.1f", result.seconds)) s."
    case .unchanged(let reason):
      return "\(result.dataset): unchanged; \(reason)."
    case .wouldFetch(let files, let count):
      return "\(result.dataset): would fetch \(files.joined(separator: ", "))\(count.map { " (\(bytes($0)))" } ?? "")."
    case .failed(let error):
      return
        "\(result.dataset): FAILED: \(error.description.hasPrefix(result.dataset + ": ") ? String(error.description.dropFirst(result.dataset.count + 2)) : error.description)"
    }
  }

  private static func json(_ event: SyncEvent) -> [String: Any] {
    switch event {
    case .datasetStarted(let dataset, let files, let origin):
      return ["event": "dataset_started", "dataset": dataset, "files": files, "origin": origin]
    case .fileStarted(let dataset, let file, let url, let offset, let total):
      return [
        "event": "file_started", "dataset": dataset, "file": file, "url": url, "resumingAt": offset,
        "total": total as Any,
      ]
    case .fileProgress(let dataset, let file, let received, let total):
      return ["event": "file_progress", "dataset": dataset, "file": file, "received": received, "total": total as Any]
    case .fileFinished(let dataset, let file, let count, let seconds, let verifiedBy):
      return [
        "event": "file_finished", "dataset": dataset, "file": file, "bytes": count, "seconds": seconds,
        "verifiedBy": verifiedBy as Any,
      ]
    case .fileUnchanged(let dataset, let file):
      return ["event": "file_unchanged", "dataset": dataset, "file": file]
    case .retrying(let dataset, let file, let url, let attempt, let delay, let reason):
      return [
        "event": "retrying", "dataset": dataset, "file": file, "url": url, "attempt": attempt, "delay": delay,
        "reason": reason,
      ]
    case .importing(let dataset, let fraction):
      return ["event": "importing", "dataset": dataset, "fraction": fraction]
    case .datasetFinished(let result):
      var object: [String: Any] = ["event": "dataset_finished", "dataset": result.dataset, "seconds": result.seconds]
      if let release = result.release {
        object["release"] = [
          "name": release.name, "retrievedAt": release.retrievedAt, "origin": release.origin,
          "files": release.files.map { ["name": $0.name, "url": $0.url, "bytes": $0.byteCount, "sha256": $0.sha256] },
        ]
      }
      switch result.outcome {
      case .imported(let summary):
        object["outcome"] = "imported"
        object["rows"] = summary.rowsWritten
        object["coverage"] = summary.coverage.map { ["from": $0.lowerBound, "to": $0.upperBound] } as Any
      case .unchanged(let reason):
        object["outcome"] = "unchanged"
        object["reason"] = reason
      case .wouldFetch(let files, let count):
        object["outcome"] = "would_fetch"
        object["files"] = files
        object["bytes"] = count as Any
      case .failed(let error):
        object["outcome"] = "failed"
        object["error"] = ["kind": error.kind.rawValue, "url": error.url as Any, "message": error.message]
      }
      return object
    }
  }

  private func emit(_ object: [String: Any]) {
    let cleaned = Self.plain(object)
    guard JSONSerialization.isValidJSONObject(cleaned),
      let data = try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return }
    print(String(decoding: data, as: UTF8.self))
  }

  /// The value with optionals unwrapped (`nil` as JSON null), through dictionaries and arrays.
  private static func plain(_ value: Any) -> Any {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional { return mirror.children.first.map { plain($0.value) } ?? NSNull() }
    if let dictionary = value as? [String: Any] { return dictionary.mapValues(plain) }
    if let array = value as? [Any] { return array.map(plain) }
    return value
  }

  static func bytes(_ count: Int) -> String {
    let units = ["B", "kB", "MB", "GB"]
    var value = Double(count)
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
  }

  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let total = Int(seconds.rounded())
    return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
  }

}
