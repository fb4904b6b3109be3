import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

extension Store {
  /// Opens (creating if needed) the store at a path, migrates it, and loads the curated data when
  /// it changed since the last load.
  ///
  /// - Parameters:
  ///   - readOnly: open without writing; the store must exist and be current.
  ///   - registry: the states to resolve names with; the shipped registry by default.
  ///   - curatedDirectory: the curated files to load; the shipped ones by default.
  ///   - releases: earlier releases of datasets to read in place of the ones the store holds
  ///     (the store is then read-only; see ``Store/archivedReleases(of:)``).
  public static func open(
    at path: String, readOnly: Bool = false, registry: StateRegistry? = nil,
    curatedDirectory: URL = DyadResources.curatedDirectory, releases: [ArchivedRelease] = []
  ) throws -> Store {
    let store = try connect(
      at: path, readOnly: readOnly || !releases.isEmpty, registry: try registry ?? StateRegistry.standard(),
      releases: releases)
    if !readOnly && releases.isEmpty { try store.loadCurated(from: curatedDirectory) }
    return store
  }

  /// Loads the curated files and the state registry into the store when they changed since the
  /// last load, in one transaction.
  func loadCurated(from directory: URL) throws {
    var bytes: [UInt8] = []
    for name in CuratedData.fileNames {
      let url = directory.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw ImportError(file: url.path, message: "the curated file is missing")
      }
      bytes += Array(name.utf8) + [0] + Array(data) + [0]
    }
    bytes += Array("\(registry.states.count)".utf8)
    let checksum = Checksum.of(bytes: bytes)
    let stored = try recordedChecksum(of: Self.curatedDataset)
    guard stored != checksum else { return }
    let curated = try CuratedData.load(from: directory, registry: registry)
    let source = Source(
      publisher: "Dyad", title: "Dyad curated facts", date: "2026",
      url: "https://github.com/dyad-backgrounder/dyad/tree/main/Sources/DyadData/Resources/curated",
      licence: "CC BY 4.0 (facts cite their own sources)")
    try replaceCurated(checksum: checksum, source: source) { sink in
      // Each fact is one row of the count, dated by the year it began.
      var years: [Int] = []
      for treaty in curated.treaties {
        try sink.insert(TreatyRow(treaty, sourceID: try sink.sourceID(for: treaty.source)))
        for state in treaty.states { try sink.insert(TreatyStateRow(treatyID: treaty.id, stateID: state)) }
        years.append(treaty.signed.year)
      }
      for event in curated.events { try Self.insert(event, dataset: Self.curatedDataset, sink: sink) }
      for membership in curated.memberships {
        try sink.insert(MembershipRow(membership, sourceID: try sink.sourceID(for: membership.source)))
      }
      for exercise in curated.exercises { try Self.insert(exercise, dataset: Self.curatedDataset, sink: sink) }
      for trade in curated.reportedTrade {
        try sink.insert(ReportedTradeRow(trade, sourceID: try sink.sourceID(for: trade.source)))
      }
      for (position, veto) in curated.vetoes.enumerated() {
        try sink.insert(CuratedVetoRow(position: position + 1, veto, sourceID: try sink.sourceID(for: veto.source)))
      }
      for tally in curated.tallies {
        try sink.insert(OfficialTallyRow(tally, sourceID: try sink.sourceID(for: tally.source)))
      }
      for (line, spell) in curated.leaders {
        try sink.insert(
          LeaderSpellRow(
            dataset: Self.curatedDataset, line: line, spell, sourceID: try spell.source.map { try sink.sourceID(for: $0) }))
      }
      years += curated.events.map(\.date.year) + curated.memberships.map(\.joined.year)
        + curated.exercises.map(\.start.year) + curated.reportedTrade.map(\.year)
        + curated.vetoes.map(\.date.year) + curated.tallies.map(\.date.year) + curated.leaders.map(\.spell.from.year)
      let rows = years.count
      return (rows, years)
    }
  }
}

