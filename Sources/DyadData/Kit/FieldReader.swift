import DyadCore

/// The import kit's field reader: typed, validated reads of one field of a record, throwing an
/// ``ImportError`` that names the file, line and column in the kit's one wording
/// (``FieldProblem``). ``CSVRow`` offers the same reads, with the same wording, over a small file's
/// rows held in memory.
package struct FieldReader {
  package let file: String
  package let header: CSVHeader

  package init(_ header: CSVHeader) {
    self.file = header.file
    self.header = header
  }

  package func error(_ line: Int, _ column: String, _ message: String) -> ImportError {
    ImportError(file: file, line: line, field: column, message: message)
  }

  /// An error at a line and column, in the kit's one wording.
  package func error(_ line: Int, _ column: String, _ problem: FieldProblem) -> ImportError {
    ImportError(file: file, line: line, column: column, problem)
  }

  /// The trimmed text of a column.
  package func text(_ record: borrowing CSVRecord, _ column: String) -> String {
    record.string(at: header[column]).trimmingCharacters(in: .whitespaces)
  }

  /// A column that must not be empty.
  package func required(_ record: borrowing CSVRecord, _ column: String) throws(ImportError) -> String {
    let value = text(record, column)
    guard !value.isEmpty else { throw error(record.line, column, .empty(expected: "a value")) }
    return value
  }

  /// A whole number, optionally within a range.
  package func int(_ record: borrowing CSVRecord, _ column: String, in range: ClosedRange<Int>? = nil) throws(ImportError) -> Int {
    guard let value = try optionalInt(record, column, in: range) else {
      throw error(record.line, column, .empty(expected: "a whole number"))
    }
    return value
  }

  /// A whole number or `nil` when the field is empty.
  package func optionalInt(_ record: borrowing CSVRecord, _ column: String, in range: ClosedRange<Int>? = nil) throws(ImportError)
    -> Int?
  {
    let index = header[column]
    if record.isEmpty(at: index) { return nil }
    guard let value = record.int(at: index) else {
      throw error(record.line, column, .invalid(value: record.string(at: index), expected: "a whole number"))
    }
    if let range, !range.contains(value) {
      throw error(record.line, column, .outOfRange(value: String(value), range: FieldProblem.range(range)))
    }
    return value
  }

  /// A 0/1 dummy.
  package func flag(_ record: borrowing CSVRecord, _ column: String) throws(ImportError) -> Bool {
    try int(record, column, in: 0...1) == 1
  }

  /// A number or `nil` when the field is empty.
  package func optionalDouble(_ record: borrowing CSVRecord, _ column: String) throws(ImportError) -> Double? {
    let index = header[column]
    if record.isEmpty(at: index) { return nil }
    guard let value = record.double(at: index) else {
      throw error(record.line, column, .invalid(value: record.string(at: index), expected: "a number"))
    }
    return value
  }

  /// SIPRI's `Yes`/`No` flags; `nil` when blank.
  package func yesNo(_ record: borrowing CSVRecord, _ column: String) throws(ImportError) -> Bool? {
    switch text(record, column) {
    case "Yes": return true
    case "No": return false
    case "": return nil
    case let other: throw error(record.line, column, .invalid(value: other, expected: "Yes or No"))
    }
  }
}

extension DatasetCatalog {
  /// The catalogue entry of a dataset this module imports.
  package static func militaryInfo(_ name: String) -> DatasetInfo {
    guard let info = info(named: name) else { preconditionFailure("\(name) is missing from DatasetCatalog.all") }
    return info
  }
}

/// An ATOP date from year, month and day columns, as precise as ATOP gives it (a month or day of
/// 0 or blank means unknown): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
package func atopDate(year: Int, month: Int?, day: Int?) -> String? {
  guard let start = Day(year: year, month: 1, day: 1) else { return nil }
  guard let month, month != 0 else { return start.formatted(.year) }
  guard let first = Day(year: year, month: month, day: 1) else { return nil }
  guard let day, day != 0 else { return first.formatted(.month) }
  return Day(year: year, month: month, day: day)?.description
}
