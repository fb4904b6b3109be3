import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the Alliance Treaty Obligations and Provisions data: the member-level and alliance-level
/// files of ATOP 4.01 and the non-directed dyad-year file of ATOP 5.1.
///
/// Members are COW codes, resolved through the registry by year (`RUS` covers the USSR). An exit
/// year of 0 means the alliance was in force at the end of the data and is stored as no end. Two
/// codes that name one state in a year (West Germany and Germany in 1990) have their dyad-year
/// obligations merged. ATOP's four-digit codes for entities outside the COW system (8152 in
/// alliance 1320) are counted among an alliance's members but have no member row. Every obligation
/// dummy must be 0 or 1.
public struct ATOPImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("atop")
  public let tables: [any StoreRecord.Type] = [ATOPAllianceRow.self, ATOPMemberRow.self, ATOPDyadYearRow.self]

  public init() {}

  /// ATOP's obligation columns, in ``ATOPObligations``' order.
  static let obligationColumns = ["defense", "offense", "neutral", "nonagg", "consul"]

  /// A span's start and end as ATOP dates, from the year, month and day columns of each; an end
  /// year 0 is no end (in force at the end of the data). `what` names the start in errors.
  private func span(
    _ f: FieldReader, _ record: borrowing CSVRecord, start: [String], end: [String], what: String
  ) throws -> (year: Int, start: String, end: String?) {
    let startYear = try f.int(record, start[0], in: 1800...2100)
    guard
      let begin = atopDate(
        year: startYear, month: try f.optionalInt(record, start[1], in: 0...12),
        day: try f.optionalInt(record, start[2], in: 0...31))
    else { throw f.error(record.line, start[2], "is not a day of that month") }
    let endYear = try f.int(record, end[0], in: 0...2100)
    guard endYear != 0 else { return (startYear, begin, nil) }
    guard endYear >= startYear else {
      throw f.error(record.line, end[0], "\(endYear) is before the \(what) year \(startYear)")
    }
    guard
      let finish = atopDate(
        year: endYear, month: try f.optionalInt(record, end[1], in: 0...12),
        day: try f.optionalInt(record, end[2], in: 0...31))
    else { throw f.error(record.line, end[2], "is not a day of that month") }
    return (startYear, begin, finish)
  }

  /// The five obligations of a member or alliance row.
  private func obligations(_ f: FieldReader, _ record: borrowing CSVRecord) throws -> ATOPObligations {
    var bits: UInt8 = 0
    for (i, column) in Self.obligationColumns.enumerated() where try f.flag(record, column) { bits |= 1 << i }
    return ATOPObligations(bits: bits)
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == 3 else {
      throw ImportError(file: info.name, message: "expects \(info.files.joined(separator: ", "))")
    }
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    try readMembers(files[0], sink: sink, resolver: &resolver, summary: &summary)
    context.progress(0.1)
    try readAlliances(files[1], sink: sink, summary: &summary)
    context.progress(0.2)
    try readDyadYears(files[2], sink: sink, resolver: &resolver, summary: &summary)
    context.progress(1)
    return summary
  }

  private func readMembers(
    _ url: URL, sink: any ImportSink, resolver: inout StateResolver, summary: inout ImportSummary
  ) throws {
    let reader = try CSVReader(path: url.path)
    let required = ["atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase", "bilat"]
      + Self.obligationColumns
    try reader.forEachRow(requiring: required) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let atopID = try f.int(record, "atopid", in: 1...99_999)
      let code = try f.int(record, "member", in: 1...9999)
      if code > 999 { return }  // an ATOP code for an entity outside the COW system (8152)
      let (entryYear, entered, exited) = try span(
        f, record, start: ["yrent", "moent", "dayent"], end: ["yrexit", "moexit", "dayexit"], what: "entry")
      let state = try resolver.require(
        code: code, year: entryYear, file: f.file, line: record.line, column: "member")
      let phase = try f.int(record, "phase", in: 0...99)
      let bilateral = try f.flag(record, "bilat")
      try sink.insert(
        ATOPMemberRow(
          atopid: atopID, phase: phase, cowCode: code, stateID: state, entered: entered, exited: exited,
          bilateral: bilateral, obligations: try obligations(f, record)))
      summary.rowsWritten += 1
      summary.cover(entryYear)
    }
  }

  private func readAlliances(_ url: URL, sink: any ImportSink, summary: inout ImportSummary) throws {
    let reader = try CSVReader(path: url.path)
    let memberColumns = (1...59).map { "mem\($0)" }
    let required =
      ["atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "bilat", "milaid", "base", "intcom"]
      + Self.obligationColumns + memberColumns
    var seen = Set<Int>()
    try reader.forEachRow(requiring: required) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let atopID = try f.int(record, "atopid", in: 1...99_999)
      guard seen.insert(atopID).inserted else { throw f.error(record.line, "atopid", "alliance \(atopID) is listed twice") }
      let (_, begin, end) = try span(
        f, record, start: ["begyr", "begmo", "begday"], end: ["endyr", "endmo", "endday"], what: "start")
      var members = 0
      for column in memberColumns where !record.isEmpty(at: header[column]) {
        _ = try f.int(record, column, in: 1...9999)
        members += 1
      }
      guard members >= 2 else { throw f.error(record.line, "mem1", "an alliance needs at least two members; found \(members)") }
      let bilateral = try f.flag(record, "bilat")
      let obligations = try obligations(f, record)
      try sink.insert(
        ATOPAllianceRow(
          atopid: atopID, begin: begin, end: end, bilateral: bilateral, obligations: obligations,
          militaryAid: try f.optionalInt(record, "milaid", in: 0...9), bases: try f.optionalInt(record, "base", in: 0...9),
          integratedCommand: try f.optionalInt(record, "intcom", in: 0...9), memberCount: members))
      summary.rowsWritten += 1
    }
  }

  private func readDyadYears(
    _ url: URL, sink: any ImportSink, resolver: inout StateResolver, summary: inout ImportSummary
  ) throws {
    let reader = try CSVReader(path: url.path)
    let dummies = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
    struct Key: Hashable {
      let a: StateID
      let b: StateID
      let year: Int
    }
    var merged: [Key: UInt8] = [:]
    var order: [Key] = []
    try reader.forEachRow(requiring: ["ccode1", "ccode2", "year"] + dummies) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let year = try f.int(record, "year", in: 1800...2100)
      let code1 = try f.int(record, "ccode1", in: 1...999)
      let code2 = try f.int(record, "ccode2", in: 1...999)
      guard code1 != code2 else { throw f.error(record.line, "ccode2", "a dyad needs two different states") }
      let a = try resolver.require(code: code1, year: year, file: f.file, line: record.line, column: "ccode1")
      let b = try resolver.require(code: code2, year: year, file: f.file, line: record.line, column: "ccode2")
      guard a != b else {
        throw f.error(record.line, "ccode2", "COW codes \(code1) and \(code2) both name \(a) in \(year)")
      }
      var bits: UInt8 = 0
      for (i, column) in dummies.enumerated() {
        if try f.flag(record, column) { bits |= 1 << i }
      }
      let key = a < b ? Key(a: a, b: b, year: year) : Key(a: b, b: a, year: year)
      if let existing = merged[key] {
        merged[key] = existing | bits
      } else {
        merged[key] = bits
        order.append(key)
      }
      summary.cover(year)
    }
    for key in order {
      try sink.insert(
        ATOPDyadYearRow(stateA: key.a, stateB: key.b, year: key.year, obligations: ATOPObligations(bits: merged[key]!)))
      summary.rowsWritten += 1
    }
  }
}
