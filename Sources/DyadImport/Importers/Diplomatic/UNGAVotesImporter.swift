import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports `unga-votes` (Voeten's UN General Assembly votes, as laid out by the `unvotes` package):
/// roll calls with their metadata, issue tags and every vote, then computes and stores the
/// similarity of every dyad in every year with each dyad's percentile among all dyads that year.
///
/// Countries are identified by **name**, through the registry in UN usage and on the vote's date:
/// the file's ISO2 column is empty for West Germany, North Yemen and Zanzibar, and "Russia" covers
/// the USSR. Votes are yes 1, abstain 2, no 3; absent members have no row and cast no vote.
///
/// Every row is validated: an unknown roll call, vote value or country, a short (truncated) line,
/// or a state voting twice on one roll call is reported with its file, line and field.
public struct UNGAVotesImporter: DatasetImporter {
  public let info: DatasetInfo = DatasetCatalog.info(named: "unga-votes")!
  /// None of its own: its roll calls, votes and similarity tables are shared with
  /// `un-digital-library` (``StoreSchema/sharedRecords``), its rows told by their dataset.
  public let tables: [any StoreRecord.Type] = []

  public init() {}

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    var summary = ImportSummary()
    let data = try Self.parse(files, registry: context.registry, summary: &summary) { context.progress(0.6 * $0) }
    let table = data.similarityTable()
    context.progress(0.65)
    summary.rowsWritten = try Self.write(data, table: table, dataset: info.name, into: sink) {
      context.progress(0.65 + 0.35 * $0)
    }
    for rollCall in data.rollCalls { summary.cover(rollCall.date.year) }
    return summary
  }

  /// Reads and validates the three files (votes, roll calls, issues: `info.files` order).
  public static func parse(
    _ files: [URL], registry: StateRegistry, summary: inout ImportSummary, progress: (Double) -> Void = { _ in }
  ) throws -> UNGAVoteData {
    guard files.count == 3 else {
      throw ImportError(
        file: "unga-votes", message: "expects three files: un_votes.csv, un_roll_calls.csv, un_roll_call_issues.csv")
    }
    var data = UNGAVoteData()
    let rcidIndex = try readRollCalls(files[1], into: &data, summary: &summary)
    try readIssues(files[2], rcidIndex: rcidIndex, into: &data, summary: &summary)
    progress(0.05)
    try readVotes(files[0], rcidIndex: rcidIndex, registry: registry, into: &data, summary: &summary)
    progress(1)
    return data
  }

  // MARK: Roll calls and issues

  private static func readRollCalls(
    _ url: URL, into data: inout UNGAVoteData, summary: inout ImportSummary
  ) throws -> [Int: Int] {
    let reader = try CSVReader(path: url.path)
    let file = reader.fileName
    var rollCalls: [UNGAVoteData.RollCall] = []
    var lines: [Int: Int] = [:]
    let columns = ["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"]
    try reader.forEachRow(requiring: columns) { header, record in
      let line = record.line
      summary.rowsRead += 1
      func fail(_ field: String?, _ message: String) -> ImportError {
        ImportError(file: file, line: line, field: field, message: message)
      }
      let at = columns.map { header[$0] }
      guard let rcid = record.int(at: at[0]), Self.rollCallIDs.contains(rcid) else {
        throw fail(
          "rcid",
          "'\(FieldProblem.quoted(record.string(at: at[0])))' is not a roll-call id (a whole number in \(FieldProblem.range(Self.rollCallIDs)))"
        )
      }
      if let earlier = lines[rcid] {
        throw fail("rcid", "roll call \(rcid) is listed twice (first on line \(earlier))")
      }
      lines[rcid] = line
      guard let session = record.int(at: at[1]), Self.sessions.contains(session) else {
        throw fail(
          "session",
          "'\(FieldProblem.quoted(record.string(at: at[1])))' is not a session number (1 = 1946; \(FieldProblem.range(Self.sessions)))"
        )
      }
      let date: Day
      do { date = try Day(parsing: record.string(at: at[3])) } catch { throw fail("date", String(describing: error)) }
      // The Assembly first met in January 1946; a session runs into the next year or two.
      guard (1946...(1945 + session + 2)).contains(date.year) else {
        throw fail("date", "\(date) is outside session \(session)'s years (1946–\(1945 + session + 2))")
      }
      var flags: [Bool?] = []
      for (index, column) in [(2, "importantvote"), (5, "amend"), (6, "para")] {
        switch Self.flag(record, at[index]) {
        case .value(let value): flags.append(value)
        case .invalid(let message): throw fail(column, message)
        }
      }
      rollCalls.append(
        UNGAVoteData.RollCall(
          rcid: rcid, session: session, date: date, important: flags[0], resolution: Self.text(record, at[4]),
          amendment: flags[1], paragraph: flags[2], short: Self.text(record, at[7]),
          description: Self.text(record, at[8])))
    }
    rollCalls.sort { $0.rcid < $1.rcid }
    data.rollCalls = rollCalls
    var index: [Int: Int] = [:]
    index.reserveCapacity(rollCalls.count)
    for (i, rollCall) in rollCalls.enumerated() { index[rollCall.rcid] = i }
    return index
  }

  /// A 0/1 field whose empty value means "not coded": 0 false, 1 true, empty `nil` (not coded);
  /// any other text is `.invalid`.
  private enum Flag { case value(Bool?), invalid(String) }

  /// The roll-call ids the importer accepts: positive, within 32 bits.
  static let rollCallIDs = 1...Int(Int32.max)
  /// The General Assembly's sessions, 1 (1946) to 200 (2145).
  static let sessions = 1...200

  private static func flag(_ record: borrowing CSVRecord, _ index: Int) -> Flag {
    if record.isEmpty(at: index) { return .value(nil) }
    if record.field(at: index, equals: "0") { return .value(false) }
    if record.field(at: index, equals: "1") { return .value(true) }
    return .invalid("'\(record.string(at: index))' is not 0, 1 or empty")
  }

  /// A field's text, or `nil` when empty.
  private static func text(_ record: borrowing CSVRecord, _ index: Int) -> String? {
    record.isEmpty(at: index) ? nil : record.string(at: index)
  }

  private static func readIssues(
    _ url: URL, rcidIndex: [Int: Int], into data: inout UNGAVoteData, summary: inout ImportSummary
  ) throws {
    let reader = try CSVReader(path: url.path)
    var seen = Set<String>()
    try reader.forEachRow(requiring: ["rcid", "short_name"]) { header, record in
      let row = CSVRow(header: header, record: record)
      summary.rowsRead += 1
      let rcid = try row.requiredInt("rcid")
      guard let rollCall = rcidIndex[rcid] else {
        throw row.error("rcid", "roll call \(rcid) is not in un_roll_calls.csv")
      }
      let code = try row.required("short_name")
      guard let issue = UNGAIssue(rawValue: code) else {
        throw row.error(
          "short_name", "'\(code)' is not an issue code (\(UNGAIssue.allCases.map(\.rawValue).joined(separator: ", ")))"
        )
      }
      guard seen.insert("\(code)|\(rcid)").inserted else {
        throw row.error("short_name", "roll call \(rcid) is tagged \(code) twice")
      }
      data.issues.append((issue, rollCall))
    }
  }

  // MARK: Votes

  private static func readVotes(
    _ url: URL, rcidIndex: [Int: Int], registry: StateRegistry, into data: inout UNGAVoteData,
    summary: inout ImportSummary
  ) throws {
    let reader = try CSVReader(path: url.path)
    let fileName = reader.fileName
    let rollCalls = data.rollCalls
    // rcid → roll-call code, in an array when the ids are dense enough (the file's run 1–9147 for
    // 6202 roll calls); sparse ids are looked up by key instead of sizing an array by the largest.
    let maxRcid = rollCalls.last?.rcid ?? 0
    let dense = maxRcid <= 16 * rollCalls.count + 65_536
    var rollCallOf = [Int32](repeating: -1, count: dense ? maxRcid + 1 : 0)
    if dense { for (rcid, i) in rcidIndex { rollCallOf[rcid] = Int32(i) } }
    let rollCallYears = rollCalls.map(\.date.year)
    let firstYear = rollCallYears.min() ?? 0
    let yearSpan = (rollCallYears.max() ?? 0) - firstYear + 1

    var names = ByteStringTable()
    var codes: [String?] = []
    // Each name's code as bytes (empty when none), compared with every later row's.
    var codeBytes: [[UInt8]] = []
    var resolver = StateResolver(registry: registry, context: .unitedNations)
    // Per name and year: a state code, -1 not yet resolved, -2 changes within the year.
    var byNameYear: [Int32] = []
    var byNameRollCall: [Int: Int32] = [:]
    var stateCodes: [StateID: Int32] = [:]
    var stateIDs: [StateID] = []

    var rollCallColumn: [Int32] = []
    var stateColumn: [Int32] = []
    var voteColumn: [UInt8] = []
    var nameColumn: [Int32] = []
    var lineColumn: [Int32] = []
    rollCallColumn.reserveCapacity(1 << 20)
    stateColumn.reserveCapacity(1 << 20)
    voteColumn.reserveCapacity(1 << 20)
    nameColumn.reserveCapacity(1 << 20)
    lineColumn.reserveCapacity(1 << 20)

    func fail(_ line: Int, _ field: String?, _ message: String) -> ImportError {
      ImportError(file: fileName, line: line, field: field, message: message)
    }

    var rcidAt = 0, countryAt = 0, voteAt = 0, codeAt: Int?
    var headerSeen = false
    try reader.forEachRow(requiring: ["rcid", "country", "vote"]) { header, record in
      if !headerSeen {
        headerSeen = true
        rcidAt = header["rcid"]
        countryAt = header["country"]
        voteAt = header["vote"]
        codeAt = header.index(of: "country_code")
      }
      let line = record.line
      guard let rcid = record.int(at: rcidAt) else {
        throw fail(line, "rcid", "'\(record.string(at: rcidAt))' is not a roll-call id")
      }
      let found =
        dense ? (rcid >= 0 && rcid <= maxRcid && rollCallOf[rcid] >= 0 ? Int(rollCallOf[rcid]) : nil) : rcidIndex[rcid]
      guard let rollCall = found else {
        throw fail(line, "rcid", "roll call \(rcid) is not in un_roll_calls.csv")
      }
      let vote: UInt8
      if record.field(at: voteAt, equals: "yes") {
        vote = 1
      } else if record.field(at: voteAt, equals: "abstain") {
        vote = 2
      } else if record.field(at: voteAt, equals: "no") {
        vote = 3
      } else {
        throw fail(line, "vote", "'\(record.string(at: voteAt))' is not one of yes, abstain, no")
      }
      let (name, isNew) = names.index(of: record.bytes(at: countryAt))
      if isNew {
        let text = names.string(at: name)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
          throw fail(line, "country", "is empty; a country name is required")
        }
        codes.append(codeAt.map { record.string(at: $0) }.flatMap { $0.isEmpty ? nil : $0 })
        codeBytes.append(codeAt.map { Array(record.bytes(at: $0)) } ?? [])
        byNameYear.append(contentsOf: repeatElement(-1, count: yearSpan))
      } else if let codeAt, !codeBytes[name].isEmpty, !record.isEmpty(at: codeAt) {
        let field = record.bytes(at: codeAt)
        let same = codeBytes[name].withUnsafeBufferPointer { known in
          known.count == field.count && memcmp(known.baseAddress!, field.baseAddress!, field.count) == 0
        }
        if !same {
          throw fail(
            line, "country_code",
            "'\(record.string(at: codeAt))' differs from the code '\(codes[name] ?? "")' given for \(names.string(at: name)) before"
          )
        }
      }
      let slot = name * yearSpan + rollCallYears[rollCall] - firstYear
      var state = byNameYear[slot]
      if state < 0 {
        state = try resolveState(
          name: name, rollCall: rollCall, slot: slot, line: line, names: names, rollCalls: rollCalls,
          resolver: &resolver, byNameYear: &byNameYear, byNameRollCall: &byNameRollCall, stateCodes: &stateCodes,
          stateIDs: &stateIDs, fail: fail)
      }
      rollCallColumn.append(Int32(truncatingIfNeeded: rollCall))
      stateColumn.append(state)
      voteColumn.append(vote)
      nameColumn.append(Int32(truncatingIfNeeded: name))
      lineColumn.append(Int32(truncatingIfNeeded: line))
    }
    summary.rowsRead += voteColumn.count

    // States in id order; votes ordered by state, then roll call.
    let order = stateIDs.indices.sorted {
      Array(stateIDs[$0].rawValue.utf8).lexicographicallyPrecedes(stateIDs[$1].rawValue.utf8)
    }
    var recode = [Int32](repeating: 0, count: stateIDs.count)
    for (new, old) in order.enumerated() { recode[old] = Int32(new) }
    data.states = order.map { stateIDs[$0] }
    let count = voteColumn.count
    var starts = [Int](repeating: 0, count: stateIDs.count + 1)
    for i in 0..<count {
      stateColumn[i] = recode[Int(stateColumn[i])]
      starts[Int(stateColumn[i]) + 1] += 1
    }
    for s in 0..<stateIDs.count { starts[s + 1] += starts[s] }
    var sorted = [Int](repeating: 0, count: count)
    var next = starts
    for i in 0..<count {
      let s = Int(stateColumn[i])
      sorted[next[s]] = i
      next[s] += 1
    }
    for s in 0..<stateIDs.count {
      let range = starts[s]..<starts[s + 1]
      var inOrder = true
      for k in range.dropFirst() where rollCallColumn[sorted[k - 1]] >= rollCallColumn[sorted[k]] {
        inOrder = false
        break
      }
      if !inOrder {
        sorted[range].sort { (rollCallColumn[$0], lineColumn[$0]) < (rollCallColumn[$1], lineColumn[$1]) }
        for k in range.dropFirst() where rollCallColumn[sorted[k - 1]] == rollCallColumn[sorted[k]] {
          let (a, b) = (sorted[k - 1], sorted[k])
          throw fail(
            Int(lineColumn[b]), "country",
            "\(data.states[s]) votes twice on roll call \(rollCalls[Int(rollCallColumn[b])].rcid) (as '\(names.string(at: Int(nameColumn[a])))' on line \(lineColumn[a]) and as '\(names.string(at: Int(nameColumn[b])))')"
          )
        }
      }
    }
    var votes = CodedVotes(
      stateCount: stateIDs.count, rollCallPeriods: rollCallYears, reservingCapacity: count)
    for i in sorted {
      votes.append(
        rollCall: Int(rollCallColumn[i]), state: Int(stateColumn[i]), vote: UNVote(rawValue: voteColumn[i])!)
    }
    data.votes = votes

    // Each name's state(s), dates and vote counts.
    struct Usage {
      var first: Int
      var last: Int
      var votes: Int
    }
    var usage: [Int64: Usage] = [:]
    for i in 0..<count {
      let key = Int64(nameColumn[i]) << 32 | Int64(stateColumn[i])
      let rc = Int(rollCallColumn[i])
      if var known = usage[key] {
        if rollCalls[rc].date < rollCalls[known.first].date { known.first = rc }
        if rollCalls[known.last].date < rollCalls[rc].date { known.last = rc }
        known.votes += 1
        usage[key] = known
      } else {
        usage[key] = Usage(first: rc, last: rc, votes: 1)
      }
    }
    data.voters = usage.map { key, use in
      let name = Int(key >> 32)
      return UNGAVoteData.Voter(
        name: names.string(at: name), iso2: codes[name], state: data.states[Int(key & 0xffff_ffff)],
        first: rollCalls[use.first].date, last: rollCalls[use.last].date, votes: use.votes)
    }.sorted { ($0.name, $0.state) < ($1.name, $1.state) }
  }

  // swift-format-ignore
  private static func resolveState(
    name: Int, rollCall: Int, slot: Int, line: Int, names: ByteStringTable, rollCalls: [UNGAVoteData.RollCall],
    resolver: inout StateResolver, byNameYear: inout [Int32], byNameRollCall: inout [Int: Int32],
    stateCodes: inout [StateID: Int32], stateIDs: inout [StateID], fail: (Int, String?, String) -> ImportError
  ) throws -> Int32 {
    let text = names.string(at: name)
    let date = rollCalls[rollCall].date
    func code(_ id: StateID) -> Int32 {
      if let known = stateCodes[id] { return known }
      let new = Int32(stateIDs.count)
      stateIDs.append(id)
      stateCodes[id] = new
      return new
    }
    if byNameYear[slot] == -2, let known = byNameRollCall[name << 32 | rollCall] { return known }
    let year = date.year
    let first = try? resolver.registry.resolve(text, on: Day.startOf(year: year), context: .unitedNations)
    let last = try? resolver.registry.resolve(text, on: Day.endOf(year: year), context: .unitedNations)
    if let first, let last, first.id == last.id {
      let state = code(first.id)
      byNameYear[slot] = state
      return state
    }
    // The name's meaning changes within the year: resolve it on the vote's day.
    byNameYear[slot] = -2
    let id: StateID
    do { id = try resolver.resolve(text, on: date) } catch { throw fail(line, "country", String(describing: error)) }
    let state = code(id)
    byNameRollCall[name << 32 | rollCall] = state
    return state
  }
}
