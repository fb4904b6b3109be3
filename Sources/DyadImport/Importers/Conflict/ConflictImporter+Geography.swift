import DyadAnalysis
import DyadCore
import DyadData
import DyadStore
import Foundation

extension ConflictImporter {
  // MARK: - Rivalries

  /// TSS's type flags, in the order Dyad lists them.
  static let tssTypes = ["positional", "spatial", "ideological", "interventionary"]
  /// COW-style codes the rivalry files give entities outside the COW state system, whose rivalries
  /// ended before it began (1816): Venice (324; Ottoman Empire–Venice to 1717, Portugal–Venice to
  /// 1516/1580). Such a rivalry is left out and counted in the notes; any other unknown code stops
  /// the import.
  public static let rivalryEntitiesOutsideSystem: [Int: String] = [324: "Venice"]

  /// TD's type words.
  static let tdTypes = Set(["positional", "spatial", "ideological", "interventionary"])

  func readRivalries(
    _ url: URL, dataset: ConflictDataset, sink: any ImportSink, resolver: inout StateResolver,
    summary: inout ImportSummary, part: inout Part
  ) throws {
    let tss = dataset == .tssRivalries
    let columns =
      tss
      ? (id: "tssr_id", name: "rivalry", start: "start", end: "end")
      : (id: "rivalryno", name: "rivalryname", start: "styear", end: "endyear")
    let typeColumns = tss ? Self.tssTypes : ["type1", "type2", "type3"]
    var pending: [RivalryRow] = []
    var ids = Set<Int>()
    var outside: [String] = []
    try CSVReader(path: url.path).forEachRow(
      requiring: [columns.id, columns.name, "ccode1", "ccode2", columns.start, columns.end] + typeColumns
    ) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let line = record.line
      let id = try f.int(record, columns.id, in: 1...99_999)
      guard ids.insert(id).inserted else { throw f.error(line, columns.id, "rivalry \(id) is listed twice") }
      let start = try f.int(record, columns.start, in: 1400...2100)
      let end = try f.int(record, columns.end, in: 1400...2100)
      guard end >= start else { throw f.error(line, columns.end, "\(end) is before the start, \(start)") }
      let code1 = try f.int(record, "ccode1", in: 1...999), code2 = try f.int(record, "ccode2", in: 1...999)
      if end < StateResolver.systemStart,
        let entity = Self.rivalryEntitiesOutsideSystem[code1] ?? Self.rivalryEntitiesOutsideSystem[code2]
      {
        outside.append("\(f.text(record, columns.name)) (\(entity), \(start)–\(end))")
        return
      }
      let (a, b, _) = try Self.pair(code1, code2, year: start, resolver: &resolver, f, line)
      var types: [String] = []
      for column in typeColumns {
        if tss {
          if try f.optionalInt(record, column, in: 1...1) == 1 { types.append(column) }
        } else {
          let word = f.text(record, column)
          guard !word.isEmpty else { continue }
          guard Self.tdTypes.contains(word) else {
            throw f.error(line, column, FieldProblem.oneOf(word, Self.tdTypes.sorted()))
          }
          types.append(word)
        }
      }
      pending.append(
        RivalryRow(
          dataset: dataset.rawValue, rivalryID: id, name: try f.required(record, columns.name), stateA: a, stateB: b,
          startYear: start, endYear: end, types: types.joined(separator: ";"), ongoing: false))
    }
    if !outside.isEmpty {
      summary.notes.append(
        "\(url.lastPathComponent): \(outside.count) rivalr\(outside.count == 1 ? "y" : "ies") of an entity outside the COW state system, ended before 1816, left out: \(outside.joined(separator: "; ")).")
    }
    // A rivalry whose last year is the dataset's last is ongoing when the data end.
    let dataEnd = pending.map(\.endYear).max() ?? 0
    for var row in pending {
      row.ongoing = row.endYear == dataEnd
      try sink.insert(row)
      part.rows += 1
      part.cover(row.startYear)
      part.cover(row.endYear)
    }
  }

  // MARK: - UCDP

  /// UCDP's `type_of_conflict` words, and the names Dyad stores.
  static let conflictTypes = [
    "extrasystemic": "extrasystemic", "interstate": "interstate", "intrastate": "intrastate",
    "II": "internationalized intrastate",
  ]
  static let incompatibilities = ["government", "territory", "both"]
  /// Gleditsch–Ward codes UCDP uses that the state registry does not carry in the GW scheme, and the
  /// query that names their state: 345, Serbia (Yugoslavia), which UCDP keeps after 2006; Grenada
  /// (55) and Tonga (972), which the registry carries under their COW codes (55, 955).
  public static let gwFallbacks: [Int: String] = [345: "cow:345", 55: "cow:55", 972: "cow:955"]
  /// GW codes of states that Dyad's registry (the COW system) does not count: Hyderabad (751,
  /// 1947–1948). Their side rows are left out and counted in the notes.
  public static let gwStatesOutsideRegistry: [Int: String] = [751: "Hyderabad"]

  func readArmedConflicts(
    _ url: URL, sink: any ImportSink, resolver: inout StateResolver, summary: inout ImportSummary, part: inout Part
  ) throws {
    let sides: [(column: String, role: ConflictSideRole)] = [
      ("gwno_a", .primaryA), ("gwno_a_2nd", .secondaryA), ("gwno_b", .primaryB), ("gwno_b_2nd", .secondaryB),
    ]
    struct ConflictYear: Hashable {
      let conflict: Int, year: Int
    }
    struct Attributes: Equatable {
      let incompatibility: String, intensity: Int, type: String
    }
    struct SideKey: Hashable {
      let conflict: Int, year: Int, state: StateID, role: ConflictSideRole
    }
    var attributes: [ConflictYear: (Attributes, Int)] = [:]
    var written = Set<SideKey>()
    var outside: [String: Int] = [:]
    try CSVReader(path: url.path).forEachRow(
      requiring: ["conflict_id", "year", "incompatibility", "intensity_level", "type_of_conflict"] + sides.map(\.column)
    ) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let line = record.line
      let conflict = try f.int(record, "conflict_id", in: 1...999_999)
      let year = try f.int(record, "year", in: 1946...2100)
      let incompatibility = f.text(record, "incompatibility")
      guard Self.incompatibilities.contains(incompatibility) else {
        throw f.error(line, "incompatibility", FieldProblem.oneOf(incompatibility, Self.incompatibilities))
      }
      let rawType = f.text(record, "type_of_conflict")
      guard let type = Self.conflictTypes[rawType] else {
        throw f.error(line, "type_of_conflict", FieldProblem.oneOf(rawType, Self.conflictTypes.keys.sorted()))
      }
      let these = Attributes(
        incompatibility: incompatibility, intensity: try f.int(record, "intensity_level", in: 1...2), type: type)
      let key = ConflictYear(conflict: conflict, year: year)
      if case let (earlier, earlierLine)? = attributes[key] {
        guard earlier == these else {
          throw f.error(
            line, "intensity_level",
            "conflict \(conflict) in \(year) is coded otherwise here than on line \(earlierLine) (incompatibility, intensity or type)")
        }
      } else {
        attributes[key] = (these, line)
      }
      _ = try f.int(record, "gwno_a", in: 1...999)
      for (column, role) in sides {
        guard let code = try f.optionalInt(record, column, in: 1...999) else { continue }
        if let name = Self.gwStatesOutsideRegistry[code] {
          outside[name, default: 0] += 1
          continue
        }
        guard
          let state = resolver.state(code: code, in: .gwNumeric, year: year)
            ?? Self.gwFallbacks[code].flatMap({ resolver.state($0, inYear: year) })
        else {
          throw f.error(line, column, "GW code \(code) names no state in \(year) in Dyad's state registry")
        }
        guard written.insert(SideKey(conflict: conflict, year: year, state: state, role: role)).inserted else { continue }
        try sink.insert(
          UCDPConflictSideRow(
            conflictID: conflict, year: year, stateID: state, role: role.rawValue,
            incompatibility: these.incompatibility, intensity: these.intensity, type: these.type))
        part.rows += 1
      }
      part.cover(year)
    }
    for (name, count) in outside.sorted(by: { $0.key < $1.key }) {
      summary.notes.append(
        "\(url.lastPathComponent): \(count) side\(count == 1 ? "" : "s") of \(name) (GW code \(Self.gwStatesOutsideRegistry.first { $0.value == name }!.key)), a state outside the COW system Dyad's registry counts, left out.")
    }
  }

  // MARK: - Contiguity and capitals

  /// A `YYYY-MM-DD` field.
  static func day(_ record: borrowing CSVRecord, _ f: FieldReader, _ column: String) throws(ImportError) -> Day {
    let text = try f.required(record, column)
    guard let day = try? Day(parsing: text) else {
      throw f.error(record.line, column, .invalid(value: text, expected: "a date (YYYY-MM-DD)"))
    }
    return day
  }

  struct SpanKey: Hashable {
    let code1: Int, code2: Int, start: Day
  }

  struct SpanValues: Equatable {
    let type: Int, end: Day
  }

  func readContiguity(
    _ url: URL, sink: any ImportSink, resolver: inout StateResolver, summary: inout ImportSummary, part: inout Part
  ) throws {
    var rows: [SpanKey: Directed<SpanValues>] = [:]
    var order: [(SpanKey, StateID, StateID)] = []
    var file = url.lastPathComponent
    try CSVReader(path: url.path).forEachRow(requiring: ["ccode1", "ccode2", "conttype", "stdate", "enddate"]) {
      header, record in
      let f = FieldReader(header)
      file = f.file
      summary.rowsRead += 1
      let line = record.line
      let code1 = try f.int(record, "ccode1", in: 1...999), code2 = try f.int(record, "ccode2", in: 1...999)
      let type = try f.int(record, "conttype", in: 0...5)
      let start = try Self.day(record, f, "stdate"), end = try Self.day(record, f, "enddate")
      guard start <= end else { throw f.error(line, "enddate", "\(end) is before the start, \(start)") }
      let (a, b, firstIsA) = try Self.pair(code1, code2, year: start.year, resolver: &resolver, f, line)
      let key = SpanKey(code1: code1, code2: code2, start: start)
      guard rows.updateValue(Directed(line: line, values: SpanValues(type: type, end: end)), forKey: key) == nil else {
        throw f.error(line, "stdate", "\(code1)–\(code2) from \(start) is listed twice")
      }
      if firstIsA { order.append((key, a, b)) }
    }
    try Self.requireMirrors(
      rows, file: file, mirror: { SpanKey(code1: $0.code2, code2: $0.code1, start: $0.start) }, swapped: { $0 },
      describe: { "\($0.code1)–\($0.code2) from \($0.start)" })
    for (key, a, b) in order {
      let values = rows[key]!.values
      try sink.insert(ContiguityRow(stateA: a, stateB: b, type: values.type, startDate: key.start, endDate: values.end))
      part.rows += 1
      part.cover(key.start.year)
      part.cover(values.end.year)
    }
  }

  func readCapitals(
    _ url: URL, sink: any ImportSink, resolver: inout StateResolver, summary: inout ImportSummary, part: inout Part
  ) throws {
    var seen = Set<String>()
    try CSVReader(path: url.path).forEachRow(
      requiring: ["ccode", "statenme", "capital", "stdate", "enddate", "lat", "lng"]
    ) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let line = record.line
      let code = try f.int(record, "ccode", in: 1...999)
      let start = try Self.day(record, f, "stdate"), end = try Self.day(record, f, "enddate")
      guard start <= end else { throw f.error(line, "enddate", "\(end) is before the start, \(start)") }
      let state = try resolver.require(code: code, year: start.year, file: f.file, line: line, column: "ccode")
      guard let latitude = try f.optionalDouble(record, "lat"), (-90...90).contains(latitude) else {
        throw f.error(line, "lat", .invalid(value: f.text(record, "lat"), expected: "a latitude (−90 to 90)"))
      }
      guard let longitude = try f.optionalDouble(record, "lng"), (-180...180).contains(longitude) else {
        throw f.error(line, "lng", .invalid(value: f.text(record, "lng"), expected: "a longitude (−180 to 180)"))
      }
      guard seen.insert("\(state)|\(start)|\(code)").inserted else {
        throw f.error(line, "stdate", "\(state)'s capital from \(start) is listed twice")
      }
      try sink.insert(
        CapitalRow(
          stateID: state, cowCode: code, name: try f.required(record, "capital"), startDate: start, endDate: end,
          latitude: latitude, longitude: longitude))
      part.rows += 1
      part.cover(start.year)
      part.cover(end.year)
    }
  }
}
