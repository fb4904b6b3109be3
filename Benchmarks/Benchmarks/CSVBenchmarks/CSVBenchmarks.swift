import Benchmark
import DyadData
import DyadTestSupport
import Foundation

/// Reads `../shared/data` files with Dyad's CSV reader; compare with the mirrored CSV libraries'
/// 140–430k rows/s on the same machine.
let benchmarks: @Sendable () -> Void = {
  let shared = SharedData.root
  let votes = shared.appendingPathComponent("unga-votes/un_votes.csv").path
  let trade = shared.appendingPathComponent("cow-trade/cow_trade_dyadic_nondirected.csv").path

  Benchmark(
    "CSV read un_votes.csv (869,937 rows)",
    configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .one, maxIterations: 10)
  ) { benchmark in
    var fields = 0
    try CSVReader(path: votes).forEachRecord { record in fields &+= record.count }
    blackHole(fields)
  }

  Benchmark(
    "CSV read cow_trade_dyadic_nondirected.csv (673,654 rows)",
    configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .one, maxIterations: 10)
  ) { benchmark in
    var fields = 0
    try CSVReader(path: trade).forEachRecord { record in fields &+= record.count }
    blackHole(fields)
  }
}
