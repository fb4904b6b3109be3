import DyadAnalysis
import DyadCore
import DyadStore
import Foundation

/// Builds a ``Report`` for a dyad from the store: the curated facts always, and the imported
/// datasets' analyses where the store holds them. A section without data says so and names the
/// import that would fill it.
///
/// ```swift
/// let store = try Store.open(at: Store.defaultPath())
/// let china = try store.registry.resolve("China"), russia = try store.registry.resolve("Russia")
/// let report = try ReportBuilder(store: store).build(china, russia)
/// let html = HTMLReportRenderer().render(report)
/// ```
public struct ReportBuilder {
  public let store: Store
  /// The date the report is dated (today unless given, for reproducible output).
  public let today: Day

  public init(store: Store, today: Day? = nil) {
    self.store = store
    self.today = today ?? ReportBuilder.currentDay()
  }

  /// The first year of the default span.
  public static let defaultFirstYear = 1946

  /// The reference dyads used for scale when none are given.
  public static let defaultComparisons: [(StateID, StateID)] = ReferenceDyads.standard

  /// Builds the report.
  ///
  /// - Parameters:
  ///   - years: the span to cover; by default from 1946 to the current year.
  ///   - comparisons: reference dyads for scale; by default USA–UK and USA–Japan.
  public func build(
    _ a: State, _ b: State, years: YearRange? = nil, comparisons: [(State, State)]? = nil
  ) throws -> Report {
    let dyad = try Dyad(a.id, b.id)
    let span = try years ?? YearRange(from: Self.defaultFirstYear, to: max(Self.defaultFirstYear, today.year))
    let registry = store.registry
    let defaults: [(State, State)] = Self.defaultComparisons.compactMap { pair in
      guard let x = registry[pair.0], let y = registry[pair.1], Set([x.id, y.id]) != Set([a.id, b.id]) else {
        return nil
      }
      return (x, y)
    }
    let references = comparisons ?? defaults
    var context = Context(
      store: store, dyad: dyad, a: a, b: b, years: span, today: today,
      references: try references.map { (try Dyad($0.0.id, $0.1.id), "\($0.0.name)–\($0.1.name)") })
    let datasets = Dictionary(uniqueKeysWithValues: try store.datasets().map { ($0.name, $0) })
    context.datasets = datasets

    var sections: [Report.Section] = []
    sections.append(try alliesSection(&context))
    sections.append(try alignmentSection(&context))
    sections.append(try politicsSection(&context))
    sections.append(try economySection(&context))
    sections.append(try militarySection(&context))
    sections.append(try conflictSection(&context))
    sections.append(limitsSection(&context))
    sections.append(try timelineSection(&context))
    sections.append(coverageSection(&context))
    for index in sections.indices {
      // The General Assembly votes a section rests on are the most current source held.
      let names = (Self.sectionDatasets[sections[index].id] ?? []).map { $0 == "unga-votes" ? context.voteDataset : $0 }
      sections[index].evidence = context.evidence(names)
    }
    let findings = Array(context.findings.sorted { $0.rank < $1.rank }.prefix(5).map(\.paragraph))
    return Report(
      title: "\(a.name)–\(b.name)",
      subtitle: "Alliance, alignment, economic and military ties, from open data",
      dyad: dyad, names: [a.name, b.name], years: span, comparisons: context.references.map(\.label),
      generated: today.description,
      findings: findings.isEmpty
        ? [Report.Paragraph("The store holds no figures for this dyad yet; see Data coverage and sources.")] : findings,
      sections: sections, notes: context.notes.notes)
  }

  /// The datasets each section draws on, for the line that says how current its evidence is.
  static let sectionDatasets: [String: [String]] = [
    "allies": verdictDatasets,
    "alignment": ["unga-votes", "unga-ideal-points", "unsc-vetoes", "cow-igo"],
    "politics": [Store.politicsDatasetName],
    "economy": ["cow-trade", "imf-dots-all", "imf-dots", "cow-gdp-pop"],
    "military": ["atop", "sipri-transfers", "sipri-milex", "cow-nmc", "exercises", "mme"],
    "limits": ["unga-votes", "unsc-vetoes", "cow-trade", "imf-dots-all", "imf-dots", "sipri-transfers", "cow-nmc"],
    "conflict": [Store.conflictDatasetName],
    "timeline": [Store.curatedDataset, "exercises", "mme"],
  ]

  /// The datasets the alliance verdict reads besides the curated facts.
  static let verdictDatasets = ["atop", "sipri-transfers", "exercises", Store.conflictDatasetName]

  static func currentDay() -> Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
  }
}

/// What the section builders share while a report is built.
struct Context {
  let store: Store
  let dyad: Dyad
  let a: State
  let b: State
  let years: YearRange
  let today: Day
  let references: [(dyad: Dyad, label: String)]
  var datasets: [String: StoredDataset] = [:]
  var notes = NoteBook()
  /// Candidate findings for the summary, lower rank first.
  var findings: [(rank: Int, paragraph: Report.Paragraph)] = []
  /// Statements of distance for the challenges section.
  var limits: [Report.Paragraph] = []
  /// Datasets a section needed and the store lacks.
  var missing: [String] = []
  /// The political profile over the report's years, once the politics section has read it (the
  /// timeline lists its leaders' accessions).
  var politics: PoliticsProfile?

  var pair: String { "\(a.name) and \(b.name)" }

  /// A state's name in a year: "Soviet Union" for RUS in 1980.
  func name(_ id: StateID, _ year: Int) -> String { store.registry[id]?.name(inYear: year) ?? id.rawValue }

  func has(_ dataset: String) -> Bool { datasets[dataset] != nil }

  /// The dataset of General Assembly votes the report uses: the most current the store holds
  /// (`un-digital-library` to 2025 over `unga-votes` to 2019), `unga-votes` when it holds neither.
  var voteDataset: String {
    (UNVoteSource.mostCurrent(in: Array(datasets.values)) ?? .ungaVotes).rawValue
  }

  /// A gap block for a dataset the store lacks.
  mutating func gap(_ dataset: String, _ what: String) -> Report.Block {
    if !missing.contains(dataset) { missing.append(dataset) }
    let info = DatasetCatalog.info(named: dataset)
    let files = info.map { $0.files.count == 1 ? $0.files[0] : "FOLDER" } ?? "PATH"
    let remedy = info?.downloads.isEmpty == false ? "dyad sync \(dataset)" : "dyad import \(dataset) \(files)"
    return .gap(Report.Gap(what: what, remedy: remedy))
  }

  /// The last year the report speaks of: its span's end, or this year if that is earlier.
  var lastYear: Int { min(years.upperBound, today.year) }

  /// How current each dataset's evidence is against the report's last year.
  func evidence(_ names: [String]) -> [Report.Evidence] {
    names.compactMap { name in
      let label = name == Store.curatedDataset ? "Dyad's curated facts" : DatasetCatalog.info(named: name)?.label
      guard let label else { return nil }
      let stored = datasets[name]
      let last = stored?.coverage?.upperBound
      return Report.Evidence(
        dataset: name, label: label, lastYear: last, release: stored.map { $0.release ?? $0.version },
        yearsShort: last.map { max(0, lastYear - $0) })
    }
  }

  /// The sentences a statement about `year` adds when datasets it rests on end before it, or are
  /// not in the store: "For 2026 the evidence is incomplete: ATOP alliances end in 2018; SIPRI arms
  /// transfers are not in the store. `instead`".
  func lacking(_ names: [String], in year: Int, instead: String) -> String? {
    let short = evidence(names).filter { ($0.lastYear ?? Int.min) < year }
    guard !short.isEmpty else { return nil }
    func list(_ parts: [String]) -> String {
      parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
    var clauses: [String] = []
    let ended = short.compactMap { item in
      item.lastYear.map { "\(item.label) end\(item.label.hasSuffix("s") || item.label.hasSuffix("data") ? "" : "s") in \($0)" }
    }
    if !ended.isEmpty { clauses.append(list(ended)) }
    let absent = short.filter { $0.lastYear == nil }.map(\.label)
    if !absent.isEmpty {
      clauses.append(
        "\(list(absent)) \(absent.count == 1 && !absent[0].hasSuffix("s") ? "is" : "are") not in the store")
    }
    return "For \(year) the evidence is incomplete: \(clauses.joined(separator: "; ")). \(instead)"
  }

  /// The note for an imported dataset's figures.
  mutating func cite(dataset name: String, table: String? = nil, years: String? = nil) -> Int? {
    guard let info = DatasetCatalog.info(named: name) else { return nil }
    var source = info.source
    // A synced dataset's figures name the release they were read from.
    if let stored = datasets[name], let release = stored.release, release != info.version {
      source = Source(
        publisher: source.publisher, title: source.title, date: "\(info.version); release \(release)", url: source.url,
        licence: source.licence)
    }
    return notes.cite(source, table: table, years: years)
  }

}
