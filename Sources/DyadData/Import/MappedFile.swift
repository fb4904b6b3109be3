import Foundation

/// A file's bytes, mapped read-only for the length of a closure (read into memory where the file
/// cannot be mapped, as for a pipe or an empty file).
///
/// ```swift
/// let newlines = try MappedFile.withBytes(of: url) { bytes in bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
/// ```
public enum MappedFile {
  public static func withBytes<T>(of file: URL, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
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
      let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), address != MAP_FAILED
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
}
