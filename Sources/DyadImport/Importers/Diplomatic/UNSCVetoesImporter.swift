import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports `unsc-vetoes`: the UN Security Council veto list, one row per vetoed draft.
///
/// The vetoing members are read from the `member_veto1…3` names (USSR before 1992, Russia after;
/// both are RUS), resolved through the registry in UN usage on the veto's date. The file's member
/// dummies are incomplete (26 rows name a vetoer whose dummy is 0), so they are only checked: a
/// dummy or joint-veto flag must not name a member missing from the names.
public struct UNSCVetoesImporter: DatasetImporter {
  public let info: DatasetInfo = DatasetCatalog.info(named: "unsc-vetoes")!
  public let tables: [any StoreRecord.Type] = [UNSCVetoRow.self, UNSCVetoMemberRow.self]

  public init() {}

  /// The member dummy columns and the name each stands for.
  static let dummies = [
    ("China", "China"), ("France", "France"), ("Russia", "Russia"), ("USSR", "USSR"), ("USA", "USA"), ("UK", "UK"),
  ]
  /// The joint-veto flags and the members each names.
  static let jointFlags = [
    ("russia_china", ["Russia", "China"]), ("usa_uk", ["USA", "UK"]), ("usa_france", ["USA", "France"]),
    ("usa_france_uk", ["USA", "France", "UK"]), ("france_uk", ["France", "UK"]),
  ]

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry, context: .unitedNations)
    var id = 0
    try CSVReader(path: url.path).forEachRow(
      requiring: ["year", "date", "draft", "meeting_record", "agenda_item", "crisis_topic", "region", "member_veto1"]
    ) { header, record in
      let row = CSVRow(header: header, record: record)
      summary.rowsRead += 1
      let date = try Self.day(row, "date")
      let year = try row.requiredInt("year")
      guard year == date.year else { throw row.error("year", "\(year) is not the year of the date \(date)") }
      var members: [(name: String, state: StateID)] = []
      for column in ["member_veto1", "member_veto2", "member_veto3"] {
        guard let name = row.optional(column) else { continue }
        let state: StateID
        do { state = try resolver.resolve(name, on: date) } catch { throw row.error(column, String(describing: error)) }
        guard !members.contains(where: { $0.state == state }) else {
          throw row.error(column, "names \(state) a second time")
        }
        members.append((name, state))
      }
      guard !members.isEmpty else { throw row.error("member_veto1", "is empty; a veto needs a vetoing member") }
      let names = Set(members.map(\.name))
      for (column, name) in Self.dummies where header.index(of: column) != nil {
        let flag = try Self.flag(row, column)
        if flag, !names.contains(name) {
          throw row.error(column, "marks \(name) as vetoing, but member_veto1–3 do not name it")
        }
      }
      for (column, flagged) in Self.jointFlags where header.index(of: column) != nil {
        if try Self.flag(row, column), !flagged.allSatisfy(names.contains) {
          throw row.error(column, "marks a joint veto of \(flagged.joined(separator: ", ")), but member_veto1–3 name \(members.map(\.name).joined(separator: ", "))")
        }
      }
      id += 1
      try sink.insert(
        UNSCVetoRow(
          id: id, date: date, draft: try row.required("draft"), meetingRecord: row.text("meeting_record"),
          agendaItem: row.text("agenda_item"), topic: row.text("crisis_topic"), region: row.text("region")))
      for member in members {
        try sink.insert(UNSCVetoMemberRow(stateID: member.state, vetoID: id, name: member.name))
      }
      summary.rowsWritten += 1 + members.count
      summary.cover(year)
    }
    return summary
  }

  /// A `M/D/YYYY` date.
  static func day(_ row: CSVRow, _ column: String) throws(ImportError) -> Day {
    let text = try row.required(column)
    let parts = text.split(separator: "/")
    guard parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
      let day = Day(year: y, month: m, day: d)
    else { throw row.error(column, "'\(text)' is not a date (M/D/YYYY)") }
    return day
  }

  /// A 0/1 flag; the file also writes 2 once for a joint veto, which counts as set.
  static func flag(_ row: CSVRow, _ column: String) throws(ImportError) -> Bool {
    let text = row.text(column)
    guard let value = Int(text), value >= 0 else { throw row.error(column, "'\(text)' is not 0 or 1") }
    return value > 0
  }
}
