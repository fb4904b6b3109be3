import DyadAnalysis
import DyadCore
import Foundation
import GRDB

// MARK: - Missing data

/// A question needs a dataset the store does not hold yet.
public struct DatasetNotImportedError: Error, Sendable, CustomStringConvertible {
  /// The dataset's name, as `dyad import` takes it.
  public let dataset: String
  /// What the dataset would answer.
  public let purpose: String

  public init(dataset: String, purpose: String) {
    self.dataset = dataset
    self.purpose = purpose
  }

  public var description: String {
    let info = DatasetCatalog.info(named: dataset)
    let files = info.map { " (the folder holding \($0.files.joined(separator: ", ")))" } ?? ""
    let origin = info.map { "; get it from \($0.url)" } ?? ""
    return "the store has no \(dataset) data for \(purpose): run `dyad import \(dataset) PATH`\(files)\(origin)"
  }
}

// MARK: - Read queries

/// The datasets of General Assembly roll calls Dyad holds side by side and never merges (their
/// roll-call sets differ).
public enum UNVoteSource: String, Sendable, Hashable, Codable, CaseIterable {
  /// Voeten's UN General Assembly voting data (`unvotes`), every recorded vote, to 2019.
  case ungaVotes = "unga-votes"
  /// The UN Dag Hammarskjöld Library's voting records: adopted resolutions only, to 2025.
  case digitalLibrary = "un-digital-library"

  /// Of the sources among `held`, the one whose coverage ends last (`unga-votes` on a tie).
  public static func mostCurrent(in held: [StoredDataset]) -> UNVoteSource? {
    let candidates = allCases.compactMap { source in
      held.first { $0.name == source.rawValue }.map { (source, $0.coverage?.upperBound ?? Int.min) }
    }
    return candidates.max { $0.1 < $1.1 }?.0
  }
}

extension Store {
  /// The reference dyad a bare alignment query shows for scale: the first of
  /// ``ReferenceDyads/standard`` (the United States and the United Kingdom). The answer layer
  /// passes the whole list.
  public static let defaultAlignmentReference = try! Dyad(ReferenceDyads.standard[0].0, ReferenceDyads.standard[0].1)

  /// The stored record of a dataset, or `nil` when it was never imported.
  public func dataset(named name: String) throws -> StoredDataset? {
    try datasets().first { $0.name == name }
  }

  private func requireDataset(_ name: String, for purpose: String) throws -> StoredDataset {
    guard let stored = try dataset(named: name) else { throw DatasetNotImportedError(dataset: name, purpose: purpose) }
    return stored
  }

  private static func source(ofDataset name: String) -> Source {
    DatasetCatalog.info(named: name)?.source
      ?? Source(publisher: "unknown", title: name, date: "n.d.", url: "https://example.invalid")
  }

  /// How aligned two states' UN General Assembly votes are, year by year: each year's measures,
  /// the dyad's percentile of each among all dyads that year, each measure's median, and
  /// reference dyads for scale.
  ///
  /// Over all roll calls the percentiles are a look-up in the table computed at import; for an
  /// issue area or important votes only, the table of those roll calls is computed on the spot.
  ///
  /// - Throws: ``DatasetNotImportedError`` when `unga-votes` is not imported.
  public func alignment(
    for dyad: Dyad, years: YearRange? = nil, issue: UNGAIssue? = nil, importantOnly: Bool = false,
    references: [Dyad] = [Store.defaultAlignmentReference], source: UNVoteSource? = nil
  ) throws -> AlignmentSummary {
    let voteSource = try source ?? currentVoteSource() ?? .ungaVotes
    let dataset = voteSource.rawValue
    let stored = try requireDataset(dataset, for: "UN General Assembly vote alignment")
    let filter = RollCallFilter(issue: issue, importantOnly: importantOnly)
    let coverage = stored.coverage
    let span: YearRange? =
      if let years, let coverage { years.clamped(to: coverage) } else { years ?? coverage }
    let references = references.filter { $0 != dyad }
    let source = Self.source(ofDataset: dataset)
    guard let span else {
      return AlignmentSummary(
        dyad: dyad, filter: filter, years: nil, coverage: coverage, rows: [], references: [], source: source)
    }
    var sourceNotes: [String] = []
    if voteSource == .digitalLibrary {
      sourceNotes.append(
        "UN Digital Library records: resolutions adopted by recorded vote only (no failed drafts, amendments or paragraph votes), so agreement is not comparable with unga-votes' figures year for year."
      )
      if !filter.isAll {
        sourceNotes.append(
          "The Digital Library records carry no issue codes or important-vote flags: the filter keeps no roll call.")
      }
    }
    let silent: [Int] = try read { db in
      let years = Set(
        try Int.fetchAll(
          db, sql: "SELECT year FROM \(UNGASimilarityYearRow.tableName) WHERE dataset = ? AND year BETWEEN ? AND ?",
          arguments: [dataset, span.lowerBound, span.upperBound]))
      return (span.lowerBound...span.upperBound).filter { !years.contains($0) }
    }
    if !silent.isEmpty {
      sourceNotes.append(
        "No roll calls in \(YearRange.spans(of: silent).map(\.description).joined(separator: ", ")) in \(dataset): those years are missing, not zero."
      )
    }
    if filter.isAll {
      return try read { db in
        let rows = try Self.storedAlignment(dyad, span: span, dataset: dataset, db: db)
        let refs = try references.map { ref in
          AlignmentReference(
            dyad: ref,
            years: try Self.storedAlignment(ref, span: span, dataset: dataset, db: db).map {
              AlignmentWindow(years: try YearRange(from: $0.year, to: $0.year), votes: $0.votes)
            })
        }
        return AlignmentSummary(
          dyad: dyad, filter: filter, years: span, coverage: coverage, rows: rows, references: refs, source: source,
          notes: sourceNotes)
      }
    }
    var notes: [String] = sourceNotes
    if importantOnly {
      let uncoded: [Int] = try read { db in
        try Int.fetchAll(
          db,
          sql: """
            SELECT year FROM \(UNGARollCallRow.tableName) WHERE dataset = ? AND year BETWEEN ? AND ?
            GROUP BY year HAVING count(important) = 0 ORDER BY year
            """, arguments: [dataset, span.lowerBound, span.upperBound])
      }
      if !uncoded.isEmpty {
        let spans = YearRange.spans(of: uncoded).map(\.description).joined(separator: ", ")
        notes.append(
          "Important votes are not coded for \(spans) in this release (the importantvote field is empty), so those years have no important-vote measures."
        )
      }
    }
    let (table, states) = try similarityTable(years: span, filter: filter, source: voteSource)
    func codes(_ d: Dyad) -> (Int, Int)? {
      guard let a = states.firstIndex(of: d.first), let b = states.firstIndex(of: d.second) else { return nil }
      return (a, b)
    }
    let rows = codes(dyad).map { table.alignmentYears(first: $0.0, second: $0.1, years: span) } ?? []
    let refs = references.map { ref in
      AlignmentReference(
        dyad: ref, years: codes(ref).map { table.yearlyWindows(first: $0.0, second: $0.1, years: span) } ?? [])
    }
    return AlignmentSummary(
      dyad: dyad, filter: filter, years: span, coverage: coverage, rows: rows, references: refs, source: source,
      notes: notes)
  }

  /// The source of General Assembly votes whose evidence reaches furthest: of those the store
  /// holds, the one whose coverage ends last (`unga-votes` on a tie); `nil` when it holds none.
  public func currentVoteSource() throws -> UNVoteSource? { UNVoteSource.mostCurrent(in: try datasets()) }

  /// A dyad's stored years with their percentiles and each year's medians: one packed row.
  private static func storedAlignment(_ dyad: Dyad, span: YearRange, dataset: String, db: Database) throws
    -> [AlignmentYear]
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql:
          "SELECT first_year, data FROM \(UNGASimilarityDyadRow.tableName) WHERE dataset = ? AND state_a = ? AND state_b = ?",
        arguments: [dataset, dyad.first.rawValue, dyad.second.rawValue])
    else { return [] }
    let records = UNGASimilarityPack.records(
      in: row["data"] as Data, firstYear: row["first_year"], years: span.lowerBound...span.upperBound)
    guard let first = records.first?.year, let last = records.last?.year else { return [] }
    var yearly: [Int: Row] = [:]
    for year in try Row.fetchAll(
      db,
      sql: """
        SELECT year, dyads, agree_median, agree_half_median, s_median, pi_median, kappa_median
        FROM \(UNGASimilarityYearRow.tableName) WHERE dataset = ? AND year BETWEEN ? AND ?
        """, arguments: [dataset, first, last])
    {
      yearly[year["year"]] = year
    }
    return records.map { record in
      let year = yearly[record.year]
      var medians = SimilarityScores()
      for measure in SimilarityMeasure.allCases {
        medians[measure] = year?["\(measure.rawValue)_median"]
      }
      return AlignmentYear(
        year: record.year, votes: record.votes, percentiles: record.percentiles, medians: medians,
        dyads: year?["dyads"] ?? 0)
    }
  }

  /// Computes the similarity table of the stored votes on the roll calls of some years that pass a
  /// filter; returns it with its states (state code = index, in id order).
  public func similarityTable(
    years: YearRange, filter: RollCallFilter = .all, source: UNVoteSource = .ungaVotes
  ) throws -> (table: DyadYearSimilarityTable, states: [StateID]) {
    let dataset = source.rawValue
    _ = try requireDataset(dataset, for: "UN General Assembly votes")
    return try read { db in
      var sql = "SELECT year, position FROM \(UNGARollCallRow.tableName) WHERE dataset = ? AND year BETWEEN ? AND ?"
      var arguments: StatementArguments = [dataset, years.lowerBound, years.upperBound]
      if filter.importantOnly { sql += " AND important = 1" }
      if let issue = filter.issue {
        sql += " AND rcid IN (SELECT rcid FROM \(UNGARollCallIssueRow.tableName) WHERE dataset = ? AND issue = ?)"
        _ = arguments.append(contentsOf: [dataset])
        _ = arguments.append(contentsOf: [issue.rawValue])
      }
      sql += " ORDER BY year, position"
      // The chosen roll calls' codes, by year and position.
      var rollCallYears: [Int] = []
      var codeOf: [Int: [Int32]] = [:]
      for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
        let year: Int = row[0], position: Int = row[1]
        var codes = codeOf[year] ?? []
        if codes.count <= position { codes += Array(repeating: -1, count: position + 1 - codes.count) }
        codes[position] = Int32(rollCallYears.count)
        codeOf[year] = codes
        rollCallYears.append(year)
      }
      var states: [StateID] = []
      var stateCode: [String: Int] = [:]
      var coded = CodedVotes(stateCount: 0, rollCallPeriods: [])
      var triples: [(rollCall: Int32, state: Int32, vote: UInt8)] = []
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT state_id, year, votes FROM \(UNGAVoteYearRow.tableName)
          WHERE dataset = ? AND year BETWEEN ? AND ? ORDER BY state_id, year
          """,
        arguments: [dataset, years.lowerBound, years.upperBound])
      while let row = try rows.next() {
        guard let codes = codeOf[row[1] as Int] else { continue }
        let id: String = row[0]
        let state: Int
        if let known = stateCode[id] {
          state = known
        } else {
          state = states.count
          states.append(StateID(id))
          stateCode[id] = state
        }
        let votes: Data = row[2]
        votes.withUnsafeBytes { bytes in
          for position in 0..<min(bytes.count, codes.count) where codes[position] >= 0 && bytes[position] != 0 {
            triples.append((codes[position], Int32(state), bytes[position]))
          }
        }
      }
      coded = CodedVotes(stateCount: states.count, rollCallPeriods: rollCallYears, reservingCapacity: triples.count)
      for triple in triples {
        guard let vote = UNVote(rawValue: triple.vote) else { continue }
        coded.append(rollCall: Int(triple.rollCall), state: Int(triple.state), vote: vote)
      }
      return (DyadYearSimilarityTable.compute(coded), states)
    }
  }

  /// The country names of the UN votes and the states they were identified as, with the dates of
  /// their first and last votes; all of them, or one state's.
  public func ungaVoters(of state: StateID? = nil, source: UNVoteSource = .ungaVotes) throws -> [UNGAVoter] {
    guard try dataset(named: source.rawValue) != nil else { return [] }
    return try read { db in
      var sql = "SELECT * FROM \(UNGAVoterRow.tableName) WHERE dataset = ?"
      var arguments: StatementArguments = [source.rawValue]
      if let state {
        sql += " AND state_id = ?"
        arguments = [source.rawValue, state.rawValue]
      }
      return try Row.fetchAll(db, sql: sql + " ORDER BY first_date, name", arguments: arguments).map { row in
        UNGAVoter(
          name: row["name"], iso2: row["iso2"], state: StateID(row["state_id"] as String),
          first: try Day(parsing: row["first_date"] as String), last: try Day(parsing: row["last_date"] as String),
          votes: row["votes"])
      }
    }
  }

  /// How often two states voted alike on Security Council resolutions adopted by vote while both
  /// sat on the Council; `nil` when the store holds no `un-digital-library` records.
  public func councilAgreement(for dyad: Dyad, years: YearRange? = nil) throws -> CouncilAgreement? {
    guard let stored = try dataset(named: "un-digital-library") else { return nil }
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT r.year, count(*) AS votes, sum(a.vote = b.vote) AS same,
            sum((a.vote = 1) <> (b.vote = 1)) AS apart
          FROM \(UNSCVoteRow.tableName) a
          JOIN \(UNSCVoteRow.tableName) b ON b.resolution_id = a.resolution_id AND b.state_id = ?
          JOIN \(UNSCResolutionRow.tableName) r ON r.id = a.resolution_id
          WHERE a.state_id = ? AND r.year BETWEEN ? AND ?
          GROUP BY r.year ORDER BY r.year
          """,
        arguments: [
          dyad.second.rawValue, dyad.first.rawValue, years?.lowerBound ?? Int.min, years?.upperBound ?? Int.max,
        ])
    }
    return CouncilAgreement(
      dyad: dyad,
      years: rows.map {
        CouncilAgreement.Year(year: $0["year"], votes: $0["votes"], same: $0["same"], apart: $0["apart"])
      },
      source: Self.source(ofDataset: "un-digital-library"), coverage: stored.coverage)
  }

  /// The distance between two states' UN ideal points, session by session, ranked among all dyads
  /// of each session.
  ///
  /// - Throws: ``DatasetNotImportedError`` when `unga-ideal-points` is not imported.
  public func idealPoints(for dyad: Dyad, years: YearRange? = nil) throws -> IdealPointSummary {
    let stored = try requireDataset("unga-ideal-points", for: "UN ideal points")
    return try read { db in
      var sql = "SELECT state_id, session, votes, ideal_point, q5, q95 FROM \(UNGAIdealPointRow.tableName)"
      var arguments: StatementArguments = []
      if let years {
        sql += " WHERE session BETWEEN ? AND ?"
        arguments = [years.lowerBound - 1945, years.upperBound - 1945]
      }
      let points = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        IdealPoint(
          state: StateID(row["state_id"] as String), session: row["session"], value: row["ideal_point"],
          lower: row["q5"], upper: row["q95"], votes: row["votes"])
      }
      return IdealPointSummary(
        dyad: dyad, points: points, coverage: stored.coverage, source: Self.source(ofDataset: "unga-ideal-points"))
    }
  }

  /// Where the imported `unsc-vetoes` list ends.
  public static let importedVetoListEnd = try! Day(parsing: "2022-09-15")

  /// Every veto in the stored Security Council veto list, oldest first: the imported `unsc-vetoes`
  /// list (1946 to 15 September 2022), then Dyad's curated vetoes from UN pages, each with its own
  /// source. A curated veto whose date and draft the imported list already holds is counted once
  /// (the imported row is kept).
  ///
  /// - Throws: ``DatasetNotImportedError`` when `unsc-vetoes` is not imported.
  public func vetoList() throws -> [Veto] {
    _ = try requireDataset(
      "unsc-vetoes",
      for: "Security Council vetoes (Dyad's curated vetoes continue the list after 15 September 2022 but need it before)")
    let imported: [Veto] = try read { db in
      var members: [Int: [StateID]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT veto_id, state_id FROM \(UNSCVetoMemberRow.tableName)") {
        members[row[0], default: []].append(StateID(row[1] as String))
      }
      return try Row.fetchAll(db, sql: "SELECT * FROM \(UNSCVetoRow.tableName) ORDER BY date, id").map { row in
        let id: Int = row["id"]
        return Veto(
          id: id, date: try Day(parsing: row["date"] as String), draft: row["draft"],
          meetingRecords: (row["meeting_record"] as String).split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
          }.filter { !$0.isEmpty },
          agendaItem: row["agenda_item"], topic: row["topic"], region: row["region"],
          vetoers: members[id] ?? [])
      }
    }
    return Self.merge(imported: imported, curated: try curatedVetoes())
  }

  /// The imported veto list followed by the curated vetoes it lacks: a curated veto with the date
  /// and draft of an imported one is dropped; the others are numbered on from the list's last id.
  public static func merge(imported: [Veto], curated: [CuratedVeto]) -> [Veto] {
    let known = Set(imported.map { "\($0.date)|\($0.draft)" })
    var next = (imported.map(\.id).max() ?? 0) + 1
    var result = imported
    for veto in curated where veto.draft.isEmpty || !known.contains("\(veto.date)|\(veto.draft)") {
      result.append(
        Veto(
          id: next, date: veto.date, draft: veto.draft, meetingRecords: veto.meetingRecord.isEmpty ? [] : [veto.meetingRecord],
          agendaItem: veto.agendaItem, topic: veto.topic, region: veto.region, vetoers: veto.vetoers, source: veto.source))
      next += 1
    }
    return result.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
  }

  /// Dyad's curated Security Council vetoes (after the imported list ends), oldest first, each
  /// with its source. Needs no imported dataset.
  public func curatedVetoes() throws -> [CuratedVeto] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT v.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
          FROM \(CuratedVetoRow.tableName) v JOIN \(SourceRow.tableName) s ON s.id = v.source_id
          ORDER BY v.date, v.position
          """
      ).map { row in
        CuratedVeto(
          date: try Day(parsing: row["date"] as String), draft: row["draft"], meetingRecord: row["meeting_record"],
          agendaItem: row["agenda_item"], topic: row["topic"], region: row["region"],
          vetoers: (row["vetoers"] as String).split(separator: ";").map { StateID(String($0)) },
          description: row["description"], source: Self.source(row))
      }
    }
  }

  /// The official tallies (counts an official gave on a date) that concern both states of a
  /// dyad, oldest first.
  public func officialTallies(for dyad: Dyad) throws -> [OfficialTally] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT t.*, s.publisher, s.title AS source_title, s.date AS source_date, s.url, s.licence
          FROM \(OfficialTallyRow.tableName) t JOIN \(SourceRow.tableName) s ON s.id = t.source_id
          ORDER BY t.date, t.id
          """
      ).compactMap { row in
        let states = (row["states"] as String).split(separator: ";").map { StateID(String($0)) }
        guard states.contains(dyad.first), states.contains(dyad.second) else { return nil }
        return OfficialTally(
          id: row["id"], date: try Day(parsing: row["date"] as String), states: states, counted: row["counted"],
          count: row["count"], qualifier: OfficialTally.Qualifier(rawValue: row["qualifier"]) ?? .exactly,
          statement: row["statement"], source: Self.source(row))
      }
    }
  }

  /// A dyad's vetoes in the UN Security Council: each side's, the joint ones, and the last time
  /// each vetoed without the other. The imported list runs to 15 September 2022; Dyad's curated
  /// vetoes continue it (see ``vetoList()``), and the coverage reaches the last curated veto's year.
  ///
  /// - Throws: ``DatasetNotImportedError`` when `unsc-vetoes` is not imported.
  public func vetoes(for dyad: Dyad, years: YearRange? = nil) throws -> VetoSummary {
    let stored = try requireDataset("unsc-vetoes", for: "Security Council vetoes")
    let vetoes = try vetoList()
    var permanent = Set(
      try memberships(of: [dyad.first, dyad.second]).filter { $0.institution == "UNSC-P5" }.map(\.state))
    for veto in vetoes { permanent.formUnion(veto.vetoers.filter(dyad.contains)) }
    let lastCurated = vetoes.filter(\.isCurated).map(\.date).max()
    var coverage = stored.coverage
    if let last = lastCurated, let known = coverage, last.year > known.upperBound {
      coverage = try? YearRange(from: known.lowerBound, to: last.year)
    }
    return VetoSummary(
      dyad: dyad, vetoes: vetoes, permanentMembers: permanent, years: years, coverage: coverage,
      source: Self.source(ofDataset: "unsc-vetoes"), notes: Self.vetoNotes(lastCurated: lastCurated))
  }

  /// A day as "15 September 2022".
  static func longDate(_ day: Day) -> String {
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ]
    return "\(day.day) \(months[day.month - 1]) \(day.year)"
  }

  /// The caveats of the merged veto list: where the imported list ends and how far Dyad's curated
  /// vetoes carry it.
  public static func vetoNotes(lastCurated: Day?) -> [String] {
    let end = Self.longDate(importedVetoListEnd)
    let continuation =
      if let lastCurated {
        "The imported veto list (unsc-vetoes) ends on \(end); Dyad's curated vetoes, from UN pages and reports of them (each cited), continue it to \(Self.longDate(lastCurated)). A veto after that date would be missing."
      } else {
        "The list ends on \(end): later vetoes (from Russia's of 30 September 2022) are missing."
      }
    return [
      continuation,
      "Only vetoes are recorded, not abstentions or other votes; vetoed amendments are not in Dyad's curated vetoes.",
      "The Republic of China's veto of December 1955 (Mongolia's admission) is not in the list; its China vetoes are the People's Republic's, from 1972.",
    ]
  }

  /// The institutions two states share: COW IGO counts by year, and the curated memberships
  /// (SCO, BRICS, …) that carry the record past the dataset's last year.
  ///
  /// Works without `cow-igo` (curated memberships only); ``SharedInstitutionsSummary/igoCoverage``
  /// is then `nil`.
  public func sharedInstitutions(for dyad: Dyad, years: YearRange? = nil) throws -> SharedInstitutionsSummary {
    let stored = try dataset(named: "cow-igo")
    let memberships = try memberships(of: [dyad.first, dyad.second])
    let igo: [IGOYear] = try read { db in
      guard stored != nil else { return [] }
      let counts = Dictionary(
        try Row.fetchAll(
          db, sql: "SELECT state_id, year, full FROM \(COWIGOStateYearRow.tableName) WHERE state_id IN (?, ?)",
          arguments: [dyad.first.rawValue, dyad.second.rawValue]
        ).map { ("\($0["state_id"] as String)|\($0["year"] as Int)", $0["full"] as Int) },
        uniquingKeysWith: { a, _ in a })
      return try Row.fetchAll(
        db,
        sql: "SELECT year, shared FROM \(COWIGODyadYearRow.tableName) WHERE state_a = ? AND state_b = ? ORDER BY year",
        arguments: [dyad.first.rawValue, dyad.second.rawValue]
      ).map { row in
        let year: Int = row["year"]
        return IGOYear(
          year: year, shared: row["shared"], first: counts["\(dyad.first)|\(year)"],
          second: counts["\(dyad.second)|\(year)"])
      }
    }
    let shared = SharedInstitutionsSummary.shared(memberships, dyad: dyad)
    let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
    let starts = igo.map(\.year) + shared.map(\.from.year)
    let ends = igo.map(\.year) + shared.map { $0.to?.year ?? thisYear }
    let range: YearRange
    if let years {
      range = years
    } else if let first = starts.min(), let last = ends.max() {
      range = try YearRange(from: first, to: last)
    } else {
      range = try YearRange(from: thisYear, to: thisYear)
    }
    return SharedInstitutionsSummary(
      dyad: dyad, range: range, igo: igo, memberships: memberships, igoCoverage: stored?.coverage,
      igoSource: stored == nil ? nil : Self.source(ofDataset: "cow-igo"))
  }
}
