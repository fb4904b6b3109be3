#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The identity of the store file's contents as the file system reports them: the server's cached
/// responses belong to one generation and are dropped when `dyad import` changes the store.
struct StoreGeneration: Hashable, Sendable {
  let parts: [Int64]

  /// The generation of the store at a path: device, inode, size and modification time of the file
  /// and of its write-ahead log and rollback journal when present.
  static func of(path: String) -> StoreGeneration {
    var parts: [Int64] = []
    for file in [path, path + "-wal", path + "-journal"] {
      var info = stat()
      if stat(file, &info) == 0 {
        parts += [
          Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size), Int64(info.st_mtim.tv_sec),
          Int64(info.st_mtim.tv_nsec),
        ]
      } else {
        parts.append(-1)
      }
    }
    return StoreGeneration(parts: parts)
  }
}
