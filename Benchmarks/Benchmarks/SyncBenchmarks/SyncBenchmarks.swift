import Benchmark
import DyadCore
import DyadImport
import DyadStore
import DyadSync
import DyadTestSupport
import Foundation

/// `dyad sync` of every shared dataset from a loopback mirror into a new store, beside importing
/// the same files from local disk into a new store: what the network path (HTTP, streaming to
/// disk, SHA-256 against a SHA256SUMS list, the sync's bookkeeping) adds to an import. Both
/// start from a new store (its creation, with the curated facts, is timed in both). The mirror
/// serves from memory, in the same process, on one event-loop thread.
let benchmarks: @Sendable () -> Void = {
  let names = DatasetCatalog.all.map(\.name).filter { SharedData.datasetFolders[$0] != nil }
  let folders = Dictionary(uniqueKeysWithValues: names.map { ($0, SharedData.folder(SharedData.datasetFolders[$0]!)) })
  let server = try! MirrorServer(datasets: folders)
  // Every dataset's checksum list, so that each file is verified as `dyad sync` does at its best.
  for name in names {
    let info = DatasetCatalog.info(named: name)!
    let list = info.files.map { "\(try! sha256sum(folders[name]!.appendingPathComponent($0)))  \($0)\n" }.joined()
    server.setChecksumList(list, for: name)
  }
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-sync-bench", isDirectory: true)
  func freshStore(_ label: String) -> Store {
    try? FileManager.default.removeItem(at: scratch)
    try! FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    return try! Store.open(at: scratch.appendingPathComponent("\(label).sqlite").path)
  }
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .peakMemoryResident], scalingFactor: .one, maxDuration: .seconds(120), maxIterations: 5)

  Benchmark("import every shared dataset from local disk (every dataset in ../shared/data, new store)", configuration: configuration) {
    benchmark in
    for _ in benchmark.scaledIterations {
      let store = freshStore("import")  // as in the sync below: a new store, the curated facts loaded
      for name in names {
        let importer = DatasetCatalog.importers[name]!
        blackHole(try store.importDataset(importer, files: try importer.inputFiles(at: folders[name]!)))
      }
    }
  }

  Benchmark("sync every shared dataset from a loopback mirror (every dataset in ../shared/data, new store)", configuration: configuration) {
    benchmark in
    for _ in benchmark.scaledIterations {
      let store = freshStore("sync")
      let results = try await Syncer(store: store, options: SyncOptions(origin: .mirror(server.baseURL)))
        .sync(names.map { DatasetCatalog.info(named: $0)! })
      precondition(!results.contains(where: \.failed), "\(results.map(\.outcome))")
      blackHole(results)
    }
  }
}
