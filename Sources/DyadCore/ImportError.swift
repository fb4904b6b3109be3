/// A problem in an input file, with where it is: file, line and field.
///
/// ```
/// un_votes.csv:1201 field 'vote': 'maybe' is not one of yes, abstain, no
/// ```
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's name.
  public let file: String
  /// The 1-based line, when the problem is on one.
  public let line: Int?
  /// The column, when the problem is in one.
  public let field: String?
  public let message: String

  public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.field = field
    self.message = message
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let field { text += " field '\(field)'" }
    return "\(text): \(message)"
  }
}

/// A re-import that would lose much of what the store holds of a dataset: more than half its rows,
/// or years it covered. The import is rolled back; `dyad import --replace` replaces it anyway.
public struct ImportLossError: Error, Sendable, Equatable, CustomStringConvertible {
  public let dataset: String
  /// What the store holds now.
  public let previousRows: Int
  public let previousCoverage: YearRange?
  /// What the import would have stored.
  public let rows: Int
  public let coverage: YearRange?

  public init(dataset: String, previousRows: Int, previousCoverage: YearRange?, rows: Int, coverage: YearRange?) {
    (self.dataset, self.previousRows, self.previousCoverage) = (dataset, previousRows, previousCoverage)
    (self.rows, self.coverage) = (rows, coverage)
  }

  /// The rule: a re-import may not store fewer than half the rows, nor cover fewer years at either
  /// end, than the import it replaces. `nil` when `rows` and `coverage` keep to it.
  public static func check(
    dataset: String, previousRows: Int, previousCoverage: YearRange?, rows: Int, coverage: YearRange?
  ) -> ImportLossError? {
    let error = ImportLossError(
      dataset: dataset, previousRows: previousRows, previousCoverage: previousCoverage, rows: rows, coverage: coverage)
    return error.lostRows || !error.lostYears.isEmpty ? error : nil
  }

  /// Whether fewer than half the rows would remain.
  public var lostRows: Bool { rows * 2 < previousRows }

  /// The spans of years the store covers that the import would not.
  public var lostYears: [YearRange] {
    guard let previousCoverage else { return [] }
    guard let coverage else { return [previousCoverage] }
    var lost: [YearRange] = []
    if coverage.lowerBound > previousCoverage.lowerBound,
      let early = try? YearRange(
        from: previousCoverage.lowerBound, to: min(previousCoverage.upperBound, coverage.lowerBound - 1))
    {
      lost.append(early)
    }
    if coverage.upperBound < previousCoverage.upperBound,
      let late = try? YearRange(
        from: max(previousCoverage.lowerBound, coverage.upperBound + 1), to: previousCoverage.upperBound)
    {
      lost.append(late)
    }
    return lost
  }

  public var description: String {
    func span(_ range: YearRange?) -> String { range.map { " covering \($0)" } ?? "" }
    var losses: [String] = []
    if lostRows { losses.append("more than half the rows") }
    if !lostYears.isEmpty { losses.append("the years " + lostYears.map(\.description).joined(separator: " and ")) }
    return """
      \(dataset): this import would replace the \(previousRows) rows\(span(previousCoverage)) the store holds \
      with \(rows) rows\(span(coverage)), losing \(losses.joined(separator: " and ")); the store is unchanged. \
      If these files are meant to replace it, run the import again with --replace.
      """
  }
}
