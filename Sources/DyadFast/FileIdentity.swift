import Foundation

/// What the file system says identifies a file's contents: device, inode, size and modification
/// time (to the nanosecond), or `nil` when there is no such file. The modification time's field is
/// named differently on Linux (`st_mtim`) and Darwin (`st_mtimespec`); this is the one place that
/// knows.
package enum FileIdentity {
  package static func of(path: String) -> [Int64]? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if os(Linux)
      let modified = info.st_mtim
    #else
      let modified = info.st_mtimespec
    #endif
    return [
      Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size), Int64(modified.tv_sec), Int64(modified.tv_nsec),
    ]
  }
}
