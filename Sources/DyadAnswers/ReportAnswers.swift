import DyadCore
import DyadReport
import DyadStore

/// The backgrounder (`dyad report`, `/api/v1/dyads/{a}/{b}/report`, the dashboard and the report
/// downloads), with the same years and comparisons on every surface.
public enum ReportAnswers {
  /// The report's years: 1946 to this year unless asked; an open end is filled from that span
  /// (a lone `to` before 1946 gives that one year, a lone `from` after this year that one year).
  public static func years(_ question: DyadQuestion) throws -> YearRange {
    let first = AnswerDefaults.reportFirstYear
    let to = question.lastYear(default: max(question.thisYear, question.from ?? question.thisYear))
    return try YearRange(from: question.firstYear(default: min(first, to)), to: to)
  }

  /// The report on the question's dyad, compared with `comparisons` (the reference dyads other
  /// than the question's own when `nil` or empty), dated `today` (the current day when `nil`).
  public static func report(
    _ question: DyadQuestion, comparisons: [(State, State)]? = nil, today: Day? = nil, store: Store
  ) throws -> Report {
    let compared = comparisons.flatMap { $0.isEmpty ? nil : $0 }
    return try ReportBuilder(store: store, today: today).build(
      question.a, question.b, years: try years(question), comparisons: compared)
  }
}
