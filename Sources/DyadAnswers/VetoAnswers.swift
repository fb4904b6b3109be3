import DyadAnalysis
import DyadCore
import DyadStore

/// UN Security Council vetoes of two states (`dyad vetoes`, `/api/v1/dyads/{a}/{b}/vetoes`).
public enum VetoAnswers {
  /// The table's columns.
  public static let schema = TableSchema(
    row: "veto cast by either state",
    columns: [
      DataColumn("id", "the veto's number in the Dag Hammarskjöld Library's list"),
      DataColumn("date", "the date of the vote"),
      DataColumn("draft", "the draft resolution's symbol (empty for a curated veto whose symbol Dyad could not check on a UN page)"),
      DataColumn("topic", "what the draft was about"),
      DataColumn("agenda_item", "the Council's agenda item"),
      DataColumn("region", "the region the draft concerned"),
      DataColumn("meeting_records", "the meeting records, separated by semicolons"),
      DataColumn("vetoed_by", "the permanent members that vetoed it, separated by semicolons"),
      DataColumn("<a>", "1 when the first state vetoed it, else 0"),
      DataColumn("<b>", "1 when the second state vetoed it, else 0"),
      DataColumn("joint", "1 when both vetoed it, else 0"),
      DataColumn("source_url", "the curated veto's own source (after 15 September 2022); empty for the imported list"),
    ])

  /// The vetoes of the question's two states in the years asked (every year by default).
  public static func answer(_ question: DyadQuestion, store: Store) throws -> Answer<VetoSummary> {
    let summary = try store.vetoes(for: question.dyad, years: question.years)
    let a = question.a.id, b = question.b.id
    var table = DataTable(
      columns: [
        "id", "date", "draft", "topic", "agenda_item", "region", "meeting_records", "vetoed_by",
        DyadQuestion.columnName(a), DyadQuestion.columnName(b), "joint", "source_url",
      ])
    func flag(_ value: Bool) -> String { value ? "1" : "0" }
    for veto in summary.all {
      let byA = veto.isCast(by: a), byB = veto.isCast(by: b)
      table.append([
        String(veto.id), veto.date.description, veto.draft, veto.topic, veto.agendaItem, veto.region,
        veto.meetingRecords.joined(separator: ";"), veto.vetoers.map(\.rawValue).joined(separator: ";"), flag(byA),
        flag(byB), flag(byA && byB), veto.source?.url ?? "",
      ])
    }
    return Answer(payload: summary, table: table, years: question.years, notes: summary.notes).noting(
      question.yearsNote)
  }
}
