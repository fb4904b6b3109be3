import DyadCore
import Dispatch
import Foundation

/// The COW trade data of one import, gathered in memory: dyad-years grouped by dyad (states
/// resolved by year), national totals by state, and every state's partner ranks for every year.
///
/// Rows are kept in flat arrays of plain values and grouped with counting sorts, so that the
/// 673,654 dyad-years of COW Trade 4.0 cost no allocation per row; parsing and ranking run on
/// every core.
nonisolated(unsafe) var econProfileClock = 0.0
func econCPU() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
func econLap(_ label: String) {
  if ProcessInfo.processInfo.environment["DYAD_PROFILE"] != nil {
    FileHandle.standardError.write(Data("PROFILE \(label): \(Int((econCPU() - econProfileClock) * 1e6)) us cpu\n".utf8))
  }
  econProfileClock = econCPU()
}

struct COWTradeBuilder {
  /// One dyad-year, oriented to its dyad's first and second state.
  struct Row {
    var ab: Double
    var ba: Double
    var dyad: Int32
    var line: Int32
    var year: Int16
  }

  /// National totals of one state-year.
  struct Totals {
    var imports: Double
    var exports: Double
    var line: Int32
  }

  /// A dyad as two state indices, the first with the smaller ``StateID``.
  struct Pair {
    let a: Int32
    let b: Int32
  }

  /// What the builder writes: one row per state, with its totals and the packed series of the
  /// dyads it is the first state of.
  struct StateOutput {
    let state: StateID
    let totalsFirstYear: Int?
    let totals: [UInt8]
    let dyads: [UInt8]
  }

  struct Output {
    var states: [StateOutput] = []
    var dyadYears = 0
    var stateYears = 0
  }

  let codes: COWCodeCache
  let threads: Int
  private(set) var rows: [Row] = []
  private(set) var pairs: [Pair] = []
  private var pairIndex: [UInt64: Int32] = [:]
  private var totals: [Int32: [Int16: Totals]] = [:]
  private(set) var years: ClosedRange<Int>?
  private(set) var rowsRead = 0
  private var dyadicFile = ""

  init(registry: StateRegistry, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
    codes = COWCodeCache(registry: registry)
    self.threads = max(1, min(threads, 8))
  }

  private mutating func cover(_ year: Int) {
    if let current = years {
      if year < current.lowerBound || year > current.upperBound {
        years = min(year, current.lowerBound)...max(year, current.upperBound)
      }
    } else {
      years = year...year
    }
  }

  // MARK: Reading

  static let dyadicColumns = ["ccode1", "ccode2", "year", "flow1", "flow2"]

  /// Reads the dyadic file: `ccode1`, `ccode2`, `year`, `flow1` (imports of ccode1 from ccode2) and
  /// `flow2` (the reverse), in current US$ millions.
  mutating func readDyadic(_ url: URL) throws {
    econLap("before")
    let file = url.lastPathComponent
    dyadicFile = file
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw ImportError(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
    }
    // A file with quotes is general CSV: CSVReader reads it. COW's files have none.
    econLap("load")
    let quoted = data.withUnsafeBytes { raw in raw.count > 0 && memchr(raw.baseAddress!, Int32(UInt8(ascii: "\"")), raw.count) != nil }
    econLap("quote")
    if quoted {
      try readDyadicWithCSVReader(url)
      return
    }
    let scanned: (chunks: [COWTradeScanner.Chunk], firstLine: Int) = try data.withUnsafeBytes { raw in
      var bytes = raw.bindMemory(to: UInt8.self)
      if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
        bytes = UnsafeBufferPointer(rebasing: bytes[3...])
      }
      guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? (bytes.isEmpty ? nil : bytes.endIndex) else {
        throw ImportError(file: file, line: 1, message: "the file is empty")
      }
      var header = String(decoding: UnsafeBufferPointer(rebasing: bytes[bytes.startIndex..<headerEnd]), as: UTF8.self)
      if header.hasSuffix("\r") { header.removeLast() }
      guard !header.isEmpty else { throw ImportError(file: file, line: 1, message: "the file is empty") }
      let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let found = try EconomicFields.columns(names, required: Self.dyadicColumns, file: file)
      let scanner = COWTradeScanner(
        columns: .init(
          code1: found["ccode1"]!, code2: found["ccode2"]!, year: found["year"]!, flow1: found["flow1"]!,
          flow2: found["flow2"]!))
      let bodyStart = min(bytes.endIndex, headerEnd + 1)
      return (scanner.scan(UnsafeBufferPointer(rebasing: bytes[bodyStart...]), threads: threads), 2)
    }
    econLap("scan")
    try ingest(scanned.chunks, firstLine: scanned.firstLine, file: file)
    econLap("ingest")
  }

  /// Reads a dyadic file that has quoted fields with ``CSVReader``, one row at a time.
  private mutating func readDyadicWithCSVReader(_ url: URL) throws {
    let reader = try CSVReader(path: url.path)
    let file = reader.fileName
    var columns: COWTradeScanner.Columns?
    var chunk = COWTradeScanner.Chunk()
    try reader.forEachRecord { record in
      guard let c = columns else {
        let found = try EconomicFields.columns(record, required: Self.dyadicColumns, file: file)
        columns = .init(
          code1: found["ccode1"]!, code2: found["ccode2"]!, year: found["year"]!, flow1: found["flow1"]!,
          flow2: found["flow2"]!)
        return
      }
      let code1 = try EconomicFields.int(record, c.code1, in: COWCodeCache.codes, file: file, column: "ccode1")
      let code2 = try EconomicFields.int(record, c.code2, in: COWCodeCache.codes, file: file, column: "ccode2")
      let year = try EconomicFields.int(record, c.year, in: 1800...2100, file: file, column: "year")
      guard code1 != code2 else {
        throw ImportError(file: file, line: record.line, field: "ccode2", message: "is the same state as ccode1 (\(code1))")
      }
      let line = record.line
      let flow1 = try Self.flow(record.bytes(at: c.flow1), file: file, line: line, column: "flow1")
      let flow2 = try Self.flow(record.bytes(at: c.flow2), file: file, line: line, column: "flow2")
      chunk.rows.append(
        .init(
          flow1: flow1, flow2: flow2, line: Int32(truncatingIfNeeded: line), code1: Int16(code1), code2: Int16(code2),
          year: Int16(year)))
    }
    guard columns != nil else { throw ImportError(file: file, line: 1, message: "the file is empty") }
    // The reader's lines are the file's: no offset.
    try ingest([chunk], firstLine: 0, file: file)
  }

  /// Resolves the scanned rows' codes by year and groups them by dyad, in file order; then
  /// reports the first bad row any chunk found.
  private mutating func ingest(_ chunks: [COWTradeScanner.Chunk], firstLine: Int, file: String) throws {
    rows.reserveCapacity(chunks.reduce(0) { $0 + $1.rows.count })
    var lastKey = UInt64.max
    var lastPair: Int32 = 0
    var lastA: Int32 = 0
    var minYear = Int.max, maxYear = Int.min
    var offset = firstLine
    for chunk in chunks {
      for item in chunk.rows {
        let line = offset + Int(item.line)
        let code1 = Int(item.code1), code2 = Int(item.code2), year = Int(item.year)
        let s1 = codes.index(code: code1, year: year)
        let s2 = codes.index(code: code2, year: year)
        guard s1 >= 0 else { throw Self.unknownCode(code1, year, file, line, "ccode1") }
        guard s2 >= 0 else { throw Self.unknownCode(code2, year, file, line, "ccode2") }
        guard s1 != s2 else {
          throw ImportError(
            file: file, line: line, field: "ccode2",
            message: "COW codes \(code1) and \(code2) both name \(codes.ids[Int(s1)]) in \(year)")
        }
        let key = UInt64(UInt32(min(s1, s2))) << 32 | UInt64(UInt32(max(s1, s2)))
        if key != lastKey {
          lastKey = key
          if let found = pairIndex[key] {
            lastPair = found
          } else {
            lastPair = Int32(pairs.count)
            let (a, b) = codes.ids[Int(s1)] < codes.ids[Int(s2)] ? (s1, s2) : (s2, s1)
            pairs.append(Pair(a: a, b: b))
            pairIndex[key] = lastPair
          }
          lastA = pairs[Int(lastPair)].a
        }
        let (ab, ba) = s1 == lastA ? (item.flow1, item.flow2) : (item.flow2, item.flow1)
        rows.append(Row(ab: ab, ba: ba, dyad: lastPair, line: Int32(truncatingIfNeeded: line), year: item.year))
        if year < minYear { minYear = year }
        if year > maxYear { maxYear = year }
      }
      if let problem = chunk.problem {
        throw ImportError(file: file, line: offset + problem.line, field: problem.column, message: problem.message)
      }
      offset += chunk.lines
    }
    rowsRead += rows.count
    if minYear <= maxYear {
      cover(minYear)
      cover(maxYear)
    }
  }

  /// Reads the state-year file: `ccode`, `year`, `imports` and `exports` (national totals, current
  /// US$ millions).
  mutating func readStateTotals(_ url: URL) throws {
    let reader = try CSVReader(path: url.path)
    let file = reader.fileName
    var columns: (code: Int, year: Int, imports: Int, exports: Int)?
    var count = 0
    try reader.forEachRecord { record in
      guard let c = columns else {
        let found = try EconomicFields.columns(record, required: ["ccode", "year", "imports", "exports"], file: file)
        columns = (found["ccode"]!, found["year"]!, found["imports"]!, found["exports"]!)
        return
      }
      let line = record.line
      let code = try EconomicFields.int(record, c.code, in: COWCodeCache.codes, file: file, column: "ccode")
      let year = try EconomicFields.int(record, c.year, in: 1800...2100, file: file, column: "year")
      let imports = try Self.flow(record.bytes(at: c.imports), file: file, line: line, column: "imports")
      let exports = try Self.flow(record.bytes(at: c.exports), file: file, line: line, column: "exports")
      let state = codes.index(code: code, year: year)
      guard state >= 0 else { throw Self.unknownCode(code, year, file, line, "ccode") }
      if let earlier = totals[state]?[Int16(year)] {
        guard Self.same(earlier.imports, imports), Self.same(earlier.exports, exports) else {
          throw ImportError(
            file: file, line: line, field: "ccode",
            message: "\(codes.ids[Int(state)]) \(year) is listed with other totals on line \(earlier.line)")
        }
      } else {
        totals[state, default: [:]][Int16(year)] = Totals(
          imports: imports, exports: exports, line: Int32(truncatingIfNeeded: line))
      }
      count += 1
      cover(year)
    }
    guard columns != nil else { throw ImportError(file: file, line: 1, message: "the file is empty") }
    rowsRead += count
  }

  // MARK: Building

  /// Groups the rows by dyad, checks that no dyad-year is given twice with different flows, ranks
  /// every state's partners in every year, and packs the series.
  func build() throws -> Output {
    let dyadCount = pairs.count
    // Counting sort of row indices by dyad; rows of a dyad keep their file order.
    var starts = [Int](repeating: 0, count: dyadCount + 1)
    for row in rows { starts[Int(row.dyad) + 1] += 1 }
    for i in 0..<dyadCount { starts[i + 1] += starts[i] }
    var order = [Int32](repeating: 0, count: rows.count)
    do {
      var next = starts
      for (i, row) in rows.enumerated() {
        order[next[Int(row.dyad)]] = Int32(i)
        next[Int(row.dyad)] += 1
      }
    }
    // Years in order within each dyad; a repeated dyad-year must repeat the same flows (the mirror
    // row of a directed file) and is then skipped.
    var skip = [Bool](repeating: false, count: rows.count)
    for d in 0..<dyadCount {
      let range = starts[d]..<starts[d + 1]
      var sorted = true
      for k in range.dropFirst() where rows[Int(order[k])].year <= rows[Int(order[k - 1])].year {
        sorted = false
        break
      }
      if sorted { continue }
      order[range].sort { (rows[Int($0)].year, rows[Int($0)].line) < (rows[Int($1)].year, rows[Int($1)].line) }
      for k in range.dropFirst() {
        let previous = rows[Int(order[k - 1])], current = rows[Int(order[k])]
        guard current.year == previous.year else { continue }
        guard Self.same(previous.ab, current.ab), Self.same(previous.ba, current.ba) else {
          let pair = pairs[d]
          throw ImportError(
            file: dyadicFile, line: Int(current.line), field: "flow1",
            message: "\(codes.ids[Int(pair.a)])–\(codes.ids[Int(pair.b)]) \(current.year) is listed with other flows on line \(previous.line)")
        }
        skip[Int(order[k])] = true
      }
    }
    econLap("group")
    let ranks = rank(skip: skip)
    econLap("rank")

    var output = Output()
    // The dyads of each first state, by partner id.
    var byFirst = [[Int32]](repeating: [], count: codes.ids.count)
    for (d, pair) in pairs.enumerated() { byFirst[Int(pair.a)].append(Int32(d)) }
    for s in 0..<codes.ids.count {
      let own = byFirst[s].sorted { codes.ids[Int(pairs[Int($0)].b)] < codes.ids[Int(pairs[Int($1)].b)] }
      let writer = PackWriter(capacity: own.count * 64)
      if !own.isEmpty { writer.begin(count: own.count) }
      for d in own {
        let range = starts[Int(d)]..<starts[Int(d) + 1]
        var first = Int.max, last = Int.min, whole = true
        for k in range where !skip[Int(order[k])] {
          let row = rows[Int(order[k])]
          first = min(first, Int(row.year))
          last = max(last, Int(row.year))
          whole = whole && PackWriter.isWhole(row.ab) && PackWriter.isWhole(row.ba)
        }
        writer.beginDyad(
          partner: codes.ids[Int(pairs[Int(d)].b)].rawValue, firstYear: first, years: last - first + 1, whole: whole)
        var year = first
        for k in range where !skip[Int(order[k])] {
          let i = Int(order[k])
          let row = rows[i]
          while year < Int(row.year) {
            writer.record(.nan, .nan, 0, 0)
            year += 1
          }
          writer.record(row.ab, row.ba, Int(ranks.bForA[i]), Int(ranks.aForB[i]))
          output.dyadYears += 1
          year += 1
        }
        writer.endDyad()
      }
      // National totals and the number of partners ranked, by year.
      let ownTotals = totals[Int32(s)] ?? [:]
      var first = Int.max, last = Int.min
      for year in ownTotals.keys {
        first = min(first, Int(year))
        last = max(last, Int(year))
      }
      for y in 0..<ranks.span where ranks.partners[s * ranks.span + y] > 0 {
        first = min(first, ranks.firstYear + y)
        last = max(last, ranks.firstYear + y)
      }
      var totalBytes: [UInt8] = []
      if first <= last {
        let size = COWTradeSeries.stateRecordSize
        totalBytes = [UInt8](repeating: 0, count: (last - first + 1) * size)
        totalBytes.withUnsafeMutableBytes { raw in
          for year in first...last {
            let base = (year - first) * size
            let entry = ownTotals[Int16(year)]
            COWTradeSeries.store(entry?.imports ?? .nan, raw, base)
            COWTradeSeries.store(entry?.exports ?? .nan, raw, base + 8)
            let y = year - ranks.firstYear
            COWTradeSeries.store(y >= 0 && y < ranks.span ? ranks.partners[s * ranks.span + y] : 0, raw, base + 16)
          }
        }
      }
      output.stateYears += ownTotals.count
      guard !own.isEmpty || first <= last else { continue }
      output.states.append(
        StateOutput(
          state: codes.ids[s], totalsFirstYear: first <= last ? first : nil, totals: totalBytes, dyads: writer.bytes))
    }
    econLap("pack")
    return output
  }

  /// Every state's partners in every year ranked by total trade (both flows observed), largest
  /// first, ties sharing the better rank. A partner with a missing flow is unranked and does not
  /// count against any other partner.
  ///
  /// Each year's complete dyads are sorted once by total, largest first; walking them in that
  /// order, a state's n-th partner has rank n (or the rank of an equal total before it). Years are
  /// split between threads.
  private func rank(skip: [Bool]) -> (bForA: [UInt16], aForB: [UInt16], partners: [UInt16], firstYear: Int, span: Int) {
    var bForA = [UInt16](repeating: 0, count: rows.count)
    var aForB = [UInt16](repeating: 0, count: rows.count)
    guard let years else { return (bForA, aForB, [], 0, 0) }
    let firstYear = years.lowerBound
    let span = years.count
    let stateCount = codes.ids.count
    // The complete rows' totals and states, gathered by year (a counting sort that reads the rows
    // once, in order), so that each year's ranking reads contiguous memory.
    var starts = [Int](repeating: 0, count: span + 1)
    rows.withUnsafeBufferPointer { rows in
      for i in 0..<rows.count where !skip[i] && !rows[i].ab.isNaN && !rows[i].ba.isNaN {
        starts[Int(rows[i].year) - firstYear + 1] += 1
      }
    }
    for y in 0..<span { starts[y + 1] += starts[y] }
    let complete = starts[span]
    var keys = [UInt64](repeating: 0, count: complete)
    var rowOf = [Int32](repeating: 0, count: complete)
    var firstOf = [Int32](repeating: 0, count: complete)
    var secondOf = [Int32](repeating: 0, count: complete)
    rows.withUnsafeBufferPointer { rows in
      pairs.withUnsafeBufferPointer { pairs in
        var next = starts
        for i in 0..<rows.count where !skip[i] && !rows[i].ab.isNaN && !rows[i].ba.isNaN {
          let row = rows[i]
          let y = Int(row.year) - firstYear
          let k = next[y]
          next[y] = k + 1
          // Largest total first: the complement of a non-negative double's bits sorts that way.
          keys[k] = ~(row.ab + row.ba).bitPattern
          rowOf[k] = Int32(i)
          let pair = pairs[Int(row.dyad)]
          firstOf[k] = pair.a
          secondOf[k] = pair.b
        }
      }
    }
    var partners = [UInt16](repeating: 0, count: stateCount * span)
    let parts = span < 4 ? 1 : threads
    keys.withUnsafeBufferPointer { keys in
      rowOf.withUnsafeBufferPointer { rowOf in
        firstOf.withUnsafeBufferPointer { firstOf in
          secondOf.withUnsafeBufferPointer { secondOf in
            bForA.withUnsafeMutableBufferPointer { bForA in
              aForB.withUnsafeMutableBufferPointer { aForB in
                partners.withUnsafeMutableBufferPointer { partners in
                  nonisolated(unsafe) let (keys, rowOf, firstOf, secondOf) = (keys, rowOf, firstOf, secondOf)
                  nonisolated(unsafe) let (bForA, aForB, partners) = (bForA, aForB, partners)
                  let starts = starts
                  DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let largest = (0..<span).map { starts[$0 + 1] - starts[$0] }.max() ?? 0
                    var sorter = RadixSorter(capacity: largest)
                    defer { sorter.release() }
                    // Per state: partners walked so far this year, and the last total and rank.
                    let seen = UnsafeMutableBufferPointer<Int32>.allocate(capacity: stateCount)
                    let lastTotal = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: stateCount)
                    let lastRank = UnsafeMutableBufferPointer<Int32>.allocate(capacity: stateCount)
                    defer {
                      seen.deallocate()
                      lastTotal.deallocate()
                      lastRank.deallocate()
                    }
                    for y in stride(from: part, to: span, by: parts) {
                      let base = starts[y], count = starts[y + 1] - base
                      guard count > 0 else { continue }
                      seen.initialize(repeating: 0)
                      for k in 0..<count {
                        sorter.keys[k] = keys[base + k]
                        sorter.values[k] = Int32(base + k)
                      }
                      sorter.sort(count)
                      // Walking the year's dyads from the largest total, a state's n-th partner
                      // has rank n, or the rank of the equal total before it.
                      @inline(__always) func rank(_ state: Int, _ key: UInt64) -> UInt16 {
                        let n = seen[state] + 1
                        seen[state] = n
                        if n == 1 || key != lastTotal[state] {
                          lastTotal[state] = key
                          lastRank[state] = n
                        }
                        return UInt16(clamping: lastRank[state])
                      }
                      for k in 0..<count {
                        let key = sorter.keys[k]
                        let entry = Int(sorter.values[k])
                        let row = Int(rowOf[entry])
                        bForA[row] = rank(Int(firstOf[entry]), key)
                        aForB[row] = rank(Int(secondOf[entry]), key)
                      }
                      for state in 0..<stateCount where seen[state] > 0 {
                        partners[state * span + y] = UInt16(clamping: seen[state])
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (bForA, aForB, partners, firstYear, span)
  }

  // MARK: Helpers

  /// A least-significant-digit radix sort of 64-bit keys with 32-bit values, a byte per pass,
  /// skipping the passes in which every key has the same byte.
  struct RadixSorter {
    var keys: UnsafeMutableBufferPointer<UInt64>
    var values: UnsafeMutableBufferPointer<Int32>
    private var otherKeys: UnsafeMutableBufferPointer<UInt64>
    private var otherValues: UnsafeMutableBufferPointer<Int32>
    private let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8 * 256)
    private let owned: [UnsafeMutableRawPointer]

    init(capacity: Int) {
      let n = max(1, capacity)
      keys = .allocate(capacity: n)
      values = .allocate(capacity: n)
      otherKeys = .allocate(capacity: n)
      otherValues = .allocate(capacity: n)
      owned = [
        UnsafeMutableRawPointer(keys.baseAddress!), UnsafeMutableRawPointer(values.baseAddress!),
        UnsafeMutableRawPointer(otherKeys.baseAddress!), UnsafeMutableRawPointer(otherValues.baseAddress!),
      ]
    }

    /// Frees the buffers; the sorter is unusable afterwards.
    func release() {
      for pointer in owned { pointer.deallocate() }
      counts.deallocate()
    }

    /// Sorts the first `count` keys ascending, carrying their values.
    mutating func sort(_ count: Int) {
      counts.initialize(repeating: 0)
      for k in 0..<count {
        let key = keys[k]
        for pass in 0..<8 { counts[pass * 256 + Int((key >> (8 * UInt64(pass))) & 0xFF)] += 1 }
      }
      for pass in 0..<8 {
        let base = pass * 256
        // Every key has the same byte here: the pass would not move anything.
        if counts[base + Int((keys[0] >> (8 * UInt64(pass))) & 0xFF)] == count { continue }
        var total = 0
        for b in 0..<256 {
          let c = counts[base + b]
          counts[base + b] = total
          total += c
        }
        for k in 0..<count {
          let key = keys[k]
          let slot = base + Int((key >> (8 * UInt64(pass))) & 0xFF)
          let to = counts[slot]
          counts[slot] = to + 1
          otherKeys[to] = key
          otherValues[to] = values[k]
        }
        swap(&keys, &otherKeys)
        swap(&values, &otherValues)
      }
    }
  }

  /// A trade value from a field, or an error naming the line and column.
  private static func flow(
    _ field: UnsafeBufferPointer<UInt8>, file: String, line: Int, column: String
  ) throws(ImportError) -> Double {
    switch COWTradeScanner.flow(field) {
    case .success(let value): return value
    case .failure(let problem): throw ImportError(file: file, line: line, field: column, message: problem.message)
    }
  }

  private static func unknownCode(_ code: Int, _ year: Int, _ file: String, _ line: Int, _ column: String) -> ImportError {
    ImportError(
      file: file, line: line, field: column,
      message: "COW code \(code) names no state in \(year) in Dyad's state registry")
  }

  /// Equal values, or both missing.
  static func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
}
