import DyadCore
import DyadStore
import DyadSync
import DyadTestSupport
import Foundation
import Testing

/// `dyad sync` from a publisher's addresses as the catalogue names them: a plain file checked
/// against the catalogue's SHA-256, a zip archive and a gzip stream unpacked, damaged archives
/// refused. The publisher here is a loopback server; the catalogue entry points at it.
@Suite(
  "Sync from a publisher",
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct PublisherSyncTests {
  static let csv = "unsc_vetoes_1946_sept2022.csv"

  /// The vetoes dataset, as a publisher at `base` would list it.
  func vetoes(_ download: DatasetDownload) -> DatasetInfo {
    let real = DatasetCatalog.info(named: "unsc-vetoes")!
    return DatasetInfo(
      name: real.name, title: real.title, publisher: real.publisher, version: real.version, url: real.url,
      licence: real.licence, coverage: real.coverage, dimension: real.dimension, files: real.files,
      downloads: [download], releaseSignal: .httpValidators)
  }

  /// A folder the publisher serves at `/pub/`: the CSV zipped (in a subfolder) and gzipped, by
  /// the system's zip and gzip.
  func publisher() throws -> (SyncFixture, base: String, sha256: String, files: TemporaryFolder) {
    let files = try TemporaryFolder("dyad-publisher")
    let source = SharedData.file("unsc-vetoes", Self.csv)
    try FileManager.default.createDirectory(
      at: files.url.appendingPathComponent("data"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: files.url.appendingPathComponent("data/\(Self.csv)"))
    try run("/usr/bin/zip", ["-q", "-r", "vetoes.zip", "data"], in: files.url)
    try run("/bin/sh", ["-c", "gzip -c data/\(Self.csv) > vetoes.csv.gz"], in: files.url)
    // Damaged copies: the first half of each.
    for name in ["vetoes.zip", "vetoes.csv.gz"] {
      let bytes = try Data(contentsOf: files.url.appendingPathComponent(name))
      try bytes.prefix(bytes.count / 2).write(to: files.url.appendingPathComponent("half-" + name))
    }
    let fixture = try SyncFixture([], extra: ["pub": files.url])
    return (fixture, fixture.server.baseURL + "/pub", try sha256sum(source), files)
  }

  @Test func aZipMemberAndAGzipStreamAreUnpackedAndVerified() async throws {
    let (fixture, base, sha256, files) = try publisher()
    defer { withExtendedLifetime(files) {} }
    let zipped = vetoes(
      DatasetDownload(
        file: Self.csv, url: base + "/vetoes.zip", container: .zip, member: "data/\(Self.csv)", sha256: sha256))
    let first = try await fixture.sync([], infos: [zipped], origin: .publisher)
    #expect(first.first?.summary != nil, "\(first.map(\.outcome))")
    #expect(try fixture.store.release(of: "unsc-vetoes")?.files.first?.sha256 == sha256)
    #expect(fixture.log.verifiers == ["the catalogue"])

    // The same file gzipped, at a new address: the same bytes, so nothing is imported anew.
    let gzipped = vetoes(DatasetDownload(file: Self.csv, url: base + "/vetoes.csv.gz", container: .gzip, sha256: nil))
    let second = try await fixture.sync([], infos: [gzipped], origin: .publisher, force: true)
    #expect(second.first?.isUnchanged == true, "\(second.map(\.outcome))")
    let release = try #require(try fixture.store.release(of: "unsc-vetoes"))
    #expect(release.files.first?.url == base + "/vetoes.csv.gz" && release.files.first?.sha256 == sha256)
  }

  @Test func aTruncatedArchiveIsRefusedAndChangesNothing() async throws {
    let (fixture, base, sha256, files) = try publisher()
    defer { withExtendedLifetime(files) {} }
    let before = try fixture.fingerprint()
    let zip = vetoes(
      DatasetDownload(
        file: Self.csv, url: base + "/half-vetoes.zip", container: .zip, member: "data/\(Self.csv)", sha256: sha256))
    let zipError = try #require(try await fixture.sync([], infos: [zip], origin: .publisher).first?.error)
    #expect(zipError.kind == .content && zipError.url == base + "/half-vetoes.zip", "\(zipError)")
    #expect(zipError.message.contains("zip archive") && zipError.message.contains("truncated"))

    let gzip = vetoes(DatasetDownload(file: Self.csv, url: base + "/half-vetoes.csv.gz", container: .gzip))
    let gzipError = try #require(try await fixture.sync([], infos: [gzip], origin: .publisher).first?.error)
    #expect(gzipError.kind == .content && gzipError.message.contains("gzip"), "\(gzipError)")

    // A zip that lacks the member names what it holds.
    let wrongMember = vetoes(
      DatasetDownload(file: Self.csv, url: base + "/vetoes.zip", container: .zip, member: "data/other.csv"))
    let memberError = try #require(try await fixture.sync([], infos: [wrongMember], origin: .publisher).first?.error)
    #expect(memberError.kind == .layout && memberError.message.contains("holds no data/other.csv"), "\(memberError)")
    #expect(try fixture.fingerprint() == before)
  }

  @Test func theCatalogueSaysWhereEachDatasetSyncsFrom() throws {
    for info in DatasetCatalog.all {
      // Every dataset either names an address for each of its files, or says why it has none.
      if info.downloads.isEmpty {
        #expect(info.downloadNote?.isEmpty == false, "\(info.name)")
      } else {
        #expect(info.downloads.map(\.file) == info.files, "\(info.name)")
        for download in info.downloads { #expect(download.url.hasPrefix("https://"), "\(info.name)") }
      }
    }
    // The vetoes' publisher address serves the very file in ../shared/data (PROVENANCE: copied unchanged).
    let vetoes = try #require(DatasetCatalog.info(named: "unsc-vetoes")?.downloads.first)
    #expect(vetoes.sha256 == (try sha256sum(SharedData.file("unsc-vetoes", Self.csv))))
    #expect(vetoes.url.contains("world-politics-datalab/vetoes-un-security-council"))
  }
}
