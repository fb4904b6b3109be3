import DyadCore
import Foundation

/// A dataset Dyad knows: what it is, where to get it, and how its files are laid out.
public struct DatasetInfo: Sendable, Hashable, Codable {
  /// The name used on the command line: `dyad import unga-votes PATH`.
  public let name: String
  public let title: String
  public let publisher: String
  public let version: String
  /// Where a user obtains the dataset.
  public let url: String
  public let licence: String
  /// The years the release covers, as published.
  public let coverage: String
  /// The dimension the dataset informs.
  public let dimension: RelationDimension
  /// The files read from a dataset folder, relative to it (the layout of `shared/data/NAME`).
  public let files: [String]

  public init(
    name: String, title: String, publisher: String, version: String, url: String, licence: String,
    coverage: String, dimension: RelationDimension, files: [String]
  ) {
    self.name = name
    self.title = title
    self.publisher = publisher
    self.version = version
    self.url = url
    self.licence = licence
    self.coverage = coverage
    self.dimension = dimension
    self.files = files
  }

  /// The source that figures imported from this dataset cite.
  public var source: Source {
    Source(publisher: publisher, title: "\(title) \(version)", date: version, url: url, licence: licence)
  }
}

/// What an import read and wrote.
public struct ImportSummary: Sendable, Equatable, Codable {
  public var rowsRead: Int
  public var rowsWritten: Int
  public var coverage: YearRange?

  public init(rowsRead: Int = 0, rowsWritten: Int = 0, coverage: YearRange? = nil) {
    self.rowsRead = rowsRead
    self.rowsWritten = rowsWritten
    self.coverage = coverage
  }

  /// Widens the coverage to include a year.
  public mutating func cover(_ year: Int) {
    if let coverage {
      if !coverage.contains(year) {
        self.coverage = try? YearRange(from: min(coverage.lowerBound, year), to: max(coverage.upperBound, year))
      }
    } else {
      coverage = try? YearRange(from: year, to: year)
    }
  }
}

/// Reads one dataset's files, validates every row and writes them into a sink.
///
/// Conformers stream their files (``CSVReader``), report a bad row as an ``ImportError`` with file,
/// line and field, and never write partial state themselves: the store runs ``read(_:into:context:)``
/// in one transaction and rolls back on any error.
public protocol DatasetImporter: Sendable {
  var info: DatasetInfo { get }
  /// The tables this dataset owns; the store empties them before a re-import.
  var tables: [String] { get }
  /// Reads the files (one per name in `info.files`, in that order) into the sink.
  func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary
}

/// What an importer needs besides its files.
public struct ImportContext: Sendable {
  public let registry: StateRegistry
  /// Where an importer records the digests of files it computed while reading them (the store
  /// digests the others).
  public let digests: FileDigests
  /// Called with the fraction of the input read so far (0...1).
  public let progress: @Sendable (Double) -> Void

  public init(
    registry: StateRegistry, digests: FileDigests = FileDigests(),
    progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) {
    self.registry = registry
    self.digests = digests
    self.progress = progress
  }
}

extension DatasetImporter {
  /// The input files for a path: the file itself when the dataset has one file, or the dataset's
  /// files inside a folder laid out as in `shared/data/NAME`.
  public func inputFiles(at path: URL) throws(ImportError) -> [URL] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
      throw ImportError(file: path.path, message: "no such file or folder")
    }
    if !isDirectory.boolValue {
      guard info.files.count == 1 else {
        throw ImportError(
          file: path.path,
          message: "\(info.name) has \(info.files.count) files (\(info.files.joined(separator: ", "))); pass the folder holding them")
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
