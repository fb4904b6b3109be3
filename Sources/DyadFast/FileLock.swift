#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock on a file (`flock`), held until released or the process ends: what keeps two
/// `dyad sync` runs from working on one store at once. The lock file holds the holder's process id,
/// for the message the second run prints.
package final class FileLock: @unchecked Sendable {
  private var descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  /// Takes the lock at `path` (creating the file), or returns `nil` with the process id written by
  /// the holder when another process holds it. Throws when the file cannot be opened.
  package static func acquire(at path: String) throws(FileLockError) -> Result<FileLock, Holder> {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileLockError(path: path, message: String(cString: strerror(errno))) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let holder = Holder(processID: readProcessID(fd))
      close(fd)
      return .failure(holder)
    }
    let text = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    return .success(FileLock(descriptor: fd))
  }

  /// Releases the lock (also done when the lock is deallocated).
  package func release() {
    guard descriptor >= 0 else { return }
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }

  private static func readProcessID(_ fd: Int32) -> Int? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int(String(decoding: buffer[..<count].filter { (48...57).contains($0) }, as: UTF8.self))
  }

  /// Who holds a lock that could not be taken.
  package struct Holder: Error, Sendable {
    /// The holder's process id, when it wrote one.
    package let processID: Int?
  }
}

/// A lock file that cannot be opened.
package struct FileLockError: Error, Sendable, CustomStringConvertible {
  package let path: String
  package let message: String
  package var description: String { "cannot open the lock file \(path): \(message)" }
}
