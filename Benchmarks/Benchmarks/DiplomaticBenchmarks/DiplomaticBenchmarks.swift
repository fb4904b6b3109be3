import Benchmark
import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation

/// UN General Assembly votes: reading, the all-dyads-all-years similarity table, and the whole
/// import into a store. Compare with the peers in `../shared/bench`, run in the same session:
///
///     python3 ../../shared/bench/unga_similarity_numpy.py ../../shared/data/unga-votes /tmp/numpy.csv
///     python3 ../../shared/bench/unga_similarity_duckdb.py ../../shared/data/unga-votes /tmp/duckdb.csv
///
/// The numpy script's `compute_s` (merge, per-year matrices, the five measures) corresponds to
/// "UNGA similarity table compute"; its `load_s + compute_s` to "UNGA import into a store", which
/// also validates every row, resolves every name through the registry, ranks every dyad-year
/// and writes votes and table to SQLite.
enum UNGAFixture {
  static let folder = SharedData.folder("unga-votes")
  static let files = ["un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv"].map {
    folder.appendingPathComponent($0)
  }
  static let registry = try! StateRegistry.standard()
  /// The votes, parsed once for the compute benchmarks.
  static let data: UNGAVoteData = {
    var summary = ImportSummary()
    return try! UNGAVotesImporter.parse(files, registry: registry, summary: &summary)
  }()
}

let benchmarks: @Sendable () -> Void = {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
    scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 20)

  Benchmark("UNGA similarity table compute (819,308 dyad-years, 5 measures)", configuration: configuration) {
    benchmark in
    let data = UNGAFixture.data
    benchmark.startMeasurement()
    let table = data.similarityTable()
    let columns = table.measureColumns()
    benchmark.stopMeasurement()
    precondition(table.count == 819_308)
    blackHole(columns)
  }

  Benchmark("UNGA similarity table compute + percentiles and medians", configuration: configuration) { benchmark in
    let data = UNGAFixture.data
    benchmark.startMeasurement()
    let table = data.similarityTable()
    let ranks = table.allRanks()
    benchmark.stopMeasurement()
    blackHole(ranks)
  }

  Benchmark("UNGA parse and validate (869,937 votes, names resolved)", configuration: configuration) { benchmark in
    var summary = ImportSummary()
    blackHole(try UNGAVotesImporter.parse(UNGAFixture.files, registry: UNGAFixture.registry, summary: &summary))
  }

  Benchmark("UNGA import into a store (parse + compute + ranks + SQLite)", configuration: configuration) {
    benchmark in
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store.open(at: folder.appendingPathComponent("bench.sqlite").path, registry: UNGAFixture.registry)
    benchmark.startMeasurement()
    let outcome = try store.importDataset(UNGAVotesImporter(), files: UNGAFixture.files)
    benchmark.stopMeasurement()
    blackHole(outcome)
  }
}
