import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Reads one dataset's files, validates every row and writes them into a sink.
///
/// Conformers stream their files (``CSVReader``), report a bad row as an ``ImportError`` with file,
/// line and field, and never write partial state themselves: the store runs ``read(_:into:context:)``
/// in one transaction and rolls back on any error.
public protocol DatasetImporter: Sendable {
  var info: DatasetInfo { get }
  /// The tables this dataset owns, by their records; the store empties them before a re-import.
  /// Rows of the shared tables (observations, events, exercises) are told by their dataset.
  var tables: [any StoreRecord.Type] { get }
  /// Reads the files (one per name in `info.files`, in that order) into the sink.
  func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary
  /// The input files for a path (a file, or a folder holding the dataset's files); by default
  /// ``DatasetInfo/files`` inside a folder, or the one file given.
  func inputFiles(at path: URL) throws(ImportError) -> [URL]
}

/// What an importer needs besides its files.
public struct ImportContext: Sendable {
  public let registry: StateRegistry
  /// Where an importer records the digests of files it computed while reading them (the store
  /// digests the others).
  package let digests: FileDigests
  /// Called with the fraction of the input read so far (0...1).
  public let progress: @Sendable (Double) -> Void

  public init(registry: StateRegistry, progress: @escaping @Sendable (Double) -> Void = { _ in }) {
    self.init(registry: registry, digests: FileDigests(), progress: progress)
  }

  package init(registry: StateRegistry, digests: FileDigests, progress: @escaping @Sendable (Double) -> Void) {
    self.registry = registry
    self.digests = digests
    self.progress = progress
  }
}

extension DatasetImporter {
  /// The input files for a path: the file itself when the dataset has one file, or the dataset's
  /// files inside a folder laid out as in `shared/data/NAME`. Each must be a regular file (a link
  /// to one is followed): a named pipe, a device, a folder or a link loop is refused before
  /// anything is read, since reading it could block forever or never end.
  public func inputFiles(at path: URL) throws(ImportError) -> [URL] {
    try defaultInputFiles(at: path)
  }

  /// The dataset's files in a folder, or the one file given, each checked to be a regular file.
  public func defaultInputFiles(at path: URL) throws(ImportError) -> [URL] {
    let files = try locateFiles(at: path)
    for file in files { try Self.requireRegularFile(file) }
    return files
  }

  private func locateFiles(at path: URL) throws(ImportError) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
      throw ImportError(file: path.path, message: "no such file or folder")
    }
    if !isDirectory.boolValue {
      guard info.files.count == 1 else {
        throw ImportError(
          file: path.path,
          message:
            "\(info.name) has \(info.files.count) files (\(info.files.joined(separator: ", "))); pass the folder holding them"
        )
      }
      return [path]
    }
    return try info.files.map { name throws(ImportError) in
      let url = path.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw ImportError(file: url.path, message: "missing: \(info.name) expects \(name) in \(path.path)")
      }
      return url
    }
  }
}

extension DatasetImporter {
  /// For datasets of many files under any names (a folder of workbooks): the one file given, or
  /// every file in the folder whose name ends with one of `suffixes` (case aside; hidden and
  /// Office lock files left out), in the natural order of their names (`(2)` before `(10)`).
  public func files(at path: URL, endingWith suffixes: [String], what: String) throws(ImportError) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
      throw ImportError(file: path.path, message: "no such file or folder")
    }
    guard isDirectory.boolValue else {
      try Self.requireRegularFile(path)
      return [path]
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path.path)
    } catch {
      throw ImportError(file: path.path, message: "cannot be listed (\(error.localizedDescription))")
    }
    let files = names.filter { name in
      !name.hasPrefix(".") && !name.hasPrefix("~$") && suffixes.contains { name.lowercased().hasSuffix($0) }
    }
    .sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { path.appendingPathComponent($0) }
    guard !files.isEmpty else {
      throw ImportError(file: path.path, message: "holds no \(suffixes.joined(separator: " or ")) file; \(info.name) reads \(what)")
    }
    for file in files { try Self.requireRegularFile(file) }
    return files
  }

  /// Throws unless the path names a regular file, after following links.
  static func requireRegularFile(_ url: URL) throws(ImportError) {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
    } catch {
      throw ImportError(file: url.path, message: "cannot be read (\(error.localizedDescription)); is it a link loop?")
    }
    let type = attributes[.type] as? FileAttributeType
    guard type == .typeRegular else {
      let kind =
        switch type {
        case .typeDirectory?: "a folder"
        case .typeCharacterSpecial?, .typeBlockSpecial?: "a device"
        case .typeSocket?: "a socket"
        case .typeSymbolicLink?: "a link that leads nowhere readable (a loop?)"
        default: "a named pipe or another special file"
        }
      throw ImportError(file: url.path, message: "is \(kind), not a data file; pass the file itself or its folder")
    }
  }
}
