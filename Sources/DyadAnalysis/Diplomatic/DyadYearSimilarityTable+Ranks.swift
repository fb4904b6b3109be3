import DyadFast
import Foundation

extension DyadYearSimilarityTable {
  /// The values of one measure for every row; `nan` where the measure is undefined.
  public func values(of measure: SimilarityMeasure) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      cells.withUnsafeBufferPointer { cells in
        for row in 0..<count {
          let c = row * 9
          let m = JointVotes.measures(
            Int(cells[c]), Int(cells[c + 1]), Int(cells[c + 2]), Int(cells[c + 3]), Int(cells[c + 4]),
            Int(cells[c + 5]), Int(cells[c + 6]), Int(cells[c + 7]), Int(cells[c + 8]))
          buffer[row] = m[measure] ?? .nan
        }
      }
      initialized = count
    }
  }

  /// The rank statistics of one measure: each row's percentile among the dyads of its period, and
  /// each period's median and number of ranked dyads.
  public func ranks(of measure: SimilarityMeasure) -> SimilarityRanks {
    SimilarityRanks(values: values(of: measure), periodRows: periodRows)
  }
}

/// Each row's percentile rank among the rows of its period, with each period's median.
///
/// The percentile is the mid-rank: 100 × (values below + ½ × values equal) / values ranked, so the
/// lowest of many dyads is near 0, the highest near 100 and a dyad tied with every other at 50.
/// Undefined values (`nan`) are not ranked and get no percentile.
public struct SimilarityRanks: Sendable {
  /// Each row's percentile (0…100); `nan` where its value is undefined.
  public let percentiles: [Double]
  /// Each period's median of the defined values; `nan` when none is.
  public let medians: [Double]
  /// The number of defined values of each period.
  public let rankedCounts: [Int]

  /// Ranks `values` within each range of `periodRows`.
  ///
  /// Each period's values are sorted as integer keys (the value's order-preserving bit pattern,
  /// its lowest 15 bits replaced by the row's offset in the period) with a radix sort; a sweep over
  /// the sorted keys then gives every row its mid-rank. Values closer than about 4·10⁻¹² relative
  /// count as tied, which only merges values that are equal but for rounding.
  public init(values: [Double], periodRows: [Range<Int>]) {
    var percentiles = [Double](repeating: .nan, count: values.count)
    var medians: [Double] = []
    var rankedCounts: [Int] = []
    var keys: [UInt64] = []
    var scratch: [UInt64] = []
    var counts = [Int](repeating: 0, count: 1 << Self.digitBits)
    let indexMask: UInt64 = (1 << Self.indexBits) - 1
    for rows in periodRows {
      if rows.count > Int(indexMask) + 1 {
        // Too many rows to pack an offset in the key: compare values instead.
        Self.rankBySorting(values, rows, &percentiles, &medians, &rankedCounts)
        continue
      }
      keys.removeAll(keepingCapacity: true)
      for i in rows where !values[i].isNaN {
        keys.append(Self.orderedBits(values[i]) & ~indexMask | UInt64(i - rows.lowerBound))
      }
      let m = keys.count
      rankedCounts.append(m)
      guard m > 0 else {
        medians.append(.nan)
        continue
      }
      Self.radixSort(&keys, scratch: &scratch, counts: &counts)
      var start = 0
      while start < m {
        let group = keys[start] & ~indexMask
        var end = start + 1
        while end < m && keys[end] & ~indexMask == group { end += 1 }
        let percentile = 100 * (Double(start) + 0.5 * Double(end - start)) / Double(m)
        for k in start..<end { percentiles[rows.lowerBound + Int(keys[k] & indexMask)] = percentile }
        start = end
      }
      let low = values[rows.lowerBound + Int(keys[(m - 1) / 2] & indexMask)]
      let high = values[rows.lowerBound + Int(keys[m / 2] & indexMask)]
      medians.append(m % 2 == 1 ? high : (low + high) / 2)
    }
    self.percentiles = percentiles
    self.medians = medians
    self.rankedCounts = rankedCounts
  }

  static let indexBits = 15
  static let digitBits = 11

  /// The bits of a double, transformed so that unsigned order is numeric order.
  @inline(__always)
  static func orderedBits(_ value: Double) -> UInt64 {
    let bits = (value == 0 ? 0.0 : value).bitPattern
    return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
  }

  /// An LSD radix sort of 64-bit keys, skipping digits that all keys share.
  static func radixSort(_ keys: inout [UInt64], scratch: inout [UInt64], counts: inout [Int]) {
    let n = keys.count
    if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
    let buckets = 1 << digitBits
    let mask = UInt64(buckets - 1)
    var shift: UInt64 = 0
    while shift < 64 {
      for b in 0..<buckets { counts[b] = 0 }
      for key in keys { counts[Int((key >> shift) & mask)] += 1 }
      if counts[Int((keys[0] >> shift) & mask)] != n {
        var total = 0
        for b in 0..<buckets {
          let c = counts[b]
          counts[b] = total
          total += c
        }
        keys.withUnsafeBufferPointer { source in
          scratch.withUnsafeMutableBufferPointer { target in
            for key in source {
              let b = Int((key >> shift) & mask)
              target[counts[b]] = key
              counts[b] += 1
            }
          }
        }
        for i in 0..<n { keys[i] = scratch[i] }
      }
      shift += UInt64(digitBits)
    }
  }

  /// Ranks one period by sorting its values (for periods too large to pack offsets into keys).
  private static func rankBySorting(
    _ values: [Double], _ rows: Range<Int>, _ percentiles: inout [Double], _ medians: inout [Double],
    _ rankedCounts: inout [Int]
  ) {
    let sorted = rows.map { values[$0] }.filter { !$0.isNaN }.sorted()
    rankedCounts.append(sorted.count)
    medians.append(DyadYearSimilarityTable.median(sorted) ?? .nan)
    for i in rows where !values[i].isNaN { percentiles[i] = percentile(of: values[i], among: sorted) ?? .nan }
  }

  /// The percentile of a value among sorted values, or `nil` for `nan` or no values.
  public static func percentile(of value: Double, among sorted: [Double]) -> Double? {
    guard !value.isNaN, !sorted.isEmpty else { return nil }
    return sorted.withUnsafeBufferPointer { sorted in
      let below = lowerBound(sorted, value)
      let upTo = upperBound(sorted, value, from: below)
      return 100 * (Double(below) + 0.5 * Double(upTo - below)) / Double(sorted.count)
    }
  }

  private static func lowerBound(_ sorted: UnsafeBufferPointer<Double>, _ value: Double) -> Int {
    var low = 0, high = sorted.count
    while low < high {
      let middle = (low + high) >> 1
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private static func upperBound(_ sorted: UnsafeBufferPointer<Double>, _ value: Double, from start: Int) -> Int {
    var low = start, high = sorted.count
    while low < high {
      let middle = (low + high) >> 1
      if sorted[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

extension DyadYearSimilarityTable {
  /// The values of every measure for every row, in one pass: one array per measure in
  /// `SimilarityMeasure.allCases` order, `nan` where undefined.
  public func measureColumns() -> [[Double]] {
    var columns = Array(repeating: [Double](repeating: .nan, count: count), count: SimilarityMeasure.allCases.count)
    cells.withUnsafeBufferPointer { cells in
      for row in 0..<count {
        let c = row * 9
        let m = JointVotes.measures(
          Int(cells[c]), Int(cells[c + 1]), Int(cells[c + 2]), Int(cells[c + 3]), Int(cells[c + 4]),
          Int(cells[c + 5]), Int(cells[c + 6]), Int(cells[c + 7]), Int(cells[c + 8]))
        columns[0][row] = m.agree ?? .nan
        columns[1][row] = m.agreeHalf ?? .nan
        columns[2][row] = m.s ?? .nan
        columns[3][row] = m.pi ?? .nan
        columns[4][row] = m.kappa ?? .nan
      }
    }
    return columns
  }

  /// The ranks of every measure, in `SimilarityMeasure.allCases` order, computed concurrently.
  public func allRanks() -> [SimilarityRanks] {
    let columns = measureColumns()
    let results = RankResults(count: columns.count)
    WorkerPool.shared.forEach(columns.count) { m, _ in
      results.set(m, SimilarityRanks(values: columns[m], periodRows: periodRows))
    }
    return results.values
  }
}

/// Slots for results computed on several threads, each written once.
private final class RankResults: @unchecked Sendable {
  private var slots: [SimilarityRanks?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: SimilarityRanks) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [SimilarityRanks] { slots.map { $0! } }
}
