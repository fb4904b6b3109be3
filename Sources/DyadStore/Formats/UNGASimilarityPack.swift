import DyadCore
import DyadAnalysis

/// The packed yearly series that the `unga-votes` importer stores in `unga_similarity_dyad`: one
/// row per dyad holding its joint votes and percentiles for every year from its first to its last
/// year of joint votes.
///
/// A dyad's `data` is one 28-byte record per year, `first_year` first:
///
/// ```
/// record := yy ya yn ay aa an ny na nn            9 × UInt16, big-endian: the joint-vote table
///           agree agree_half s pi kappa           5 × UInt16, big-endian: the dyad's percentile of
///                                                 each measure among all dyads that year, in
///                                                 hundredths of a percent (0–10000);
///                                                 0xFFFF where the measure is undefined
/// ```
///
/// A year inside the span in which the two never voted together has nine zero counts (and
/// undefined percentiles): it is not a dyad-year of the table. The records have a fixed size and
/// big-endian numbers so that SQL can read them: the store's `unga_similarity` view unpacks them
/// into one row per dyad-year.
///
/// Packing 819,308 dyad-years into about 19,000 rows, rather than a row each, is what lets the
/// import (votes read, table computed, ranked and written) beat the numpy script's load and
/// compute.
///
/// ```swift
/// let records = UNGASimilarityPack.records(in: data, firstYear: 1992)
/// records.first { $0.year == 2019 }?.votes.measures.agree
/// ```
public enum UNGASimilarityPack {
  /// The size of one year's record, in bytes.
  public static let recordSize = 28
  /// The number of measures with a stored percentile.
  package static let measureCount = SimilarityMeasure.allCases.count
  /// A percentile's value where the measure is undefined.
  package static let undefined: UInt16 = 0xFFFF

  /// One dyad-year of the pack.
  public struct Record: Sendable, Hashable {
    public let year: Int
    /// The joint-vote table: the first state's yes/abstain/no by the second's.
    public let votes: JointVotes
    /// The dyad's percentile of each measure among all dyads that year (0–100, to hundredths);
    /// `nil` where the measure is undefined.
    public let percentiles: SimilarityScores

    public init(year: Int, votes: JointVotes, percentiles: SimilarityScores) {
      self.year = year
      self.votes = votes
      self.percentiles = percentiles
    }
  }

  /// The dyad-years of a pack (years without joint votes left out), optionally only those of a span.
  public static func records(
    in data: some RandomAccessCollection<UInt8>, firstYear: Int, years: ClosedRange<Int>? = nil
  ) -> [Record] {
    let bytes = Array(data)
    let count = bytes.count / recordSize
    var records: [Record] = []
    for k in 0..<count {
      let year = firstYear + k
      if let years, !years.contains(year) { continue }
      let base = k * recordSize
      func number(_ field: Int) -> Int { Int(bytes[base + 2 * field]) << 8 | Int(bytes[base + 2 * field + 1]) }
      let counts = (0..<9).map(number)
      guard counts.contains(where: { $0 > 0 }) else { continue }
      var percentiles = SimilarityScores()
      for (m, measure) in SimilarityMeasure.allCases.enumerated() {
        let value = number(9 + m)
        percentiles[measure] = value == Int(undefined) ? nil : Double(value) / 100
      }
      records.append(Record(year: year, votes: JointVotes(counts: counts), percentiles: percentiles))
    }
    return records
  }

  /// Packs a table's rows by dyad: for each dyad in state-code order, its first and last year and
  /// its records. `percentiles` holds five per row, in hundredths (−1 where undefined), in
  /// ``SimilarityMeasure`` order.
  ///
  /// - Throws: ``PackError`` when a count does not fit a record (65,535 or more joint votes in
  ///   one cell of one year).
  package static func pack(
    _ table: DyadYearSimilarityTable, percentiles: [Int32],
    _ body: (_ first: Int, _ second: Int, _ firstYear: Int, _ lastYear: Int, _ data: [UInt8]) throws -> Void
  ) throws {
    let order = table.dyadOrder()
    var periodOfRow = [Int32](repeating: 0, count: table.count)
    for (p, rows) in table.periodRows.enumerated() {
      for row in rows { periodOfRow[row] = Int32(table.periods[p]) }
    }
    var data: [UInt8] = []
    try table.cells.withUnsafeBufferPointer { cells in
      try table.firstStates.withUnsafeBufferPointer { firsts in
        try table.secondStates.withUnsafeBufferPointer { seconds in
          var start = 0
          while start < order.count {
            let a = firsts[order[start]], b = seconds[order[start]]
            var end = start + 1
            while end < order.count && firsts[order[end]] == a && seconds[order[end]] == b { end += 1 }
            let firstYear = Int(periodOfRow[order[start]]), lastYear = Int(periodOfRow[order[end - 1]])
            // Years without joint votes: zero counts, undefined percentiles.
            data.removeAll(keepingCapacity: true)
            appendEmptyYears(lastYear - firstYear + 1, to: &data)
            try data.withUnsafeMutableBufferPointer { data in
              for i in start..<end {
                let row = order[i]
                let base = (Int(periodOfRow[row]) - firstYear) * recordSize
                for k in 0..<9 { try put(cells[row * 9 + k], into: data, at: base + 2 * k) }
                for m in 0..<measureCount where percentiles[row * measureCount + m] >= 0 {
                  try put(percentiles[row * measureCount + m], into: data, at: base + 18 + 2 * m)
                }
              }
            }
            try body(Int(a), Int(b), firstYear, lastYear, data)
            start = end
          }
        }
      }
    }
  }

  /// Packs one dyad's years, given in year order: each year's nine counts and five percentiles
  /// in hundredths (`nil` where undefined).
  ///
  /// ```swift
  /// let pack = try UNGASimilarityPack.data([(2019, [50, 3, 1, 4, 10, 2, 0, 1, 15], [8333, 8000, nil, 7000, 6900])])
  /// pack.firstYear  // 2019
  /// ```
  public static func data(
    _ years: [(year: Int, counts: [Int], percentiles: [Int?])]
  ) throws -> (firstYear: Int, lastYear: Int, data: [UInt8]) {
    guard let firstYear = years.first?.year, let lastYear = years.last?.year, firstYear <= lastYear else {
      throw PackError(message: "a dyad's years must be given in order, at least one")
    }
    var data: [UInt8] = []
    appendEmptyYears(lastYear - firstYear + 1, to: &data)
    try data.withUnsafeMutableBufferPointer { data in
      for entry in years {
        guard entry.counts.count == 9, entry.percentiles.count == measureCount,
          (firstYear...lastYear).contains(entry.year)
        else {
          throw PackError(message: "\(entry.year): a year needs 9 counts and \(measureCount) percentiles, in order")
        }
        let base = (entry.year - firstYear) * recordSize
        for (k, count) in entry.counts.enumerated() { try put(Int32(clamping: count), into: data, at: base + 2 * k) }
        for (m, percentile) in entry.percentiles.enumerated() {
          if let percentile { try put(Int32(clamping: percentile), into: data, at: base + 18 + 2 * m) }
        }
      }
    }
    return (firstYear, lastYear, data)
  }

  /// A value that cannot be packed.
  public struct PackError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
  }

  /// Appends the records of years without joint votes: zero counts, undefined percentiles.
  private static func appendEmptyYears(_ count: Int, to data: inout [UInt8]) {
    data.reserveCapacity(data.count + count * recordSize)
    for _ in 0..<count {
      data.append(contentsOf: repeatElement(0, count: 18))
      data.append(contentsOf: repeatElement(0xFF, count: 2 * measureCount))
    }
  }

  /// Writes a number as a big-endian `UInt16`.
  @inline(__always)
  private static func put(_ value: Int32, into data: UnsafeMutableBufferPointer<UInt8>, at offset: Int) throws {
    guard value >= 0 && value < Int32(undefined) else {
      throw PackError(message: "\(value) does not fit the packed similarity table (0–65,534)")
    }
    data[offset] = UInt8(truncatingIfNeeded: value >> 8)
    data[offset + 1] = UInt8(truncatingIfNeeded: value)
  }
}
