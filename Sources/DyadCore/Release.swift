/// A dataset's release as `dyad sync` fetched it: which release, from where, when, and the digest
/// of every file, so that a figure's provenance reaches back to the bytes it was read from.
public struct DatasetRelease: Sendable, Hashable, Codable {
  /// The release as its publisher tells it: the catalogue's version, with the server's date when
  /// the publisher tells releases by date (`4.0, published 2017-03-02`).
  public var name: String
  /// When the files were fetched (ISO 8601).
  public var retrievedAt: String
  /// Where from: the publisher, or the mirror's address.
  public var origin: String
  /// Each file read, in the dataset's order.
  public var files: [File]

  /// One file of a release.
  public struct File: Sendable, Hashable, Codable {
    /// The file's name in the dataset's folder.
    public var name: String
    /// The address it was fetched from.
    public var url: String
    /// Its size, unpacked.
    public var byteCount: Int
    /// The SHA-256 of its bytes, unpacked (hex).
    public var sha256: String
    /// The server's validators for the address, kept to ask next time whether it changed.
    public var etag: String?
    public var lastModified: String?

    public init(name: String, url: String, byteCount: Int, sha256: String, etag: String?, lastModified: String?) {
      (self.name, self.url, self.byteCount, self.sha256, self.etag, self.lastModified) =
        (name, url, byteCount, sha256, etag, lastModified)
    }
  }

  public init(name: String, retrievedAt: String, origin: String, files: [File]) {
    (self.name, self.retrievedAt, self.origin, self.files) = (name, retrievedAt, origin, files)
  }
}
