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

  /// Splits `body` (the bytes after the header line) into chunks at line ends and parses them in
  /// parallel. Chunks come back in file order.
  func scan(_ body: UnsafeBufferPointer<UInt8>, threads: Int) -> [Chunk] {
    let count = max(1, body.count < 1 << 20 ? 1 : threads)
    var bounds: [Int] = [0]
    for k in 1..<count {
      var cut = max(bounds[k - 1], body.count * k / count)
      while cut < body.count && body[cut] != UInt8(ascii: "\n") { cut += 1 }
      bounds.append(min(body.count, cut + 1))
    }
    bounds.append(body.count)
    var chunks = [Chunk](repeating: Chunk(), count: count)
    chunks.withUnsafeMutableBufferPointer { output in
      nonisolated(unsafe) let output = output
      nonisolated(unsafe) let body = body
      let bounds = bounds
      DispatchQueue.concurrentPerform(iterations: count) { k in
        output[k] = parse(UnsafeBufferPointer(rebasing: body[bounds[k]..<bounds[k + 1]]))
      }
    }
    return chunks
  }

  /// Parses one chunk of whole lines.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Chunk {
    var chunk = Chunk()
    chunk.rows.reserveCapacity(bytes.count / 28 + 16)
    let n = bytes.count
    let last = columns.last
    // The start and end of each field the scanner reads, by column index.
    var starts = [Int](repeating: 0, count: last + 1)
    var ends = [Int](repeating: 0, count: last + 1)
    var i = 0
    var line = 0
    let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    while i < n {
      let lineStart = i
      var fieldIndex = 0
      var fieldStart = i
      // Fields: up to the line end.
      while i < n {
        let byte = bytes[i]
        if byte == comma {
          if fieldIndex <= last {
            starts[fieldIndex] = fieldStart
            ends[fieldIndex] = i
          }
          fieldIndex += 1
          fieldStart = i + 1
        } else if byte == newline {
          break
        }
        i += 1
      }
      var end = i
      if end > fieldStart && bytes[end - 1] == cr { end -= 1 }
      if fieldIndex <= last {
        starts[fieldIndex] = fieldStart
        ends[fieldIndex] = end
      }
      let fields = fieldIndex + 1
      i += 1  // past the newline
      defer { line += 1 }
      if end == lineStart && fields == 1 { continue }  // a blank line
      // Fields past the end of a short record are empty.
      if fields <= last {
        for k in fields...last {
          starts[k] = end
          ends[k] = end
        }
      }
      func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[index]..<ends[index]])
      }
      func fail(_ column: String, _ message: String) -> Chunk {
        var result = chunk
        result.problem = (line, column, message)
        result.lines = line
        return result
      }
      let code1: Int, code2: Int, year: Int
      switch EconomicFields.checkInt(field(columns.code1), in: COWCodeCache.codes) {
      case .success(let value): code1 = value
      case .failure(let problem): return fail("ccode1", problem.message)
      }
      switch EconomicFields.checkInt(field(columns.code2), in: COWCodeCache.codes) {
      case .success(let value): code2 = value
      case .failure(let problem): return fail("ccode2", problem.message)
      }
      switch EconomicFields.checkInt(field(columns.year), in: 1800...2100) {
      case .success(let value): year = value
      case .failure(let problem): return fail("year", problem.message)
      }
      guard code1 != code2 else { return fail("ccode2", "is the same state as ccode1 (\(code1))") }
      let flow1: Double, flow2: Double
      switch Self.flow(field(columns.flow1)) {
      case .success(let value): flow1 = value
      case .failure(let problem): return fail("flow1", problem.message)
      }
      switch Self.flow(field(columns.flow2)) {
      case .success(let value): flow2 = value
      case .failure(let problem): return fail("flow2", problem.message)
      }
      chunk.rows.append(
        Row(
          flow1: flow1, flow2: flow2, line: Int32(truncatingIfNeeded: line), code1: Int16(code1), code2: Int16(code2),
          year: Int16(year)))
    }
    chunk.lines = line
    return chunk
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
