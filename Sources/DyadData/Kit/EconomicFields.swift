import DyadCore
import Foundation

/// Field parsing shared by the economic importers: whole numbers in a range, and amounts where a
/// missing value is written as empty, `NA`, `NaN` or (in COW releases) −9. Both work on a field's
/// raw bytes, so that the fast COW scanner and ``CSVRecord``s share them.
package enum EconomicFields {
  /// An amount read from a field.
  package enum Amount {
    case value(Double)
    case missing
    case invalid
  }

  /// 10^n for the n a `Double` holds exactly (0...22).
  @inline(__always)
  private static func exactPower(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
  }

  /// Reads an amount. Empty, `NA`, `NaN` and `.` are missing; with `minusNineIsMissing`, so is −9
  /// (COW's code for a missing flow). Decimal numbers without an exponent are parsed here exactly
  /// (Clinger's fast path: an integer mantissa below 2^53 divided by an exact power of ten);
  /// anything else goes through the standard library's parser.
  @inline(__always)
  package static func amount(_ field: UnsafeBufferPointer<UInt8>, minusNineIsMissing: Bool) -> Amount {
    let n = field.count
    if n == 0 { return .missing }
    var i = 0
    var negative = false
    let first = field[0]
    if first == UInt8(ascii: "-") {
      negative = true
      i = 1
    } else if first == UInt8(ascii: "N") || first == UInt8(ascii: "n") || (first == UInt8(ascii: ".") && n == 1) {
      return isMissingWord(field) ? .missing : .invalid
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var fraction = 0
    var seenPoint = false
    var sawDigit = false
    while i < n {
      let byte = field[i]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        guard digits < 18 else { return slow(field, minusNineIsMissing: minusNineIsMissing) }
        sawDigit = true
        mantissa = mantissa &* 10 &+ UInt64(digit)
        if mantissa != 0 { digits += 1 }
        if seenPoint { fraction += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else {
        return slow(field, minusNineIsMissing: minusNineIsMissing)
      }
      i += 1
    }
    guard sawDigit else { return .invalid }
    guard mantissa < (1 << 53), fraction <= 22 else { return slow(field, minusNineIsMissing: minusNineIsMissing) }
    let magnitude = fraction == 0 ? Double(mantissa) : Double(mantissa) / exactPower(fraction)
    if negative {
      if minusNineIsMissing && magnitude == 9 { return .missing }
      return magnitude == 0 ? .value(0) : .value(-magnitude)
    }
    return .value(magnitude)
  }

  /// ``amount(_:minusNineIsMissing:)`` of a record's field.
  @inline(__always)
  package static func amount(_ record: borrowing CSVRecord, _ index: Int, minusNineIsMissing: Bool) -> Amount {
    amount(record.bytes(at: index), minusNineIsMissing: minusNineIsMissing)
  }

  private static func isMissingWord(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    let text = String(decoding: field, as: UTF8.self)
    return text == "NA" || text == "NaN" || text == "nan" || text == "."
  }

  private static func slow(_ field: UnsafeBufferPointer<UInt8>, minusNineIsMissing: Bool) -> Amount {
    // Decimal notation only: digits, sign, point and exponent (no hexadecimal, no "inf").
    let allowed = field.allSatisfy { ($0 &- UInt8(ascii: "0")) < 10 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    guard allowed, field.count < 64, let value = Double(String(decoding: field, as: UTF8.self)), value.isFinite else {
      return .invalid
    }
    if minusNineIsMissing && value == -9 { return .missing }
    return .value(value)
  }

  /// A whole number (`12`, `-3`, or `12.0` as R and pandas write whole numbers), or `nil`.
  @inline(__always)
  package static func wholeNumber(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = field.count
    guard n > 0, n < 19 else { return nil }
    var i = 0
    var negative = false
    if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
      negative = field[0] == UInt8(ascii: "-")
      i = 1
      guard n > 1 else { return nil }
    }
    var value = 0
    while i < n {
      let digit = field[i] &- UInt8(ascii: "0")
      guard digit < 10 else {
        guard field[i] == UInt8(ascii: "."), i > (negative ? 1 : 0) else { return nil }
        for k in (i + 1)..<n where field[k] != UInt8(ascii: "0") { return nil }
        break
      }
      value = value &* 10 &+ Int(digit)
      i += 1
    }
    return negative ? -value : value
  }

  /// The text of a field for an error message, shortened.
  package static func shown(_ field: UnsafeBufferPointer<UInt8>) -> String {
    FieldProblem.quoted(String(decoding: field, as: UTF8.self))
  }

  package static func shown(_ record: borrowing CSVRecord, _ index: Int) -> String { shown(record.bytes(at: index)) }

  /// Checks a whole number in a range, or describes what is wrong with the field.
  @inline(__always)
  package static func checkInt(_ field: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Int>) -> Result<Int, FieldProblem> {
    guard let value = wholeNumber(field) else {
      let text = String(decoding: field, as: UTF8.self)
      return .failure(text.isEmpty ? .empty(expected: "a whole number") : .invalid(value: text, expected: "a whole number"))
    }
    guard range.contains(value) else {
      return .failure(.outOfRange(value: String(value), range: FieldProblem.range(range)))
    }
    return .success(value)
  }

  /// A whole number in a range, or an error naming the field.
  @inline(__always)
  package static func int(
    _ record: borrowing CSVRecord, _ index: Int, in range: ClosedRange<Int>, file: String, column: String
  ) throws(ImportError) -> Int {
    switch checkInt(record.bytes(at: index), in: range) {
    case .success(let value): return value
    case .failure(let problem): throw ImportError(file: file, line: record.line, field: column, message: problem.message)
    }
  }

  /// The column indices of a header record, or an error naming the first required column missing.
  package static func columns(
    _ record: borrowing CSVRecord, required: [String], file: String
  ) throws(ImportError) -> [String: Int] {
    try columns((0..<record.count).map { record.string(at: $0) }, required: required, file: file)
  }

  /// The column indices of header names, or an error naming the first required column missing.
  package static func columns(_ header: [String], required: [String], file: String) throws(ImportError) -> [String: Int] {
    var found: [String: Int] = [:]
    let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
    for (i, name) in names.enumerated() where found[name] == nil { found[name] = i }
    for column in required where found[column] == nil {
      throw ImportError(
        file: file, line: 1, field: column,
        message: "the header has no column '\(column)' (found: \(names.joined(separator: ", ")))")
    }
    return found
  }
}
