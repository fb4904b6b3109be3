import DyadCore

/// What is wrong with one field, in the import kit's one wording: the value (quoted, at most
/// ``quotedLimit`` bytes of it) and what was expected. Every reader of the kit — ``FieldReader``
/// over a large file's records, ``CSVRow`` over a small file's rows, the byte-level parsers of
/// the fast COW reader — reports through it, and ``ImportError/init(file:line:column:_:)`` adds the
/// file, line and column.
///
/// ```
/// cow_nmc_v7.csv:12 field 'year': '19x5' is not a whole number
/// cow_nmc_v7.csv:13 field 'year': 2200 is outside 1816–2100
/// atop-member-level.csv:7 field 'ccode': is empty; a whole number is required
/// ```
package enum FieldProblem: Error, Sendable, Equatable {
  /// No value where one is required: `expected` names it ("a whole number").
  case empty(expected: String)
  /// A value that is not of the expected form.
  case invalid(value: String, expected: String)
  /// A value outside its range (shown as `lower–upper`).
  case outOfRange(value: String, range: String)
  /// A negative value where only non-negative ones make sense: `expected` says what is allowed.
  case negative(value: String, expected: String)

  /// The most of a value an error quotes.
  package static let quotedLimit = 200

  /// The message, without the file, line and column.
  package var message: String {
    switch self {
    case .empty(let expected): "is empty; \(expected) is required"
    case .invalid(let value, let expected): "'\(Self.quoted(value))' is not \(expected)"
    case .outOfRange(let value, let range): "\(Self.quoted(value)) is outside \(range)"
    case .negative(let value, let expected): "\(Self.quoted(value)) is negative; \(expected)"
    }
  }

  /// A value shortened to ``quotedLimit`` bytes (at a character boundary), with `…` when cut.
  package static func quoted(_ value: String) -> String {
    guard value.utf8.count > quotedLimit else { return value }
    var end = value.startIndex
    var bytes = 0
    for index in value.indices {
      let next = value[index].utf8.count
      if bytes + next > quotedLimit { break }
      bytes += next
      end = value.index(after: index)
    }
    return String(value[..<end]) + "…"
  }

  /// A range as the messages show it.
  package static func range<T: Comparable>(_ range: ClosedRange<T>) -> String { "\(range.lowerBound)–\(range.upperBound)" }

  /// A whole number in an optional range.
  package static func int(_ text: String, in range: ClosedRange<Int>? = nil) -> Result<Int, FieldProblem> {
    guard !text.isEmpty else { return .failure(.empty(expected: "a whole number")) }
    guard let value = Int(text) else { return .failure(.invalid(value: text, expected: "a whole number")) }
    if let range, !range.contains(value) { return .failure(.outOfRange(value: String(value), range: Self.range(range))) }
    return .success(value)
  }

  /// A finite number.
  package static func double(_ text: String) -> Result<Double, FieldProblem> {
    guard !text.isEmpty else { return .failure(.empty(expected: "a number")) }
    guard let value = Double(text), value.isFinite else { return .failure(.invalid(value: text, expected: "a number")) }
    return .success(value)
  }

  /// One of a closed set of words.
  package static func oneOf(_ text: String, _ options: [String]) -> FieldProblem {
    text.isEmpty
      ? .empty(expected: "one of \(options.joined(separator: ", "))")
      : .invalid(value: text, expected: "one of \(options.joined(separator: ", "))")
  }
}

extension ImportError {
  /// An error at a field, in the kit's one wording.
  package init(file: String, line: Int, column: String, _ problem: FieldProblem) {
    self.init(file: file, line: line, field: column, message: problem.message)
  }

  /// A record whose field count differs from the header's: a truncated or malformed line, whose
  /// values would otherwise shift into the wrong columns.
  package static func width(file: String, line: Int, fields: Int, header: Int) -> ImportError {
    ImportError(
      file: file, line: line,
      message: "has \(fields) field\(fields == 1 ? "" : "s") where the header has \(header): the line is truncated or malformed")
  }

  /// A file with a header and no rows: importing it would empty the dataset.
  package static func noRows(file: String) -> ImportError {
    ImportError(file: file, line: 2, message: "has a header and no rows: nothing to import")
  }
}
