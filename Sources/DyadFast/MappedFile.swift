import DyadCore
import Foundation

/// A file's bytes, mapped read-only for the length of a closure (read into memory where the file
/// cannot be mapped, as for a pipe or an empty file).
///
/// The pages are mapped up front (`MAP_POPULATE`: one system call rather than a page fault every
/// 16 pages), unless `populate` is false: a reader that splits the file between threads then maps
/// each part on its own thread (``populate(_:)``).
///
/// ```swift
/// let newlines = try MappedFile.withBytes(of: url) { bytes in bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
/// ```
package enum MappedFile {
  package static func withBytes<T>(
    of file: URL, populate: Bool = true, _ body: (UnsafeRawBufferPointer) throws -> T
  ) throws -> T {
    let descriptor = open(file.path, O_RDONLY)
    guard descriptor >= 0 else {
      throw ImportError(file: file.path, message: "cannot open the file (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw ImportError(file: file.path, message: "cannot read the file (\(String(cString: strerror(errno))))")
    }
    let size = Int(status.st_size)
    if (status.st_mode & S_IFMT) == S_IFREG, size > 0,
      let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | (populate ? Self.populateFlag : 0), descriptor, 0),
      address != MAP_FAILED
    {
      defer { munmap(address, size) }
      return try body(UnsafeRawBufferPointer(start: address, count: size))
    }
    guard let handle = FileHandle(forReadingAtPath: file.path) else {
      throw ImportError(file: file.path, message: "cannot open the file")
    }
    defer { try? handle.close() }
    let data = try handle.readToEnd() ?? Data()
    return try data.withUnsafeBytes(body)
  }

  /// `MAP_POPULATE` where the system has it (Linux); elsewhere pages are mapped as they are read.
  private static var populateFlag: Int32 {
    #if os(Linux)
      MAP_POPULATE
    #else
      0
    #endif
  }

  /// Maps the pages of part of a mapped file now (Linux's `MADV_POPULATE_READ`), rather than a
  /// page fault at a time as they are first read; elsewhere, or on failure, they are mapped as
  /// they are read.
  package static func populate(_ bytes: UnsafeRawBufferPointer) {
    #if os(Linux)
      guard let base = bytes.baseAddress, bytes.count > 0 else { return }
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      let start = Int(bitPattern: base) & ~(page - 1)
      let end = Int(bitPattern: base) + bytes.count
      // MADV_POPULATE_READ (Linux 5.14), which Glibc's headers may not name.
      _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 22)
    #endif
  }
}
