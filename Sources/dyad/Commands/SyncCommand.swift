import ArgumentParser
import DyadCore
import DyadStore
import DyadSync
import Foundation

struct SyncCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Fetch datasets' current releases from their publishers or a mirror, verify them, and import them.",
    discussion: """
      With no NAME, syncs every dataset the store holds and those marked default. For each dataset, \
      sync asks whether its files changed since the last sync (by checksum, ETag or date), downloads \
      only what changed (resuming a broken download where it stopped, retrying with backoff on \
      timeouts and server errors), checks size, SHA-256 and kind of file, unpacks archives, and \
      imports the files in one transaction: on any failure the store is exactly as it was. \
      `dyad datasets --json` shows each dataset's addresses; a dataset whose publisher ships no \
      file Dyad reads as it is syncs only from a mirror.

      A mirror (--mirror URL, or $DYAD_MIRROR) serves dataset NAME's file FILE at URL/NAME/FILE, with \
      an optional URL/NAME/SHA256SUMS (sha256sum format) that sync checks. Files wait in STORE.sync/ \
      while they arrive; one sync at a time works on a store.

      Progress: a bar per file on a terminal, one line per file when piped, JSON lines with --json. \
      Exits 1 when any dataset failed.

      Examples:
        dyad sync --dry-run
        dyad sync unsc-vetoes
        dyad sync --mirror https://data.example.org/dyad
        DYAD_MIRROR=http://127.0.0.1:8000 dyad sync unga-votes atop --json
      """)

  @Argument(help: "The datasets to sync (see `dyad datasets`); all that the store holds, and the defaults, when none.")
  var names: [String] = []

  @Option(help: ArgumentHelp("Fetch from this mirror instead of the publishers (also $DYAD_MIRROR).", valueName: "url"))
  var mirror: String?

  @Option(
    help: ArgumentHelp(
      "Fetch through this HTTP proxy (http://HOST:PORT); by default $https_proxy or $http_proxy, unless $no_proxy names the mirror's host.",
      valueName: "url"))
  var proxy: String?

  @Flag(help: "Only ask what changed, and say what a sync would fetch; change nothing.")
  var dryRun = false

  @Flag(help: "Download every file again, even when the server or the checksums say it has not changed.")
  var force = false

  @Flag(help: "Print JSON lines: one event per line, then one result per dataset.")
  var json = false

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    if !storeOptions.release.isEmpty {
      throw ValidationError("--release reads an earlier release; a sync writes the store")
    }
    if let mirror, !(mirror.hasPrefix("http://") || mirror.hasPrefix("https://")) {
      throw ValidationError("--mirror \(mirror) is not an http:// or https:// address")
    }
  }

  func run() async throws {
    let store = try storeOptions.open()
    let origin: SyncOrigin = mirror.map { .mirror($0) } ?? .fromEnvironment()
    let datasets = try Syncer.datasets(named: names, store: store)
    let renderer = SyncRenderer(mode: json ? .json : Terminal.showsProgress ? .terminal : .lines)
    guard !datasets.isEmpty else {
      renderer.say("nothing to sync: the store holds no dataset and none is marked default")
      return
    }
    let syncer = Syncer(
      store: store,
      options: SyncOptions(
        origin: origin, dryRun: dryRun, force: force, proxy: proxy ?? SyncOptions.proxy(for: origin)),
      events: renderer.handle)
    let results = try await syncer.sync(datasets)
    renderer.summarize(results)
    if results.contains(where: \.failed) { throw ExitCode(1) }
  }
}
