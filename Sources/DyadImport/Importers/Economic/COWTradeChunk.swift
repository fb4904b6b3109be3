import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// The dyad-years of one part of a COW dyadic file, resolved and grouped by dyad as they are
/// parsed, on the thread that parses them.
///
/// Codes resolve through a per-thread table (``LocalCodes``) backed by the shared
/// ``COWCodeCache``; dyads are numbered locally in order of first appearance. The builder then
/// merges the chunks' dyads in file order (``COWTradeBuilder/ingest(_:file:)``): per-row work
/// happens on every core, per-dyad work once.
struct COWTradeChunk {
  /// Where the chunk's rows go, each with its local dyad number: room for at least its rows.
  let output: UnsafeMutableBufferPointer<COWTradeBuilder.Row>
  /// The rows written so far.
  private(set) var rowCount = 0
  /// The local dyad of the last row, or -1.
  private(set) var lastDyad: Int32 = -1
  /// The local dyads, first state the one with the smaller ``StateID``.
  var pairs: [COWTradeBuilder.Pair] = []
  var spans: [COWTradeBuilder.DyadSpan] = []
  /// The year of each local dyad's first row (to tell whether a dyad split between chunks stays in
  /// year order).
  var firstRowYears: [Int16] = []
  /// Whether each local dyad's rows are contiguous in the chunk.
  var contiguous = true
  /// Rows whose line is not the previous row's plus one (after a blank line, or a record over
  /// several lines): the row and its line. The line of any row follows from the last anchor at or
  /// before it.
  var anchors: [(row: Int32, line: Int32)] = []
  var minYear = Int.max
  var maxYear = Int.min
  /// The number of lines read (the scanner's lines are counted from the chunk's first).
  var lines = 0
  /// A problem at a line, in the chunk's numbering; the chunk's later rows were not read.
  var problem: (line: Int, column: String?, message: String)?

  private var lastLine = -1
  /// The span of the current dyad (`lastPair`), written back to `spans` by ``finish()``.
  private var span = COWTradeBuilder.DyadSpan(first: 0, last: 0, latest: 0, count: 0, whole: true, ordered: true)
  private var lastKey = UInt64.max
  private var lastPair = -1
  private var lastA: Int32 = 0
  private var lastB: Int32 = 0

  /// A complete row (both flows observed), for the ranking: its total as a sort key (largest
  /// first), its index in the chunk, and its dyad's states (the first in the low 16 bits).
  struct RankEntry {
    var key: UInt64
    var row: Int32
    var states: UInt32
  }

  /// The complete rows, gathered as they are parsed: what the ranking sorts.
  let complete: CompleteRows
  /// What the chunks parsed on one thread reuse, one after another: the thread's code table, and
  /// the table of the current chunk's dyad numbers (cleared as each chunk finishes).
  struct Scratch {
    var codes: LocalCodes
    var numbers: DyadNumbers

    init(codes: SharedCOWCodes) {
      // The ranking keeps a dyad's two states in 16 bits each.
      precondition(codes.stateCount <= Int(UInt16.max), "more states than the ranking can index")
      self.codes = LocalCodes(codes)
      numbers = DyadNumbers(states: codes.stateCount)
    }
  }

  /// A chunk writing into `output`.
  init(output: UnsafeMutableBufferPointer<COWTradeBuilder.Row>) {
    self.output = output
    complete = CompleteRows(capacity: output.count)
  }

  /// Writes the current dyad's span back and clears the chunk's dyad numbers from `scratch`: call
  /// once the chunk's last row is added (``spans`` is complete only then).
  mutating func finish(scratch: inout Scratch) {
    if lastPair >= 0 { spans[lastPair] = span }
    complete.groupByYear()
    for pair in pairs { scratch.numbers[min(pair.a, pair.b), max(pair.a, pair.b)] = nil }
  }

  /// The line of a chunk's row `row`, in the chunk's numbering, given its anchors.
  static func line(ofRow row: Int, anchors: [(row: Int32, line: Int32)]) -> Int {
    var low = 0, high = anchors.count
    while low < high {
      let middle = (low + high) / 2
      if Int(anchors[middle].row) <= row { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return row }
    let anchor = anchors[low - 1]
    return Int(anchor.line) + row - Int(anchor.row)
  }

  /// Adds one parsed row; `nil`, or the problem that stops the chunk (the column and message).
  /// `whole`: whether both flows are whole numbers or missing, if the parser knows (else the flows
  /// are checked).
  @inline(__always)
  mutating func add(
    code1: Int, code2: Int, year: Int, flow1: Double, flow2: Double, whole: Bool? = nil, line: Int,
    scratch: inout Scratch
  ) -> (column: String, message: String)? {
    let s1 = scratch.codes.index(code: code1, year: year)
    let s2 = scratch.codes.index(code: code2, year: year)
    guard s1 >= 0, s2 >= 0, s1 != s2 else {
      guard s1 >= 0 else { return ("ccode1", COWTradeBuilder.unknownCodeMessage(code1, year)) }
      guard s2 >= 0 else { return ("ccode2", COWTradeBuilder.unknownCodeMessage(code2, year)) }
      return ("ccode2", "COW codes \(code1) and \(code2) both name \(scratch.codes.id(of: s1)) in \(year)")
    }
    let key = UInt64(UInt32(min(s1, s2))) << 32 | UInt64(UInt32(max(s1, s2)))
    if key != lastKey {
      if lastPair >= 0 { spans[lastPair] = span }
      lastKey = key
      if let found = scratch.numbers[min(s1, s2), max(s1, s2)] {
        lastPair = Int(found)
        contiguous = false
      } else {
        lastPair = pairs.count
        let (a, b) = scratch.codes.precedes(s1, s2) ? (s1, s2) : (s2, s1)
        pairs.append(COWTradeBuilder.Pair(a: a, b: b))
        let first = Int16(year)
        spans.append(
          COWTradeBuilder.DyadSpan(first: first, last: first, latest: first - 1, count: 0, whole: true, ordered: true))
        firstRowYears.append(first)
        scratch.numbers[min(s1, s2), max(s1, s2)] = Int32(lastPair)
      }
      lastA = pairs[lastPair].a
      lastB = pairs[lastPair].b
      span = spans[lastPair]
    }
    let (ab, ba) = s1 == lastA ? (flow1, flow2) : (flow2, flow1)
    let row = rowCount
    guard row < output.count else {
      return ("ccode1", "has more rows than were counted (the file changed while read?)")
    }
    if line != lastLine + 1 { anchors.append((Int32(row), Int32(truncatingIfNeeded: line))) }
    lastLine = line
    let y = Int16(year)
    output[row] = COWTradeBuilder.Row(ab: ab, ba: ba, dyad: Int32(lastPair), year: y)
    if !ab.isNaN && !ba.isNaN {
      // Largest total first: the complement of a non-negative double's bits sorts that way.
      complete.append(
        RankEntry(
          key: ~(ab + ba).bitPattern, row: Int32(truncatingIfNeeded: row),
          states: UInt32(UInt16(truncatingIfNeeded: lastA)) | UInt32(UInt16(truncatingIfNeeded: lastB)) << 16),
        year: y)
    }
    rowCount = row + 1
    lastDyad = Int32(lastPair)
    if y <= span.latest { span.ordered = false }
    span.latest = y
    span.count += 1
    if y < span.first { span.first = y }
    if y > span.last { span.last = y }
    if span.whole && !(whole ?? (PackWriter.isWhole(ab) && PackWriter.isWhole(ba))) { span.whole = false }
    if year < minYear { minYear = year }
    if year > maxYear { maxYear = year }
    return nil
  }
}

/// A thread's view of the shared ``COWCodeCache``: a table of the (code, year) pairs it has
/// resolved, consulting the shared cache (under its lock) only for a pair it has not seen. A code
/// that names one state in every year (or none) fills all its years at once, so most codes take
/// the lock once per thread.
struct LocalCodes {
  let shared: SharedCOWCodes
  /// `(code - 1) * 301 + (year - 1800)` → state index; `unknown` until looked up.
  private var table: [Int32]
  /// The ids of the states this table has resolved, by index (to order dyads without the lock).
  private var ids: [StateID?] = []
  private static let unknown: Int32 = -2
  static let years = 1800...2100

  init(_ shared: SharedCOWCodes) {
    self.shared = shared
    table = [Int32](repeating: Self.unknown, count: COWCodeCache.codes.count * Self.years.count)
  }

  /// The index of the state a code names in a year (codes 1–999, years 1800–2100), or
  /// ``COWCodeCache/unresolved``.
  @inline(__always)
  mutating func index(code: Int, year: Int) -> Int32 {
    let slot = (code &- 1) &* Self.years.count &+ (year &- Self.years.lowerBound)
    let cached = table[slot]
    if cached != Self.unknown { return cached }
    return resolve(code: code, year: year, slot: slot)
  }

  private mutating func resolve(code: Int, year: Int, slot: Int) -> Int32 {
    let (found, id, everyYear) = shared.withCache { cache in
      let holder = cache.onlyHolder(code: code)
      let found = holder ?? cache.index(code: code, year: year)
      return (found, found >= 0 ? cache.ids[Int(found)] : nil, holder != nil)
    }
    if everyYear {
      let row = slot - (year - Self.years.lowerBound)
      for k in row..<(row + Self.years.count) { table[k] = found }
    } else {
      table[slot] = found
    }
    if let id {
      if ids.count <= Int(found) { ids += Array(repeating: nil, count: Int(found) + 1 - ids.count) }
      ids[Int(found)] = id
    }
    return found
  }

  /// Whether state `a`'s id sorts before state `b`'s (both resolved by this table).
  func precedes(_ a: Int32, _ b: Int32) -> Bool {
    ids[Int(a)]! < ids[Int(b)]!
  }

  func id(of state: Int32) -> String {
    ids[Int(state)]!.rawValue
  }
}

/// The ``COWCodeCache`` of one import, shared by the threads that parse it.
final class SharedCOWCodes: @unchecked Sendable {
  private let cache: COWCodeCache
  private let lock = NSLock()

  /// The number of states codes can resolve to (their indices are below it).
  let stateCount: Int

  init(_ cache: COWCodeCache) {
    self.cache = cache
    stateCount = cache.registry.states.count
  }

  func withCache<T>(_ body: (COWCodeCache) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(cache)
  }
}

/// A chunk's complete rows (both flows observed), for the ranking: appended as the rows are
/// parsed (into room for every row of the chunk: no reallocation, no check but the count), then
/// grouped by year, in file order within a year, by a counting sort while the chunk's memory is
/// still in cache.
final class CompleteRows: @unchecked Sendable {
  /// The entries and their years as appended (freed once grouped).
  private var entries: UnsafeMutablePointer<COWTradeChunk.RankEntry>?
  private var years: UnsafeMutablePointer<Int16>?
  private let capacity: Int
  private(set) var count = 0
  /// After ``groupByYear()``: the entries by year, and where each year's start (`year - 1800`).
  private var grouped: UnsafeMutablePointer<COWTradeChunk.RankEntry>?
  private var yearStarts = [Int](repeating: 0, count: LocalCodes.years.count + 1)

  init(capacity: Int) {
    self.capacity = max(1, capacity)
    entries = .allocate(capacity: self.capacity)
    years = .allocate(capacity: self.capacity)
  }

  deinit {
    entries?.deallocate()
    years?.deallocate()
    grouped?.deallocate()
  }

  @inline(__always)
  func append(_ entry: COWTradeChunk.RankEntry, year: Int16) {
    // The chunk never holds more rows than its room, which it checks before each row.
    guard count < capacity, let entries, let years else { return }
    entries[count] = entry
    years[count] = year
    count += 1
  }

  /// Groups the entries by year (once), then frees them as appended.
  func groupByYear() {
    guard grouped == nil, let entries, let years else { return }
    defer {
      entries.deallocate()
      years.deallocate()
      self.entries = nil
      self.years = nil
    }
    let first = LocalCodes.years.lowerBound
    for k in 0..<count { yearStarts[Int(years[k]) - first + 1] += 1 }
    for y in 1..<yearStarts.count { yearStarts[y] += yearStarts[y - 1] }
    let target = UnsafeMutablePointer<COWTradeChunk.RankEntry>.allocate(capacity: max(1, count))
    var next = yearStarts
    for k in 0..<count {
      let y = Int(years[k]) - first
      target[next[y]] = entries[k]
      next[y] += 1
    }
    grouped = target
  }

  /// The entries of a year, in file order (after ``groupByYear()``).
  func entries(ofYear year: Int) -> UnsafeBufferPointer<COWTradeChunk.RankEntry> {
    let y = year - LocalCodes.years.lowerBound
    guard let grouped, y >= 0, y + 1 < yearStarts.count else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: grouped + yearStarts[y], count: yearStarts[y + 1] - yearStarts[y])
  }
}
