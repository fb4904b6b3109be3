import DyadCore
import Foundation
import ZIPFoundation

/// A data file shipped inside a zip archive (`votes.csv.zip`), unpacked to a temporary file for a
/// reader that streams files from disk.
public enum ZippedFile {
  /// Unpacks the archive's one member whose name ends with `suffix` (`.csv`) into a new temporary
  /// folder and returns its path; remove the folder (the path's parent) when done. CRC-32 is
  /// checked: a damaged archive is an error naming it.
  public static func unpackOnlyMember(of url: URL, endingWith suffix: String) throws(ImportError) -> URL {
    let file = url.lastPathComponent
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw ImportError(file: file, message: "is not a readable zip archive (\(error))")
    }
    let members = archive.filter {
      $0.type == .file && $0.path.lowercased().hasSuffix(suffix) && !$0.path.hasPrefix("__MACOSX")
    }
    guard members.count == 1, let member = members.first else {
      throw ImportError(
        file: file,
        message:
          "holds \(members.count) files ending in \(suffix) (\(members.map(\.path).joined(separator: ", "))); Dyad reads an archive holding one"
      )
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-unzip-\(UUID().uuidString)")
    let target = folder.appendingPathComponent((member.path as NSString).lastPathComponent)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      _ = try archive.extract(member, to: target, skipCRC32: false)
    } catch {
      try? FileManager.default.removeItem(at: folder)
      throw ImportError(
        file: file, message: "its member \(member.path) cannot be unpacked (\(error)); the archive is damaged")
    }
    return target
  }
}
