import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports `unga-ideal-points`: Bailey, Strezhnev & Voeten's ideal points by state and UN General
/// Assembly session. States are identified by their COW code (`ccode`) in the session's year.
///
/// Reads any release (July 2023: sessions 1–77; June 2024: 1–78, with six agreement columns Dyad
/// does not need). Estimates are re-fitted with each release, so the release is told from the file
/// (its name's month and year, `…_Jun2024.csv`, and its last session) and an import of another
/// release keeps the one it replaces (`--release unga-ideal-points=…`).
public struct UNGAIdealPointsImporter: DatasetImporter {
  public let info: DatasetInfo = DatasetCatalog.info(named: "unga-ideal-points")!
  public let tables: [any StoreRecord.Type] = [UNGAIdealPointRow.self]

  public init() {}

  static let quantiles = [
    ("QO%All", "q0"), ("Q5%All", "q5"), ("Q10%All", "q10"), ("Q50%All", "q50"), ("Q90%All", "q90"),
    ("Q95%All", "q95"), ("Q100%All", "q100"),
  ]

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard let url = files.first else { throw ImportError(file: info.name, message: "expects \(info.files[0])") }
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    var seen: [String: Int] = [:]
    var lastSession = 0
    try CSVReader(path: url.path).forEachRow(requiring: ["ccode", "session", "NVotesAll", "IdealPointAll"]) {
      header, record in
      let row = CSVRow(header: header, record: record)
      summary.rowsRead += 1
      let code = try row.requiredInt("ccode")
      let session = try row.requiredInt("session")
      guard UNGAVotesImporter.sessions.contains(session) else {
        throw row.error(
          "session",
          "'\(session)' is not a session number (1 = 1946; \(FieldProblem.range(UNGAVotesImporter.sessions)))")
      }
      let year = 1945 + session
      let state: StateID
      do { state = try resolver.resolve("cow:\(code)", inYear: year) } catch {
        throw row.error("ccode", String(describing: error))
      }
      if let earlier = seen["\(state)|\(session)"] {
        throw row.error("ccode", "\(state) has a second estimate for session \(session) (first on line \(earlier))")
      }
      seen["\(state)|\(session)"] = row.line
      let votes = try row.requiredInt("NVotesAll")
      guard votes >= 0 else { throw row.error("NVotesAll", "must not be negative") }
      let idealPoint = try row.requiredDouble("IdealPointAll")
      var quantiles: [Double?] = []
      for (column, _) in Self.quantiles { quantiles.append(try Self.optionalNumber(row, column)) }
      try sink.insert(
        UNGAIdealPointRow(
          stateID: state, session: session, votes: votes, idealPoint: idealPoint, quantiles: quantiles, cowCode: code,
          countryName: row.text("Countryname").isEmpty ? row.text("iso3c") : row.text("Countryname")))
      summary.rowsWritten += 1
      summary.cover(year)
      lastSession = max(lastSession, session)
    }
    summary.release = Self.release(of: url.lastPathComponent, lastSession: lastSession)
    return summary
  }

  /// "June 2024 (sessions 1–78)" from `IdealpointestimatesAll_Jun2024.csv`, or "sessions 1–78"
  /// when the name gives no month.
  static func release(of file: String, lastSession: Int) -> String {
    let sessions = "sessions 1–\(lastSession)"
    let months = [
      "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "May": "May", "Jun": "June", "Jul": "July",
      "Aug": "August", "Sep": "September", "Oct": "October", "Nov": "November", "Dec": "December",
    ]
    let stem = (file as NSString).deletingPathExtension
    guard let underscore = stem.lastIndex(of: "_") else { return sessions }
    let tag = stem[stem.index(after: underscore)...]
    guard tag.count == 7, let month = months[String(tag.prefix(3))], let year = Int(tag.suffix(4)), year > 1990 else {
      return sessions
    }
    return "\(month) \(year) (\(sessions))"
  }

  /// A number, or NULL (missing) for an empty, `NA` or absent field.
  static func optionalNumber(_ row: CSVRow, _ column: String) throws(ImportError) -> Double? {
    let text = row.text(column)
    if text.isEmpty || text == "NA" || text == "NaN" { return nil }
    guard let value = Double(text), value.isFinite else { throw row.error(column, "'\(text)' is not a number") }
    return value
  }
}
