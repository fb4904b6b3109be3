import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// What happened when a dataset was imported.
public enum ImportOutcome: Sendable, Equatable {
  /// The dataset was written (replacing an earlier import of it).
  case imported(ImportSummary)
  /// The same files were imported before: nothing changed.
  case unchanged
}

extension Store {
  /// Imports a dataset's files in one transaction, replacing any earlier import of the dataset.
  ///
  /// Importing the same files again changes nothing; an error in any row leaves the store exactly
  /// as it was. The importer reads (with the import kit) and writes through the store's sink; the
  /// store owns the transaction, the tables and the dataset's record.
  ///
  /// A re-import that would store fewer than half the rows, or cover fewer years, than the import
  /// it replaces throws ``ImportLossError`` and changes nothing, unless `replace` is set: a
  /// truncated or wrong file must not quietly take the place of a whole dataset.
  ///
  /// `release` is the release `dyad sync` fetched: it is recorded with the import, in the same
  /// transaction, or on its own when the files are the ones already imported.
  public func importDataset(
    _ importer: some DatasetImporter, files: [URL], sourcePath: String? = nil, release: DatasetRelease? = nil,
    replace: Bool = false, progress: @escaping @Sendable (Double) -> Void = { _ in }
  ) throws -> ImportOutcome {
    let info = importer.info
    let stored = try recordedChecksum(of: info.name)
    // Files of the size last imported may be the same files: their digest decides first. Files of
    // another size have changed: the import goes ahead, and their digest (recorded for the next
    // import) is taken from the importer where it computed it while reading them.
    let checksum: String?
    if let stored, Checksum.byteCount(of: stored) == (try Checksum.byteCount(of: files)) {
      let digest = try Checksum.of(files: files)
      if digest == stored {
        if let release { try recordRelease(release, of: info.name) }
        return .unchanged
      }
      checksum = digest
    } else {
      checksum = nil
    }
    let digests = FileDigests()
    let context = ImportContext(registry: registry, digests: digests, progress: progress)
    let summary = try replaceDataset(
      info, tables: importer.tables, sourcePath: sourcePath, release: release,
      checksum: { try checksum ?? Checksum.of(files: files, recorded: digests) },
      check: { previous, summary in
        guard !replace, let previous else { return }
        if let loss = ImportLossError.check(
          dataset: info.name, previousRows: previous.rowsWritten, previousCoverage: previous.coverage,
          rows: summary.rowsWritten, coverage: summary.coverage)
        {
          throw loss
        }
      }
    ) { sink in
      try importer.read(files, into: sink, context: context)
    }
    return .imported(summary)
  }
}
