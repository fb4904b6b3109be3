import DyadFast

/// The identity of the store file's contents as the file system reports them: the server's cached
/// responses belong to one generation and are dropped when `dyad import` changes the store.
struct StoreGeneration: Hashable, Sendable {
  let parts: [Int64]

  /// The generation of the store at a path: device, inode, size and modification time of the file
  /// and of its write-ahead log and rollback journal when present.
  static func of(path: String) -> StoreGeneration {
    var parts: [Int64] = []
    for file in [path, path + "-wal", path + "-journal"] {
      parts += FileIdentity.of(path: file) ?? [-1]
    }
    return StoreGeneration(parts: parts)
  }
}
