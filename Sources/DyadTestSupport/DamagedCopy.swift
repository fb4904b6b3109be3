import Foundation

/// Copies of a dataset's folder with one line of one file damaged, for the importers' bad-input
/// tests.
public enum DamagedCopy {
  /// A copy of `files` from `source` in a new temporary folder (its `data` subfolder), with line
  /// `line` (from 1) of `file` replaced by what `change` makes of it, or removed when it gives
  /// `nil`. The lines are split on bytes, so a file's other bytes are copied as they are.
  public static func folder(
    of source: URL, files: [String], damaging file: String, line: Int, _ change: (String) -> String?
  ) throws -> (folder: TemporaryFolder, data: URL) {
    let folder = try TemporaryFolder("dyad-damaged")
    let data = folder.url.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for name in files {
      let from = source.appendingPathComponent(name), to = data.appendingPathComponent(name)
      guard name == file else {
        try FileManager.default.copyItem(at: from, to: to)
        continue
      }
      var lines = try Data(contentsOf: from).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { Data($0) }
      if let changed = change(String(decoding: lines[line - 1], as: UTF8.self)) {
        lines[line - 1] = Data(changed.utf8)
      } else {
        lines.remove(at: line - 1)
      }
      try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: to)
    }
    return (folder, data)
  }

  /// A change that replaces field `index` (from 0) of a comma-separated line without quotes.
  public static func replacing(_ index: Int, with value: String) -> (String) -> String? {
    { line in
      var fields = line.components(separatedBy: ",")
      fields[index] = value
      return fields.joined(separator: ",")
    }
  }
}
