import DyadCore
import DyadImport
import DyadStore
import DyadSync
import DyadTestSupport
import Foundation
import GRDB
import Testing

/// `dyad sync` from a loopback mirror of the shared datasets: what it imports, what it fetches
/// again, and how it survives the faults of a real network. No test reaches the internet.
@Suite(
  "Sync from a mirror",
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct MirrorSyncTests {
  static let vetoes = "/unsc-vetoes/unsc_vetoes_1946_sept2022.csv"
  static let idealPoints = "/unga-ideal-points/IdealpointestimatesAll_Jun2024.csv"

  /// N of `bytes=N-`.
  static func rangeStart(_ header: String?) -> Int? {
    guard let header, header.hasPrefix("bytes="), header.hasSuffix("-") else { return nil }
    return Int(header.dropFirst(6).dropLast())
  }

  @Test func aMirrorSyncStoresWhatALocalImportStoresAndRecordsTheRelease() async throws {
    let fixture = try SyncFixture(["unsc-vetoes", "atop"])
    fixture.server.setChecksumList(try checksumList("atop"), for: "atop")
    let results = try await fixture.sync(["unsc-vetoes", "atop"])
    #expect(results.map(\.dataset) == ["unsc-vetoes", "atop"])
    let imported = results.allSatisfy { $0.summary != nil }
    #expect(imported, "\(results.map(\.outcome))")

    // The same folders imported from disk store the same rows.
    let local = try Store.open(at: fixture.folder.path("local.sqlite"))
    for name in ["unsc-vetoes", "atop"] {
      let importer = DatasetCatalog.importers[name]!
      let folder = SharedData.folder(SharedData.datasetFolders[name]!)
      guard case .imported(let summary) = try local.importDataset(importer, files: try importer.inputFiles(at: folder))
      else { Issue.record("the local import of \(name) should write"); continue }
      #expect(results.first { $0.dataset == name }?.summary == summary)
      for table in importer.tables.map({ StoreSchema.columns(of: $0).table }) {
        #expect(try fixture.store.count(table) == local.count(table), "\(name): \(table)")
      }
    }

    // The release names every file with the digest sha256sum gives and the address it came from.
    let release = try #require(try fixture.store.release(of: "atop"))
    #expect(release.origin == fixture.server.baseURL)
    let folder = SharedData.folder("atop-alliances")
    for file in DatasetCatalog.info(named: "atop")!.files {
      let recorded = try #require(release.files.first { $0.name == file })
      #expect(recorded.sha256 == (try sha256sum(folder.appendingPathComponent(file))))
      #expect(recorded.url == "\(fixture.server.baseURL)/atop/\(file)")
      #expect(
        recorded.byteCount
          == (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.size] as? Int)
      )
      #expect(recorded.etag != nil)
    }
    #expect(fixture.log.verifiers == [nil, "SHA256SUMS", "SHA256SUMS", "SHA256SUMS"])
    let stored = try #require(try fixture.store.datasets().first { $0.name == "atop" })
    #expect(stored.release == release.name && stored.retrievedFrom == fixture.server.baseURL)
    // A first import replaces no release, so none is kept; nothing waits beside the store.
    #expect(try fixture.store.archivedReleases(of: "atop").isEmpty)
    #expect(
      !FileManager.default.fileExists(
        atPath: Syncer.stagingFolder(for: fixture.store).appendingPathComponent("atop").path))
  }

  @Test func aSecondSyncFetchesNothingThatDidNotChange() async throws {
    let fixture = try SyncFixture(["unsc-vetoes", "atop"])
    fixture.server.setChecksumList(try checksumList("atop"), for: "atop")
    _ = try await fixture.sync(["unsc-vetoes", "atop"])
    let before = try fixture.fingerprint()
    let seen = fixture.server.requests.count

    let again = try await fixture.sync(["unsc-vetoes", "atop"])
    let unchanged = again.allSatisfy { $0.isUnchanged }
    #expect(unchanged, "\(again.map(\.outcome))")
    #expect(try fixture.fingerprint() == before)
    let later = fixture.server.requests.dropFirst(seen)
    // atop: the checksum list matches what the store holds, so no file is asked for.
    #expect(later.filter { $0.path.hasPrefix("/atop/") }.map(\.path) == ["/atop/SHA256SUMS"])
    // unsc-vetoes (no list): one conditional request, answered 304.
    let vetoes = later.filter { $0.path == Self.vetoes }
    #expect(vetoes.count == 1 && vetoes.first?.ifNoneMatch != nil)

    // --force fetches again; the same bytes change nothing.
    let forced = try await fixture.sync(["unsc-vetoes"], force: true)
    #expect(forced.first?.isUnchanged == true)
    #expect(fixture.requests(Self.vetoes).last?.ifNoneMatch == nil)
  }

  @Test func aDroppedConnectionResumesWithARangeRequest() async throws {
    let fixture = try SyncFixture(["unga-ideal-points"])
    fixture.server.inject(.drop(afterBytes: 400_000), at: Self.idealPoints)
    let results = try await fixture.sync(["unga-ideal-points"])
    #expect(results.first?.summary != nil, "\(results.map(\.outcome))")
    let requests = fixture.requests(Self.idealPoints)
    #expect(requests.count == 2)
    // It resumes where its file ends: at most the 400,000 bytes sent (a client may lose the last
    // buffer it had not yet handed on when the connection closed).
    let start = try #require(Self.rangeStart(requests.last?.range))
    #expect(start > 0 && start <= 400_000)
    #expect(requests.last?.ifRange != nil)
    #expect(fixture.log.retryReasons.count == 1)
    let release = try #require(try fixture.store.release(of: "unga-ideal-points"))
    #expect(
      release.files.first?.sha256
        == (try sha256sum(SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jun2024.csv"))))
  }

  @Test func anInterruptedSyncLeavesTheStoreAsItWasAndTheNextRunResumes() async throws {
    let fixture = try SyncFixture(["unga-ideal-points"])
    let before = try fixture.fingerprint()
    // The connection drops after 300 kB, then the server fails until this run gives up.
    fixture.server.inject(.drop(afterBytes: 300_000), at: Self.idealPoints)
    fixture.server.inject(.status(503), at: Self.idealPoints, times: 5)
    let failed = try await fixture.sync(["unga-ideal-points"])
    let error = try #require(failed.first?.error)
    #expect(error.kind == .network)
    #expect(error.url == fixture.server.baseURL + Self.idealPoints)
    #expect(error.message.contains("HTTP 503") && error.message.contains("resumes"))
    #expect(try fixture.fingerprint() == before)

    // The next run (the server mended) asks only for the rest.
    fixture.server.clearFaults()
    let seen = fixture.requests(Self.idealPoints).count
    let results = try await fixture.sync(["unga-ideal-points"])
    #expect(results.first?.summary != nil, "\(results.map(\.outcome))")
    let start = try #require(Self.rangeStart(fixture.requests(Self.idealPoints).dropFirst(seen).first?.range))
    #expect(start > 0 && start <= 300_000)
    let release = try #require(try fixture.store.release(of: "unga-ideal-points"))
    #expect(
      release.files.first?.sha256
        == (try sha256sum(SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jun2024.csv"))))
  }

  @Test func aSlowBodyArrivesWithProgressAndAServerErrorIsRetried() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    fixture.server.inject(.status(500), at: Self.vetoes)
    fixture.server.inject(.slow(chunk: 2_000, delay: .milliseconds(40)), at: Self.vetoes)
    let results = try await fixture.sync(["unsc-vetoes"])
    #expect(results.first?.summary != nil, "\(results.map(\.outcome))")
    #expect(fixture.log.retryReasons.count == 1 && fixture.log.retryReasons.first?.hasPrefix("HTTP 500") == true)
    // 33,832 bytes in 2 kB chunks 40 ms apart take two thirds of a second: progress shows several times.
    #expect(fixture.log.progressCount >= 2)
  }

  @Test func aMissingFileStopsAtOnceAndChangesNothing() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    let before = try fixture.fingerprint()
    let results = try await fixture.sync(["unga-ideal-points"])  // not on this mirror
    let error = try #require(results.first?.error)
    #expect(error.kind == .http && error.dataset == "unga-ideal-points")
    #expect(error.url == fixture.server.baseURL + Self.idealPoints)
    #expect(error.message.hasPrefix("HTTP 404 Not Found"))
    #expect(fixture.requests(Self.idealPoints).count == 1)  // a 404 is not retried
    #expect(try fixture.fingerprint() == before)
  }

  @Test func aFileWhoseChecksumDoesNotMatchIsRefused() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    let wrong = try sha256sum(SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jun2024.csv"))
    fixture.server.setChecksumList("\(wrong)  unsc_vetoes_1946_sept2022.csv\n", for: "unsc-vetoes")
    let before = try fixture.fingerprint()
    let results = try await fixture.sync(["unsc-vetoes"])
    let error = try #require(results.first?.error)
    #expect(error.kind == .verification)
    #expect(error.message.contains(wrong) && error.message.contains("SHA256SUMS"))
    #expect(error.message.contains(try sha256sum(SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv"))))
    #expect(try fixture.fingerprint() == before)
    // The bad bytes are not kept to be resumed.
    #expect(
      !FileManager.default.fileExists(
        atPath: Syncer.stagingFolder(for: fixture.store).appendingPathComponent("unsc-vetoes").path))
  }

  @Test func aChecksumListThatNamesAFileTwiceOrIsCutMidLineIsRefused() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    let before = try fixture.fingerprint()
    let digest = try sha256sum(SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv"))
    let line = "\(digest)  unsc_vetoes_1946_sept2022.csv\n"
    fixture.server.setChecksumList(line + line, for: "unsc-vetoes")
    let twice = try #require(try await fixture.sync(["unsc-vetoes"]).first?.error)
    #expect(twice.kind == .content && twice.url == fixture.server.baseURL + "/unsc-vetoes/SHA256SUMS")
    #expect(twice.message.hasSuffix("line 2: lists unsc_vetoes_1946_sept2022.csv a second time"), "\(twice)")
    // Cut mid-line: the digest is short.
    fixture.server.setChecksumList(String(line.prefix(40)), for: "unsc-vetoes")
    let cut = try #require(try await fixture.sync(["unsc-vetoes"]).first?.error)
    #expect(cut.kind == .content && cut.message.contains("line 1: expected '<64 hex digits>  <file name>'"), "\(cut)")
    #expect(try fixture.fingerprint() == before)
  }

  @Test func anHTMLPageOrAFileOfAnotherLayoutIsRefused() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    let before = try fixture.fingerprint()
    let page = Array("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please log in</body></html>".utf8)
    fixture.server.inject(.body(page, contentType: "text/html"), at: Self.vetoes)
    let html = try #require(try await fixture.sync(["unsc-vetoes"]).first?.error)
    #expect(html.kind == .content && html.url == fixture.server.baseURL + Self.vetoes)
    #expect(html.message == "expected CSV, got an HTML page (an error or login page, not the data)")
    #expect(try fixture.fingerprint() == before)

    // A newer layout: the publisher renamed a column the importer reads.
    let original = try String(
      contentsOf: SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv"), encoding: .utf8)
    let header = try #require(original.split(separator: "\n", maxSplits: 1).first)
    #expect(header.contains("draft"))
    let renamed =
      header.replacingOccurrences(of: "draft", with: "draft_symbol") + "\n"
      + original.split(separator: "\n", maxSplits: 1)[1]
    fixture.server.replace(Self.vetoes, with: Array(renamed.utf8))
    let layout = try #require(try await fixture.sync(["unsc-vetoes"]).first?.error)
    #expect(layout.kind == .layout && layout.url == fixture.server.baseURL + Self.vetoes, "\(layout)")
    #expect(layout.message.contains("draft") && layout.message.contains("not the layout Dyad reads"))
    #expect(try fixture.fingerprint() == before)
  }

  @Test func aNewerReleaseOnTheMirrorReplacesTheOlderOne() async throws {
    let fixture = try SyncFixture(["unga-ideal-points", "unsc-vetoes"])
    // The mirror first serves the July 2023 estimates at the address of the file Dyad reads.
    let july2023 = SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jul2023.csv")
    fixture.server.replace(Self.idealPoints, with: Array(try Data(contentsOf: july2023)))
    let first = try await fixture.sync(["unga-ideal-points"])
    let older = try #require(first.first?.summary?.coverage)
    // The last session in each release, read from the files: session 1 is 1946.
    func lastYear(_ file: String, sessionColumn: Int) throws -> Int {
      let text = try String(contentsOf: SharedData.file("unga-ideal-points", file), encoding: .utf8)
      let sessions = text.split(separator: "\n").dropFirst().compactMap { line in
        Int(
          line.split(separator: ",", omittingEmptySubsequences: false)[sessionColumn].trimmingCharacters(
            in: CharacterSet(charactersIn: "\"\r")))
      }
      return sessions.max()! + 1945
    }
    #expect(older.upperBound == (try lastYear("IdealpointestimatesAll_Jul2023.csv", sessionColumn: 1)))

    // The publisher puts out the June 2024 estimates at the same address.
    let newer = SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jun2024.csv")
    fixture.server.replace(Self.idealPoints, with: Array(try Data(contentsOf: newer)))
    let second = try await fixture.sync(["unga-ideal-points"])
    let coverage = try #require(second.first?.summary?.coverage, "\(second.map(\.outcome))")
    #expect(coverage.upperBound == (try lastYear("IdealpointestimatesAll_Jun2024.csv", sessionColumn: 2)))
    #expect(coverage.upperBound > older.upperBound)
    let release = try #require(try fixture.store.release(of: "unga-ideal-points"))
    #expect(release.files.first?.sha256 == (try sha256sum(newer)))
    // It was asked whether the file changed, and it had.
    #expect(fixture.requests(Self.idealPoints).last?.ifNoneMatch != nil)

    // The July 2023 release is kept beside the store, and can be read in place of the newest.
    let kept = try fixture.store.archivedReleases(of: "unga-ideal-points")
    #expect(kept.count == 1)
    let july = try #require(kept.first)
    #expect(july.coverage == older && july.rowCount == first.first?.summary?.rowsWritten)
    let asOf2023 = try Store.open(at: fixture.store.path, releases: [july])
    #expect(try asOf2023.datasets().first { $0.name == "unga-ideal-points" }?.coverage == older)
    #expect(try asOf2023.count("unga_ideal_point") == (try lines("IdealpointestimatesAll_Jul2023.csv")))
    #expect(try fixture.store.count("unga_ideal_point") == (try lines("IdealpointestimatesAll_Jun2024.csv")))
    #expect(
      try asOf2023.release(of: "unga-ideal-points")?.files.first?.sha256 == (try sha256sum(july2023)))
    #expect(throws: (any Error).self) { try asOf2023.recordRelease(release, of: "unga-ideal-points") }

    // Two datasets' earlier releases at once: the vetoes list, revised without its last record.
    _ = try await fixture.sync(["unsc-vetoes"])
    let vetoes = Array(try Data(contentsOf: SharedData.file("unsc-vetoes", "unsc_vetoes_1946_sept2022.csv")))
    let body = vetoes.last == 0x0A ? vetoes.dropLast() : vetoes[...]
    fixture.server.replace(Self.vetoes, with: Array(body[...body.lastIndex(of: 0x0A)!]))
    _ = try await fixture.sync(["unsc-vetoes"])
    let keptVetoes = try #require(try fixture.store.archivedReleases(of: "unsc-vetoes").first)
    let both = try Store.open(at: fixture.store.path, releases: [july, keptVetoes])
    #expect(try both.count("unga_ideal_point") == (try lines("IdealpointestimatesAll_Jul2023.csv")))
    #expect(try both.count("unsc_veto") == (try fixture.store.count("unsc_veto")) + 1)
    #expect(try both.datasets().first { $0.name == "unsc-vetoes" }?.rowCount == keptVetoes.rowCount)
    #expect(throws: StoreError.self) { try Store.open(at: fixture.store.path, releases: [july, july]) }

    // A release that fails to import keeps nothing new beside the store.
    fixture.server.replace(Self.idealPoints, with: Array("ccode,session\n2,1\n".utf8))
    let failed = try await fixture.sync(["unga-ideal-points"])
    #expect(failed.first?.error != nil)
    #expect(try fixture.store.archivedReleases(of: "unga-ideal-points").count == 1)
    let folder = fixture.store.releasesFolder.appendingPathComponent("unga-ideal-points").path
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
  }

  /// The data rows of a shared ideal-point file.
  func lines(_ file: String) throws -> Int {
    try String(contentsOf: SharedData.file("unga-ideal-points", file), encoding: .utf8)
      .split(whereSeparator: \.isNewline).count - 1
  }

  @Test func aDryRunSaysWhatItWouldFetchAndChangesNothing() async throws {
    let fixture = try SyncFixture(["unsc-vetoes", "atop"])
    let before = try fixture.fingerprint()
    let results = try await fixture.sync(["unsc-vetoes", "atop"], dryRun: true)
    guard case .wouldFetch(let files, let bytes) = results.last?.outcome else {
      Issue.record("expected what a sync would fetch, got \(results.map(\.outcome))")
      return
    }
    #expect(files == DatasetCatalog.info(named: "atop")!.files)
    let sizes = try files.map {
      try FileManager.default.attributesOfItem(atPath: SharedData.file("atop-alliances", $0).path)[.size] as! Int
    }
    #expect(bytes == sizes.reduce(0, +))
    #expect(try fixture.fingerprint() == before)
    #expect(fixture.server.requests.filter { $0.method == "GET" && !$0.path.hasSuffix("SHA256SUMS") }.isEmpty)
  }

  @Test func aSyncGoesThroughAProxyWhenOneIsSet() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    // The mirror's host does not resolve here: only the proxy (the loopback server) can reach it.
    let syncer = Syncer(
      store: fixture.store,
      options: SyncOptions(
        origin: .mirror("http://mirror.dyad.invalid"), retry: quickRetries, proxy: fixture.server.baseURL))
    let results = try await syncer.sync([DatasetCatalog.info(named: "unsc-vetoes")!])
    #expect(results.first?.summary != nil, "\(results.map(\.outcome))")
    #expect(fixture.requests(Self.vetoes).count == 1)
    #expect(fixture.server.tunnels.first == "CONNECT mirror.dyad.invalid:80 HTTP/1.1")
    #expect(
      try fixture.store.release(of: "unsc-vetoes")?.files.first?.url == "http://mirror.dyad.invalid" + Self.vetoes)

    // From the environment: https_proxy first, and never for a mirror on this machine or in no_proxy.
    let environment = [
      "HTTPS_PROXY": "http://proxy.example:3128", "http_proxy": "http://other:8080", "no_proxy": "internal.example",
    ]
    #expect(SyncOptions.proxy(for: .publisher, environment: environment) == "http://proxy.example:3128")
    #expect(SyncOptions.proxy(for: .mirror("http://127.0.0.1:8000"), environment: environment) == nil)
    #expect(SyncOptions.proxy(for: .mirror("https://data.internal.example/dyad"), environment: environment) == nil)
    #expect(
      SyncOptions.proxy(for: .mirror("https://data.example.org"), environment: environment)
        == "http://proxy.example:3128")
    #expect(SyncOptions.proxy(for: .publisher, environment: [:]) == nil)
  }

  @Test func aSecondSyncOnTheSameStoreRefusesClearlyWhileTheFirstRuns() async throws {
    let fixture = try SyncFixture(["unsc-vetoes"])
    fixture.server.inject(.slow(chunk: 1_000, delay: .milliseconds(20)), at: Self.vetoes)  // about 0.7 s
    let first = Task { try await fixture.sync(["unsc-vetoes"]) }
    while fixture.requests(Self.vetoes).isEmpty { try await Task.sleep(for: .milliseconds(5)) }
    let error = try await #require(throws: SyncError.self) { _ = try await fixture.sync(["unsc-vetoes"]) }
    #expect(error.kind == .locked)
    #expect(error.message.contains("another `dyad sync` (process \(ProcessInfo.processInfo.processIdentifier))"))
    let results = try await first.value
    #expect(results.first?.summary != nil)
  }
}
