import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the Multinational Military Exercises (MME) v7 dataset (D'Orazio & Galambos, 1980–2010)
/// into the shared `exercise` tables, beside the curated exercises and the `exercises` dataset, so
/// that any pair of states has its exercises.
///
/// It reads the long table, `mme-v7-long.csv`: one row per exercise, participant and year, the rows
/// of one exercise together. (`mme_v7.csv` holds the same exercises with participants by name only
/// in `StateA`…`StateAM`; the long table's Gleditsch–Ward codes are the safer key.) The rules:
///
/// - **One exercise** is a run of rows with the same `MMEID`, name, dates and place; a run that
///   comes back after other rows is an error. MME v7 gives three ids to two exercises each, so the
///   second of an id is `mme-<MMEID>-<start year>`; ids are `mme-<MMEID>` otherwise.
/// - **Participants** are resolved by GW code on the exercise's first day; a code several states
///   hold (260, West Germany and Germany) yields to the name ("Federal Republic of Germany"), and a
///   code that names no state then (MME gives South
///   Vietnam's 817 to Vietnam after 1975, and 345 to Serbia and Montenegro in 2004) falls back to
///   the name, and a code and name naming two different states is an error. A row without a code
///   (micro-states, which GW omits) is resolved by name. NATO and "Baltic States" are kept by name
///   in `mme_other_participant` and never form a dyad; `-9` (participants MME does not identify) is
///   said in the description. A name that names no state is an error: nothing is guessed.
/// - **Dates**: a day of `xx` gives month precision (the first of the month); `StartDate` (either
///   `1/14/80` or `1980-01-xx`) must agree with `s.year`, `s.month` and `s.day`. An end before the
///   start (five exercises) is dropped, with a note. An unknown end day leaves the end open.
/// - **Names**: an unnamed exercise (`Ex_Name` `-9`) is called "Unnamed exercise, PLACE, YYYY-MM"
///   and flagged `unnamed` in `mme_exercise`, with its MME id and series.
public struct MMEImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("mme")
  public let tables: [any StoreRecord.Type] = [MMEExerciseRow.self, MMEOtherParticipantRow.self]
  /// The prefix of imported exercise ids.
  public static let idPrefix = "mme-"
  /// Participants that are not states, by MME's name, and their kind.
  public static let otherParticipants: [String: String] = ["NATO": "organisation", "Baltic States": "group"]
  /// MME's spellings the state registry does not know, and the registry's name they stand for.
  public static let spellings: [String: String] = ["st. christopher": "Saint Kitts and Nevis"]
  /// GW codes the state registry does not carry, and the query that names their state: 345,
  /// Yugoslavia (Serbia and Montenegro to 2006), is the registry's Serbia under its COW code.
  public static let codeFallbacks: [Int: String] = [345: "cow:345"]
  /// The `Ex_Name` (and `country`) of something MME does not know.
  static let unknown = "-9"

  static let columns = [
    "MMEID", "Ex_Name", "Series_Name", "gwcode", "country", "year", "Location", "StartDate", "s.year", "s.month",
    "s.day", "EndDate", "e.year", "e.month", "e.day", "CPX", "Air", "Land", "Sea", "Amphibious", "Cyber", "Warfighting",
    "Peacekeeping", "Humanitarian", "FocusDescription", "AdditionalParticipantInfo", "participant_count",
  ]

  public init() {}

  /// The exercise being read: its fields from its first row, its participants from all.
  struct Pending {
    let key: [String]
    let line: Int
    let id: String
    let mmeID: String
    let name: String
    let unnamed: Bool
    let series: String?
    let start: Day
    let end: Day?
    let precision: DatePrecision
    let years: ClosedRange<Int>
    let domain: String
    let location: String?
    var notes: [String]
    var states: [StateID] = []
    var others: [(name: String, kind: String)] = []
    var unidentified = false
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    var seenKeys = Set<[String]>()
    var usedIDs = Set<String>()
    var pending: Pending?
    let sourceID = try sink.sourceID(for: info.source)

    func write(_ exercise: Pending) throws {
      let bilateral = exercise.states.count == 2 && exercise.others.isEmpty && !exercise.unidentified
      var notes = exercise.notes
      if exercise.unidentified { notes.append("MME lists participants it does not identify (-9).") }
      if !exercise.others.isEmpty {
        notes.append("Also taking part: \(exercise.others.map(\.name).joined(separator: ", ")).")
      }
      try sink.insert(
        ExerciseRow(
          id: exercise.id, dataset: info.name, name: exercise.name, start: exercise.start, end: exercise.end,
          precision: exercise.precision, bilateral: bilateral, domain: exercise.domain, location: exercise.location,
          description: notes.joined(separator: " "), sourceID: sourceID))
      for state in exercise.states { try sink.insert(ExerciseStateRow(exerciseID: exercise.id, stateID: state)) }
      for other in exercise.others {
        try sink.insert(MMEOtherParticipantRow(exerciseID: exercise.id, name: other.name, kind: other.kind))
      }
      try sink.insert(
        MMEExerciseRow(
          exerciseID: exercise.id, mmeID: exercise.mmeID, unnamed: exercise.unnamed, series: exercise.series))
      summary.rowsWritten += 1
      for year in exercise.years { summary.cover(year) }
    }

    try reader.forEachRow(requiring: Self.columns) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let line = record.line
      let key = ["MMEID", "Ex_Name", "StartDate", "EndDate", "Location"].map { f.text(record, $0) }
      if pending?.key != key {
        if let done = pending { try write(done) }
        guard seenKeys.insert(key).inserted else {
          throw f.error(
            line, "MMEID", "exercise \(key[0]) (\(key[1]), \(key[2])) comes back here, apart from its other rows")
        }
        pending = try Self.exercise(record, f, key: key, usedIDs: &usedIDs)
      }
      guard var exercise = pending else { return }
      _ = try f.int(record, "year", in: exercise.years)
      _ = try f.int(record, "participant_count", in: 1...1_000)
      let country = try f.required(record, "country")
      let code = Self.optional(f.text(record, "gwcode"))
      if code == nil, country == Self.unknown {
        exercise.unidentified = true
      } else if code == nil, let kind = Self.otherParticipants[country] {
        if !exercise.others.contains(where: { $0.name == country }) { exercise.others.append((country, kind)) }
      } else {
        let state = try Self.state(code: code, name: country, on: exercise.start, resolver: &resolver, f, line)
        if !exercise.states.contains(state) { exercise.states.append(state) }
      }
      pending = exercise
    }
    if let done = pending { try write(done) }
    return summary
  }

  /// `nil` for an empty field or R's `NA`.
  static func optional(_ text: String) -> String? { text.isEmpty || text == "NA" ? nil : text }

  /// The state a participant row names: by GW code on the day, else by name; never guessed.
  static func state(
    code: String?, name: String, on day: Day, resolver: inout StateResolver, _ f: FieldReader, _ line: Int
  ) throws(ImportError) -> StateID {
    let query = spellings[name.lowercased()] ?? name
    let byName = resolver.state(query, on: day)
    guard let code else {
      guard let byName else {
        throw f.error(line, "country", "'\(name)' has no GW code and \(resolver.unknown(query, on: day))")
      }
      return byName
    }
    guard let number = Int(code), (1...999).contains(number) else {
      throw f.error(line, "gwcode", .invalid(value: code, expected: "a GW code (1–999) or NA"))
    }
    var byCode =
      resolver.state("gw:\(number)", on: day) ?? codeFallbacks[number].flatMap { resolver.state($0, on: day) }
    // A code several states hold (260: West Germany and Germany) yields to a name that says which.
    if byCode != byName, byName != nil, resolver.only(code: number, in: .gwNumeric) == nil { byCode = byName }
    if let byCode, let byName, byCode != byName {
      throw f.error(
        line, "gwcode", "GW code \(number) names \(byCode) on \(day) but the country '\(name)' names \(byName)")
    }
    guard let found = byCode ?? byName else {
      throw f.error(line, "gwcode", "GW code \(number) ('\(name)') names no state on \(day) in Dyad's state registry")
    }
    return found
  }

  /// A day from year, month and day columns (`xx` for an unknown day), and whether the day is known.
  static func day(_ record: borrowing CSVRecord, _ f: FieldReader, _ prefix: String) throws(ImportError) -> (Day, Bool)
  {
    let year = try f.int(record, "\(prefix).year", in: 1900...2100)
    let month = try f.int(record, "\(prefix).month", in: 1...12)
    let dayText = f.text(record, "\(prefix).day")
    if dayText == "xx" { return (Day(year: year, month: month, day: 1)!, false) }
    let day = try f.int(record, "\(prefix).day", in: 1...31)
    guard let value = Day(year: year, month: month, day: day) else {
      throw f.error(record.line, "\(prefix).day", "\(year)-\(month)-\(day) is not a calendar day")
    }
    return (value, true)
  }

  /// Whether a `StartDate`/`EndDate` text (`1/14/80` or `1980-01-xx`) says the same as the columns.
  static func agrees(_ text: String, _ day: Day, dayKnown: Bool) -> Bool {
    let slash = text.split(separator: "/", omittingEmptySubsequences: false)
    if slash.count == 3 {
      guard dayKnown, let m = Int(slash[0]), let d = Int(slash[1]), let y = Int(slash[2]), slash[2].count == 2 else {
        return false
      }
      return m == day.month && d == day.day && y == day.year % 100
    }
    let dash = text.split(separator: "-", omittingEmptySubsequences: false)
    guard dash.count == 3, dash[0].count == 4, Int(dash[0]) == day.year, Int(dash[1]) == day.month else { return false }
    return dayKnown ? Int(dash[2]) == day.day : dash[2] == "xx"
  }

  /// The exercise a first row opens.
  static func exercise(
    _ record: borrowing CSVRecord, _ f: FieldReader, key: [String], usedIDs: inout Set<String>
  ) throws(ImportError) -> Pending {
    let line = record.line
    let mmeID = try f.required(record, "MMEID")
    guard mmeID.hasPrefix("mme"), let number = Int(mmeID.dropFirst(3)), number > 0 else {
      throw f.error(line, "MMEID", .invalid(value: mmeID, expected: "mme followed by a number"))
    }
    let (start, startKnown) = try day(record, f, "s")
    let (endDay, endKnown) = try day(record, f, "e")
    for (column, value, known) in [("StartDate", start, startKnown), ("EndDate", endDay, endKnown)] {
      let text = f.text(record, column)
      guard agrees(text, value, dayKnown: known) else {
        throw f.error(line, column, "'\(text)' does not agree with \(column == "StartDate" ? "s" : "e").year/month/day")
      }
    }
    guard (1980...2010).contains(start.year) else {
      throw f.error(line, "s.year", .outOfRange(value: String(start.year), range: "1980–2010"))
    }
    var notes: [String] = []
    let focus = optional(f.text(record, "FocusDescription"))
    if let focus { notes.append(focus.prefix(1).uppercased() + focus.dropFirst() + (focus.hasSuffix(".") ? "" : ".")) }
    var end: Day? = endKnown ? endDay : nil
    if endDay < start {
      notes.append("MME gives an end (\(f.text(record, "EndDate"))) before the start; Dyad leaves the end open.")
      end = nil
    } else if !endKnown, (endDay.year, endDay.month) != (start.year, start.month) {
      notes.append("Ends in \(endDay.formatted(.month)).")
    }
    let aims = ["Warfighting", "Peacekeeping", "Humanitarian"]
    var focusKinds: [String] = []
    for aim in aims {
      if try f.flag(record, aim) { focusKinds.append(aim.lowercased()) }
    }
    if !focusKinds.isEmpty { notes.append("Focus: \(focusKinds.joined(separator: ", ")).") }
    if let more = optional(f.text(record, "AdditionalParticipantInfo")) { notes.append("Participants: \(more)") }
    var kinds: [String] = []
    for (column, kind) in [
      ("Land", "land"), ("Sea", "naval"), ("Air", "air"), ("Amphibious", "amphibious"), ("CPX", "command post"),
      ("Cyber", "cyber"),
    ] {
      if try f.flag(record, column) { kinds.append(kind) }
    }
    let domain =
      kinds.isEmpty ? "unspecified" : kinds.count == 1 ? kinds[0] : "joint (\(kinds.joined(separator: ", ")))"
    let location = optional(f.text(record, "Location")).flatMap { $0 == unknown ? nil : $0 }
    let rawName = try f.required(record, "Ex_Name")
    let unnamed = rawName == unknown
    let precision: DatePrecision = startKnown ? .day : .month
    let name =
      unnamed ? "Unnamed exercise, \(location.map { "\($0), " } ?? "")\(start.formatted(.month))" : rawName
    var id = "\(idPrefix)\(mmeID)"
    if usedIDs.contains(id) { id += "-\(start.year)" }
    guard usedIDs.insert(id).inserted else {
      throw f.error(line, "MMEID", "\(mmeID) names a third exercise in \(start.year)")
    }
    return Pending(
      key: key, line: line, id: id, mmeID: mmeID, name: name, unnamed: unnamed,
      series: optional(f.text(record, "Series_Name")), start: start, end: end, precision: precision,
      years: start.year...max(start.year, endDay.year), domain: domain, location: location, notes: notes)
  }
}
