import DyadCore

/// Which roll calls an alignment is computed over.
public struct RollCallFilter: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Only roll calls tagged with this issue area; `nil` for all.
  public var issue: UNGAIssue?
  /// Only votes the US State Department classed as important (coded from 1983).
  public var importantOnly: Bool

  public init(issue: UNGAIssue? = nil, importantOnly: Bool = false) {
    self.issue = issue
    self.importantOnly = importantOnly
  }

  /// All roll calls.
  public static let all = RollCallFilter()

  /// Whether this is every roll call.
  public var isAll: Bool { issue == nil && !importantOnly }

  public var description: String {
    var parts: [String] = []
    if let issue { parts.append("\(issue.title) (\(issue.rawValue))") }
    if importantOnly { parts.append("important votes") }
    return parts.isEmpty ? "all roll calls" : parts.joined(separator: ", ")
  }
}

/// A dyad's vote similarity in one year, with where it stands among all dyads that year.
public struct AlignmentYear: Hashable, Sendable, Codable {
  public let year: Int
  /// The joint votes: rows are the dyad's first state's yes, abstain, no.
  public let votes: JointVotes
  public let measures: SimilarityMeasures
  /// The dyad's percentile (0–100) of each measure among all dyads that year.
  public let percentiles: SimilarityScores
  /// Each measure's median over all dyads that year.
  public let medians: SimilarityScores
  /// The number of dyads that voted together that year.
  public let dyads: Int

  public init(
    year: Int, votes: JointVotes, percentiles: SimilarityScores, medians: SimilarityScores, dyads: Int
  ) {
    self.year = year
    self.votes = votes
    self.measures = votes.measures
    self.percentiles = percentiles
    self.medians = medians
    self.dyads = dyads
  }
}

/// The measures of a span of years, pooled over its roll calls.
public struct AlignmentWindow: Hashable, Sendable, Codable {
  public let years: YearRange
  public let votes: JointVotes
  public let measures: SimilarityMeasures

  public init(years: YearRange, votes: JointVotes) {
    self.years = years
    self.votes = votes
    self.measures = votes.measures
  }
}

/// Another dyad's yearly measures, shown beside a dyad's for scale (USA–GBR, say).
public struct AlignmentReference: Hashable, Sendable, Codable {
  public let dyad: Dyad
  public let years: [AlignmentWindow]

  public init(dyad: Dyad, years: [AlignmentWindow]) {
    self.dyad = dyad
    self.years = years
  }

  /// The measures of one year, or `nil` when the two did not vote together that year.
  public func measures(inYear year: Int) -> SimilarityMeasures? {
    years.first { $0.years.lowerBound == year }?.measures
  }
}

/// How aligned two states' UN General Assembly votes are, year by year: the summary behind
/// `dyad alignment` and the report's diplomatic section.
public struct AlignmentSummary: Hashable, Sendable, Codable {
  public let dyad: Dyad
  public let filter: RollCallFilter
  /// The years asked about, clamped to the data's coverage; `nil` when they do not overlap it.
  public let years: YearRange?
  /// The years the stored votes cover.
  public let coverage: YearRange?
  /// The years in which the two voted together at least once, oldest first.
  public let rows: [AlignmentYear]
  /// All joint votes of the years, pooled.
  public let overall: AlignmentWindow?
  public let references: [AlignmentReference]
  public let source: Source
  /// Caveats of the data for this question, as text.
  public let notes: [String]

  public init(
    dyad: Dyad, filter: RollCallFilter, years: YearRange?, coverage: YearRange?, rows: [AlignmentYear],
    references: [AlignmentReference], source: Source, notes: [String] = []
  ) {
    self.dyad = dyad
    self.filter = filter
    self.years = years
    self.coverage = coverage
    self.rows = rows.sorted { $0.year < $1.year }
    let pooled = rows.reduce(JointVotes()) { $0 + $1.votes }
    if let first = self.rows.first, let last = self.rows.last, pooled.n > 0 {
      overall = AlignmentWindow(years: try! YearRange(from: first.year, to: last.year), votes: pooled)
    } else {
      overall = nil
    }
    self.references = references
    self.source = source
    self.notes = notes
  }

  /// The measures of trailing windows of `length` years, one per year with votes, each pooling the
  /// joint votes of that year and the `length − 1` before it.
  public func rolling(window length: Int) -> [AlignmentWindow] {
    precondition(length >= 1, "a window spans at least one year")
    return rows.map { row in
      let from = row.year - length + 1
      let pooled = rows.filter { $0.year >= from && $0.year <= row.year }.reduce(JointVotes()) { $0 + $1.votes }
      return AlignmentWindow(years: try! YearRange(from: from, to: row.year), votes: pooled)
    }
  }

  /// The row of a year, or `nil` when the two did not vote together that year.
  public func row(inYear year: Int) -> AlignmentYear? { rows.first { $0.year == year } }
}

extension YearRange {
  /// Consecutive years as spans: [1990, 1991, 1992, 1995] → 1990–1992, 1995.
  public static func spans(of years: [Int]) -> [YearRange] {
    var result: [YearRange] = []
    for year in Set(years).sorted() {
      if let last = result.last, last.upperBound == year - 1 {
        result[result.count - 1] = try! YearRange(from: last.lowerBound, to: year)
      } else {
        result.append(try! YearRange(from: year, to: year))
      }
    }
    return result
  }
}
