import DyadAnalysis
import DyadCore
import DyadStore

/// The institutions two states share, by year
/// (`dyad institutions`, `/api/v1/dyads/{a}/{b}/institutions`).
public enum InstitutionAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "year of the record",
    columns: [
      DataColumn("year", "the calendar year"),
      DataColumn("shared_igos", "intergovernmental organisations both were full members of (COW IGO v3)"),
      DataColumn("<a>_igos", "the first state's full IGO memberships"),
      DataColumn("<b>_igos", "the second state's full IGO memberships"),
      DataColumn("curated", "institutions of Dyad's curated list both belonged to, separated by semicolons"),
    ])

  /// The years of a question: every year of the record when none are asked for; an open end is
  /// 1816 (COW IGO's first year) or this year.
  public static func years(_ question: DyadQuestion) throws -> YearRange? {
    guard question.from != nil || question.to != nil else { return nil }
    let to = question.lastYear(default: max(question.thisYear, question.from ?? question.thisYear))
    return try YearRange(from: question.firstYear(default: AnswerDefaults.institutionsFirstYear), to: to)
  }

  /// The shared institutions of the question's dyad.
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<SharedInstitutionsSummary> {
    let range = try years(question)
    let summary = try store.sharedInstitutions(for: question.dyad, years: range)
    var table = DataTable(
      columns: [
        "year", "shared_igos", "\(DyadQuestion.columnName(question.a.id))_igos",
        "\(DyadQuestion.columnName(question.b.id))_igos", "curated",
      ])
    for row in summary.years {
      let (x, y) = question.aIsFirst ? (row.firstIGOs, row.secondIGOs) : (row.secondIGOs, row.firstIGOs)
      table.append([
        String(row.year), DataTable.number(row.sharedIGOs), DataTable.number(x), DataTable.number(y),
        row.curated.joined(separator: ";"),
      ])
    }
    return Answer(payload: summary, table: table, years: range).noting(question.yearsNote)
  }
}
