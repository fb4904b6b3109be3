import Foundation

/// The shared datasets that tests read, in `../shared/data` beside the project root.
///
/// ```swift
/// @Test(.enabled(if: SharedData.isAvailable))
/// func importsVotes() throws {
///   let folder = SharedData.folder("unga-votes")
/// }
/// ```
public enum SharedData {
  /// The project root (the folder holding `Package.swift`).
  public static let projectRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// `../shared/data`, or `DYAD_SHARED_DATA` when set.
  public static let root: URL = {
    if let path = ProcessInfo.processInfo.environment["DYAD_SHARED_DATA"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
  }()

  /// Whether the shared datasets are present (CI always has them).
  public static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

  /// A dataset's folder, such as `unga-votes`.
  public static func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

  /// The shared folder of each dataset Dyad imports, by the dataset's name.
  public static let datasetFolders: [String: String] = [
    "unga-votes": "unga-votes", "un-digital-library": "un-digital-library", "unga-ideal-points": "unga-ideal-points", "unsc-vetoes": "unsc-vetoes",
    "cow-igo": "cow-igo", "cow-trade": "cow-trade", "imf-dots": "imf-dots-russia", "imf-dots-all": "imf-dots-all-reporters", "cow-gdp-pop": "economy-gdp-pop",
    "atop": "atop-alliances", "sipri-transfers": "sipri-arms-transfers", "sipri-milex": "sipri-milex",
    "cow-nmc": "military-capabilities", "exercises": "joint-exercises-russia", "mme": "military-exercises-mme",
    "conflict": "conflict-rivalry",
    "politics": "politics-demography",
  ]

  /// A file inside a dataset's folder.
  public static func file(_ folder: String, _ name: String) -> URL {
    root.appendingPathComponent(folder).appendingPathComponent(name)
  }
}

/// The SHA-256 of a file as coreutils' `sha256sum` computes it: a digest independent of Dyad's code.
public func sha256sum(_ file: URL) throws -> String {
  let result = try DyadBinary.runTool("/usr/bin/sha256sum", [file.path])
  guard result.status == 0, result.stdout.count >= 64 else {
    throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: file.path])
  }
  return String(result.stdout.prefix(64))
}

/// A folder removed when the value is released; for stores and fixtures in tests.
public final class TemporaryFolder: @unchecked Sendable {
  public let url: URL

  public init(_ label: String = "dyad-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// A path inside the folder.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes a text file inside the folder and returns its URL.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> URL {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file
  }
}
