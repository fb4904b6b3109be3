import DyadCore
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Paths that are not what they should be are refused before anything is read or written.
@Suite("Paths that are not data files")
struct NotAFileTests {
  let folder = try! TemporaryFolder("dyad-not-a-file")

  @Test func anotherApplicationsDatabaseIsRefusedAndLeftAsItWas() throws {
    let path = folder.path("other.sqlite")
    let other = try DatabaseQueue(path: path)
    try other.write { db in
      try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)")
    }
    try other.close()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = try #require(throws: StoreError.self) { _ = try Store.open(at: path) }
    #expect(error.message.contains("is an SQLite database but not a Dyad store (it holds invoices and no Dyad schema)"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test func aFolderIsNoStore() throws {
    let path = folder.path("a-folder")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let error = try #require(throws: StoreError.self) { _ = try Store.open(at: path) }
    #expect(error.message.hasPrefix("is not a file (NSFileTypeDirectory)"))
  }

  @Test func aNamedPipeOrAFolderIsRefusedBeforeReading() throws {
    let importer = UNSCVetoesImporter()
    let fifo = folder.path("pipe/\(importer.info.files[0])")
    try FileManager.default.createDirectory(atPath: folder.path("pipe"), withIntermediateDirectories: true)
    #expect(mkfifo(fifo, 0o600) == 0)
    // Reading a pipe nobody writes to would block forever: the check must come first.
    let pipe = try #require(throws: ImportError.self) { _ = try importer.inputFiles(at: folder.url.appendingPathComponent("pipe")) }
    #expect(pipe.file == fifo)
    #expect(pipe.message == "is a named pipe or another special file, not a data file; pass the file itself or its folder")

    let nested = folder.path("nested/\(importer.info.files[0])")
    try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
    let directory = try #require(throws: ImportError.self) {
      _ = try importer.inputFiles(at: folder.url.appendingPathComponent("nested"))
    }
    #expect(directory.message == "is a folder, not a data file; pass the file itself or its folder")
  }
}
