import DyadCore

/// A dataset that could not be synced, with the address and what was expected: the store is
/// left as it was.
///
/// ```
/// unga-votes: http://mirror.example/unga-votes/un_votes.csv: HTTP 404 Not Found; …
/// ```
public struct SyncError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of failure it was.
  public enum Kind: String, Sendable, Codable {
    /// The server answered with an error status that a retry will not mend (4xx).
    case http
    /// The network failed on every attempt (timeouts, refused or dropped connections, 5xx).
    case network
    /// The bytes are not the ones expected: size or checksum.
    case verification
    /// The file is not of the expected kind (an HTML page for a CSV, a truncated zip).
    case content
    /// The file is read but its layout or rows are not what Dyad reads.
    case layout
    /// The catalogue offers no address for the dataset, or names no such dataset.
    case catalogue
    /// Another sync holds the store.
    case locked
    /// The store refused the import (it would lose data), or could not be written.
    case store
  }

  public let kind: Kind
  /// The dataset's name.
  public let dataset: String
  /// The address involved, when one is.
  public let url: String?
  /// What happened, and what was expected.
  public let message: String

  public init(_ kind: Kind, dataset: String, url: String? = nil, message: String) {
    (self.kind, self.dataset, self.url, self.message) = (kind, dataset, url, message)
  }

  public var description: String {
    "\(dataset): \(url.map { "\($0): " } ?? "")\(message)"
  }
}
