import Crypto
import Foundation

/// Streaming digests of files: SHA-256, for releases and `SHA256SUMS`.
enum Digests {
  /// The SHA-256 of a file, read in 1 MiB blocks, as lowercase hex.
  static func sha256(of file: URL) throws -> String {
    var hash = SHA256()
    try forEachBlock(of: file) { hash.update(data: $0) }
    return hex(hash.finalize())
  }

  static func hex(_ digest: some Digest) -> String {
    digest.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  private static func forEachBlock(of file: URL, _ body: (Data) -> Void) throws {
    let handle = try FileHandle(forReadingFrom: file)
    defer { try? handle.close() }
    while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { body(block) }
  }
}

/// A checksum list in `sha256sum` format: `HEX  NAME` or `HEX *NAME` per line.
struct ChecksumList: Sendable, Equatable {
  /// The digest of each file name, lowercase hex.
  let digests: [String: String]

  /// Parses a list; a line that is not `HEX NAME` is an error naming the line.
  init(text: String, source: String) throws(ChecksumListError) {
    var digests: [String: String] = [:]
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let parts = trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace)
      let digest = parts.first.map { $0.lowercased() } ?? ""
      guard parts.count == 2, digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
        throw ChecksumListError(
          source: source, line: index + 1,
          message: "expected '<64 hex digits>  <file name>', found '\(trimmed.prefix(120))'")
      }
      var name = parts[1].trimmingCharacters(in: .whitespaces)
      if name.hasPrefix("*") { name.removeFirst() }
      let file = (name as NSString).lastPathComponent
      guard digests.updateValue(digest, forKey: file) == nil else {
        throw ChecksumListError(source: source, line: index + 1, message: "lists \(file) a second time")
      }
    }
    self.digests = digests
  }
}

/// A checksum list that cannot be read.
struct ChecksumListError: Error, Sendable, CustomStringConvertible {
  let source: String
  let line: Int
  let message: String
  var description: String { "\(source) line \(line): \(message)" }
}
