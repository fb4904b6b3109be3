import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports `cow-igo`: the Correlates of War IGO summaries, the number of intergovernmental
/// organisations both states of a dyad belonged to as full members each year, and each state's
/// memberships by kind. States are identified by COW code in the row's year.
public struct COWIGOImporter: DatasetImporter {
  public let info: DatasetInfo = DatasetCatalog.info(named: "cow-igo")!
  public let tables: [any StoreRecord.Type] = [COWIGODyadYearRow.self, COWIGOStateYearRow.self]

  public init() {}

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == 2 else {
      throw ImportError(file: info.name, message: "expects two files: \(info.files.joined(separator: ", "))")
    }
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    // Per COW code and year: the state's index in `states`, -1 when not yet resolved.
    let firstYear = 1800, yearSpan = 300
    var codeYear: [Int: [Int32]] = [:]
    var states: [StateID] = []
    var stateIndex: [StateID: Int32] = [:]
    /// The state of a COW code in a year; `fail(field, message)` makes the error for the row.
    func state(_ code: Int, _ year: Int, _ field: String, _ fail: (String, String) -> ImportError) throws -> Int32 {
      guard year >= firstYear, year < firstYear + yearSpan else {
        throw fail("year", "\(year) is outside \(firstYear)–\(firstYear + yearSpan - 1)")
      }
      if let known = codeYear[code]?[year - firstYear], known >= 0 { return known }
      let id: StateID
      do { id = try resolver.resolve("cow:\(code)", inYear: year) } catch { throw fail(field, String(describing: error)) }
      let index: Int32
      if let known = stateIndex[id] {
        index = known
      } else {
        index = Int32(states.count)
        states.append(id)
        stateIndex[id] = index
      }
      codeYear[code, default: [Int32](repeating: -1, count: yearSpan)][year - firstYear] = index
      return index
    }

    // Dyad-years: read all, then write in key order (smaller state id first).
    var firsts: [Int32] = [], seconds: [Int32] = [], years: [Int16] = [], shared: [Int32] = [], lines: [Int32] = []
    let dyads = try CSVReader(path: files[0].path)
    var at = (a: 0, b: 0, year: 0, count: 0)
    var started = false
    try dyads.forEachRow(requiring: ["ccode1", "ccode2", "year", "dyadigos"]) { header, record in
      if !started {
        started = true
        at = (header["ccode1"], header["ccode2"], header["year"], header["dyadigos"])
      }
      let line = record.line
      let file = header.file
      let fail = { (field: String, message: String) in ImportError(file: file, line: line, field: field, message: message) }
      guard let c1 = record.int(at: at.a) else { throw fail("ccode1", "'\(record.string(at: at.a))' is not a COW code") }
      guard let c2 = record.int(at: at.b) else { throw fail("ccode2", "'\(record.string(at: at.b))' is not a COW code") }
      guard let year = record.int(at: at.year) else { throw fail("year", "'\(record.string(at: at.year))' is not a year") }
      guard let count = record.int(at: at.count), count >= 0 else {
        throw fail("dyadigos", "'\(record.string(at: at.count))' is not a count (a whole number ≥ 0)")
      }
      let a = try state(c1, year, "ccode1", fail)
      let b = try state(c2, year, "ccode2", fail)
      guard a != b else {
        throw fail("ccode2", "COW codes \(c1) and \(c2) both name \(states[Int(a)]) in \(year)")
      }
      firsts.append(a)
      seconds.append(b)
      years.append(Int16(year))
      shared.append(Int32(count))
      lines.append(Int32(line))
      summary.cover(year)
    }
    summary.rowsRead += firsts.count
    context.progress(0.5)

    // Order by (smaller id, larger id, year); equal keys are two rows for one dyad-year.
    let rank = Self.ranks(of: states)
    for i in firsts.indices where rank[Int(firsts[i])] > rank[Int(seconds[i])] { swap(&firsts[i], &seconds[i]) }
    let order = firsts.indices.sorted {
      (rank[Int(firsts[$0])], rank[Int(seconds[$0])], years[$0]) < (rank[Int(firsts[$1])], rank[Int(seconds[$1])], years[$1])
    }
    for k in order.indices.dropFirst() {
      let (p, q) = (order[k - 1], order[k])
      if firsts[p] == firsts[q], seconds[p] == seconds[q], years[p] == years[q] {
        throw ImportError(
          file: dyads.fileName, line: Int(lines[q]), field: "ccode1",
          message: "\(states[Int(firsts[q])])–\(states[Int(seconds[q])]) \(years[q]) is listed twice (first on line \(lines[p]))")
      }
    }
    let ids = states.map(\.rawValue)
    try sink.insert(COWIGODyadYearRow.self, count: order.count) { i in
      let r = order[i]
      return COWIGODyadYearRow(
        stateA: ids[Int(firsts[r])], stateB: ids[Int(seconds[r])], year: Int(years[r]), shared: Int(shared[r]))
    }
    summary.rowsWritten += order.count
    context.progress(0.9)

    // State-years.
    var seen: [String: Int] = [:]
    let counts = ["sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"]
    try CSVReader(path: files[1].path).forEachRow(requiring: ["ccode", "year"] + counts) { header, record in
      let row = CSVRow(header: header, record: record)
      summary.rowsRead += 1
      let year = try row.requiredInt("year")
      let index = try state(try row.requiredInt("ccode"), year, "ccode") { row.error($0, $1) }
      let id = states[Int(index)]
      if let earlier = seen["\(id)|\(year)"] {
        throw row.error("ccode", "\(id) \(year) is listed twice (first on line \(earlier))")
      }
      seen["\(id)|\(year)"] = row.line
      var values: [Int] = []
      for column in counts {
        let value = try row.requiredInt(column)
        guard value >= 0 else { throw row.error(column, "must not be negative") }
        values.append(value)
      }
      try sink.insert(
        COWIGOStateYearRow(
          stateID: id, year: year, full: values[0], associate: values[1], observer: values[2], anyType: values[3]))
      summary.rowsWritten += 1
      summary.cover(year)
    }
    return summary
  }

  /// Each state's rank in byte order of its id, the order the store's text keys sort in.
  static func ranks(of states: [StateID]) -> [Int] {
    let order = states.indices.sorted { Array(states[$0].rawValue.utf8).lexicographicallyPrecedes(states[$1].rawValue.utf8) }
    var rank = [Int](repeating: 0, count: states.count)
    for (r, i) in order.enumerated() { rank[i] = r }
    return rank
  }
}
