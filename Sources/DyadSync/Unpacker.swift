import DyadCore
import Foundation
import ZIPFoundation

/// Turns what a server sent into the file an importer reads: checks that the bytes are of the
/// kind expected (an HTML error page is not a CSV, a truncated zip is not a zip), takes the file
/// out of a zip archive or a gzip stream without holding it in memory, and gives its SHA-256.
struct Unpacker {
  let dataset: String

  /// The file `download` becomes at `destination`, and its SHA-256.
  func unpack(_ received: URL, as download: PlannedFile, to destination: URL, contentType: String?) throws -> (
    file: URL, sha256: String
  ) {
    let head = try Self.head(of: received)
    switch download.container {
    case .plain:
      try check(head, format: download.format, url: download.url, contentType: contentType)
      if received != destination {
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.moveItem(at: received, to: destination)
      }
    case .zip:
      guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
        throw SyncError(
          .content, dataset: dataset, url: download.url,
          message:
            "expected a zip archive holding \(download.member ?? download.name), got \(Self.kind(of: head, contentType: contentType))"
        )
      }
      try extractZipMember(received, download: download, to: destination)
      try check(try Self.head(of: destination), format: download.format, url: download.url, contentType: nil)
    case .gzip:
      guard head.starts(with: [0x1F, 0x8B]) else {
        throw SyncError(
          .content, dataset: dataset, url: download.url,
          message:
            "expected gzip-compressed \(download.format.uppercased()), got \(Self.kind(of: head, contentType: contentType))"
        )
      }
      try GzipReader(dataset: dataset, url: download.url).inflate(received, to: destination)
      try check(try Self.head(of: destination), format: download.format, url: download.url, contentType: nil)
    }
    return (destination, try Digests.sha256(of: destination))
  }

  /// Refuses bytes that are plainly not a file of `format`.
  func check(_ head: [UInt8], format: String, url: String, contentType: String?) throws {
    let expected = format.uppercased()
    switch format {
    case "xlsx", "zip":
      guard head.starts(with: [0x50, 0x4B]) else {
        throw SyncError(
          .content, dataset: dataset, url: url,
          message: "expected \(expected), got \(Self.kind(of: head, contentType: contentType))")
      }
    default:
      if head.isEmpty {
        throw SyncError(.content, dataset: dataset, url: url, message: "expected \(expected), got an empty file")
      }
      if Self.isHTML(head) || head.starts(with: [0x50, 0x4B]) || head.starts(with: [0x1F, 0x8B]) || head.contains(0) {
        throw SyncError(
          .content, dataset: dataset, url: url,
          message: "expected \(expected), got \(Self.kind(of: head, contentType: contentType))")
      }
    }
  }

  private func extractZipMember(_ archiveURL: URL, download: PlannedFile, to destination: URL) throws {
    let archive: Archive
    do {
      archive = try Archive(url: archiveURL, accessMode: .read)
    } catch {
      throw SyncError(
        .content, dataset: dataset, url: download.url,
        message:
          "the zip archive cannot be read (\(error)); it may be truncated. Run `dyad sync` again to fetch it anew")
    }
    let member = download.member ?? download.name
    guard let entry = archive[member] ?? archive.first(where: { ($0.path as NSString).lastPathComponent == member })
    else {
      let names = archive.prefix(12).map(\.path).joined(separator: ", ")
      throw SyncError(
        .layout, dataset: dataset, url: download.url,
        message: "the zip archive holds no \(member) (it holds \(names)); the publisher may have changed the layout")
    }
    try? FileManager.default.removeItem(at: destination)
    do {
      _ = try archive.extract(entry, to: destination, skipCRC32: false)
    } catch {
      try? FileManager.default.removeItem(at: destination)
      throw SyncError(
        .content, dataset: dataset, url: download.url,
        message: "\(member) in the zip archive cannot be unpacked (\(error)); the archive may be truncated or corrupt")
    }
  }

  /// The first 512 bytes of a file.
  static func head(of file: URL) throws -> [UInt8] {
    let handle = try FileHandle(forReadingFrom: file)
    defer { try? handle.close() }
    return Array(try handle.read(upToCount: 512) ?? Data())
  }

  static func isHTML(_ head: [UInt8]) -> Bool {
    var text = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
    text = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
    return text.hasPrefix("<!doctype html") || text.hasPrefix("<html")
      || text.hasPrefix("<?xml") && text.contains("<html")
      || text.hasPrefix("<head") || text.hasPrefix("<body")
  }

  /// What the bytes look like, for a message.
  static func kind(of head: [UInt8], contentType: String?) -> String {
    if head.isEmpty { return "an empty file" }
    if isHTML(head) { return "an HTML page (an error or login page, not the data)" }
    if head.starts(with: [0x50, 0x4B]) { return "a zip archive" }
    if head.starts(with: [0x1F, 0x8B]) { return "gzip-compressed data" }
    if head.contains(0) { return "binary data" }
    if let contentType { return "a file of type \(contentType)" }
    return "text of another kind"
  }
}

/// Inflates a gzip file (RFC 1952) to a file in blocks, checking its CRC-32 and length.
struct GzipReader {
  let dataset: String
  let url: String

  func inflate(_ source: URL, to destination: URL) throws {
    let input = try FileHandle(forReadingFrom: source)
    defer { try? input.close() }
    let size = Int(try input.seekToEnd())
    try input.seek(toOffset: 0)
    let header = Array(try input.read(upToCount: min(size, 64 * 1024)) ?? Data())
    guard let start = Self.bodyOffset(header), size >= start + 8 else {
      throw SyncError(
        .content, dataset: dataset, url: url, message: "the gzip header is damaged or the file is truncated")
    }
    try? FileManager.default.removeItem(at: destination)
    _ = FileManager.default.createFile(atPath: destination.path, contents: nil)
    let output = try FileHandle(forWritingTo: destination)
    defer { try? output.close() }
    let compressed = Int64(size - start - 8)
    var length: UInt32 = 0
    let crc: CRC32
    do {
      crc = try Data.decompress(
        size: compressed, bufferSize: 1 << 16, skipCRC32: false,
        provider: { position, count in
          try input.seek(toOffset: UInt64(start) + UInt64(position))
          let data = try input.read(upToCount: count) ?? Data()
          // zlib asks again while the stream has not ended: no bytes left means it is truncated.
          if data.isEmpty { throw Truncated() }
          return data
        },
        consumer: { data in
          length &+= UInt32(truncatingIfNeeded: data.count)
          try output.write(contentsOf: data)
        })
    } catch {
      throw SyncError(
        .content, dataset: dataset, url: url,
        message: "the gzip data cannot be inflated (\(error)); it may be truncated")
    }
    try input.seek(toOffset: UInt64(size - 8))
    let trailer = Array(try input.read(upToCount: 8) ?? Data())
    func le32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(trailer[at + $1]) << (8 * UInt32($1)) } }
    guard trailer.count == 8, le32(0) == crc, le32(4) == length else {
      throw SyncError(
        .verification, dataset: dataset, url: url,
        message: "the gzip data fails its CRC-32 or length check; it is damaged")
    }
  }

  private struct Truncated: Error, CustomStringConvertible {
    var description: String { "the data end before the compressed stream does" }
  }

  /// Where the deflate data start, after the header and its optional fields.
  static func bodyOffset(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 10, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { return nil }
    let flags = bytes[3]
    var offset = 10
    if flags & 0x04 != 0 {
      guard bytes.count >= offset + 2 else { return nil }
      offset += 2 + Int(bytes[offset]) + Int(bytes[offset + 1]) << 8
    }
    for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
      guard let end = bytes[min(offset, bytes.count)...].firstIndex(of: 0) else { return nil }
      offset = end + 1
    }
    if flags & 0x02 != 0 { offset += 2 }
    return offset <= bytes.count ? offset : nil
  }
}
