import Foundation

/// The digest of one file's bytes, block by block: what the store records to recognise a
/// re-import of the same files (see ``combined(_:)``).
///
/// Each 4 MiB block is hashed on its own (four interleaved FNV-1a-style lanes of eight bytes a
/// step, then the tail byte by byte), so that blocks can be hashed on every core; the block hashes
/// are folded in order, so the digest does not depend on the number of cores. An importer that
/// maps a file and reads it in parallel digests it as it goes and records the digest in its
/// ``ImportContext/digests``; the store digests the other files itself.
///
/// ```swift
/// let digest = try FileDigest.of(file: url)
/// FileDigest.combined([digest])  // "fnv1a64x32b:…:20015423"
/// ```
package struct FileDigest: Sendable, Equatable {
  /// The hash of each block, in order.
  package let blockHashes: [UInt64]
  package let byteCount: Int

  /// The size of the blocks hashed independently.
  package static let blockSize = 1 << 22

  package init(blockHashes: [UInt64], byteCount: Int) {
    self.blockHashes = blockHashes
    self.byteCount = byteCount
  }

  /// The digest of bytes held in memory, its blocks hashed by `pool` (on the caller when `nil`).
  package static func of(_ bytes: UnsafeRawBufferPointer, pool: WorkerPool? = nil) -> FileDigest {
    nonisolated(unsafe) let bytes = bytes
    let blocks = (bytes.count + blockSize - 1) / blockSize
    var hashes = [UInt64](repeating: 0, count: blocks)
    hashes.withUnsafeMutableBufferPointer { hashes in
      nonisolated(unsafe) let hashes = hashes
      let hashBlock: @Sendable (Int, Int) -> Void = { k, _ in hashes[k] = Self.hash(block: k, of: bytes) }
      if let pool { pool.forEach(blocks, hashBlock) } else { for k in 0..<blocks { hashBlock(k, 0) } }
    }
    return FileDigest(blockHashes: hashes, byteCount: bytes.count)
  }

  /// The digest of a file, its blocks hashed on every core.
  package static func of(file: URL) throws -> FileDigest {
    try MappedFile.withBytes(of: file) { bytes in
      nonisolated(unsafe) let bytes = bytes
      let blocks = (bytes.count + blockSize - 1) / blockSize
      var hashes = [UInt64](repeating: 0, count: blocks)
      hashes.withUnsafeMutableBufferPointer { hashes in
        nonisolated(unsafe) let hashes = hashes
        WorkerPool.shared.forEach(blocks) { k, _ in hashes[k] = Self.hash(block: k, of: bytes) }
      }
      return FileDigest(blockHashes: hashes, byteCount: bytes.count)
    }
  }

  /// The text the store records for files' digests, in order: their block hashes folded, each
  /// file closed by a separator (so that moving bytes between files changes it), and the total
  /// number of bytes.
  package static func combined(_ digests: [FileDigest]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for digest in digests {
      for blockHash in digest.blockHashes { hash = mix(hash, blockHash) }
      hash = mix(hash, 0xff)
    }
    return "fnv1a64x32b:" + String(hash, radix: 16) + ":\(digests.reduce(0) { $0 + $1.byteCount })"
  }

  /// The hash of block `k` of bytes.
  package static func hash(block k: Int, of bytes: UnsafeRawBufferPointer) -> UInt64 {
    lanes(UnsafeRawBufferPointer(rebasing: bytes[(k * blockSize)..<min(bytes.count, (k + 1) * blockSize)]))
  }

  @inline(__always)
  package static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
    var hash = (hash ^ word) &* 0x100_0000_01b3
    hash ^= hash >> 29
    return hash
  }

  /// Four independent lanes, 32 bytes a step (so the multiplications overlap), then the tail
  /// byte by byte; the lanes are folded in order.
  package static func lanes(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h0: UInt64 = 0xcbf2_9ce4_8422_2325, h1 = h0 ^ 1, h2 = h0 ^ 2, h3 = h0 ^ 3
    var i = 0
    while i + 32 <= bytes.count {
      h0 = mix(h0, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
      h1 = mix(h1, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
      h2 = mix(h2, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
      h3 = mix(h3, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
      i += 32
    }
    var hash = mix(mix(mix(h0, h1), h2), h3)
    while i < bytes.count {
      hash = mix(hash, UInt64(bytes[i]))
      i += 1
    }
    return mix(hash, UInt64(bytes.count))
  }
}

/// The digests an importer computed of its files while reading them, by file.
package final class FileDigests: @unchecked Sendable {
  private let lock = NSLock()
  private var digests: [String: FileDigest] = [:]

  package init() {}

  /// Records a file's digest.
  package func record(_ digest: FileDigest, for file: URL) {
    lock.lock()
    defer { lock.unlock() }
    digests[file.standardizedFileURL.path] = digest
  }

  /// A file's digest, if the importer recorded one.
  package func digest(for file: URL) -> FileDigest? {
    lock.lock()
    defer { lock.unlock() }
    return digests[file.standardizedFileURL.path]
  }
}
