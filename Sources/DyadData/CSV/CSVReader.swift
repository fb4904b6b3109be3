import DyadCore
import Foundation

/// A streaming RFC 4180 reader that works on bytes: quoted fields, doubled quotes and newlines
/// inside quotes, CRLF or LF line ends, and a UTF-8 byte-order mark.
///
/// The mirrored CSV libraries parse 140–430k rows/s on this project's data; this reader parses
/// about 3M rows/s (see `Benchmarks/`), which is why Dyad has its own.
///
/// ```swift
/// let reader = try CSVReader(path: "un_votes.csv")
/// try reader.forEachRecord { record in
///   print(record.line, record.string(at: 0))
/// }
/// ```
public final class CSVReader {
  /// The file's path, as given; used in error messages.
  public let path: String
  private let file: UnsafeMutablePointer<FILE>?
  private let data: [UInt8]?
  private let chunkSize: Int

  /// Opens a file for reading.
  public init(path: String, chunkSize: Int = 1 << 20) throws(ImportError) {
    guard let file = fopen(path, "rb") else {
      throw ImportError(file: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
    }
    self.path = path
    self.file = file
    self.data = nil
    self.chunkSize = chunkSize
  }

  /// Reads CSV text held in memory; `name` stands for the file in error messages.
  public init(bytes: [UInt8], name: String, chunkSize: Int = 1 << 20) {
    self.path = name
    self.file = nil
    self.data = bytes
    self.chunkSize = max(1, chunkSize)
  }

  /// Reads CSV text held in memory; `name` stands for the file in error messages.
  public convenience init(text: String, name: String, chunkSize: Int = 1 << 20) {
    self.init(bytes: Array(text.utf8), name: name, chunkSize: chunkSize)
  }

  deinit { if let file { fclose(file) } }

  /// The file's name without its folder, for messages.
  public var fileName: String { (path as NSString).lastPathComponent }

  /// Calls `body` with every record in order. The record is valid only during the call.
  ///
  /// Throws an ``ImportError`` naming the line for a quoted field that is never closed (a
  /// truncated file) or a stray character after a closing quote, and rethrows what `body` throws.
  public func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
    var scanner = Scanner()
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var first = true
    var offset = 0
    while true {
      let count: Int
      if let file {
        count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, file) }
        if count == 0, ferror(file) != 0 {
          throw ImportError(file: path, line: scanner.line, message: "read error")
        }
      } else {
        let data = data!
        count = min(chunkSize, data.count - offset)
        if count > 0 { buffer.replaceSubrange(0..<count, with: data[offset..<(offset + count)]) }
        offset += count
      }
      if count == 0 { break }
      var start = 0
      if first {
        first = false
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
      }
      try buffer.withUnsafeBufferPointer { chunk in
        try scanner.scan(UnsafeBufferPointer(rebasing: chunk[start..<count]), path: path, body: body)
      }
    }
    try scanner.finish(path: path, body: body)
  }

  /// Reads the first record as a header, then calls `body` with each later record.
  ///
  /// Every record must have exactly the header's number of fields, the last line included: a
  /// truncated or malformed line is an error naming it, never a row whose values shift into the
  /// wrong columns. A file with a header and no rows is an error too (it would empty a dataset),
  /// unless `allowingNoRows`.
  ///
  /// - Parameter required: columns that must be present; a missing one is an error naming it.
  public func forEachRow(
    requiring required: [String] = [], allowingNoRows: Bool = false,
    _ body: (CSVHeader, borrowing CSVRecord) throws -> Void
  ) throws {
    var header: CSVHeader?
    var rows = 0
    try forEachRecord { record in
      if let header {
        guard record.count == header.names.count else {
          throw ImportError.width(file: fileName, line: record.line, fields: record.count, header: header.names.count)
        }
        rows += 1
        try body(header, record)
      } else {
        let names = (0..<record.count).map { record.string(at: $0) }
        let parsed = CSVHeader(names: names, file: fileName)
        for column in required where parsed.index(of: column) == nil {
          throw ImportError(
            file: fileName, line: record.line, field: column,
            message: "the header has no column '\(column)' (found: \(names.joined(separator: ", ")))")
        }
        header = parsed
      }
    }
    if header == nil { throw ImportError(file: fileName, line: 1, message: "the file is empty") }
    if rows == 0 && !allowingNoRows {
      throw ImportError.noRows(file: fileName)
    }
  }
}

/// The column names of a CSV file.
public struct CSVHeader: Sendable {
  public let names: [String]
  public let file: String
  private let indices: [String: Int]

  public init(names: [String], file: String) {
    self.names = names
    self.file = file
    var indices: [String: Int] = [:]
    for (i, name) in names.enumerated() where indices[name] == nil { indices[name] = i }
    self.indices = indices
  }

  public func index(of column: String) -> Int? { indices[column] }

  /// The index of a column that ``CSVReader/forEachRow(requiring:_:)`` checked is present.
  public subscript(column: String) -> Int { indices[column] ?? Int.max }
}

/// One record of a CSV file: its fields, and the line it starts on.
///
/// A record borrows the reader's buffers and is valid only inside the reader's callback.
public struct CSVRecord: ~Copyable {
  let bytes: UnsafeBufferPointer<UInt8>
  let ends: UnsafeBufferPointer<Int>
  /// The 1-based line the record starts on.
  public let line: Int

  /// The number of fields.
  public var count: Int { ends.count }

  /// The raw bytes of a field, empty for a field past the end of the record.
  public func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
    let start = index == 0 ? 0 : ends[index - 1]
    return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
  }

  /// A field as text (empty past the end of the record).
  public func string(at index: Int) -> String { String(decoding: bytes(at: index), as: UTF8.self) }

  /// Whether a field is empty or absent.
  public func isEmpty(at index: Int) -> Bool { bytes(at: index).isEmpty }

  /// A field as a whole number, or `nil` when it is not one (including empty).
  public func int(at index: Int) -> Int? {
    let field = bytes(at: index)
    guard !field.isEmpty else { return nil }
    var i = 0
    var negative = false
    if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
      negative = field[0] == UInt8(ascii: "-")
      i = 1
      guard field.count > 1 else { return nil }
    }
    var value = 0
    while i < field.count {
      let digit = Int(field[i]) &- 48
      guard digit >= 0, digit <= 9 else {
        // Accept "12.0" as 12, as R and pandas exports write whole numbers so.
        if field[i] == UInt8(ascii: "."), field[(i + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) { break }
        return nil
      }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(digit)
      guard !o1, !o2 else { return nil }
      value = s
      i += 1
    }
    return negative ? -value : value
  }

  /// A field as a number, or `nil` when it is not one (including empty, `NA` and `NaN`).
  public func double(at index: Int) -> Double? {
    let field = bytes(at: index)
    guard !field.isEmpty, field.count < 64 else { return nil }
    if let whole = int(at: index), !field.contains(UInt8(ascii: ".")) { return Double(whole) }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: field.count + 1) { buffer in
      for i in 0..<field.count { buffer[i] = CChar(bitPattern: field[i]) }
      buffer[field.count] = 0
      var end: UnsafeMutablePointer<CChar>?
      let value = strtod(buffer.baseAddress!, &end)
      guard let end, end == buffer.baseAddress! + field.count, value.isFinite else { return nil }
      return value
    }
  }

  /// Whether a field equals an ASCII text exactly.
  public func field(at index: Int, equals text: StaticString) -> Bool {
    let field = bytes(at: index)
    guard field.count == text.utf8CodeUnitCount else { return false }
    for i in 0..<field.count where field[i] != text.utf8Start[i] { return false }
    return true
  }
}

/// The byte-level state machine behind ``CSVReader``.
struct Scanner {
  private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
  private var state = State.fieldStart
  private var fieldBytes: [UInt8] = []
  private var ends: [Int] = []
  private(set) var line = 1
  private var recordLine = 1
  private var quotedField = false
  /// The last byte was a carriage return that ended a record: a line feed next is part of that
  /// line end (CRLF), anything else starts the next record (a file with lone-CR line ends).
  private var afterCR = false

  /// The longest field the reader accepts: no dataset's field comes near it, and a longer one is
  /// an unclosed quote or a file that is not CSV.
  static let maxFieldBytes = 65_536
  /// The most fields a record may have, so that memory stays bounded on input without line ends.
  static let maxFields = 65_536

  init() {
    fieldBytes.reserveCapacity(4096)
    ends.reserveCapacity(64)
  }

  /// Throws when the field being read has grown past ``maxFieldBytes``.
  @inline(__always)
  private func checkFieldLength(_ path: String) throws {
    if fieldBytes.count - (ends.last ?? 0) > Self.maxFieldBytes { throw tooLong(path) }
  }

  private func tooLong(_ path: String) -> ImportError {
    ImportError(
      file: (path as NSString).lastPathComponent, line: recordLine, field: "#\(ends.count + 1)",
      message: "is longer than \(Self.maxFieldBytes / 1024) KB; no field of a dataset is (an unclosed quote, or a file that is not CSV?)")
  }

  private mutating func endField() {
    ends.append(fieldBytes.count)
    state = .fieldStart
    quotedField = false
  }

  private mutating func endRecord(body: (borrowing CSVRecord) throws -> Void) rethrows {
    endField()
    // A blank line is no record.
    if !(ends.count == 1 && ends[0] == 0) {
      try fieldBytes.withUnsafeBufferPointer { bytes in
        try ends.withUnsafeBufferPointer { ends in
          try body(CSVRecord(bytes: bytes, ends: ends, line: recordLine))
        }
      }
    }
    fieldBytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    recordLine = line
  }

  mutating func scan(
    _ chunk: UnsafeBufferPointer<UInt8>, path: String, body: (borrowing CSVRecord) throws -> Void
  ) throws {
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    var i = 0
    let n = chunk.count
    while i < n {
      let byte = chunk[i]
      if afterCR {
        afterCR = false
        if byte == newline {
          i += 1
          continue
        }
      }
      switch state {
      case .fieldStart, .unquoted:
        if state == .fieldStart && byte == quote {
          state = .quoted
          quotedField = true
          i += 1
          continue
        }
        // Fast path: copy a run of ordinary bytes at once.
        var j = i
        while j < n {
          let b = chunk[j]
          if b == comma || b == newline || b == cr || b == quote { break }
          j += 1
        }
        if j > i {
          fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[i..<j]))
          try checkFieldLength(path)
          state = .unquoted
          i = j
          continue
        }
        switch byte {
        case comma:
          endField()
          if ends.count > Self.maxFields {
            throw ImportError(
              file: (path as NSString).lastPathComponent, line: recordLine,
              message: "has more than \(Self.maxFields) fields on one line (a file without line ends?)")
          }
        case newline:
          line += 1
          try endRecord(body: body)
        case cr:
          line += 1
          try endRecord(body: body)
          afterCR = true
        default:  // a quote inside an unquoted field is kept as it is
          fieldBytes.append(byte)
          state = .unquoted
        }
        i += 1
      case .quoted:
        var j = i
        while j < n {
          let b = chunk[j]
          if b == quote { break }
          if b == newline { line += 1 }
          j += 1
        }
        fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[i..<j]))
        try checkFieldLength(path)
        i = j
        if i < n {
          state = .quoteInQuoted
          i += 1
        }
      case .quoteInQuoted:
        switch byte {
        case quote:
          fieldBytes.append(quote)
          state = .quoted
        case comma: endField()
        case newline:
          line += 1
          try endRecord(body: body)
        case cr:
          line += 1
          try endRecord(body: body)
          afterCR = true
        default:
          throw ImportError(
            file: (path as NSString).lastPathComponent, line: line, field: "#\(ends.count + 1)",
            message: "unexpected character '\(Character(Unicode.Scalar(byte)))' after a closing quote")
        }
        i += 1
      }
    }
  }

  mutating func finish(path: String, body: (borrowing CSVRecord) throws -> Void) throws {
    if state == .quoted {
      throw ImportError(
        file: (path as NSString).lastPathComponent, line: recordLine, field: "#\(ends.count + 1)",
        message: "a quoted field is never closed: the file is truncated or malformed")
    }
    if state != .fieldStart || !ends.isEmpty || quotedField {
      try endRecord(body: body)
    }
  }
}
