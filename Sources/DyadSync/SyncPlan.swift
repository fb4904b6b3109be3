import DyadCore
import Foundation

/// Where `dyad sync` fetches datasets from.
public enum SyncOrigin: Sendable, Equatable, CustomStringConvertible {
  /// Each dataset's publisher, at the addresses the catalogue names.
  case publisher
  /// A mirror: dataset NAME's file FILE at `BASE/NAME/FILE`, with an optional `BASE/NAME/SHA256SUMS`.
  case mirror(String)

  /// The mirror named by `DYAD_MIRROR`, else the publishers.
  public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
    -> SyncOrigin
  {
    if let mirror = environment["DYAD_MIRROR"], !mirror.isEmpty { return .mirror(mirror) }
    return .publisher
  }

  public var description: String {
    switch self {
    case .publisher: "the publishers"
    case .mirror(let base): base
    }
  }
}

/// One file a sync fetches: from where, how it is packed, and the digest it must have.
struct PlannedFile: Sendable, Hashable {
  /// The file's name in the dataset's folder.
  let name: String
  let url: String
  let container: DatasetDownload.Container
  let member: String?
  let format: String
  /// The SHA-256 the file must have, unpacked, and who says so.
  let expectedSHA256: String?
  let expectationSource: String?
}

extension SyncOrigin {
  /// The files of a dataset and where to fetch them, or why they cannot be.
  func plan(_ info: DatasetInfo, checksums: ChecksumList?) throws(SyncError) -> [PlannedFile] {
    switch self {
    case .mirror(let base):
      let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
      return info.files.map { file in
        let download = info.downloads.first { $0.file == file }
        let format =
          download?.format ?? ((file as NSString).pathExtension.isEmpty ? "csv" : (file as NSString).pathExtension)
        return PlannedFile(
          name: file, url: "\(trimmed)/\(info.name)/\(Self.escape(file))", container: .plain, member: nil,
          format: format, expectedSHA256: checksums?.digests[file],
          expectationSource: checksums.map { _ in "SHA256SUMS" })
      }
    case .publisher:
      guard !info.downloads.isEmpty else {
        throw SyncError(
          .catalogue, dataset: info.name,
          message:
            "its publisher offers no file Dyad reads as it is (see \(info.url)); fetch it from a mirror (--mirror URL) or import a local copy with `dyad import \(info.name) PATH`"
        )
      }
      return try info.files.map { file throws(SyncError) in
        guard let download = info.downloads.first(where: { $0.file == file }) else {
          throw SyncError(.catalogue, dataset: info.name, message: "the catalogue names no address for \(file)")
        }
        return PlannedFile(
          name: file, url: download.url, container: download.container, member: download.member,
          format: download.format, expectedSHA256: download.sha256,
          expectationSource: download.sha256.map { _ in "the catalogue" })
      }
    }
  }

  /// The address of a mirror's checksum list for a dataset.
  func checksumListURL(for dataset: String) -> String? {
    guard case .mirror(let base) = self else { return nil }
    return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/\(dataset)/SHA256SUMS"
  }

  private static func escape(_ name: String) -> String {
    name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
  }
}
