import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the conflict, rivalry and geography tables `{peacesciencer}` 1.2.9 ships, from a folder
/// laid out as `shared/data/conflict-rivalry`, as one catalogue dataset (`conflict`) whose eight
/// sub-datasets (``ConflictDataset``) keep their own coverage in `conflict_coverage`.
///
/// The rules:
///
/// - **COW codes** (MIDs, wars, rivalries, contiguity, capitals) resolve through the registry by
///   year (a rivalry and a span by their first year; before 1816, the state of 1 January 1816),
///   **UCDP's Gleditsch–Ward codes** by the conflict-year, in the GW scheme: the two differ for a
///   few states (Serbia 340/345, Germany 255/260). A code that names no state stops the import with
///   its file, line and field.
/// - **Directed files hold each pair twice** (1→2 and 2→1, mirrored columns). Each directed row
///   must have its mirror, with the columns swapped; the pair is stored once, `state_a < state_b`
///   as ``Dyad`` orders them, with both sides' columns.
/// - **Contiguity type 0** marks a span the file codes as not directly contiguous (the United
///   States and Russia to 1958); it is stored as 0 and never counted as contiguity.
/// - **Fatality −9** (unknown) is stored as missing, never 0; so are COW war battle deaths below 0.
/// - **Rivalries** whose last year is the dataset's last (TSS 2020, TD 2010) are ongoing when the
///   data end (`ongoing`), not ended.
/// - **UCDP** lists one row per combination of primary and secondary sides; they are reduced to
///   one row per conflict, year, state and role. The conflict-year's incompatibility, intensity and
///   type must agree across its rows.
public struct ConflictImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("conflict")
  public let tables: [any StoreRecord.Type] = [
    ConflictCoverageRow.self, MIDDyadYearRow.self, WarDyadYearRow.self, RivalryRow.self, UCDPConflictSideRow.self,
    ContiguityRow.self, CapitalRow.self,
  ]

  /// Each sub-dataset's title and version, as `conflict_coverage` records it and figures cite it
  /// (from `peacesciencer_data_versions.csv` and, for UCDP, the package's NEWS: ACD 25.1 to 2024).
  public static let versions: [ConflictDataset: String] = [
    .cowMID: "Correlates of War Militarized Interstate Disputes 5 (dyad-years)",
    .gmlMID: "Gibler–Miller–Little MID 2.2.1 (dyad-years)",
    .cowWar: "Correlates of War Inter-State War 4 (dyad-years)",
    .tssRivalries: "Thompson, Sakuwa & Suhas strategic rivalries (2022)",
    .tdRivalries: "Thompson & Dreyer strategic rivalries (2012)",
    .ucdp: "UCDP/PRIO Armed Conflict Dataset 25.1",
    .contiguity: "Correlates of War Direct Contiguity 3.2",
    .capitals: "peacesciencer capitals (2020)",
  ]

  /// The file of each sub-dataset, in ``DatasetInfo/files``' order.
  public static let order: [ConflictDataset] = [
    .cowMID, .gmlMID, .cowWar, .tssRivalries, .tdRivalries, .ucdp, .contiguity, .capitals,
  ]

  public init() {}

  typealias Part = PartTally

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == Self.order.count else {
      throw ImportError(file: info.name, message: "expects \(info.files.joined(separator: ", "))")
    }
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    var parts: [ConflictDataset: Part] = [:]
    for (i, (dataset, url)) in zip(Self.order, files).enumerated() {
      var part = Part()
      switch dataset {
      case .cowMID, .gmlMID:
        try readDisputes(url, dataset: dataset, sink: sink, resolver: &resolver, summary: &summary, part: &part)
      case .cowWar: try readWars(url, sink: sink, resolver: &resolver, summary: &summary, part: &part)
      case .tssRivalries, .tdRivalries:
        try readRivalries(url, dataset: dataset, sink: sink, resolver: &resolver, summary: &summary, part: &part)
      case .ucdp: try readArmedConflicts(url, sink: sink, resolver: &resolver, summary: &summary, part: &part)
      case .contiguity: try readContiguity(url, sink: sink, resolver: &resolver, summary: &summary, part: &part)
      case .capitals: try readCapitals(url, sink: sink, resolver: &resolver, summary: &summary, part: &part)
      }
      guard let years = part.years else { throw ImportError.noRows(file: url.lastPathComponent) }
      try sink.insert(
        ConflictCoverageRow(
          dataset: dataset.rawValue, coverageFrom: years.lowerBound, coverageTo: years.upperBound,
          version: Self.versions[dataset]!, rows: part.rows))
      summary.cover(years.lowerBound)
      summary.cover(years.upperBound)
      summary.rowsWritten += part.rows
      parts[dataset] = part
      context.progress(Double(i + 1) / Double(Self.order.count))
    }
    summary.notes.append(
      Self.order.map { dataset in
        let years = parts[dataset]!.years!
        return "\(dataset): \(years.lowerBound)–\(years.upperBound), \(parts[dataset]!.rows) rows"
      }.joined(separator: "; "))
    return summary
  }

  // MARK: - The kit's checks shared by the files

  /// Two codes resolved in a year, distinct, as a pair ordered as ``Dyad`` orders it.
  static func pair(
    _ code1: Int, _ code2: Int, year: Int, scheme: CodeScheme = .cowNumeric, resolver: inout StateResolver,
    _ f: FieldReader, _ line: Int, columns: (String, String) = ("ccode1", "ccode2")
  ) throws(ImportError) -> (a: StateID, b: StateID, firstIsA: Bool) {
    let one = try resolver.require(code: code1, in: scheme, year: year, file: f.file, line: line, column: columns.0)
    let two = try resolver.require(code: code2, in: scheme, year: year, file: f.file, line: line, column: columns.1)
    guard one != two else {
      throw f.error(line, columns.1, "codes \(code1) and \(code2) both name \(one) in \(year)")
    }
    return one < two ? (one, two, true) : (two, one, false)
  }

  /// A directed row waiting for its mirror.
  struct Directed<Values: Equatable> {
    let line: Int
    let values: Values
  }

  /// Checks that every directed row has its mirror with the same values seen from the other side,
  /// by the keys of each direction; throws at the first row without one.
  static func requireMirrors<Key: Hashable, Values: Equatable>(
    _ rows: [Key: Directed<Values>], file: String, mirror: (Key) -> Key, swapped: (Values) -> Values,
    describe: (Key) -> String
  ) throws(ImportError) {
    for (key, row) in rows {
      guard let other = rows[mirror(key)] else {
        throw ImportError(
          file: file, line: row.line, field: "ccode2",
          message: "\(describe(key)) has no mirrored row (the directed file holds each pair both ways)")
      }
      guard other.values == swapped(row.values) else {
        throw ImportError(
          file: file, line: row.line, field: "ccode2",
          message: "\(describe(key)) does not agree with its mirrored row on line \(other.line)")
      }
    }
  }

  // MARK: - Disputes and wars

  struct DisputeKey: Hashable {
    let dispute: Int, code1: Int, code2: Int, year: Int
  }

  struct DisputeValues: Equatable {
    let onset: Bool
    let one: MIDSideColumns, two: MIDSideColumns
  }

  private func readDisputes(
    _ url: URL, dataset: ConflictDataset, sink: any ImportSink, resolver: inout StateResolver,
    summary: inout ImportSummary, part: inout Part
  ) throws {
    let reader = try CSVReader(path: url.path)
    let onsetColumn = dataset == .cowMID ? "disponset" : "midonset"
    let sideColumns = ["sidea", "fatality", "hiact", "hostlev", "orig"].flatMap { ["\($0)1", "\($0)2"] }
    var rows: [DisputeKey: Directed<DisputeValues>] = [:]
    var order: [(DisputeKey, StateID, StateID)] = []
    var seen: [String: Int] = [:]
    var file = url.lastPathComponent
    try reader.forEachRow(requiring: ["dispnum", "ccode1", "ccode2", "year", onsetColumn] + sideColumns) {
      header, record in
      let f = FieldReader(header)
      file = f.file
      summary.rowsRead += 1
      let line = record.line
      let dispute = try f.int(record, "dispnum", in: 1...99_999)
      let year = try f.int(record, "year", in: 1816...2100)
      let code1 = try f.int(record, "ccode1", in: 1...999), code2 = try f.int(record, "ccode2", in: 1...999)
      let (a, b, firstIsA) = try Self.pair(code1, code2, year: year, resolver: &resolver, f, line)
      let values = DisputeValues(
        onset: try f.flag(record, onsetColumn), one: try Self.side(1, record, f), two: try Self.side(2, record, f))
      let key = DisputeKey(dispute: dispute, code1: code1, code2: code2, year: year)
      guard rows.updateValue(Directed(line: line, values: values), forKey: key) == nil else {
        throw f.error(line, "dispnum", "dispute \(dispute), \(code1)→\(code2) in \(year) is listed twice")
      }
      guard firstIsA else { return }
      let pairKey = "\(dispute)|\(a)|\(b)|\(year)"
      if let earlier = seen.updateValue(line, forKey: pairKey) {
        throw f.error(line, "ccode1", "dispute \(dispute) in \(year) lists \(a)–\(b) here and on line \(earlier)")
      }
      order.append((key, a, b))
    }
    try Self.requireMirrors(
      rows, file: file, mirror: { DisputeKey(dispute: $0.dispute, code1: $0.code2, code2: $0.code1, year: $0.year) },
      swapped: { DisputeValues(onset: $0.onset, one: $0.two, two: $0.one) },
      describe: { "dispute \($0.dispute), \($0.code1)→\($0.code2) in \($0.year)" })
    for (key, a, b) in order {
      let values = rows[key]!.values
      try sink.insert(
        MIDDyadYearRow(
          dataset: dataset.rawValue, dispute: key.dispute, stateA: a, stateB: b, year: key.year, onset: values.onset,
          a: values.one, b: values.two))
      part.rows += 1
      part.cover(key.year)
    }
  }

  /// One side's columns of a directed MID row (`n` 1 or 2); fatality −9 is unknown.
  static func side(_ n: Int, _ record: borrowing CSVRecord, _ f: FieldReader) throws(ImportError) -> MIDSideColumns {
    let fatality = try f.int(record, "fatality\(n)", in: -9...6)
    guard fatality >= 0 || fatality == -9 else {
      throw f.error(
        record.line, "fatality\(n)", .invalid(value: String(fatality), expected: "a fatality level 0–6 or -9"))
    }
    return MIDSideColumns(
      hostility: try f.int(record, "hostlev\(n)", in: 1...5), highestAction: try f.int(record, "hiact\(n)", in: 0...23),
      fatality: fatality == -9 ? nil : fatality, sideA: try f.flag(record, "sidea\(n)"),
      originator: try f.flag(record, "orig\(n)"))
  }

  struct WarKey: Hashable {
    let war: Int, code1: Int, code2: Int, year: Int
    /// COW's `resume`: the row of a war resumed within the year (a second phase, without outcomes).
    let resumed: Bool
  }

  struct WarValues: Equatable {
    let onset: Bool
    let sideA1: Bool, sideA2: Bool
    let initiator1: Bool, initiator2: Bool
    let outcome1: Int?, outcome2: Int?
    let deaths1: Int?, deaths2: Int?

    var swapped: WarValues {
      WarValues(
        onset: onset, sideA1: sideA2, sideA2: sideA1, initiator1: initiator2, initiator2: initiator1,
        outcome1: outcome2, outcome2: outcome1, deaths1: deaths2, deaths2: deaths1)
    }
  }

  /// Battle deaths; COW's negative codes (−9 unknown) are missing.
  static func deaths(_ record: borrowing CSVRecord, _ f: FieldReader, _ column: String) throws(ImportError) -> Int? {
    guard let value = try f.optionalInt(record, column, in: -9...100_000_000) else { return nil }
    return value < 0 ? nil : value
  }

  private func readWars(
    _ url: URL, sink: any ImportSink, resolver: inout StateResolver, summary: inout ImportSummary, part: inout Part
  ) throws {
    let reader = try CSVReader(path: url.path)
    let required = [
      "warnum", "ccode1", "ccode2", "year", "cowinteronset", "sidea1", "sidea2", "initiator1", "initiator2", "outcome1",
      "outcome2", "batdeath1", "batdeath2", "resume",
    ]
    var rows: [WarKey: Directed<WarValues>] = [:]
    var order: [(WarKey, StateID, StateID)] = []
    var file = url.lastPathComponent
    try reader.forEachRow(requiring: required) { header, record in
      let f = FieldReader(header)
      file = f.file
      summary.rowsRead += 1
      let line = record.line
      let war = try f.int(record, "warnum", in: 1...9_999)
      let year = try f.int(record, "year", in: 1816...2100)
      let code1 = try f.int(record, "ccode1", in: 1...999), code2 = try f.int(record, "ccode2", in: 1...999)
      let (a, b, firstIsA) = try Self.pair(code1, code2, year: year, resolver: &resolver, f, line)
      let side1 = try f.int(record, "sidea1", in: 1...2), side2 = try f.int(record, "sidea2", in: 1...2)
      guard side1 != side2 else {
        throw f.error(line, "sidea2", "both states are on side \(side1): a war dyad is of opposite sides")
      }
      let values = WarValues(
        onset: try f.flag(record, "cowinteronset"), sideA1: side1 == 1, sideA2: side2 == 1,
        initiator1: try f.flag(record, "initiator1"), initiator2: try f.flag(record, "initiator2"),
        outcome1: try f.optionalInt(record, "outcome1", in: 1...9), outcome2: try f.optionalInt(record, "outcome2", in: 1...9),
        deaths1: try Self.deaths(record, f, "batdeath1"), deaths2: try Self.deaths(record, f, "batdeath2"))
      let key = WarKey(war: war, code1: code1, code2: code2, year: year, resumed: try f.flag(record, "resume"))
      guard rows.updateValue(Directed(line: line, values: values), forKey: key) == nil else {
        throw f.error(line, "warnum", "war \(war), \(code1)→\(code2) in \(year) is listed twice")
      }
      if firstIsA { order.append((key, a, b)) }
    }
    try Self.requireMirrors(
      rows, file: file,
      mirror: { WarKey(war: $0.war, code1: $0.code2, code2: $0.code1, year: $0.year, resumed: $0.resumed) },
      swapped: \.swapped, describe: { "war \($0.war), \($0.code1)→\($0.code2) in \($0.year)" })
    // A war resumed within a year (COW's `resume`) lists the dyad-year again: it counts once.
    struct Stored: Hashable {
      let war: Int, year: Int, a: StateID, b: StateID
    }
    var stored = Set<Stored>()
    var resumed = 0
    for (key, a, b) in order {
      guard stored.insert(Stored(war: key.war, year: key.year, a: a, b: b)).inserted else {
        resumed += 1
        continue
      }
      let v = rows[key]!.values
      try sink.insert(
        WarDyadYearRow(
          war: key.war, stateA: a, stateB: b, year: key.year, onset: v.onset, aSideA: v.sideA1,
          aInitiator: v.initiator1, bInitiator: v.initiator2, aOutcome: v.outcome1, bOutcome: v.outcome2,
          aBattleDeaths: v.deaths1, bBattleDeaths: v.deaths2))
      part.rows += 1
      part.cover(key.year)
    }
    if resumed > 0 {
      summary.notes.append(
        "\(url.lastPathComponent): \(resumed) dyad-years of wars resumed within the year (resume = 1) are listed twice; each is stored once.")
    }
  }
}
