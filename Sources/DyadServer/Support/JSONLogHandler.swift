import Foundation
import Logging
import Synchronization

/// A swift-log handler that writes one JSON object per line: time, level, label, message and the
/// metadata as fields — for log collectors.
///
/// ```json
/// {"duration_ms":"0.412","hb.request.id":"…","label":"dyad.serve","level":"info","message":"request",
///  "method":"GET","path":"/api/v1/dyads/CHN/RUS/events","status":"200","time":"2024-05-01T10:00:00.000Z"}
/// ```
public struct JSONLogHandler: LogHandler {
  public var metadata: Logger.Metadata = [:]
  public var logLevel: Logger.Level = .info
  let label: String
  let output: @Sendable (String) -> Void

  public init(label: String, output: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput) {
    self.label = label
    self.output = output
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var fields: [String: String] = [:]
    for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
      fields[key] = Self.text(value)
    }
    fields["time"] = Self.timestamp()
    fields["level"] = event.level.rawValue
    fields["label"] = label
    fields["message"] = event.message.description
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(fields) else { return }
    output(String(decoding: data, as: UTF8.self))
  }

  static func text(_ value: Logger.Metadata.Value) -> String {
    switch value {
    case .string(let text): text
    case .stringConvertible(let item): item.description
    case .array(let items): "[" + items.map(text).joined(separator: ", ") + "]"
    case .dictionary(let items):
      "{" + items.sorted { $0.key < $1.key }.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// The time in UTC: `2024-05-01T10:00:00.123Z`.
  static func timestamp() -> String {
    Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }

  private static let lock = Mutex(())

  /// Writes a line to standard output, whole lines at a time.
  public static let standardOutput: @Sendable (String) -> Void = { line in
    lock.withLock { _ in
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
  }
}

extension DyadServer {
  /// How the server's log lines are written.
  public enum LogFormat: String, Sendable, CaseIterable {
    /// `key=value` metadata after the message (swift-log's stream handler).
    case text
    /// One JSON object per line.
    case json
  }

  /// Sets up swift-log for the process (once): text or JSON lines on standard output at `level`
  /// (trace, debug, info, notice, warning, error, critical).
  public static func bootstrapLogging(format: LogFormat, level: String) {
    let level = Logger.Level(rawValue: level) ?? .info
    LoggingSystem.bootstrap { label in
      var handler: any LogHandler =
        switch format {
        case .text: StreamLogHandler.standardOutput(label: label)
        case .json: JSONLogHandler(label: label)
        }
      handler.logLevel = level
      return handler
    }
  }
}
