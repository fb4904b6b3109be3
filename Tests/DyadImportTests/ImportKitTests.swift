import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// The import kit's promises, checked for every importer on its real shared files: a truncated
/// line (one field short) is an error naming the file and line, never a row whose values shift
/// into the wrong columns; a file with a header and no rows is an error, never an empty dataset;
/// and after either the store holds nothing of the dataset.
@Suite(
  "Import kit: every importer", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ImportKitTests {
  /// Each importer's folder in `../shared/data`.
  static let folders = SharedData.datasetFolders

  /// Files small enough to parse to the end in a debug build: their last line is truncated too.
  static let smallFile = 2_500_000

  @Test("every importer has its shared folder here")
  func everyImporterIsCovered() {
    #expect(Set(Self.folders.keys) == Set(DatasetCatalog.importers.keys))
  }

  struct Mutation: CustomStringConvertible, Sendable {
    let dataset: String
    let file: String
    let kind: Kind
    enum Kind: String, Sendable {
      case firstRowShort = "first row one field short", lastRowShort = "last row one field short", headerOnly =
        "header only"
    }
    var description: String { "\(dataset) \(file): \(kind.rawValue)" }
  }

  static var mutations: [Mutation] {
    guard SharedData.isAvailable else { return [] }
    var list: [Mutation] = []
    for (name, importer) in DatasetCatalog.importers.sorted(by: { $0.key < $1.key }) {
      // Text files; a workbook's damage is the .xlsx reader's tests' (XLSXWorkbookTests), a zip's
      // the importers' own fuzz tests'.
      for file in importer.info.files where !file.hasSuffix(".xlsx") && !file.hasSuffix(".zip") {
        list.append(Mutation(dataset: name, file: file, kind: .firstRowShort))
        list.append(Mutation(dataset: name, file: file, kind: .headerOnly))
        let url = SharedData.file(folders[name] ?? name, file)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size < smallFile { list.append(Mutation(dataset: name, file: file, kind: .lastRowShort)) }
      }
    }
    return list
  }

  @Test(
    "a short row or a header-only file is refused with its file and line; the store keeps nothing", arguments: mutations
  )
  func refused(_ mutation: Mutation) async throws {
    // The imports run on a thread of their own (see offThePool); the expectations here.
    let outcome = try await offThePool { try Self.attempt(mutation) }
    let error = try #require(outcome.error, "\(mutation): the damaged files were imported")
    #expect(error.file.hasSuffix(mutation.file), "\(mutation): \(error)")
    switch mutation.kind {
    case .headerOnly: #expect(error.message.contains("no rows"), "\(mutation): \(error)")
    case .firstRowShort: #expect(error.line == 2, "\(mutation): \(error)")
    case .lastRowShort: #expect(error.line != nil, "\(mutation): \(error)")
    }
    #expect(outcome.sameErrorTwice, "\(mutation): a second attempt failed otherwise")
    #expect(outcome.checksumAfter == nil, "\(mutation): the store keeps part of the dataset")
  }

  /// What importing a mutated copy of a dataset's files did, twice.
  struct Outcome: Sendable {
    var error: ImportError?
    var sameErrorTwice: Bool
    var checksumAfter: String?
  }

  static func attempt(_ mutation: Mutation) throws -> Outcome {
    let folder = try TemporaryFolder("dyad-kit")
    let importer = DatasetCatalog.importers[mutation.dataset]!
    let source = SharedData.folder(Self.folders[mutation.dataset] ?? mutation.dataset)
    let data = folder.url.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for file in importer.info.files {
      let from = source.appendingPathComponent(file), to = data.appendingPathComponent(file)
      if file == mutation.file {
        // Split on bytes: a Swift string holds "\r\n" as one character.
        var kept = try Data(contentsOf: from).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
          .map { String(decoding: $0, as: UTF8.self) }
        while kept.last == "" { kept.removeLast() }
        switch mutation.kind {
        case .headerOnly:
          kept = [kept[0]]
        case .firstRowShort:
          kept[1] = Self.dropLastField(kept[1])
        case .lastRowShort:
          kept[kept.count - 1] = Self.dropLastField(kept[kept.count - 1])
        }
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: to)
      } else {
        try FileManager.default.copyItem(at: from, to: to)
      }
    }
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let files = try importer.inputFiles(at: data)
    var errors: [ImportError?] = []
    for _ in 0..<2 {
      do {
        _ = try store.importDataset(importer, files: files)
        errors.append(nil)
      } catch let error as ImportError {
        errors.append(error)
      }
    }
    return Outcome(
      error: errors[0], sameErrorTwice: errors[1] != nil && errors[1]?.message == errors[0]?.message,
      checksumAfter: try store.recordedChecksum(of: mutation.dataset))
  }

  /// A line without its last field: the text after its last comma outside quotes, and the comma.
  static func dropLastField(_ line: String) -> String {
    let cr = line.unicodeScalars.last == "\r"
    let scalars = Array(cr ? line.unicodeScalars.dropLast() : line.unicodeScalars[...])
    var quoted = false
    var lastComma: Int?
    for (i, scalar) in scalars.enumerated() {
      if scalar == "\"" { quoted.toggle() } else if scalar == ",", !quoted { lastComma = i }
    }
    guard let lastComma else { return line }
    var kept = String.UnicodeScalarView(scalars[..<lastComma])
    if cr { kept.append("\r") }
    return String(kept)
  }
}
