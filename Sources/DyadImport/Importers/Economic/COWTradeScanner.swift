import Dispatch
import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Reads the rows of a COW dyadic trade file mapped into memory, on several threads at once.
///
/// The COW files are plain numeric CSV: no quotes, one record per line. The scanner splits the
/// body at line ends into four chunks per thread of a ``WorkerPool`` and parses each chunk's
/// fields straight from the bytes, validating every row as ``CSVReader``-based parsing would (the
/// same messages, with the line), and resolving and grouping it into a ``COWTradeChunk``. A file with a quote
/// character is not for the scanner: the importer reads it with ``CSVReader`` instead.
struct COWTradeScanner {
  /// The rows of one chunk, resolved and grouped by dyad as they are parsed.
  typealias Chunk = COWTradeChunk

  /// The columns the scanner reads, by index in a record.
  struct Columns {
    let code1: Int, code2: Int, year: Int, flow1: Int, flow2: Int
    /// The header's number of fields, which every row must have.
    let width: Int
    var last: Int { max(code1, code2, year, flow1, flow2) }
  }

  let columns: Columns
  /// The import's code cache, shared by the threads.
  let codes: SharedCOWCodes

  /// The rows of a file in one array, in file order, and each chunk's dyads and lines.
  struct Scan {
    var rows: [COWTradeBuilder.Row]
    var chunks: [Chunk]
  }

  /// Reads the body of a file held in memory (from `bodyStart`, the byte after the header line)
  /// in four ranges per thread, split at line ends. A first pass maps each range's pages and counts
  /// its lines, so that the second parses every row straight into its place in one array: no row
  /// is copied (but in files with blank lines, whose rows close up). Chunks come back in file
  /// order. `nil` when the file has a quote character: it is then general CSV, for ``CSVReader``.
  ///
  /// `alongside` is other work, run by one of the threads as pass 2 begins (or at once, for a
  /// file with a quote character, which is not scanned).
  func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int, pool: WorkerPool, alongside: @escaping @Sendable () -> Void = {}
  ) -> Scan? {
    nonisolated(unsafe) let bytes = bytes
    let size = bytes.count
    // Four ranges a thread, taken by whichever thread is free: a thread that starts late (woken
    // late, or busy elsewhere) leaves its share to the others.
    let count = max(1, size - bodyStart < 1 << 20 ? 1 : pool.threads * 4)
    var bounds = [bodyStart]
    for k in 1..<count {
      // The byte after the first line end at or past an even split.
      let cut = max(bounds[k - 1], bodyStart + (size - bodyStart) * k / count)
      if cut < size, let newline = memchr(bytes.baseAddress! + cut, Int32(UInt8(ascii: "\n")), size - cut) {
        bounds.append(bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1)
      } else {
        bounds.append(size)
      }
    }
    bounds.append(size)
    let ranges = (0..<count).map { bounds[$0]..<bounds[$0 + 1] }
    // Pass 1: each range's line ends (at least its rows), and whether it has a quote.
    var counted = [(rows: Int, quoted: Bool)](repeating: (0, false), count: count)
    counted.withUnsafeMutableBufferPointer { counted in
      nonisolated(unsafe) let counted = counted
      pool.forEach(count) { k, _ in
        let range = UnsafeBufferPointer(rebasing: bytes[ranges[k]])
        MappedFile.populate(UnsafeRawBufferPointer(range))
        counted[k] = Self.countRows(range)
      }
    }
    if counted.contains(where: \.quoted) {
      alongside()
      return nil
    }
    var firstRows = [0]
    for k in 0..<count { firstRows.append(firstRows[k] + counted[k].rows) }
    let total = firstRows[count]
    let starts = firstRows
    // Pass 2: parse, resolve and group, each range into its part of the rows.
    var chunks = [Chunk?](repeating: nil, count: count)
    // Each thread's code table and dyad numbers, made by the thread at its first range.
    var scratch = [Chunk.Scratch?](repeating: nil, count: pool.threads)
    let rows = [COWTradeBuilder.Row](unsafeUninitializedCapacity: total) { buffer, initialized in
      chunks.withUnsafeMutableBufferPointer { chunks in
        scratch.withUnsafeMutableBufferPointer { scratch in
          nonisolated(unsafe) let (chunks, buffer, scratch) = (chunks, buffer, scratch)
          // Iteration 0 is the other work, taken first; then the ranges.
          pool.forEach(count + 1) { iteration, thread in
            guard iteration > 0 else { return alongside() }
            let k = iteration - 1
            if scratch[thread] == nil { scratch[thread] = Chunk.Scratch(codes: self.codes) }
            var chunk = Chunk(output: UnsafeMutableBufferPointer(rebasing: buffer[starts[k]..<starts[k + 1]]))
            _ = parse(UnsafeBufferPointer(rebasing: bytes[ranges[k]]), into: &chunk, scratch: &scratch[thread]!)
            chunk.finish(scratch: &scratch[thread]!)
            chunks[k] = chunk
          }
        }
      }
      // Blank lines leave a chunk's room partly unused: close the gaps. (Rows are plain values;
      // a chunk that stopped at a bad row fails the import, and its unwritten rows are never read.)
      var end = 0
      for k in 0..<count {
        let written = chunks[k]!.rowCount
        if end != starts[k] && written > 0 {
          // The regions may overlap: memmove (rows are plain values).
          memmove(
            buffer.baseAddress! + end, buffer.baseAddress! + starts[k], written * MemoryLayout<COWTradeBuilder.Row>.stride)
        }
        end += written
      }
      initialized = end
    }
    return Scan(rows: rows, chunks: chunks.map { $0! })
  }

  /// At most the rows of a range of whole lines: its line ends, plus a last line without one
  /// (blank lines make no row; the scanner closes the gaps they leave). `quoted` when the range
  /// has a quote character.
  static func countRows(_ bytes: UnsafeBufferPointer<UInt8>) -> (rows: Int, quoted: Bool) {
    let n = bytes.count
    guard n > 0, let base = bytes.baseAddress else { return (0, false) }
    // Line ends and quotes, eight bytes a step: a byte of `word ^ pattern` is zero where `word`
    // has that byte, and each zero byte sets the top bit of its byte in `zeros` (exactly: no
    // carries between bytes).
    let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, quotes: UInt64 = 0x2222_2222_2222_2222
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x | low) }
    var count = 0
    var quoted: UInt64 = 0
    var i = 0
    while i &+ 8 <= n {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      count &+= zeros(word ^ newlines).nonzeroBitCount
      quoted |= zeros(word ^ quotes)
      i &+= 8
    }
    while i < n {
      if base[i] == UInt8(ascii: "\n") { count &+= 1 }
      if base[i] == UInt8(ascii: "\"") { quoted = 1 }
      i &+= 1
    }
    if quoted != 0 { return (0, true) }
    return (count + (base[n - 1] != UInt8(ascii: "\n") ? 1 : 0), false)
  }

  /// Parses one chunk of whole lines.
  ///
  /// Each field is parsed as it is scanned: whole numbers and plain decimals on the spot, anything
  /// else (`NA`, −9, an exponent, a bad value) by the general parsers on the field's bytes, which
  /// also word the errors.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>, into chunk: inout Chunk, scratch: inout Chunk.Scratch) -> Bool {
    let n = bytes.count
    // What each column is: 0–2 the codes and year, 3–4 the flows, -1 a column not read.
    var roles = [Int](repeating: -1, count: columns.last + 1)
    for (role, index) in [columns.code1, columns.code2, columns.year, columns.flow1, columns.flow2].enumerated() {
      roles[index] = role
    }
    let names = ["ccode1", "ccode2", "year", "flow1", "flow2"]
    let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    var i = 0
    var line = chunk.lines
    defer { if chunk.problem == nil { chunk.lines = line } }
    var values: (Int, Int, Int, Double, Double) = (0, 0, 0, 0, 0)
    // COW's own column order: ccode1, ccode2, year, flow1, flow2 first.
    let standardLayout =
      columns.code1 == 0 && columns.code2 == 1 && columns.year == 2 && columns.flow1 == 3 && columns.flow2 == 4
    while i < n {
      // A blank line.
      if bytes[i] == newline || (bytes[i] == cr && i + 1 < n && bytes[i + 1] == newline) {
        i += bytes[i] == cr ? 2 : 1
        line += 1
        continue
      }
      var field = 0
      var found = 0  // a bit per role read
      var atLineEnd = false
      // Whether both flows are whole numbers or missing, when the line was read the usual way.
      var whole: Bool?
      var knownWhole = false
      var fields = 0
      if standardLayout,
        let end = Self.standardFields(bytes, from: i, into: &values, wholeFlows: &knownWhole, fields: &fields)
      {
        whole = knownWhole
        // The usual line, read in one pass (the general loop below reads anything else).
        i = end
        found = 0b11111
        atLineEnd = true
        field = fields
      }
      while !atLineEnd {
        let role = field < roles.count ? roles[field] : -1
        let start = i
        if role < 0 {
          while i < n && bytes[i] != comma && bytes[i] != newline { i += 1 }
        } else {
          // The fast path: digits, and for flows a decimal point and more digits.
          var whole: UInt64 = 0
          var fraction: UInt64 = 0
          var decimals = 0
          var digits = 0
          var point = false
          while i < n {
            let digit = bytes[i] &- UInt8(ascii: "0")
            if digit < 10 {
              if point {
                fraction = fraction &* 10 &+ UInt64(digit)
                decimals += 1
              } else {
                whole = whole &* 10 &+ UInt64(digit)
              }
              digits += 1
              i += 1
            } else if bytes[i] == UInt8(ascii: "."), !point {
              point = true
              i += 1
            } else {
              break
            }
          }
          var end = i
          let delimited = i == n || bytes[i] == comma || bytes[i] == newline
            || (bytes[i] == cr && (i + 1 == n || bytes[i + 1] == newline))
          if delimited && digits > 0 && digits <= 15 && (role >= 3 || !point || fraction == 0) {
            switch role {
            case 0: values.0 = Int(whole)
            case 1: values.1 = Int(whole)
            case 2: values.2 = Int(whole)
            case 3: values.3 = Self.decimal(whole, fraction, decimals)
            default: values.4 = Self.decimal(whole, fraction, decimals)
            }
          } else {
            // Anything else: find the field's end and let the general parsers read or reject it.
            while i < n && bytes[i] != comma && bytes[i] != newline { i += 1 }
            end = i
            if end > start && bytes[end - 1] == cr { end -= 1 }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if role < 3 {
              switch EconomicFields.checkInt(text, in: 0...Int.max) {
              case .success(let value):
                if role == 0 { values.0 = value } else if role == 1 { values.1 = value } else { values.2 = value }
              case .failure(let problem): return fail(&chunk, line, names[role], problem.message)
              }
            } else {
              switch Self.flow(text) {
              case .success(let value): if role == 3 { values.3 = value } else { values.4 = value }
              case .failure(let problem): return fail(&chunk, line, names[role], problem.message)
              }
            }
          }
          found |= 1 << role
        }
        // Past the delimiter.
        if i < n && bytes[i] == cr { i += 1 }
        if i >= n || bytes[i] == newline {
          atLineEnd = true
        }
        i += 1
        field += 1
      }
      // Every row has the header's fields: a short or long one is truncated or malformed, and its
      // values would be read from the wrong columns.
      guard field == columns.width else {
        chunk.problem = (line, nil, ImportError.width(file: "", line: line, fields: field, header: columns.width).message)
        chunk.lines = line
        return false
      }
      let (code1, code2, year) = (values.0, values.1, values.2)
      guard COWCodeCache.codes.contains(code1) else {
        return fail(&chunk, line, "ccode1", "\(code1) is outside 1–999")
      }
      guard COWCodeCache.codes.contains(code2) else {
        return fail(&chunk, line, "ccode2", "\(code2) is outside 1–999")
      }
      guard (1800...2100).contains(year) else { return fail(&chunk, line, "year", "\(year) is outside 1800–2100") }
      guard code1 != code2 else { return fail(&chunk, line, "ccode2", "is the same state as ccode1 (\(code1))") }
      if let problem = chunk.add(
        code1: code1, code2: code2, year: year, flow1: values.3, flow2: values.4, whole: whole, line: line,
        scratch: &scratch)
      {
        return fail(&chunk, line, problem.column, problem.message)
      }
      line += 1
    }
    return true
  }

  /// Reads a line in COW's own layout — three whole numbers, then two flows, each a plain decimal
  /// of at most 15 digits or empty (missing), each followed by a comma, or the second by the line
  /// end — and skips the rest of the line. Returns the index after the line end (or the end of
  /// the bytes), or `nil`, having changed nothing, for any other line: the general loop then reads
  /// it, and words any error. `wholeFlows` tells whether both flows are whole numbers or missing
  /// (no fraction but zeros), which the packing's varints need.
  @inline(__always)
  static func standardFields(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into values: inout (Int, Int, Int, Double, Double),
    wholeFlows: inout Bool, fields: inout Int
  ) -> Int? {
    let n = bytes.count
    let base = bytes.baseAddress!
    let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    var i = start
    /// Reads the digits from `i` on into `value` (times ten, plus each); how many there were.
    @inline(__always) func digits(into value: inout UInt64) -> Int {
      let first = i
      while i < n {
        let digit = base[i] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        value = value &* 10 &+ UInt64(digit)
        i &+= 1
      }
      return i &- first
    }
    /// A whole number of 1–9 digits followed by a comma.
    @inline(__always) func whole() -> Int? {
      var value: UInt64 = 0
      let count = digits(into: &value)
      guard count > 0, count <= 9, i < n, base[i] == comma else { return nil }
      i &+= 1
      return Int(value)
    }
    // Whether a flow has a nonzero fraction.
    var fractional = false
    /// A plain decimal or an empty field, followed by a comma or (`last`) a line end or the end.
    @inline(__always) func flow() -> Double? {
      var whole: UInt64 = 0, fraction: UInt64 = 0, decimals = 0
      var count = digits(into: &whole)
      if i < n && base[i] == UInt8(ascii: ".") {
        i &+= 1
        decimals = digits(into: &fraction)
        count &+= decimals
        guard count > 0 else { return nil }  // a lone "."
      }
      guard count <= 15 else { return nil }
      if fraction != 0 { fractional = true }
      return count == 0 ? .nan : decimal(whole, fraction, decimals)
    }
    guard let code1 = whole(), let code2 = whole(), let year = whole(), let flow1 = flow(),
      i < n, base[i] == comma
    else { return nil }
    i &+= 1
    guard let flow2 = flow() else { return nil }
    // The rest of the line: nothing, or more columns after a comma, counted (every row must have
    // the header's fields).
    var commas = 4
    if i < n {
      if base[i] == comma {
        // To the line end, eight bytes a step (the rest of a COW line is a dozen bytes): a byte of
        // `word ^ pattern` is zero where `word` has that byte, and `zeros` sets the top bit of each
        // zero byte (exactly: no carries between bytes).
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, commaBytes: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x | low) }
        while true {
          if i &+ 8 <= n {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let ends = zeros(word ^ newlines)
            let found = zeros(word ^ commaBytes)
            if ends != 0 {
              // The bits of the bytes before the line end.
              let before = (UInt64(1) << UInt64(ends.trailingZeroBitCount &- 7)) &- 1
              commas &+= (found & before).nonzeroBitCount
              i &+= ends.trailingZeroBitCount >> 3
              break
            }
            commas &+= found.nonzeroBitCount
            i &+= 8
          } else {
            while i < n && base[i] != newline {
              if base[i] == comma { commas &+= 1 }
              i &+= 1
            }
            break
          }
        }
      } else if base[i] != newline {
        return nil
      }
    }
    fields = commas &+ 1
    values = (code1, code2, year, flow1, flow2)
    // Both flows missing or whole numbers (at most 15 digits, so below 2^53).
    wholeFlows = !fractional
    return i < n ? i &+ 1 : n
  }

  /// Powers of ten that a `Double` holds exactly.
  private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

  /// `whole.fraction` with `decimals` digits after the point, correctly rounded: the digits, at
  /// most 15, form an integer a `Double` holds exactly, and one division by an exact power of ten
  /// rounds once. A zero fraction (`612.0`, most COW flows) needs no division.
  @inline(__always)
  static func decimal(_ whole: UInt64, _ fraction: UInt64, _ decimals: Int) -> Double {
    // Below 10^15, as signed integers: one conversion instruction each (an unsigned one takes
    // several on x86-64).
    let (whole, fraction) = (Int64(truncatingIfNeeded: whole), Int64(truncatingIfNeeded: fraction))
    if fraction == 0 { return Double(whole) }
    let scale = powersOfTen.withUnsafeBufferPointer { $0[decimals] }
    return (Double(whole) * scale + Double(fraction)) / scale
  }

  private func fail(_ chunk: inout Chunk, _ line: Int, _ column: String, _ message: String) -> Bool {
    chunk.problem = (line, column, message)
    chunk.lines = line
    return false
  }

  /// A trade value: a number of at least 0, or NaN for a missing one (empty, NA or −9).
  @inline(__always)
  static func flow(_ field: UnsafeBufferPointer<UInt8>) -> Result<Double, FieldProblem> {
    switch EconomicFields.amount(field, minusNineIsMissing: true) {
    case .value(let value):
      guard value >= 0 else {
        return .failure(
          .negative(
            value: String(decoding: field, as: UTF8.self),
            expected: "a trade value is at least 0 (−9 marks a missing value)"))
      }
      return .success(value)
    case .missing:
      return .success(.nan)
    case .invalid:
      return .failure(
        .invalid(value: String(decoding: field, as: UTF8.self), expected: "a number (a missing value is empty, NA or −9)"))
    }
  }
}
