import DyadAnalysis
import DyadCore
import DyadStore

/// UN General Assembly vote alignment by year (`dyad alignment`, `/api/v1/dyads/{a}/{b}/alignment`).
public enum AlignmentAnswers {
  /// What to compute the alignment over, and what to show beside it.
  public struct Options: Sendable {
    /// Only roll calls on one issue.
    public var issue: UNGAIssue?
    /// Only the votes the US State Department classed as important.
    public var importantOnly: Bool
    /// The measure ranked, and shown for the reference dyads.
    public var rankBy: SimilarityMeasure
    /// The reference dyads, each in the order named (``AnswerDefaults/referenceDyads`` unless given).
    public var references: [(StateID, StateID)]
    /// Pool each year with the `window − 1` before it; no percentiles then.
    public var window: Int?
    /// The roll calls: `unga-votes` or `un-digital-library`; `nil` for the most current the store
    /// holds (``Store/currentVoteSource()``).
    public var source: UNVoteSource?

    /// Creates options; by default every roll call, ranked by S, with the default reference dyads.
    public init(
      issue: UNGAIssue? = nil, importantOnly: Bool = false, rankBy: SimilarityMeasure = .s,
      references: [(StateID, StateID)] = AnswerDefaults.referenceDyads, window: Int? = nil,
      source: UNVoteSource? = nil
    ) {
      self.source = source
      self.issue = issue
      self.importantOnly = importantOnly
      self.rankBy = rankBy
      self.references = references
      self.window = window
    }
  }

  /// The JSON payload: the alignment summary, the measure ranked, the rolling windows when
  /// asked for, and the ideal-point distances when the store holds them.
  public struct Payload: Encodable, Sendable {
    /// The yearly measures, percentiles, medians and reference dyads.
    public let alignment: AlignmentSummary
    /// The measure ranked and shown for the reference dyads.
    public let rankedBy: SimilarityMeasure
    /// The rolling windows, when asked for.
    public let windows: [AlignmentWindow]?
    /// The ideal-point distances, when the store holds them.
    public let idealPoints: IdealPointSummary?
  }

  /// The table's columns.
  public static let schema = TableSchema(
    row: "year with joint votes or ideal points",
    columns: [
      DataColumn("year", "the calendar year (with --window, the window's last year)"),
      DataColumn("n", "joint votes: roll calls on which both voted yes, abstain or no"),
      DataColumn("agree", "share of identical votes"),
      DataColumn("agree_half", "agreement counting a one-sided abstention as half"),
      DataColumn("s", "Signorino–Ritter S (dmax 2)"),
      DataColumn("pi", "Scott's π (chance-corrected; empty where undefined)"),
      DataColumn("kappa", "Cohen's κ (chance-corrected; empty where undefined)"),
      DataColumn("percentile", "the dyad's percentile of the ranked measure among all dyads that year"),
      DataColumn("median", "that year's median of the ranked measure over all dyads"),
      DataColumn("<x>_<y>_<measure>", "one column per reference dyad X–Y (usa_gbr_s): its ranked measure that year"),
      DataColumn("ideal_distance", "distance between the two states' ideal points (unga-ideal-points)"),
      DataColumn("ideal_closeness_percentile", "the dyad's closeness percentile of ideal points among all dyads"),
    ])

  /// The alignment of the question's dyad.
  public static func answer(_ question: DyadQuestion, options: Options = Options(), store: Store) throws
    -> Answer<Payload>
  {
    let references = try options.references.map { try Dyad($0.0, $0.1) }
    let summary = try store.alignment(
      for: question.dyad, years: question.years, issue: options.issue, importantOnly: options.importantOnly,
      references: references, source: options.source)
    let ideal: IdealPointSummary? =
      try store.dataset(named: "unga-ideal-points") == nil
      ? nil : try store.idealPoints(for: question.dyad, years: question.years)
    let windows = options.window.map { summary.rolling(window: $0) }
    let payload = Payload(alignment: summary, rankedBy: options.rankBy, windows: windows, idealPoints: ideal)
    return Answer(
      payload: payload, table: table(payload, references: options.references), years: summary.years,
      notes: summary.notes
    ).noting(question.yearsNote)
  }

  /// The years with votes, and those with ideal points (which run to 2022).
  public static func years(_ payload: Payload) -> [Int] {
    Set(payload.alignment.rows.map(\.year)).union((payload.idealPoints?.rows ?? []).map(\.year)).sorted()
  }

  /// A reference dyad as it was named (USA–GBR, not GBR–USA).
  public static func label(_ dyad: Dyad, references: [(StateID, StateID)]) -> (StateID, StateID) {
    references.first { (try? Dyad($0.0, $0.1)) == dyad } ?? (dyad.first, dyad.second)
  }

  /// The payload's rows as the documented table.
  public static func table(_ payload: Payload, references: [(StateID, StateID)]) -> DataTable {
    let summary = payload.alignment, rankBy = payload.rankedBy, windows = payload.windows
    let idealByYear = Dictionary(
      (payload.idealPoints?.rows ?? []).map { ($0.year, $0) }, uniquingKeysWith: { x, _ in x })
    let windowByYear = Dictionary((windows ?? []).map { ($0.years.upperBound, $0) }, uniquingKeysWith: { x, _ in x })
    let referenceColumns = summary.references.map { label($0.dyad, references: references) }.map {
      "\(DyadQuestion.columnName($0.0))_\(DyadQuestion.columnName($0.1))_\(rankBy.rawValue)"
    }
    var table = DataTable(
      columns: ["year", "n", "agree", "agree_half", "s", "pi", "kappa", "percentile", "median"] + referenceColumns
        + ["ideal_distance", "ideal_closeness_percentile"])
    for year in years(payload) {
      let row = summary.row(inYear: year)
      let measures = windows == nil ? row?.measures : windowByYear[year]?.measures
      var cells: [String?] = [String(year), measures.map { String($0.n) }]
      cells += SimilarityMeasure.allCases.map { DataTable.fixed(measures?[$0], decimals: 6) }
      cells.append(DataTable.fixed(windows == nil ? row?.percentiles[rankBy] : nil, decimals: 2))
      cells.append(DataTable.fixed(windows == nil ? row?.medians[rankBy] : nil, decimals: 6))
      cells += summary.references.map { DataTable.fixed($0.measures(inYear: year)?[rankBy], decimals: 6) }
      cells.append(DataTable.fixed(idealByYear[year]?.distance, decimals: 6))
      cells.append(DataTable.fixed(idealByYear[year]?.closenessPercentile, decimals: 2))
      table.append(cells)
    }
    return table
  }
}
