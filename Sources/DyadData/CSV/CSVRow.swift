import DyadCore

/// A decoded CSV row with typed accessors that throw an ``ImportError`` naming the file, line and
/// field. For small files (curated data, registries); large importers read ``CSVRecord``s directly.
public struct CSVRow: Sendable {
  public let header: CSVHeader
  public let fields: [String]
  public let line: Int

  public init(header: CSVHeader, record: borrowing CSVRecord) {
    self.header = header
    self.fields = (0..<record.count).map { record.string(at: $0) }
    self.line = record.line
  }

  /// The trimmed text of a column, empty when absent.
  public func text(_ column: String) -> String {
    guard let i = header.index(of: column), i < fields.count else { return "" }
    return fields[i].trimmingCharacters(in: .whitespaces)
  }

  /// The text of a column, or `nil` when empty.
  public func optional(_ column: String) -> String? {
    let value = text(column)
    return value.isEmpty ? nil : value
  }

  /// The text of a column that must not be empty.
  public func required(_ column: String) throws(ImportError) -> String {
    let value = text(column)
    guard !value.isEmpty else { throw error(column, FieldProblem.empty(expected: "a value").message) }
    return value
  }

  public func requiredDay(_ column: String) throws(ImportError) -> Day {
    let value = try required(column)
    do { return try Day(parsing: value) } catch { throw self.error(column, error.description) }
  }

  public func optionalDay(_ column: String) throws(ImportError) -> Day? {
    guard let value = optional(column) else { return nil }
    do { return try Day(parsing: value) } catch { throw self.error(column, error.description) }
  }

  /// A whole number, optionally within a range.
  public func requiredInt(_ column: String, in range: ClosedRange<Int>? = nil) throws(ImportError) -> Int {
    switch FieldProblem.int(text(column), in: range) {
    case .success(let value): return value
    case .failure(let problem): throw ImportError(file: header.file, line: line, column: column, problem)
    }
  }

  /// A whole number within an optional range, or `nil` when the field is empty.
  public func optionalInt(_ column: String, in range: ClosedRange<Int>? = nil) throws(ImportError) -> Int? {
    text(column).isEmpty ? nil : try requiredInt(column, in: range)
  }

  public func requiredDouble(_ column: String) throws(ImportError) -> Double {
    switch FieldProblem.double(text(column)) {
    case .success(let value): return value
    case .failure(let problem): throw ImportError(file: header.file, line: line, column: column, problem)
    }
  }

  /// A value from a closed set, such as an enum's raw values.
  public func required<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type) throws(ImportError) -> T
  where T.RawValue == String {
    let value = text(column)
    guard let parsed = T(rawValue: value) else {
      throw ImportError(
        file: header.file, line: line, column: column, FieldProblem.oneOf(value, T.allCases.map(\.rawValue)))
    }
    return parsed
  }

  /// A semicolon-separated list.
  public func list(_ column: String) -> [String] {
    text(column).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// An error at this row and column.
  public func error(_ column: String, _ message: String) -> ImportError {
    ImportError(file: header.file, line: line, field: column, message: message)
  }

  /// An error at this row and column, in the kit's one wording.
  package func error(_ column: String, _ problem: FieldProblem) -> ImportError {
    ImportError(file: header.file, line: line, column: column, problem)
  }
}

extension CSVReader {
  /// Reads every row of a small file into memory.
  public func rows(requiring required: [String] = []) throws -> [CSVRow] {
    var rows: [CSVRow] = []
    try forEachRow(requiring: required) { header, record in rows.append(CSVRow(header: header, record: record)) }
    return rows
  }
}
