import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadReport

/// The report's structure and its numbers, on a store with the curated facts and three small
/// datasets (Security Council vetoes, SIPRI transfers, the conflict and rivalry data) imported.
@Suite("Report", .serialized)
struct ReportTests {
  static let folder = try! TemporaryFolder("dyad-report")
  static let store: Store = {
    let store = try! Store.open(at: folder.path("report.sqlite"))
    if SharedData.isAvailable {
      for (name, folder) in [
        ("unsc-vetoes", "unsc-vetoes"), ("sipri-transfers", "sipri-arms-transfers"), ("conflict", "conflict-rivalry"),
      ] {
        let importer = DatasetCatalog.importers[name]!
        _ = try! store.importDataset(importer, files: try! importer.inputFiles(at: SharedData.folder(folder)))
      }
    }
    return store
  }()
  static let today = Day(year: 2026, month: 11, day: 29)!

  func report(_ a: String, _ b: String, years: YearRange? = nil) throws -> Report {
    let registry = Self.store.registry
    return try ReportBuilder(store: Self.store, today: Self.today).build(
      try registry.resolve(a), try registry.resolve(b), years: years)
  }

  @Test("every section is present, in order, each answering its question")
  func sections() throws {
    let report = try report("China", "Russia")
    #expect(
      report.sections.map(\.id) == [
        "allies", "alignment", "politics", "economy", "military", "conflict", "limits", "timeline", "coverage",
      ])
    #expect(report.title == "China–Russia")
    #expect((3...5).contains(report.findings.count))
    for section in report.sections { #expect(!section.blocks.isEmpty, "\(section.id) is empty") }
  }

  @Test("every figure and table with figures has a note, and every note resolves to a source with an address")
  func footnotes() throws {
    let report = try report("China", "Russia")
    let numbers = Set(report.notes.map(\.number))
    #expect(numbers == Set(1...report.notes.count))
    var cited = Set<Int>()
    for section in report.sections {
      for block in section.blocks {
        switch block {
        case .figure(let figure):
          if section.id != "timeline" { #expect(!figure.notes.isEmpty, "figure \(figure.id) has no note") }
          cited.formUnion(figure.notes)
        case .paragraph(let p), .callout(_, let p): cited.formUnion(p.notes)
        case .list(let items): for item in items { cited.formUnion(item.notes) }
        case .table(let table): cited.formUnion(table.notes)
        default: break
        }
      }
    }
    #expect(cited.isSubset(of: numbers))
    for note in report.notes {
      #expect(note.url.hasPrefix("http"), "note \(note.number) has no address")
      #expect(!note.source.isEmpty && !note.title.isEmpty)
    }
  }

  @Test(
    "each section says how current its evidence is, and a verdict past its datasets' end says what it lacks",
    .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
  func evidenceCurrency() throws {
    let report = try report("China", "Russia")  // to 2026
    let allies = try #require(report.sections.first { $0.id == "allies" })
    // The SIPRI register's deliveries run 2000–2023 and the veto list to September 2022 (PROVENANCE).
    #expect(
      allies.evidence.map(\.text) == [
        "ATOP alliances: not in the store", "SIPRI arms transfers to 2023 (3 years short)",
        "exercises with Russia: not in the store", "conflict and rivalry data to 2024 (2 years short)",
      ])
    let alignment = try #require(report.sections.first { $0.id == "alignment" })
    #expect(
      alignment.evidence.first { $0.dataset == "unsc-vetoes" }?.text
        == "Security Council vetoes to 2022 (4 years short)")
    guard case .callout(_, let body) = allies.blocks[0] else {
      Issue.record("the allies section opens with the verdict")
      return
    }
    #expect(
      body.text.hasSuffix(
        " For 2026 the evidence is incomplete: SIPRI arms transfers end in 2023 and conflict and rivalry data end in 2024; ATOP alliances and exercises with Russia are not in the store. Where they are silent, the verdict rests on Dyad's curated treaties and exercises."
      ))
    let html = HTMLReportRenderer().render(report)
    #expect(
      html.contains(
        "<p class=\"evidence\">Evidence: <span class=\"missing\">ATOP alliances: not in the store</span> · <span class=\"stale\""
      ))
    let markdown = MarkdownReportRenderer().render(report)
    #expect(
      markdown.contains(
        "\nEvidence: UN General Assembly votes: not in the store · UN ideal points: not in the store · Security Council vetoes to 2022 (4 years short) · "
      ))

    // Within the datasets' years, the evidence is current and the verdict says nothing of it.
    let earlier = try self.report("China", "Russia", years: try YearRange(from: 1992, to: 2020))
    let sipri = earlier.sections.first { $0.id == "allies" }?.evidence.first { $0.dataset == "sipri-transfers" }
    #expect(sipri?.yearsShort == 0 && sipri?.text == "SIPRI arms transfers to 2023")
  }

  /// Ideal points in the report, against the July 2023 file, computed with Python's csv module:
  ///
  ///     pts = {r["ccode"]: float(r["IdealPointAll"]) for r in rows if int(r["session"]) == 77}
  ///     pts["710"], pts["365"]           # -0.9781, -0.3466: distance 0.6316
  ///     pairs = [abs(a - b) for a, b in itertools.combinations(pts.values(), 2)]
  ///     len(pairs), 100 * sum(x > 0.6316 for x in pairs) / len(pairs)   # 18145, 51.5
  ///     # session 26 (1971): -0.9867 and -2.4544, distance 1.4676
  @Test(
    "the alignment section gives the ideal-point distance of the latest session and the first",
    .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
  func idealPoints() throws {
    let folder = try TemporaryFolder("dyad-report-ideal")
    let store = try Store.open(at: folder.path("ideal.sqlite"))
    let importer = DatasetCatalog.importers["unga-ideal-points"]!
    // The July 2023 release, whose session 77 PROVENANCE quotes.
    _ = try store.importDataset(importer, files: [SharedData.file("unga-ideal-points", "IdealpointestimatesAll_Jul2023.csv")])
    let report = try ReportBuilder(store: store, today: Self.today).build(
      try store.registry.resolve("China"), try store.registry.resolve("Russia"))
    let alignment = try #require(report.sections.first { $0.id == "alignment" })
    let texts = alignment.blocks.compactMap { block -> String? in
      if case .paragraph(let paragraph) = block { return paragraph.text }
      return nil
    }
    let text = try #require(texts.first { $0.contains("ideal point") })
    #expect(
      text.hasPrefix(
        "In the session that opened in 2022, China's ideal point was -0.98 and Russia's -0.35, a distance of 0.63; "))
    #expect(text.contains("% of the 18145 pairs of states stood farther apart. In 1971 the distance was 1.47."))
    let summary = try store.idealPoints(for: try Dyad("CHN", "RUS"))
    #expect(abs((summary.rows.last?.closenessPercentile ?? 0) - 51.5) < 0.1)
  }

  @Test("the verdict in the text is the analysis's verdict, and the 2001 treaty is not a defence pact")
  func verdictMatches() throws {
    let report = try report("China", "Russia", years: try YearRange(from: 1946, to: 2015))
    let verdict = try Self.store.verdict(for: try Dyad("CHN", "RUS"), year: 2015)
    #expect(verdict.tie != .treatyAllies)
    let allies = try #require(report.sections.first { $0.id == "allies" })
    guard case .callout(let title, let body) = allies.blocks[0] else {
      Issue.record("the allies section opens with the verdict")
      return
    }
    #expect(title == "Verdict for 2015: \(verdict.tie.rawValue)")
    // The analysis's summary, then what the evidence for 2015 lacks (ATOP is not in this store).
    #expect(body.text.hasPrefix(verdict.summary + " For 2015 the evidence is incomplete: ATOP alliances"))
  }

  @Test(
    "veto counts and arms-transfer totals in the text equal the analyses' figures",
    .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
  func numbersMatchAnalyses() throws {
    let report = try report("China", "Russia", years: try YearRange(from: 1946, to: 2023))
    let dyad = try Dyad("CHN", "RUS")
    let vetoes = try Self.store.vetoes(for: dyad, years: try YearRange(from: 1946, to: 2023))
    let alignment = try #require(report.sections.first { $0.id == "alignment" })
    let texts = alignment.blocks.compactMap { block -> String? in
      if case .paragraph(let p) = block { return p.text }
      return nil
    }
    #expect(
      texts.contains {
        $0.hasPrefix("Between them, \(vetoes.joint.count) Security Council drafts were vetoed by both.")
      })
    for side in vetoes.sides {
      #expect(texts.contains { $0.contains("cast \(side.count) vetoes, \(side.jointCount) of them together") })
    }
    // Russia → China TIV 2000–2023, summed independently from the SIPRI register's rows.
    var expected = 0.0
    try CSVReader(path: SharedData.file("sipri-arms-transfers", "sipri_trade_register_2000_2023.csv").path)
      .forEachRow { header, record in
        let row = CSVRow(header: header, record: record)
        guard row.text("Supplier") == "Russia", row.text("Recipient") == "China",
          let year = Int(row.text("Delivery year")), (2000...2023).contains(year)
        else { return }
        expected += Double(row.text("TIV delivery values")) ?? 0
      }
    let military = try #require(report.sections.first { $0.id == "military" })
    let sipri = military.blocks.compactMap { block -> String? in
      if case .paragraph(let p) = block, p.text.hasPrefix("SIPRI records") { return p.text }
      return nil
    }.first
    let text = try #require(sipri)
    if expected > 0 {
      #expect(text.contains("SIPRI records \(EconomicFormat.millions(expected)) million TIV"), "\(text) vs \(expected)")
    }
  }

  /// The deal-register estimate beside the observed series, for a pair without Russia or China.
  /// Expected total (delivered TIV of every United States → Israel deal, delivery years 1950–2024),
  /// from the raw file:
  ///
  /// ```python
  /// rows = list(csv.reader(open('sipri_trade_register_deals_1950_2024.csv', encoding='utf-8-sig')))[1:]
  /// sum(float(r[15]) for r in rows if r[1] == 'United States' and r[0] == 'Israel')  # 38133.76
  /// ```
  @Test(
    "military: United States → Israel 1950–2024 from the deal register, labelled an estimate, beside the observed series",
    .enabled(if: SharedData.isAvailable))
  func dealRegisterEstimate() throws {
    let report = try report("United States", "Israel")
    let military = try #require(report.sections.first { $0.id == "military" })
    let paragraphs = military.blocks.compactMap { block -> String? in
      if case .paragraph(let p) = block { return p.text }
      return nil
    }
    let estimate = try #require(paragraphs.first { $0.hasPrefix("By SIPRI's deal register") })
    #expect(estimate.contains("an estimated \(EconomicFormat.millions(38_133.76)) million TIV"), "\(estimate)")
    #expect(estimate.contains("from United States to Israel in 1950–2024"), "\(estimate)")
    #expect(estimate.contains("split") && estimate.contains("not merged"))
    #expect(paragraphs.contains { $0.hasPrefix("SIPRI records") }, "the observed 2000–2023 series stays")
    let figures = military.blocks.compactMap { block -> Report.Figure? in
      if case .figure(let f) = block { return f }
      return nil
    }
    let chart = try #require(figures.first { $0.title.hasPrefix("Arms deliveries each way, estimated") })
    #expect(chart.caption.hasPrefix("ESTIMATE"))
    #expect(figures.contains { $0.title == "Arms deliveries each way" })
  }

  @Test(
    "any dyad renders; sections without data say so and name the import that fills them",
    arguments: [
      ("United States", "United Kingdom"), ("India", "Pakistan"), ("Japan", "Brazil"),
    ])
  func anyDyad(a: String, b: String) throws {
    let report = try report(a, b)
    #expect(report.sections.count == 9)
    let gaps = report.sections.flatMap(\.blocks).compactMap { block -> Report.Gap? in
      if case .gap(let gap) = block { return gap }
      return nil
    }
    #expect(!gaps.isEmpty)
    for gap in gaps { #expect(gap.remedy.hasPrefix("dyad import ") || gap.remedy.hasPrefix("dyad sync ")) }
    let html = HTMLReportRenderer().render(report)
    for bad in ["NaN", "nil", "Optional(", "null", "inf"] {
      #expect(!html.contains(">\(bad)<") && !html.contains("Optional("), "\(bad) in \(a)–\(b)")
    }
  }

  @Test("the HTML is one self-contained file: inline CSS and SVG, no external requests, print styles")
  func htmlSelfContained() throws {
    let html = HTMLReportRenderer().render(try report("China", "Russia"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<style>") && html.contains("@media print") && html.contains("@page"))
    #expect(html.contains("<svg"))
    #expect(!html.contains("<script") && !html.contains("<link ") && !html.contains("src=\"http"))
    for id in ["summary", "allies", "alignment", "politics", "economy", "military", "limits", "timeline", "coverage", "notes"] {
      #expect(html.contains("id=\"\(id)\""))
    }
    // Every note reference points at a note that exists.
    let refs = html.components(separatedBy: "href=\"#note-").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    for ref in refs { #expect(html.contains("id=\"note-\(ref)\"")) }
  }

  @Test("the Markdown keeps the sections, tables and notes")
  func markdown() throws {
    let md = MarkdownReportRenderer().render(try report("China", "Russia"))
    #expect(md.hasPrefix("# China–Russia\n"))
    for title in ["## Summary", "## Are they allies?", "## Economic ties", "## Military ties", "## Notes"] {
      #expect(md.contains(title))
    }
    #expect(md.contains("|---|"))
  }

  @Test("the same store and date give the same bytes")
  func deterministic() throws {
    let first = HTMLReportRenderer().render(try report("China", "Russia"))
    let second = HTMLReportRenderer().render(try report("China", "Russia"))
    #expect(first == second)
  }

  @Test("note references are compressed into runs")
  func noteRanges() {
    #expect(NoteRanges.runs([5, 1, 2, 3, 9, 8]) == [[1, 2, 3], [5], [8, 9]])
    #expect(NoteRanges.markdown([1, 2, 3, 7]) == " [1–3, 7]")
  }
}

/// The conflict section and the verdict's hostility, on the report store (conflict data imported).
@Suite("Report: conflict and rivalry", .serialized, .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ReportConflictTests {
  @Test("China–Russia: the rivalries, the 1969 clashes, the border and the capitals, each within its data's coverage")
  func chinaRussia() throws {
    let registry = ReportTests.store.registry
    let report = try ReportBuilder(store: ReportTests.store, today: ReportTests.today).build(
      try registry.resolve("China"), try registry.resolve("Russia"), years: YearRange(from: 1946, to: 2026))
    let section = try #require(report.sections.first { $0.id == "conflict" })
    let text = section.blocks.map { block -> String in
      switch block {
      case .paragraph(let p): p.text
      case .list(let items): items.map(\.text).joined(separator: "\n")
      case .table(let t): t.rows.map { $0.joined(separator: "|") }.joined(separator: "\n")
      default: ""
      }
    }.joined(separator: "\n")
    // TSS (tss_strategic_rivalries.csv, rows 24 and 128): 1816–1949 positional, spatial; 1958–1989 adding ideological.
    #expect(text.contains("TSS rivalries: China-Russia, 1816–1949 (positional, spatial)."))
    #expect(text.contains("TSS rivalries: China-USSR, 1958–1989 (positional, spatial, ideological)."))
    // COW MID 349 in 1969: use of force by both; China's fatality level 3 (101–250), PROVENANCE's check.
    #expect(text.contains("1969|349 (use of force), 101–250 deaths|"))
    // COW MIDs end in 2014: the table marks later years as not covered, never as no dispute.
    #expect(text.contains("Coverage: COW MIDs 1816–2014; GML MIDs 1816–2010; COW interstate wars 1823–2003;"))
    #expect(text.contains("A year outside a dataset's coverage is unknown (\"not covered\"), never \"no conflict\""))
    // Land border from 1860-10-01 to the contiguity data's end (2016-12-01).
    #expect(text.contains("COW codes them as contiguous (land) from 1860-10-01 to the end of its data (2016-12-01)"))
    // The verdict's history shows the rivalry and the clashes beside the treaty.
    let allies = try #require(report.sections.first { $0.id == "allies" })
    let history = allies.blocks.compactMap { block -> Report.Table? in
      if case .table(let t) = block, t.caption == "The verdict year by year" { return t }
      return nil
    }.first
    let row1969 = try #require(history?.rows.first { $0[0].hasPrefix("1958") || $0[0].hasPrefix("1969") })
    #expect(row1969[1] == "treaty allies in name")
    // COW MIDs with use of force: 343 (1966–1968), 349 (1969), then 1974, 1977–1980 (cow_mid_dyad_year_directed.csv).
    #expect(history?.rows.contains { $0[0] == "1958–1980" && $0[3] == "rivals 1958–1989; armed conflict (R6) in 1966–1969, 1974, 1977–1980" } == true)
  }
}
