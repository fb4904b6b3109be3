import Dispatch
import Foundation

/// Reads the rows of a COW dyadic trade file held in memory, on several threads at once.
///
/// The COW files are plain numeric CSV: no quotes, one record per line. The scanner splits the
/// body at line ends into one chunk per thread and parses each chunk's fields straight from the
/// bytes, validating every row as ``CSVReader``-based parsing would (the same messages, with the
/// line). A file with a quote character is not for the scanner: the importer reads it with
/// ``CSVReader`` instead.
struct COWTradeScanner {
  /// The parsed fields of one row.
  struct Row {
    var flow1: Double
    var flow2: Double
    /// The row's line within its chunk (0 for the chunk's first line).
    var line: Int32
    var code1: Int16
    var code2: Int16
    var year: Int16
  }

  /// The rows of one chunk, the chunk's line count, and its first bad row, if any.
  struct Chunk {
    var rows: [Row] = []
    var lines = 0
    /// A problem at a line within the chunk; the chunk's later rows were not read.
    var problem: (line: Int, column: String, message: String)?
  }

  /// The columns the scanner reads, by index in a record.
  struct Columns {
    let code1: Int, code2: Int, year: Int, flow1: Int, flow2: Int
    var last: Int { max(code1, code2, year, flow1, flow2) }
  }

  let columns: Columns

  /// Reads the body of a file (from `bodyStart`, the byte after the header line) in one range
  /// per thread, split at line ends; each thread streams its range through a 1 MB buffer. Chunks
  /// come back in file order. `nil` when the file has a quote character: it is then general CSV,
  /// for ``CSVReader``.
  func scan(file: Int32, name: String, bodyStart: Int, size: Int, threads: Int) throws(ImportError) -> [Chunk]? {
    let count = max(1, size - bodyStart < 1 << 20 ? 1 : threads)
    var bounds: [Int] = [bodyStart]
    var window = [UInt8](repeating: 0, count: 1 << 16)
    for k in 1..<count {
      // The byte after the first line end at or past an even split.
      var cut = max(bounds[k - 1], bodyStart + (size - bodyStart) * k / count)
      search: while cut < size {
        let read = window.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(cut)) }
        guard read > 0 else { throw ImportError(file: name, message: "cannot read the file") }
        for j in 0..<read where window[j] == UInt8(ascii: "\n") {
          cut += j + 1
          break search
        }
        cut += read
      }
      bounds.append(min(size, cut))
    }
    bounds.append(size)
    var results = [Streamed](repeating: .quoted, count: count)
    results.withUnsafeMutableBufferPointer { output in
      nonisolated(unsafe) let output = output
      let bounds = bounds
      DispatchQueue.concurrentPerform(iterations: count) { k in
        output[k] = stream(file: file, from: bounds[k], to: bounds[k + 1])
      }
    }
    var chunks: [Chunk] = []
    for result in results {
      switch result {
      case .parsed(let chunk): chunks.append(chunk)
      case .quoted: return nil
      case .unreadable(let message): throw ImportError(file: name, message: message)
      }
    }
    return chunks
  }

  /// What streaming a range gave.
  private enum Streamed {
    case parsed(Chunk)
    case quoted
    case unreadable(String)
  }

  /// Parses the lines of a byte range of a file, reading it a megabyte at a time; stops at a
  /// quote character.
  private func stream(file: Int32, from start: Int, to end: Int) -> Streamed {
    var chunk = Chunk()
    chunk.rows.reserveCapacity((end - start) / 28 + 16)
    var capacity = 1 << 20
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var held = 0  // the bytes of a partial line, carried to the buffer's start
    var offset = start
    while true {
      if held == capacity {
        // A line longer than the buffer.
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: buffer, count: held)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
      }
      let wanted = min(capacity - held, end - offset)
      var read = 0
      if wanted > 0 {
        read = pread(file, buffer + held, wanted, off_t(offset))
        if read < 0 { return .unreadable("cannot read the file (\(String(cString: strerror(errno))))") }
        if read == 0 { offset = end }  // the file became shorter
      }
      if read > 0, memchr(buffer + held, Int32(UInt8(ascii: "\"")), read) != nil { return .quoted }
      offset += read
      let available = held + read
      let finished = offset >= end
      // Whole lines only, until the range's last bytes.
      var usable = available
      if !finished {
        while usable > 0 && buffer[usable - 1] != UInt8(ascii: "\n") { usable -= 1 }
        if usable == 0 {
          held = available
          continue
        }
      }
      guard parse(UnsafeBufferPointer(start: buffer, count: usable), into: &chunk) else { return .parsed(chunk) }
      held = available - usable
      if held > 0 { buffer.update(from: buffer + usable, count: held) }
      if finished { return .parsed(chunk) }
    }
  }

  /// Parses one chunk of whole lines.
  ///
  /// Each field is parsed as it is scanned: whole numbers and plain decimals on the spot, anything
  /// else (`NA`, −9, an exponent, a bad value) by the general parsers on the field's bytes, which
  /// also word the errors.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>, into chunk: inout Chunk) -> Bool {
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
      while !atLineEnd {
        let role = field < roles.count ? roles[field] : -1
        let start = i
        if role < 0 && found == 0b11111 {
          // Every column read: the rest of the line is skipped at memchr's speed.
          if let end = memchr(bytes.baseAddress! + i, Int32(newline), n - i) {
            i = bytes.baseAddress!.distance(to: end.assumingMemoryBound(to: UInt8.self))
          } else {
            i = n
          }
        } else if role < 0 {
          while i < n && bytes[i] != comma && bytes[i] != newline { i += 1 }
        } else {
          // The fast path: digits, and for flows a decimal point and more digits.
          var whole: UInt64 = 0
          var fraction: UInt64 = 0
          var scale = 1.0
          var digits = 0
          var point = false
          while i < n {
            let digit = bytes[i] &- UInt8(ascii: "0")
            if digit < 10 {
              if point {
                fraction = fraction &* 10 &+ UInt64(digit)
                scale *= 10
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
            case 3: values.3 = point ? (Double(whole) * scale + Double(fraction)) / scale : Double(whole)
            default: values.4 = point ? (Double(whole) * scale + Double(fraction)) / scale : Double(whole)
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
      // Fields past the end of a short record are empty.
      for role in 0..<5 where found & (1 << role) == 0 {
        if role < 3 { return fail(&chunk, line, names[role], "is empty; a whole number is required") }
        if role == 3 { values.3 = .nan } else { values.4 = .nan }
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
      chunk.rows.append(
        Row(
          flow1: values.3, flow2: values.4, line: Int32(truncatingIfNeeded: line), code1: Int16(code1),
          code2: Int16(code2), year: Int16(year)))
      line += 1
    }
    return true
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
          FieldProblem("\(EconomicFields.shown(field)) is negative; a trade value is at least 0 (−9 marks a missing value)"))
      }
      return .success(value)
    case .missing:
      return .success(.nan)
    case .invalid:
      return .failure(FieldProblem("'\(EconomicFields.shown(field))' is not a number (a missing value is empty, NA or −9)"))
    }
  }
}
