import DyadCore

/// One of the datasets a multi-part catalogue dataset fills (``ConflictDataset``,
/// ``PoliticsDataset``): each has its own publisher, page and years.
public protocol DatasetPart: RawRepresentable<String>, Hashable, Sendable {
  /// Who publishes the dataset (the original, which figures cite).
  var publisher: String { get }
  /// The publisher's page for the dataset.
  var url: String { get }
}

extension ConflictDataset: DatasetPart {}
extension PoliticsDataset: DatasetPart {}
