import DyadAnalysis
import DyadCore
import DyadStore

/// Are they allies? The rule-based verdict for one year (`dyad allies`,
/// `/api/v1/dyads/{a}/{b}/verdict`), beside the same verdict for the reference dyads.
public enum VerdictAnswers {
  /// The JSON payload: the verdict and, for scale, the reference dyads' verdicts.
  public struct Payload: Encodable, Sendable {
    /// The question's verdict.
    public let verdict: AllianceVerdict
    /// The reference dyads' verdicts, for scale.
    public let references: [AllianceVerdict]
  }

  /// The table's columns.
  public static let schema = TableSchema(
    row: "rule of the verdict",
    columns: [
      DataColumn("year", "the year judged"),
      DataColumn("tie", "the verdict: treaty allies, aligned partners, partners, no security ties or adversaries"),
      DataColumn("headline", "the verdict with hostility and provisionality, as the text says it"),
      DataColumn("rule", "the rule's id (docs/verdict-rules.md)"),
      DataColumn("name", "the rule's name"),
      DataColumn("fired", "yes when the rule fired, else no"),
      DataColumn("provisional", "why the rule's outcome is not observed for the year (carried forward, presumed, not known); empty when observed"),
      DataColumn("finding", "what the rule found"),
      DataColumn("evidence", "the evidence, separated by |"),
      DataColumn("sources", "the evidence's sources, separated by spaces"),
    ])

  /// The verdict for `year` (this year unless given, or the last year both states existed when
  /// one no longer exists), with the reference dyads other than the question's own; throws a
  /// ``StatehoodError`` for a year in which one of the states did not exist.
  public static func answer(
    _ question: DyadQuestion, year: Int? = nil, references: [(StateID, StateID)] = AnswerDefaults.referenceDyads,
    store: Store
  ) throws -> Answer<Payload> {
    let (year, yearsNote) = try question.year(year)
    let verdict = try store.verdict(for: question.dyad, year: year)
    let registry = store.registry
    var others: [AllianceVerdict] = []
    for (x, y) in references {
      guard let reference = try? Dyad(x, y), reference != question.dyad, registry[x] != nil, registry[y] != nil else {
        continue
      }
      others.append(try store.verdict(for: reference, year: year))
    }
    var table = DataTable(columns: schema.columns.map(\.name))
    for result in verdict.rules {
      table.append([
        String(verdict.year), verdict.tie.rawValue, verdict.headline, result.rule.id, result.rule.name,
        result.fired ? "yes" : "no", result.provisional ?? "",
        result.finding, result.evidence.map(\.text).joined(separator: " | "),
        result.evidence.flatMap { $0.sources.map(\.url) }.joined(separator: " "),
      ])
    }
    return Answer(
      payload: Payload(verdict: verdict, references: others), table: table, years: try? YearRange(from: year, to: year),
      notes: verdict.missingEvidence.map { "Missing for \(verdict.year): \($0)." } + verdict.notes
    ).noting(yearsNote)
  }
}
