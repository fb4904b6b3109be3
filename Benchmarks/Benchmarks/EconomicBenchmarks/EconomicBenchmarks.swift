import Benchmark
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation

/// Importing COW Trade 4.0 (673,654 dyad-years, plus every state's partner ranks for every year)
/// against `pandas.read_csv` merely reading the same file, measured in the same run.
///
/// A Python process stays open beside the benchmark; each iteration times one `pandas.read_csv` of
/// the file in it, then one Dyad import, so both see the same machine load. Custom metrics:
/// `rows/s (k)` thousands of dyad-years per second; `pandas (ms)` that iteration's read_csv;
/// `pandas/Dyad (%)` pandas' time as a percentage of Dyad's (100 or more: Dyad's whole import is
/// at least as fast as pandas merely reading the file); `pandas warm (ms)` and `warm/Dyad (%)` the
/// same against the median of five back-to-back reads at the start (pandas at its best: caches
/// warm, memory reused). Without pandas, the ratios are left out.
let benchmarks: @Sendable () -> Void = {
  // `../shared/data` beside the project, or DYAD_SHARED_DATA.
  let shared = SharedData.root
  let folder = shared.appendingPathComponent("cow-trade")
  let dyadic = folder.appendingPathComponent("cow_trade_dyadic_nondirected.csv")
  let rows = 673_654.0
  let registry = try! StateRegistry.standard()
  let importer = COWTradeImporter()
  let files = try! importer.inputFiles(at: folder)
  let metrics: [BenchmarkMetric] = [
    .wallClock, .custom("rows/s (k)"), .custom("pandas (ms)"), .custom("pandas/Dyad (%)"), .custom("pandas warm (ms)"),
    .custom("warm/Dyad (%)"), .peakMemoryResident,
  ]
  let configuration = Benchmark.Configuration(
    metrics: metrics, scalingFactor: .one, maxDuration: .seconds(60), maxIterations: 15)

  /// Times pandas, then `body`, and records both.
  func measure(_ benchmark: Benchmark, pandas: PandasTimer?, _ body: () throws -> Void) rethrows {
    let pandasSeconds = pandas?.time()
    let start = DispatchTime.now().uptimeNanoseconds
    benchmark.startMeasurement()
    try body()
    benchmark.stopMeasurement()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    benchmark.measurement(.custom("rows/s (k)"), Int(rows / seconds / 1000))
    if let pandasSeconds {
      benchmark.measurement(.custom("pandas (ms)"), Int(pandasSeconds * 1000))
      benchmark.measurement(.custom("pandas/Dyad (%)"), Int(pandasSeconds / seconds * 100))
    }
    if let warm = pandas?.warm {
      benchmark.measurement(.custom("pandas warm (ms)"), Int(warm * 1000))
      benchmark.measurement(.custom("warm/Dyad (%)"), Int(warm / seconds * 100))
    }
  }

  Benchmark("cow-trade import into a store (673,654 rows + partner ranks)", configuration: configuration) { benchmark in
    let pandas = PandasTimer(file: dyadic.path)
    for _ in benchmark.scaledIterations {
      let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-bench-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: temporary) }
      let store = try Store.open(at: temporary.appendingPathComponent("bench.sqlite").path, registry: registry)
      try measure(benchmark, pandas: pandas) {
        blackHole(try store.importDataset(importer, files: files))
      }
    }
  }

  // The IMF DOTS exports workbooks (185 .xlsx, 1.68 million cells) read and stored, against
  // pandas.read_excel merely reading the same workbooks, in the same iteration.
  let imfFolder = shared.appendingPathComponent("imf-dots-all-reporters")
  let imfImporter = IMFExportTablesImporter()
  let workbooks = try! imfImporter.inputFiles(at: imfFolder)
  let excel = Benchmark.Configuration(
    metrics: [.wallClock, .custom("pandas (ms)"), .custom("pandas/Dyad (%)"), .peakMemoryResident], scalingFactor: .one,
    maxDuration: .seconds(300), maxIterations: 3)
  Benchmark("imf-dots-all import into a store (185 workbooks) beside pandas.read_excel of them", configuration: excel) {
    benchmark in
    let pandas = PandasTimer(file: imfFolder.path, script: PandasTimer.excelScript, warmReads: 0)
    for _ in benchmark.scaledIterations {
      let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-bench-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: temporary) }
      let store = try Store.open(at: temporary.appendingPathComponent("bench.sqlite").path, registry: registry)
      let pandasSeconds = pandas?.time()
      let start = DispatchTime.now().uptimeNanoseconds
      benchmark.startMeasurement()
      blackHole(try store.importDataset(imfImporter, files: workbooks))
      benchmark.stopMeasurement()
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      if let pandasSeconds {
        benchmark.measurement(.custom("pandas (ms)"), Int(pandasSeconds * 1000))
        benchmark.measurement(.custom("pandas/Dyad (%)"), Int(pandasSeconds / seconds * 100))
      }
    }
  }

  Benchmark("cow-trade importer alone: parse, resolve, rank, pack (673,654 rows)", configuration: configuration) {
    benchmark in
    let pandas = PandasTimer(file: dyadic.path)
    for _ in benchmark.scaledIterations {
      try measure(benchmark, pandas: pandas) {
        blackHole(try importer.read(files, into: CountingSink(), context: ImportContext(registry: registry)))
      }
    }
  }
}

/// A sink that only counts, to time the importer without SQLite.
final class CountingSink: ImportSink {
  var rows = 0
  func insert<Record: StoreRecord>(_ record: Record) throws { rows += 1 }
  func insert<Record: StoreRecord>(_ type: Record.Type, count: Int, _ row: (Int) throws -> Record) throws {
    for i in 0..<count { blackHole(try row(i)) }
    rows += count
  }
  func sourceID(for source: Source) throws -> Int { 1 }
  func observe(_ observation: Observation) throws {}
}

/// A Python process that times `pandas.read_csv` of a file each time it is asked (after one
/// warm-up read), so that pandas and Dyad are timed side by side.
final class PandasTimer {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer = Data()
  /// The median of five back-to-back reads, timed when the process starts.
  private(set) var warm: Double?

  static let script = """
    import sys, time
    import pandas as pd
    path = sys.argv[1]
    pd.read_csv(path)
    print("ready", flush=True)
    for _ in sys.stdin:
        t = time.perf_counter(); pd.read_csv(path); print(time.perf_counter() - t, flush=True)
    """

  /// `pandas.read_excel` of every workbook in a folder (`header=None`, as
  /// `../shared/bench/imf_xlsx_pandas.py`), each time it is asked; no warm-up read.
  static let excelScript = """
    import sys, time, glob, os
    import pandas as pd
    files = sorted(glob.glob(os.path.join(sys.argv[1], '*.xlsx')))
    import openpyxl
    print("ready", flush=True)
    for _ in sys.stdin:
        t = time.perf_counter()
        for f in files: pd.read_excel(f, header=None)
        print(time.perf_counter() - t, flush=True)
    """

  /// Starts Python with pandas; `nil` when either is missing.
  ///
  /// - Parameters:
  ///   - script: what to time (by default `read_csv` of the file).
  ///   - warmReads: how many back-to-back reads time ``warm`` at the start.
  init?(file: String, script: String = PandasTimer.script, warmReads: Int = 5) {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-u", "-c", script, file]
    // Not the benchmark harness's malloc interposers: pandas runs as it would on its own.
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("LD_") || key.hasPrefix("DYLD_") || key.hasPrefix("MALLOC") {
      environment[key] = nil
    }
    // numpy's BLAS threads would otherwise spin-wait on the cores between reads, taking them from
    // the import timed next; read_csv itself is single-threaded.
    for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[key] = "1" }
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    guard readLine() == "ready" else {
      FileHandle.standardError.write(Data("pandas is not available (pip install pandas): no ratio\n".utf8))
      return nil
    }
    let times = (0..<warmReads).compactMap { _ in time() }.sorted()
    warm = times.isEmpty ? nil : times[times.count / 2]
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  /// One `pandas.read_csv` of the file, in seconds.
  func time() -> Double? {
    input.fileHandleForWriting.write(Data("go\n".utf8))
    return readLine().flatMap(Double.init)
  }

  private func readLine() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
        buffer.removeSubrange(buffer.startIndex...newline)
        return line
      }
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { return nil }
      buffer.append(chunk)
    }
  }
}
