import Benchmark
import DyadCore
import DyadData
import DyadImport
import DyadReport
import DyadStore
import DyadTestSupport
import Foundation

/// Building and rendering the China–Russia report over all years from a warm store holding every
/// shared dataset (imported once, before measuring).
let benchmarks: @Sendable () -> Void = {
  // `../shared/data` beside the project, or DYAD_SHARED_DATA.
  let shared = SharedData.root
  let folders = SharedData.datasetFolders
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-report-bench.sqlite").path
  try? FileManager.default.removeItem(atPath: path)
  let store = try! Store.open(at: path)
  for (name, folder) in folders.sorted(by: { $0.key < $1.key }) {
    let importer = DatasetCatalog.importers[name]!
    _ = try! store.importDataset(importer, files: try! importer.inputFiles(at: shared.appendingPathComponent(folder)))
  }
  let china = try! store.registry.resolve("China")
  let russia = try! store.registry.resolve("Russia")
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .peakMemoryResident], scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 20)

  Benchmark("report China–Russia, all years: build + HTML (warm store, 12 datasets)", configuration: configuration) {
    benchmark in
    for _ in benchmark.scaledIterations {
      let report = try ReportBuilder(store: store).build(china, russia)
      blackHole(HTMLReportRenderer().render(report))
    }
  }

  Benchmark("report China–Russia, all years: build only", configuration: configuration) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try ReportBuilder(store: store).build(china, russia))
    }
  }
}
