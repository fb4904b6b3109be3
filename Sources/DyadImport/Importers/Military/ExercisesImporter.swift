import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the joint military exercises involving Russia (2009–2018, Russian MoD and Krasnaya
/// Zvezda reports) into the `exercise` tables, beside the curated exercises.
///
/// Each row is one exercise of Russia with the partners in `part1`…`part28` (English names,
/// resolved by year). Names stay as published, in Russian. Ids are `jme-ru-<id>`, so they never
/// collide with curated ids. The date is the year (precision `year`). An exercise with one
/// partner is bilateral. A partner listed twice is listed once. Each exercise cites its own report
/// (the `source` URL), with the dataset in the title.
public struct ExercisesImporter: DatasetImporter {
  public let info = DatasetCatalog.militaryInfo("exercises")
  public let tables: [any StoreRecord.Type] = []
  /// The prefix of imported exercise ids.
  public static let idPrefix = "jme-ru-"

  public init() {}

  /// The publisher of a report, from its web address.
  static func publisher(of url: String) -> String {
    let host = URL(string: url)?.host?.lowercased() ?? ""
    if host.hasSuffix("mil.ru") { return "Ministry of Defence of the Russian Federation" }
    if host.hasSuffix("redstar.ru") { return "Krasnaya Zvezda (Russian MoD newspaper)" }
    if host.hasSuffix("ria.ru") { return "RIA Novosti" }
    return host.isEmpty ? "unknown publisher" : host
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    let reader = try CSVReader(path: url.path)
    var summary = ImportSummary()
    var ids = Set<Int>()
    let partColumns = (1...28).map { "part\($0)" }
    let russia = StateID("RUS")
    var resolver = StateResolver(registry: context.registry)
    try reader.forEachRow(requiring: ["id", "name", "yr", "comments", "source"] + partColumns) { header, record in
      let f = FieldReader(header)
      summary.rowsRead += 1
      let id = try f.int(record, "id", in: 1...1_000_000)
      guard ids.insert(id).inserted else { throw f.error(record.line, "id", "id \(id) is used twice") }
      let name = try f.required(record, "name")
      let year = try f.int(record, "yr", in: 1900...2100)
      let start = Day.startOf(year: year)
      var participants = [russia]
      for column in partColumns {
        let partner = f.text(record, column)
        if partner.isEmpty { continue }
        let state: StateID
        do { state = try resolver.resolve(partner, on: start) } catch {
          throw f.error(record.line, column, "\(error)")
        }
        if !participants.contains(state) { participants.append(state) }
      }
      guard participants.count >= 2 else { throw f.error(record.line, "part1", "lists no partner of Russia") }
      let link = try f.required(record, "source")
      guard link.hasPrefix("http://") || link.hasPrefix("https://"), !link.contains(" ") else {
        throw f.error(record.line, "source", "'\(link)' is not a web address")
      }
      var notes: [String] = []
      let comments = f.text(record, "comments")
      if !comments.isEmpty { notes.append(comments) }
      if header.index(of: "source2") != nil {
        let second = f.text(record, "source2")
        if !second.isEmpty { notes.append("Also reported at \(second)") }
      }
      let source = Source(
        publisher: Self.publisher(of: link),
        title: "Report on the exercise \(name) (\(year)), in \(info.title)", date: String(year), url: link,
        licence: info.licence)
      let exerciseID = "\(Self.idPrefix)\(id)"
      try sink.insert(
        ExerciseRow(
          id: exerciseID, dataset: info.name, name: name, start: start, end: nil, precision: .year,
          bilateral: participants.count == 2, domain: "unspecified", location: nil,
          description: notes.joined(separator: " "), sourceID: try sink.sourceID(for: source)))
      for state in participants { try sink.insert(ExerciseStateRow(exerciseID: exerciseID, stateID: state)) }
      summary.rowsWritten += 1
      summary.cover(year)
    }
    return summary
  }
}
