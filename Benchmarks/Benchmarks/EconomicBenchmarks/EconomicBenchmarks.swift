import Benchmark
import DyadCore
import DyadData
import DyadStore
import Foundation

/// Importing COW Trade 4.0 (673,654 dyad-years, plus every state's partner ranks for every year)
/// against `pandas.read_csv` merely reading the same file, measured in the same run.
///
/// Custom metrics: `rows/s (k)` is thousands of dyad-years per second; `pandas (ms)` the median of
/// `pandas.read_csv` on the file, timed by Python in this run; `vs pandas (%)` is pandas' time as
/// a percentage of Dyad's (above 100: Dyad is faster than pandas merely reading the file).
let benchmarks: @Sendable () -> Void = {
  let shared =
    ProcessInfo.processInfo.environment["DYAD_SHARED_DATA"].map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
  let folder = shared.appendingPathComponent("cow-trade")
  let dyadic = folder.appendingPathComponent("cow_trade_dyadic_nondirected.csv")
  let rows = 673_654.0
  let pandas = PandasBaseline.median(of: dyadic.path)
  let registry = try! StateRegistry.standard()
  let importer = COWTradeImporter()
  let files = try! importer.inputFiles(at: folder)
  let metrics: [BenchmarkMetric] = [
    .wallClock, .custom("rows/s (k)"), .custom("pandas (ms)"), .custom("vs pandas (%)"), .peakMemoryResident,
  ]

  func record(_ benchmark: Benchmark, seconds: Double) {
    benchmark.measurement(.custom("rows/s (k)"), Int(rows / seconds / 1000))
    if let pandas {
      benchmark.measurement(.custom("pandas (ms)"), Int(pandas * 1000))
      benchmark.measurement(.custom("vs pandas (%)"), Int(pandas / seconds * 100))
    }
  }

  Benchmark(
    "cow-trade import into a store (673,654 rows + partner ranks)",
    configuration: .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 10)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-bench-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: temporary) }
      let store = try Store.open(at: temporary.appendingPathComponent("bench.sqlite").path, registry: registry)
      let start = DispatchTime.now().uptimeNanoseconds
      benchmark.startMeasurement()
      let outcome = try store.importDataset(importer, files: files)
      benchmark.stopMeasurement()
      record(benchmark, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      blackHole(outcome)
    }
  }

  Benchmark(
    "cow-trade importer alone: parse, resolve, rank, pack (673,654 rows)",
    configuration: .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 10)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let sink = CountingSink()
      let start = DispatchTime.now().uptimeNanoseconds
      benchmark.startMeasurement()
      let summary = try importer.read(files, into: sink, context: ImportContext(registry: registry))
      benchmark.stopMeasurement()
      record(benchmark, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      blackHole(summary)
    }
  }
}

/// A sink that only counts, to time the importer without SQLite.
final class CountingSink: ImportSink {
  var rows = 0
  var bytes = 0
  func insert(into table: String, columns: [String], values: [SQLValue]) throws {
    rows += 1
    for value in values { if case .blob(let data) = value { bytes += data.count } }
  }
  func sourceID(for source: Source) throws -> Int { 1 }
  func observe(_ observation: Observation) throws {}
}

/// `pandas.read_csv` on a file, timed by Python: the median of several reads after a warm-up.
enum PandasBaseline {
  static let script = """
    import sys, time, statistics
    import pandas as pd
    path = sys.argv[1]
    pd.read_csv(path)
    times = []
    for _ in range(7):
        t = time.perf_counter(); pd.read_csv(path); times.append(time.perf_counter() - t)
    print(statistics.median(times))
    """

  static func median(of path: String) -> Double? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      FileHandle.standardError.write(Data("pandas is not available (pip install pandas): no ratio\n".utf8))
      return nil
    }
    let seconds = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    if let seconds { FileHandle.standardError.write(Data("pandas.read_csv median: \(Int(seconds * 1000)) ms\n".utf8)) }
    return seconds
  }
}
