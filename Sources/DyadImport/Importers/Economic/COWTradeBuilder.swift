import Dispatch
import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// The COW trade data of one import, gathered in memory: dyad-years grouped by dyad (states
/// resolved by year), national totals by state, and every state's partner ranks for every year.
///
/// Rows are kept in flat arrays of plain values and grouped with counting sorts, so that the
/// 673,654 dyad-years of COW Trade 4.0 cost no allocation per row; parsing and ranking run on
/// every core.
struct COWTradeBuilder {
  /// One dyad-year, oriented to its dyad's first and second state. (Its line: ``line(ofRow:)``.)
  struct Row {
    var ab: Double
    var ba: Double
    /// The row's dyad: its number in ``pairs`` where the dyads' rows are not contiguous in the file;
    /// otherwise its number within its chunk, which nothing reads (rows are then read by dyad).
    var dyad: Int32
    var year: Int16
  }

  /// What ingesting learned about a dyad: its first and last year, whether all its flows are whole
  /// numbers, and whether its rows came in year order.
  struct DyadSpan {
    var first: Int16
    var last: Int16
    /// The year of the dyad's latest row so far.
    var latest: Int16
    var count: Int32
    var whole: Bool
    var ordered: Bool
  }

  /// National totals of one state-year.
  struct Totals {
    var imports: Double
    var exports: Double
    var line: Int32
    var state: Int32
    var year: Int16
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

  /// What was packed: dyad-years (a repeated mirror row counted once) and state-years.
  struct Output {
    var dyadYears = 0
    var stateYears = 0
  }

  let codes: COWCodeCache
  let threads: Int
  /// Runs the parallel loops of one import; stopped by ``build()``.
  let pool: WorkerPool
  private(set) var rows: [Row] = []
  private(set) var pairs: [Pair] = []
  private var spans: [DyadSpan] = []
  /// Whether each dyad's rows are contiguous in the file (they are in COW's files).
  private var contiguous = true
  /// Where each chunk's rows start in ``rows``, the file line of its first line, and its line
  /// anchors: what ``line(ofRow:)`` needs.
  private var chunkLines: [(firstRow: Int, firstLine: Int, anchors: [(row: Int32, line: Int32)])] = []
  /// Each chunk's complete rows by year, as the chunk gathered them, and the chunk's first row.
  private var completeRows: [(firstRow: Int, rows: CompleteRows)] = []
  /// The national totals, by state (index) then year, each state-year once.
  private var totals: [Totals] = []
  /// Where each state's totals start in ``totals``, by state index (and the end, last).
  private var totalsStart: [Int] = [0]
  private(set) var years: ClosedRange<Int>?
  private(set) var rowsRead = 0
  private var dyadicFile = ""

  /// A builder whose loops run on the program's worker pool.
  init(registry: StateRegistry, pool: WorkerPool = .shared) {
    codes = COWCodeCache(registry: registry)
    self.pool = pool
    threads = pool.threads
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
  ///
  /// `alongside` is other work, run once by one of the threads reading the file (or before the
  /// file is read, where it is read on one thread).
  ///
  /// The file's digest, computed as it is read, is recorded in `digests`.
  mutating func readDyadic(
    _ url: URL, digests: FileDigests? = nil, alongside: @escaping @Sendable () -> Void = {}
  ) throws {
    let file = url.lastPathComponent
    dyadicFile = file
    // (The scanner maps each part of the file on the thread that counts its lines.)
    let scanned: COWTradeScanner.Scan? = try MappedFile.withBytes(of: url, populate: false) { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      let size = bytes.count
      // The header: the first line (after a byte-order mark).
      let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      let lineEnd = bytes[bom...].firstIndex(of: UInt8(ascii: "\n"))
      guard let newline = lineEnd ?? (size > bom ? size : nil) else {
        throw ImportError(file: file, line: 1, message: size == 0 ? "the file is empty" : "the first line is not a header")
      }
      var header = String(decoding: bytes[bom..<newline], as: UTF8.self)
      if header.hasSuffix("\r") { header.removeLast() }
      guard !header.isEmpty else { throw ImportError(file: file, line: 1, message: "the file is empty") }
      // Quotes, or line ends that are lone carriage returns (the first line holds them): general
      // CSV, for CSVReader.
      if header.contains("\"") || header.contains("\r") { return nil }
      let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let found = try EconomicFields.columns(names, required: Self.dyadicColumns, file: file)
      let scanner = COWTradeScanner(
        columns: .init(
          code1: found["ccode1"]!, code2: found["ccode2"]!, year: found["year"]!, flow1: found["flow1"]!,
          flow2: found["flow2"]!, width: names.count),
        codes: SharedCOWCodes(codes))
      let scan = scanner.scan(bytes, bodyStart: min(size, newline + 1), pool: pool, alongside: alongside)
      // The file is mapped and its pages in memory: its digest costs the hashing alone.
      if scan != nil, let digests { digests.record(FileDigest.of(raw, pool: pool), for: url) }
      return scan
    }
    guard let scanned else {
      // A quote somewhere, or lone-CR line ends: general CSV, for CSVReader.
      alongside()
      try readDyadicWithCSVReader(url)
      return
    }
    rows = scanned.rows
    try ingest(scanned.chunks, firstLine: 2, file: file)
    guard !rows.isEmpty else { throw ImportError.noRows(file: file) }
  }

  /// Reads a dyadic file that has quoted fields with ``CSVReader``: its records first, then one
  /// chunk of rows.
  private mutating func readDyadicWithCSVReader(_ url: URL) throws {
    let reader = try CSVReader(path: url.path)
    let file = reader.fileName
    var columns: COWTradeScanner.Columns?
    var records: [(code1: Int, code2: Int, year: Int, flow1: Double, flow2: Double, line: Int)] = []
    try reader.forEachRow(requiring: Self.dyadicColumns) { header, record in
      let c =
        columns
        ?? .init(
          code1: header["ccode1"], code2: header["ccode2"], year: header["year"], flow1: header["flow1"],
          flow2: header["flow2"], width: header.names.count)
      columns = c
      let code1 = try EconomicFields.int(record, c.code1, in: COWCodeCache.codes, file: file, column: "ccode1")
      let code2 = try EconomicFields.int(record, c.code2, in: COWCodeCache.codes, file: file, column: "ccode2")
      let year = try EconomicFields.int(record, c.year, in: 1800...2100, file: file, column: "year")
      guard code1 != code2 else {
        throw ImportError(file: file, line: record.line, field: "ccode2", message: "is the same state as ccode1 (\(code1))")
      }
      let line = record.line
      let flow1 = try Self.flow(record.bytes(at: c.flow1), file: file, line: line, column: "flow1")
      let flow2 = try Self.flow(record.bytes(at: c.flow2), file: file, line: line, column: "flow2")
      records.append((code1, code2, year, flow1, flow2, line))
    }
    guard columns != nil else { throw ImportError(file: file, line: 1, message: "the file is empty") }
    var scratch = COWTradeChunk.Scratch(codes: SharedCOWCodes(codes))
    var chunk: COWTradeChunk?
    rows = try [Row](unsafeUninitializedCapacity: records.count) { buffer, initialized in
      var filling = COWTradeChunk(output: buffer)
      for r in records {
        if let problem = filling.add(
          code1: r.code1, code2: r.code2, year: r.year, flow1: r.flow1, flow2: r.flow2, line: r.line, scratch: &scratch)
        {
          throw ImportError(file: file, line: r.line, field: problem.column, message: problem.message)
        }
      }
      filling.finish(scratch: &scratch)
      filling.lines = records.last.map { $0.line + 1 } ?? 0
      initialized = filling.rowCount
      chunk = filling
    }
    // The reader's lines are the file's: no offset.
    try ingest([chunk!], firstLine: 0, file: file)
  }

  /// Merges the chunks' dyads in file order (a dyad may continue from one chunk into the next) and
  /// renumbers the rows' dyads in place, on every core; then reports the first bad row any chunk
  /// found. The chunks' rows are ``rows``, in order; `firstLine` is the file line of the first
  /// chunk's first line.
  private mutating func ingest(_ chunks: [COWTradeChunk], firstLine: Int, file: String) throws {
    var numbers = DyadNumbers(states: codes.ids.count)
    var renumbered: [[Int32]] = []
    var lastGlobal: Int32 = -1  // the dyad of the last row so far
    var offset = firstLine
    var firstRow = 0
    for chunk in chunks {
      var map = [Int32](repeating: 0, count: chunk.pairs.count)
      if !chunk.contiguous { contiguous = false }
      for (local, pair) in chunk.pairs.enumerated() {
        let span = chunk.spans[local]
        if let global = numbers[pair.a, pair.b] {
          // Contiguous only when the chunk begins by continuing the dyad the last chunk ended with.
          if !(local == 0 && global == lastGlobal) { contiguous = false }
          var merged = spans[Int(global)]
          merged.ordered = merged.ordered && span.ordered && merged.latest < chunk.firstRowYears[local]
          merged.first = min(merged.first, span.first)
          merged.last = max(merged.last, span.last)
          merged.latest = span.latest
          merged.count += span.count
          merged.whole = merged.whole && span.whole
          spans[Int(global)] = merged
          map[local] = global
        } else {
          let global = Int32(pairs.count)
          pairs.append(pair)
          spans.append(span)
          numbers[pair.a, pair.b] = global
          map[local] = global
        }
      }
      if chunk.lastDyad >= 0 { lastGlobal = map[Int(chunk.lastDyad)] }
      renumbered.append(map)
      chunkLines.append((firstRow, offset, chunk.anchors))
      completeRows.append((firstRow, chunk.complete))
      firstRow += chunk.rowCount
      if chunk.minYear <= chunk.maxYear {
        cover(chunk.minYear)
        cover(chunk.maxYear)
      }
      if let problem = chunk.problem {
        throw ImportError(file: file, line: offset + problem.line, field: problem.column, message: problem.message)
      }
      offset += chunk.lines
    }
    rowsRead += rows.count
    // The rows' dyads, renumbered in place on every core, for ``build()`` to group the rows by
    // dyad: only where a dyad's rows are not contiguous (in COW's files they are, and rows are
    // then read by dyad, as runs, without their numbers). Each chunk whose local numbers are not
    // already the global ones (the first chunk's are), in one part per thread.
    guard !contiguous else { return }
    let starts = chunkLines.map(\.firstRow) + [rows.count]
    let moving = renumbered.indices.filter { c in renumbered[c].indices.contains { renumbered[c][$0] != Int32($0) } }
    let parts = moving.flatMap { c in
      let (from, count) = (starts[c], starts[c + 1] - starts[c])
      return (0..<threads).map { t in (chunk: c, rows: (from + count * t / threads)..<(from + count * (t + 1) / threads)) }
    }
    if !parts.isEmpty {
      rows.withUnsafeMutableBufferPointer { rows in
        nonisolated(unsafe) let rows = rows
        let renumbered = renumbered
        pool.forEach(parts.count) { k, _ in
          renumbered[parts[k].chunk].withUnsafeBufferPointer { map in
            for i in parts[k].rows { rows[i].dyad = map[Int(rows[i].dyad)] }
          }
        }
      }
    }
  }

  /// The file line of a row (for messages).
  func line(ofRow row: Int) -> Int {
    var low = 0, high = chunkLines.count
    while low < high {
      let middle = (low + high) / 2
      if chunkLines[middle].firstRow <= row { low = middle + 1 } else { high = middle }
    }
    let chunk = chunkLines[max(0, low - 1)]
    return chunk.firstLine + COWTradeChunk.line(ofRow: row - chunk.firstRow, anchors: chunk.anchors)
  }

  /// One row of the state-year file, parsed but not yet resolved.
  struct TotalsRow {
    var imports: Double
    var exports: Double
    var line: Int32
    var code: Int16
    var year: Int16
  }

  /// The parsed rows of a state-year file.
  struct StateTotalsFile {
    let file: String
    let rows: [TotalsRow]
  }

  /// Parses the state-year file: `ccode`, `year`, `imports` and `exports` (national totals, current
  /// US$ millions). Touches no builder state, so it can run beside ``readDyadic(_:)``; ``add(_:)``
  /// then resolves the rows.
  static func parseStateTotals(_ url: URL) throws -> StateTotalsFile {
    let reader = try CSVReader(path: url.path)
    let file = reader.fileName
    var columns: (code: Int, year: Int, imports: Int, exports: Int)?
    var rows: [TotalsRow] = []
    try reader.forEachRow(requiring: ["ccode", "year", "imports", "exports"]) { header, record in
      let c = columns ?? (header["ccode"], header["year"], header["imports"], header["exports"])
      columns = c
      let line = record.line
      let code = try EconomicFields.int(record, c.code, in: COWCodeCache.codes, file: file, column: "ccode")
      let year = try EconomicFields.int(record, c.year, in: 1800...2100, file: file, column: "year")
      let imports = try Self.flow(record.bytes(at: c.imports), file: file, line: line, column: "imports")
      let exports = try Self.flow(record.bytes(at: c.exports), file: file, line: line, column: "exports")
      rows.append(
        TotalsRow(
          imports: imports, exports: exports, line: Int32(truncatingIfNeeded: line), code: Int16(code),
          year: Int16(year)))
    }
    guard columns != nil else { throw ImportError(file: file, line: 1, message: "the file is empty") }
    return StateTotalsFile(file: file, rows: rows)
  }

  /// Resolves the parsed state-year rows and keeps them, grouped by state in year order; a
  /// state-year given twice must repeat the same totals. Call once.
  mutating func add(_ parsed: StateTotalsFile) throws {
    let file = parsed.file
    let rows = parsed.rows
    // Resolved in file order (the first unknown code is the one reported), then grouped by state
    // with a counting sort, which keeps file order within a state.
    var states = [Int32](repeating: 0, count: rows.count)
    for (k, row) in rows.enumerated() {
      let state = codes.index(code: Int(row.code), year: Int(row.year))
      guard state >= 0 else { throw Self.unknownCode(Int(row.code), Int(row.year), file, Int(row.line), "ccode") }
      states[k] = state
      cover(Int(row.year))
    }
    var next = [Int](repeating: 0, count: codes.ids.count + 1)
    for state in states { next[Int(state) + 1] += 1 }
    for k in 1..<next.count { next[k] += next[k - 1] }
    var grouped = [Totals](repeating: Totals(imports: 0, exports: 0, line: 0, state: 0, year: 0), count: rows.count)
    for (k, row) in rows.enumerated() {
      let state = Int(states[k])
      grouped[next[state]] = Totals(
        imports: row.imports, exports: row.exports, line: row.line, state: states[k], year: row.year)
      next[state] += 1
    }
    // Years in order within each state (they are in COW's file); a repeated state-year kept once.
    var start = 0
    while start < grouped.count {
      var end = start + 1
      while end < grouped.count && grouped[end].state == grouped[start].state { end += 1 }
      if grouped[start..<end].indices.dropFirst().contains(where: { grouped[$0 - 1].year >= grouped[$0].year }) {
        grouped[start..<end].sort { ($0.year, $0.line) < ($1.year, $1.line) }
      }
      start = end
    }
    totals.reserveCapacity(grouped.count)
    totalsStart = [Int](repeating: 0, count: codes.ids.count + 1)
    for entry in grouped {
      if let earlier = totals.last, earlier.state == entry.state, earlier.year == entry.year {
        guard Self.same(earlier.imports, entry.imports), Self.same(earlier.exports, entry.exports) else {
          throw ImportError(
            file: file, line: Int(entry.line), field: "ccode",
            message: "\(codes.ids[Int(entry.state)]) \(entry.year) is listed with other totals on line \(earlier.line)")
        }
        continue
      }
      totals.append(entry)
      totalsStart[Int(entry.state) + 1] = totals.count
    }
    // States without totals start where the state before them ends.
    for k in 1..<totalsStart.count { totalsStart[k] = max(totalsStart[k], totalsStart[k - 1]) }
    rowsRead += rows.count
  }

  // MARK: Building

  /// Groups the rows by dyad, checks that no dyad-year is given twice with different flows, ranks
  /// every state's partners in every year, and packs the series (on every core): one row per
  /// state, in state order.
  ///
  /// The packing starts on the workers as this returns: write its rows in order, then finish it.
  func build() throws -> (output: Output, packing: Packing) {
    let dyadCount = pairs.count
    var starts = [Int](repeating: 0, count: dyadCount + 1)
    for (d, span) in spans.enumerated() { starts[d + 1] = starts[d] + Int(span.count) }
    // Each dyad's rows as a run of `order`. In COW's files every dyad's rows are contiguous, in
    // year order, and dyads are numbered as they first appear: `order` is then the identity and
    // is not built, and no row is skipped. Otherwise a counting sort by dyad, keeping file order
    // within a dyad, then each dyad's rows by year.
    let identity = contiguous && spans.allSatisfy(\.ordered)
    var order: [Int32] = []
    // Rows to leave out: the mirror row of a dyad-year given twice (a directed file).
    var skip: [Bool] = []
    if !identity {
      if contiguous {
        order = Array(0..<Int32(rows.count))
      } else {
        order = [Int32](repeating: 0, count: rows.count)
        var next = starts
        for (i, row) in rows.enumerated() {
          order[next[Int(row.dyad)]] = Int32(i)
          next[Int(row.dyad)] += 1
        }
      }
      // Years in order within each dyad; a repeated dyad-year must repeat the same flows (the
      // mirror row of a directed file) and is then skipped.
      skip = [Bool](repeating: false, count: rows.count)
      for d in 0..<dyadCount where !spans[d].ordered {
        let range = starts[d]..<starts[d + 1]
        // Rows are in file order: the row index breaks ties.
        order[range].sort { (rows[Int($0)].year, $0) < (rows[Int($1)].year, $1) }
        for k in range.dropFirst() {
          let previous = Int(order[k - 1]), current = Int(order[k])
          guard rows[current].year == rows[previous].year else { continue }
          guard Self.same(rows[previous].ab, rows[current].ab), Self.same(rows[previous].ba, rows[current].ba) else {
            let pair = pairs[d]
            throw ImportError(
              file: dyadicFile, line: line(ofRow: current), field: "flow1",
              message: "\(codes.ids[Int(pair.a)])–\(codes.ids[Int(pair.b)]) \(rows[current].year) is listed with other flows on line \(line(ofRow: previous))")
          }
          skip[current] = true
        }
      }
    }
    let ranks = rank(skip: skip)

    // The dyads of each first state, by partner id; states sorted by id once, so that dyads sort
    // by an integer; ids as UTF-8 once. States are packed on every core.
    var byFirst = [[Int32]](repeating: [], count: codes.ids.count)
    for (d, pair) in pairs.enumerated() { byFirst[Int(pair.a)].append(Int32(d)) }
    var position = [Int](repeating: 0, count: codes.ids.count)
    for (k, s) in codes.ids.indices.sorted(by: { codes.ids[$0] < codes.ids[$1] }).enumerated() { position[s] = k }
    let stateCount = codes.ids.count
    // The states with anything to write: dyads they are the first state of, totals, or partners
    // ranked in some year.
    let written = (0..<stateCount).filter { (s: Int) -> Bool in
      if !byFirst[s].isEmpty || (s + 1 < totalsStart.count && totalsStart[s + 1] > totalsStart[s]) { return true }
      return (0..<ranks.span).contains { (y: Int) -> Bool in ranks.partners[s * ranks.span + y] > 0 }
    }
    let work = PackWork(
      byFirst: byFirst, position: position, utf8: codes.ids.map { Array($0.rawValue.utf8) }, starts: starts,
      order: identity ? nil : order, skip: skip, ranks: ranks)
    let output = Output(dyadYears: skip.reduce(rows.count) { $1 ? $0 - 1 : $0 }, stateYears: totals.count)
    return (output, Packing(builder: self, states: written, work: work))
  }

  /// The states' rows, packed on every core while the caller writes them in order (and packs
  /// too whenever the row it is to write next is not ready).
  final class Packing: @unchecked Sendable {
    /// The number of rows (states with anything to write).
    let count: Int
    private let loop: WorkerPool.Loop
    private let pool: WorkerPool
    private let slots: Slots
    private var finished = false
    /// Released once the states are written: the ranks and the work arrays.
    private var work: PackWork?

    /// The packed rows, each taken once.
    private final class Slots: @unchecked Sendable {
      private let lock = NSLock()
      private var rows: [StateOutput?]

      init(count: Int) { rows = Array(repeating: nil, count: count) }

      func put(_ row: StateOutput, at i: Int) {
        lock.lock()
        rows[i] = row
        lock.unlock()
      }

      func take(_ i: Int) -> StateOutput? {
        lock.lock()
        defer { lock.unlock() }
        let row = rows[i]
        rows[i] = nil
        return row
      }
    }

    fileprivate init(builder: COWTradeBuilder, states: [Int], work: PackWork) {
      count = states.count
      pool = builder.pool
      let slots = Slots(count: states.count)
      self.slots = slots
      self.work = work
      nonisolated(unsafe) let builder = builder
      // One state an iteration, in order, taken by whichever thread is free.
      loop = builder.pool.start(states.count) { k, _ in slots.put(builder.pack(state: states[k], work), at: k) }
    }

    /// The `i`-th row, once packed (packing others meanwhile); each row can be taken once.
    func state(at i: Int) -> StateOutput {
      while true {
        if let row = slots.take(i) { return row }
        loop.runOne()
      }
    }

    /// Ends the packing (waiting for the workers) and lets the workers rest: the parallel work is
    /// over, and they leave their cores to the store.
    func finish() {
      guard !finished else { return }
      finished = true
      loop.finish()
      pool.rest()
      releaseInBackground(work)
      work = nil
    }

    deinit { finish() }
  }

  /// The partner ranks of every row, and the number of partners each state ranked each year.
  struct Ranks {
    /// By row: the rank of the dyad's second state among the first's partners (low 16 bits) and
    /// of the first among the second's (high 16 bits); 0 is unranked.
    let pairs: [UInt32]
    /// By `state * span + (year - firstYear)`.
    let partners: [UInt16]
    let firstYear: Int
    let span: Int
  }

  /// What packing needs besides the rows.
  fileprivate struct PackWork: @unchecked Sendable {
    let byFirst: [[Int32]]
    let position: [Int]
    let utf8: [[UInt8]]
    let starts: [Int]
    /// The rows in dyad order; `nil` when that is the rows' own order.
    let order: [Int32]?
    let skip: [Bool]
    let ranks: Ranks
  }

  /// One state's row: its totals, and the packed series of the dyads it is the first state of.
  private func pack(state s: Int, _ work: PackWork) -> StateOutput {
    let own = work.byFirst[s].sorted { work.position[Int(pairs[Int($0)].b)] < work.position[Int(pairs[Int($1)].b)] }
    let ranks = work.ranks
    var writer = PackWriter(capacity: own.count * 256)
    if !own.isEmpty { writer.begin(count: own.count) }
    let identity = work.order == nil
    rows.withUnsafeBufferPointer { rows in
      (work.order ?? []).withUnsafeBufferPointer { order in
        work.skip.withUnsafeBufferPointer { skip in
          ranks.pairs.withUnsafeBufferPointer { rankPairs in
            for d in own {
              let range = work.starts[Int(d)]..<work.starts[Int(d) + 1]
              let span = spans[Int(d)]
              let first = Int(span.first), last = Int(span.last)
              writer.beginDyad(
                partner: work.utf8[Int(pairs[Int(d)].b)], firstYear: first, years: last - first + 1, whole: span.whole)
              writer.records(years: last - first + 1) { cursor, whole in
                var year = first
                for k in range {
                  let i = identity ? k : Int(order[k])
                  if !skip.isEmpty && skip[i] { continue }
                  let row = rows[i]
                  while year < Int(row.year) {
                    cursor.record(.nan, .nan, 0, 0, whole: whole)
                    year += 1
                  }
                  let pair = rankPairs[i]
                  cursor.record(row.ab, row.ba, Int(pair & 0xFFFF), Int(pair >> 16), whole: whole)
                  year += 1
                }
              }
              writer.endDyad()
            }
          }
        }
      }
    }
    // National totals and the number of partners ranked, by year.
    // (In year order, each year once.)
    let ownTotals = s + 1 < totalsStart.count ? totals[totalsStart[s]..<totalsStart[s + 1]] : []
    var first = ownTotals.first.map { Int($0.year) } ?? Int.max
    var last = ownTotals.last.map { Int($0.year) } ?? Int.min
    for y in 0..<ranks.span where ranks.partners[s * ranks.span + y] > 0 {
      first = min(first, ranks.firstYear + y)
      last = max(last, ranks.firstYear + y)
    }
    var totalBytes: [UInt8] = []
    if first <= last {
      let size = COWTradeSeries.stateRecordSize
      totalBytes = [UInt8](repeating: 0, count: (last - first + 1) * size)
      totalBytes.withUnsafeMutableBytes { raw in
        var next = ownTotals.startIndex
        for year in first...last {
          let base = (year - first) * size
          var entry: Totals?
          if next < ownTotals.endIndex && Int(ownTotals[next].year) == year {
            entry = ownTotals[next]
            next += 1
          }
          COWTradeSeries.store(entry?.imports ?? .nan, raw, base)
          COWTradeSeries.store(entry?.exports ?? .nan, raw, base + 8)
          let y = year - ranks.firstYear
          COWTradeSeries.store(y >= 0 && y < ranks.span ? ranks.partners[s * ranks.span + y] : 0, raw, base + 16)
        }
      }
    }
    let dyads = writer.finish()
    return StateOutput(
      state: codes.ids[s], totalsFirstYear: first <= last ? first : nil, totals: totalBytes, dyads: dyads)
  }

  /// Every state's partners in every year ranked by total trade (both flows observed), largest
  /// first, ties sharing the better rank. A partner with a missing flow is unranked and does not
  /// count against any other partner.
  ///
  /// Each year's complete dyads are sorted once by total, largest first; walking them in that
  /// order, a state's n-th partner has rank n (or the rank of an equal total before it). Years are
  /// split between threads.
  ///
  /// The complete rows of each year are those the chunks listed as they parsed them
  /// (``COWTradeChunk/complete``), less the rows `skip` leaves out.
  private func rank(skip: [Bool]) -> Ranks {
    // Unranked (0) until the walk: zeroed on every core.
    var rankPairs = Self.zeros(rows.count, pool: pool)
    guard let years else { return Ranks(pairs: rankPairs, partners: [], firstYear: 0, span: 0) }
    let firstYear = years.lowerBound
    let span = years.count
    let stateCount = codes.ids.count
    // Each year's complete rows come from the chunks' lists, in file order (ties share a rank
    // whatever their order).
    let lists = completeRows
    let largest = years.map { y in lists.reduce(0) { $0 + $1.rows.entries(ofYear: y).count } }.max() ?? 0
    var partners = [UInt16](repeating: 0, count: stateCount * span)
    // Years in parts of a few each, taken by whichever thread is free; each thread sorts and walks
    // with its own scratch space, made at its first part.
    let parts = min(span, threads * 4)
    let scratches = UnsafeMutableBufferPointer<WalkScratch?>.allocate(capacity: threads)
    scratches.initialize(repeating: nil)
    defer { scratches.deinitialize().deallocate() }
    skip.withUnsafeBufferPointer { skip in
      rankPairs.withUnsafeMutableBufferPointer { rankPairs in
        partners.withUnsafeMutableBufferPointer { partners in
          nonisolated(unsafe) let (skip, rankPairs, partners, scratches) = (skip, rankPairs, partners, scratches)
          pool.forEach(parts) { part, thread in
            if scratches[thread] == nil {
              scratches[thread] = WalkScratch(capacity: largest, states: stateCount)
            }
            let scratch = scratches[thread]!
            let (seen, lastTotal, lastRank) = (scratch.seen, scratch.lastTotal, scratch.lastRank)
            let (rowOf, statesOf) = (scratch.rowOf, scratch.statesOf)
            let skipping = !skip.isEmpty
            for y in stride(from: part, to: span, by: parts) {
              // The year's complete rows (less the mirror rows left out), each by its position.
              var count = 0
              for list in lists {
                for entry in list.rows.entries(ofYear: firstYear + y) {
                  let row = list.firstRow + Int(entry.row)
                  if skipping && skip[row] { continue }
                  scratch.sorter.keys[count] = entry.key
                  scratch.sorter.values[count] = Int32(count)
                  rowOf[count] = Int32(row)
                  statesOf[count] = entry.states
                  count += 1
                }
              }
              guard count > 0 else { continue }
              seen.initialize(repeating: 0)
              scratch.sorter.sort(count)
              let sorter = scratch.sorter
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
                let states = statesOf[entry]
                // One write per row (one cache line): both ranks.
                rankPairs[row] =
                  UInt32(rank(Int(states & 0xFFFF), key)) | UInt32(rank(Int(states >> 16), key)) << 16
              }
              for state in 0..<stateCount where seen[state] > 0 {
                partners[state * span + y] = UInt16(clamping: seen[state])
              }
            }
          }
        }
      }
    }
    return Ranks(pairs: rankPairs, partners: partners, firstYear: firstYear, span: span)
  }

  /// A thread's scratch space for walking the years: a sorter, and per state the partners walked
  /// so far this year and the last total and rank.
  final class WalkScratch {
    var sorter: RadixSorter
    let seen: UnsafeMutableBufferPointer<Int32>
    let lastTotal: UnsafeMutableBufferPointer<UInt64>
    let lastRank: UnsafeMutableBufferPointer<Int32>
    /// By position in the year's list: the row, and its dyad's states.
    let rowOf: UnsafeMutableBufferPointer<Int32>
    let statesOf: UnsafeMutableBufferPointer<UInt32>

    init(capacity: Int, states: Int) {
      sorter = RadixSorter(capacity: capacity)
      seen = .allocate(capacity: states)
      lastTotal = .allocate(capacity: states)
      lastRank = .allocate(capacity: states)
      rowOf = .allocate(capacity: max(1, capacity))
      statesOf = .allocate(capacity: max(1, capacity))
    }

    deinit {
      sorter.release()
      seen.deallocate()
      lastTotal.deallocate()
      lastRank.deallocate()
      rowOf.deallocate()
      statesOf.deallocate()
    }
  }

  // MARK: Helpers

  /// An array of zeros, zeroed in one part per thread (so that its pages are first touched on
  /// every core).
  static func zeros(_ count: Int, pool: WorkerPool) -> [UInt32] {
    [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
      nonisolated(unsafe) let buffer = buffer
      let parts = count < 1 << 16 ? 1 : pool.threads
      pool.forEach(parts) { part, _ in
        let range = (count * part / parts)..<(count * (part + 1) / parts)
        UnsafeMutableBufferPointer(rebasing: buffer[range]).initialize(repeating: 0)
      }
      initialized = count
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
    ImportError(file: file, line: line, field: column, message: unknownCodeMessage(code, year))
  }

  static func unknownCodeMessage(_ code: Int, _ year: Int) -> String {
    "COW code \(code) names no state in \(year) in Dyad's state registry"
  }

  /// Equal values, or both missing.
  static func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
}
