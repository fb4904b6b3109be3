import DyadAnalysis
import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the UN Dag Hammarskjöld Library's voting records (`un-digital-library`): General
/// Assembly and Security Council resolutions adopted by recorded vote, with every Member State's
/// vote. The General Assembly's are kept beside `unga-votes` (never merged: the Library lists only
/// adopted resolutions, Voeten every recorded vote), with the same similarity measures and
/// percentiles for every dyad and year; the Council's give each member's vote.
///
/// Reads, telling each file's layout from its header:
/// - the Library's bulk file: one row per Member State and resolution, `undl_id`, `ms_code`,
///   `ms_name`, `ms_vote` (`Y`, `N`, `A`, `X` non-voting), `date`, `resolution`, `title`; and the
///   first version's plural names (`ms_codes`, `ms_names`, `ms_votes`, `resolutions`) with `NV`
///   for non-voting. The body is told by the symbol (`A/RES/…`, `S/RES/…`);
/// - the wide scrape of 1946–2021 (`Council`, `Date`, `Title`, `Resolution`, …, `token`, then one
///   column per UN country name at the time; cells `Y`, `N`, `A`, `X`, empty), as a `.csv` or a
///   `.csv.zip` holding it;
/// - the wide scrape of 2025 (`Link`, `token`, …, `tags`, then one column per ISO 3166 alpha-3
///   code; cells `YES`, `NO`, `ABSTAIN`, empty).
///
/// Names and codes are resolved through the registry in UN usage on the vote's date (`USSR` is
/// Russia's continuing identity, `CHINA` before 25 October 1971 the Republic of China). Misspelt
/// headers of the 1946–2021 scrape are corrected by ``scrapeFixes``, a reviewed list, never by
/// guessing; a column that still names no state is left out and said in the summary's notes with
/// its votes. Non-voting and empty cells are no vote. A state voting twice on one resolution (two
/// columns for it) stops the import.
public struct UNDigitalLibraryImporter: DatasetImporter {
  public let info = DatasetCatalog.info(named: "un-digital-library")!
  /// The Council's tables; the Assembly's are shared with `unga-votes`, told by their dataset.
  public let tables: [any StoreRecord.Type] = [UNSCVoteRow.self, UNSCResolutionRow.self]

  public init() {}

  /// Headers of the 1946–2021 scrape that misspell a UN name, and the name they stand for (each
  /// checked against the column's votes: the misspelt column votes only where the right one is
  /// empty).
  public static let scrapeFixes: [String: String] = [
    "AY DENMARK": "DENMARK", "AY SWEDEN": "SWEDEN", "AY UNION OF SOUTH AFRICA": "UNION OF SOUTH AFRICA",
    "Aa UNITED STATES": "UNITED STATES", "CHILEs": "CHILE", "TKAZAKHSTAN": "KAZAKHSTAN",
    "REPULIC OF MOLDOVA": "REPUBLIC OF MOLDOVA", "BOLIVIA (PLUNATIONAL STATE OF)": "BOLIVIA (PLURINATIONAL STATE OF)",
    "BOLIVIA (PLURINATIOANL STATE OF)": "BOLIVIA (PLURINATIONAL STATE OF)", "SERBIAMONTENEGRO": "SERBIA AND MONTENEGRO",
    "DEMOCRATIC CAMPUCHEA": "DEMOCRATIC KAMPUCHEA",
  ]

  /// Every `.csv` and `.csv.zip` file in a folder (in the natural order of their names), or the one
  /// file given.
  public func inputFiles(at path: URL) throws(ImportError) -> [URL] {
    try files(at: path, endingWith: [".csv", ".csv.zip"], what: "UN Digital Library voting records")
  }

  /// The two bodies.
  enum Body: String { case assembly = "General Assembly", council = "Security Council" }

  /// One resolution and its votes as read.
  struct Resolution {
    let body: Body
    let id: Int
    let date: Day
    let symbol: String?
    let title: String
    /// State, vote (1 yes, 2 abstain, 3 no), and the column or line it came from.
    var votes: [(state: StateID, vote: UInt8, name: String)] = []
    /// The file and the line the record starts on.
    let file: String
    let line: Int
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    var summary = ImportSummary()
    var resolutions: [Int: Resolution] = [:]
    var unknown: [String: Int] = [:]  // a column naming no state, and its votes
    var resolver = StateResolver(registry: context.registry, context: .unitedNations)
    for (index, url) in files.enumerated() {
      var local = url
      var unpacked: URL?
      if url.lastPathComponent.lowercased().hasSuffix(".zip") {
        local = try ZippedFile.unpackOnlyMember(of: url, endingWith: ".csv")
        unpacked = local.deletingLastPathComponent()
      }
      defer { if let unpacked { try? FileManager.default.removeItem(at: unpacked) } }
      let label = url.lastPathComponent
      try Self.readFile(local, label: label, resolver: &resolver, summary: &summary, unknown: &unknown) { resolution in
        if let earlier = resolutions[resolution.id] {
          throw ImportError(
            file: label, line: resolution.line,
            message:
              "record \(resolution.id) (\(resolution.symbol ?? resolution.title)) is listed again (first on \(earlier.file) line \(earlier.line))"
          )
        }
        resolutions[resolution.id] = resolution
      }
      context.progress(Double(index + 1) / Double(files.count) * 0.6)
    }
    if !unknown.isEmpty {
      summary.notes.append(
        "columns that name no state were left out: "
          + unknown.sorted { $0.key < $1.key }.map { "'\($0.key)' (\($0.value) vote\($0.value == 1 ? "" : "s"))" }
          .joined(separator: ", "))
    }
    let assembly = resolutions.values.filter { $0.body == .assembly }.sorted { $0.id < $1.id }
    let council = resolutions.values.filter { $0.body == .council }.sorted { $0.id < $1.id }
    guard !assembly.isEmpty || !council.isEmpty else {
      throw ImportError(file: files.first?.lastPathComponent ?? info.name, message: "holds no resolution with votes")
    }
    for resolution in resolutions.values { summary.cover(resolution.date.year) }

    // The Assembly: the votes as unga-votes holds them, and their similarity table.
    if !assembly.isEmpty {
      let data = try Self.voteData(assembly)
      let table = data.similarityTable()
      context.progress(0.8)
      summary.rowsWritten += try UNGAVotesImporter.write(data, table: table, dataset: info.name, into: sink)
    }
    // The Council: each member's vote.
    for resolution in council {
      try sink.insert(
        UNSCResolutionRow(
          id: resolution.id, date: resolution.date, resolution: resolution.symbol, title: resolution.title))
      for vote in resolution.votes {
        try sink.insert(UNSCVoteRow(resolutionID: resolution.id, stateID: vote.state, vote: Int(vote.vote)))
      }
      summary.rowsWritten += 1 + resolution.votes.count
    }
    context.progress(1)
    return summary
  }

  // MARK: Layouts

  private enum Layout { case bulk(plural: Bool), wide, wide2025 }

  private static func readFile(
    _ url: URL, label: String, resolver: inout StateResolver, summary: inout ImportSummary,
    unknown: inout [String: Int], _ emit: (Resolution) throws -> Void
  ) throws {
    let reader = try CSVReader(path: url.path)
    var layout: Layout?
    var stateColumns: [(index: Int, name: String)] = []
    // Bulk layout: rows of one resolution come together; gather them.
    var current: Resolution?
    var columns: [String: Int] = [:]
    var withoutVote = 0
    var bulkVoters: Set<StateID> = []  // the states that voted on the bulk file's current record
    func fail(_ line: Int, _ field: String?, _ message: String) -> ImportError {
      ImportError(file: label, line: line, field: field, message: message)
    }
    func column(_ names: String...) -> Int? {
      for name in names { if let at = columns[name] { return at } }
      return nil
    }
    try reader.forEachRow { header, record in
      let line = record.line
      if layout == nil {
        for (i, name) in header.names.enumerated() where columns[name] == nil { columns[name] = i }
        if columns["ms_vote"] != nil || columns["ms_votes"] != nil {
          layout = .bulk(plural: columns["ms_votes"] != nil)
          for required in columns["ms_votes"] != nil
            ? ["undl_id", "ms_codes", "ms_names", "ms_votes", "date", "resolutions"]
            : ["undl_id", "ms_code", "ms_name", "ms_vote", "date", "resolution"]
          where columns[required] == nil {
            throw fail(1, required, "the header of this UN Digital Library bulk file has no column '\(required)'")
          }
        } else if let token = columns["token"], columns["Council"] != nil, columns["Date"] != nil,
          columns["Scrape_Year"] == nil
        {
          layout = .wide
          stateColumns = header.names.enumerated().filter { $0.offset > token }.map { ($0.offset, $0.element) }
        } else if let tags = columns["tags"], columns["Scrape_Year"] != nil, columns["Council"] != nil {
          layout = .wide2025
          stateColumns = header.names.enumerated().filter { $0.offset > tags }.map { ($0.offset, $0.element) }
        } else {
          throw fail(
            1, nil,
            "is not a UN Digital Library voting file: expected the bulk layout (undl_id, ms_code, ms_vote, …) or a wide layout (Council, Date, …, token or tags, then one column per Member State)"
          )
        }
      }
      summary.rowsRead += 1
      switch layout! {
      case .bulk(let plural):
        let id = try Self.id(record.string(at: column("undl_id")!), line: line, field: "undl_id", file: label)
        let date = try Self.day(record.string(at: column("date")!), line: line, field: "date", file: label)
        let symbol = record.string(at: column(plural ? "resolutions" : "resolution")!).trimmingCharacters(
          in: .whitespaces)
        if current?.id != id {
          if let done = current { try emit(done) }
          guard let body = Self.body(ofSymbol: symbol) else {
            throw fail(line, plural ? "resolutions" : "resolution", "'\(symbol)' is not an A/RES/… or S/RES/… symbol")
          }
          let title = column("title").map { record.string(at: $0) } ?? symbol
          current = Resolution(body: body, id: id, date: date, symbol: symbol, title: title, file: label, line: line)
          bulkVoters = []
        }
        let voteField = plural ? "ms_votes" : "ms_vote"
        let raw = record.string(at: column(voteField)!).trimmingCharacters(in: .whitespaces)
        guard let vote = Self.vote(raw, nonVoting: plural ? ["NV", "X"] : ["X", "NV"]) else {
          throw fail(line, voteField, "'\(raw)' is not a vote (Y, N, A, or \(plural ? "NV" : "X") for non-voting)")
        }
        guard let vote = vote.value else { return }
        let name = record.string(at: column(plural ? "ms_names" : "ms_name")!)
        let code = record.string(at: column(plural ? "ms_codes" : "ms_code")!)
        guard let state = resolver.state(name, on: date) ?? resolver.state(code, on: date) else {
          throw fail(
            line, plural ? "ms_names" : "ms_name", "'\(name)' (\(code)) names no state on \(date) in Dyad's registry")
        }
        guard bulkVoters.insert(state).inserted else {
          throw fail(line, plural ? "ms_names" : "ms_name", "\(state) votes twice on record \(id)")
        }
        current!.votes.append((state, vote, name))
      case .wide, .wide2025:
        let is2025 = if case .wide2025 = layout! { true } else { false }
        let id = try Self.id(record.string(at: column("token")!), line: line, field: "token", file: label)
        let date = try Self.day(record.string(at: column("Date")!), line: line, field: "Date", file: label)
        let council = record.string(at: column("Council")!).trimmingCharacters(in: .whitespaces)
        guard let body = Body(rawValue: council) else {
          throw fail(line, "Council", "'\(council)' is not General Assembly or Security Council")
        }
        let symbol = record.string(at: column("Resolution")!).trimmingCharacters(in: .whitespaces)
        var resolution = Resolution(
          body: body, id: id, date: date, symbol: symbol.isEmpty ? nil : symbol,
          title: record.string(at: column("Title")!), file: label, line: line)
        var columnOf: [StateID: String] = [:]  // the column each state voted in
        for (index, header) in stateColumns {
          let raw = record.string(at: index).trimmingCharacters(in: .whitespaces)
          if raw.isEmpty { continue }
          guard let vote = is2025 ? Self.vote2025(raw) : Self.vote(raw, nonVoting: ["X"]) else {
            throw fail(
              line, header,
              "'\(raw)' is not a vote (\(is2025 ? "YES, NO, ABSTAIN or empty" : "Y, N, A, X for non-voting, or empty"))"
            )
          }
          guard let vote = vote.value else { continue }
          let trimmed = header.trimmingCharacters(in: .whitespaces)
          let name = Self.scrapeFixes[trimmed] ?? Self.scrapeFixes[header] ?? trimmed
          guard let state = resolver.state(name, on: date) else {
            unknown[header, default: 0] += 1
            continue
          }
          if let earlier = columnOf[state] {
            throw fail(line, header, "\(state) votes twice on record \(id) (also as '\(earlier)')")
          }
          columnOf[state] = header
          resolution.votes.append((state, vote, header))
        }
        // Adopted without a vote (every cell non-voting): no roll call.
        guard !resolution.votes.isEmpty else {
          withoutVote += 1
          return
        }
        try emit(resolution)
      }
    }
    if let done = current { try emit(done) }
    if withoutVote > 0 {
      summary.notes.append(
        "\(label): \(withoutVote) resolution\(withoutVote == 1 ? "" : "s") adopted without a vote (every member non-voting) are not roll calls"
      )
    }
  }

  /// What a cell says: a vote (1 yes, 2 abstain, 3 no), or that the state did not vote.
  enum Cell {
    case vote(UInt8)
    case none

    var value: UInt8? {
      if case .vote(let code) = self { return code }
      return nil
    }
  }

  /// A cell's vote; `nil` for text that is no vote.
  private static func vote(_ raw: String, nonVoting: Set<String>) -> Cell? {
    switch raw.uppercased() {
    case "Y": .vote(1)
    case "A": .vote(2)
    case "N": .vote(3)
    case let other where nonVoting.contains(other): Cell.none
    default: nil
    }
  }

  private static func vote2025(_ raw: String) -> Cell? {
    switch raw.uppercased() {
    case "YES": .vote(1)
    case "ABSTAIN": .vote(2)
    case "NO": .vote(3)
    default: nil
    }
  }

  private static func body(ofSymbol symbol: String) -> Body? {
    let upper = symbol.uppercased()
    if upper.hasPrefix("A/") { return .assembly }
    if upper.hasPrefix("S/") { return .council }
    return nil
  }

  private static func id(_ text: String, line: Int, field: String, file: String) throws(ImportError) -> Int {
    guard let id = Int(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
      throw ImportError(
        file: file, line: line, field: field, message: "'\(text.prefix(60))' is not a Digital Library record id")
    }
    return id
  }

  private static func day(_ text: String, line: Int, field: String, file: String) throws(ImportError) -> Day {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let day = try? Day(parsing: String(trimmed.prefix(10))), (1945...2100).contains(day.year) else {
      throw ImportError(
        file: file, line: line, field: field, message: "'\(text.prefix(40))' is not a date (YYYY-MM-DD)")
    }
    return day
  }

  // MARK: The Assembly's votes as unga-votes holds them

  /// The Assembly's resolutions as roll calls (the record id as rcid, the session from the symbol
  /// or the date), every vote, and each name's state and dates.
  static func voteData(_ resolutions: [Resolution]) throws -> UNGAVoteData {
    var data = UNGAVoteData()
    data.rollCalls = resolutions.map { resolution in
      UNGAVoteData.RollCall(
        rcid: resolution.id, session: session(of: resolution), date: resolution.date, important: nil,
        resolution: resolution.symbol, amendment: nil, paragraph: nil, short: resolution.title, description: nil)
    }
    let states = Set(resolutions.flatMap { $0.votes.map(\.state) }).sorted()
    let code = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1, $0) })
    data.states = states
    var triples: [(state: Int, rollCall: Int, vote: UInt8)] = []
    struct Usage {
      var first: Day
      var last: Day
      var votes: Int
    }
    var usage: [String: [StateID: Usage]] = [:]
    for (rollCall, resolution) in resolutions.enumerated() {
      for vote in resolution.votes {
        triples.append((code[vote.state]!, rollCall, vote.vote))
        let name = vote.name.trimmingCharacters(in: .whitespaces)
        var use = usage[name]?[vote.state] ?? Usage(first: resolution.date, last: resolution.date, votes: 0)
        use.first = min(use.first, resolution.date)
        use.last = max(use.last, resolution.date)
        use.votes += 1
        usage[name, default: [:]][vote.state] = use
      }
    }
    triples.sort { ($0.state, $0.rollCall) < ($1.state, $1.rollCall) }
    var votes = CodedVotes(
      stateCount: states.count, rollCallPeriods: data.rollCallYears, reservingCapacity: triples.count)
    for triple in triples {
      votes.append(rollCall: triple.rollCall, state: triple.state, vote: UNVote(rawValue: triple.vote)!)
    }
    data.votes = votes
    data.voters = usage.flatMap { name, byState in
      byState.map { state, use in
        UNGAVoteData.Voter(name: name, iso2: nil, state: state, first: use.first, last: use.last, votes: use.votes)
      }
    }.sorted { ($0.name, $0.state) < ($1.name, $1.state) }
    return data
  }

  /// The session: from a symbol `A/RES/76/34`, else from the date (a regular session opens in
  /// September: session 1 is 1946).
  static func session(of resolution: Resolution) -> Int {
    if let symbol = resolution.symbol?.uppercased(), symbol.hasPrefix("A/RES/") {
      let parts = symbol.dropFirst(6).split(separator: "/")
      if parts.count >= 2, let session = Int(parts[0].prefix { $0.isNumber }), session > 0 { return session }
    }
    let year = resolution.date.year
    return max(1, resolution.date.month >= 9 ? year - 1945 : year - 1946)
  }
}
