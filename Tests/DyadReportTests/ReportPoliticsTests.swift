import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadReport

/// The report's "Political systems" section on a store with the politics data and the report's
/// other small datasets (vetoes, SIPRI transfers, conflict, exercises) imported.
///
/// The expected values come from the raw files in `shared/data/politics-demography`, computed with
/// Python's csv module (see PROVENANCE.md's checks):
///
///     vdem_indices_country_year.csv, v2x_polyarchy with _codelow/_codehigh:
///       CHN 2023 0.074 (0.069–0.077), 2024 0.073 (0.068–0.076); RUS 2023 0.190, 2024 0.172 (0.157–0.182)
///       DDR 1980 0.168 (0.153–0.180); POL 1980 0.209 (0.186–0.226)
///     vdem_polyarchy_uds_polity_cow_state_year.csv (v16): 710 2025 0.072; 365 2025 0.170
///     freedom_house_country_year.csv: China 2024 pr 7 cl 6 NF; East Germany 1980 7 7 NF; Poland 1980 6 4 PF
///     wpp2024 by age, sum of 15-19 … 60-64 (thousands): CHN 2020 989,716.6; 2030 (medium) 971,978.2;
///       2050 745,290.9 (−1.8%, −24.7%); RUS 2020 97,862.8; POL 1980 23,345.9; no rows for East Germany
///     median age (gapminder): chn 2023 39.066, 2050 52.141
@Suite(
  "Report: political systems", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct ReportPoliticsTests {
  static let folder = try! TemporaryFolder("dyad-report-politics")
  static let store: Store = {
    let store = try! Store.open(at: folder.path("politics.sqlite"))
    for name in ["politics", "unsc-vetoes", "sipri-transfers", "conflict", "exercises"] {
      let importer = DatasetCatalog.importers[name]!
      _ = try! store.importDataset(
        importer, files: try! importer.inputFiles(at: SharedData.folder(SharedData.datasetFolders[name]!)))
    }
    return store
  }()
  static let today = Day(year: 2026, month: 11, day: 29)!

  static func report(_ a: String, _ b: String, years: YearRange? = nil, store: Store = store) throws -> Report {
    let registry = store.registry
    return try ReportBuilder(store: store, today: today).build(
      try registry.resolve(a), try registry.resolve(b), years: years)
  }

  /// A section's text: paragraphs, list items and table rows (cells joined by `|`).
  static func text(_ section: Report.Section) -> String {
    section.blocks.map { block -> String in
      switch block {
      case .paragraph(let p): p.text
      case .heading(let h): h
      case .list(let items): items.map(\.text).joined(separator: "\n")
      case .table(let t): t.caption + "\n" + t.rows.map { $0.joined(separator: "|") }.joined(separator: "\n")
      case .gap(let gap): "GAP: " + gap.what + " " + gap.remedy
      default: ""
      }
    }.joined(separator: "\n")
  }

  static func figures(_ section: Report.Section) -> [Report.Figure] {
    section.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }
  }

  @Test("the section follows alignment, answers its question and rests on the politics data")
  func placement() throws {
    let report = try Self.report("China", "Russia")
    let ids = report.sections.map(\.id)
    #expect(ids.firstIndex(of: "politics") == ids.firstIndex(of: "alignment")! + 1)
    let section = try #require(report.sections.first { $0.id == "politics" })
    #expect(section.title == "Political systems")
    #expect(section.question == "How do their political systems compare?")
    #expect(section.evidence.map(\.dataset) == [Store.politicsDatasetName])
  }

  @Test("China–Russia: polyarchy with intervals, regime classes, Freedom House, and the chart")
  func regimes() throws {
    let report = try Self.report("China", "Russia")
    let section = try #require(report.sections.first { $0.id == "politics" })
    let text = Self.text(section)
    // 2025 is v16's point estimate only; 2024 the last year with v15's intervals.
    #expect(text.contains("On V-Dem's electoral democracy index (0–1), in 2025, the last year it scores both: China 0.072 and Russia 0.170 (V-Dem v16's point estimates, without intervals, so classed by the point estimate alone): both autocracies, 0.098 apart."))
    #expect(text.contains("In 2024, the last year with V-Dem v15's credible intervals: China 0.073 (68% interval 0.068–0.076), an autocracy (its interval lies below 0.5), and Russia 0.172 (68% interval 0.157–0.182), an autocracy (its interval lies below 0.5): both autocracies, 0.099 apart."))
    #expect(text.contains("Freedom House rated both \"not free\" in 2024 (political rights 7, civil liberties 6: 13 of 14, 14 the least free), its last rated year."))
    let chart = try #require(Self.figures(section).first { $0.title == "Electoral democracy (V-Dem polyarchy)" })
    #expect(chart.svg.contains("0.5: democracy threshold"))
    // The data table: 2023 as in PROVENANCE (China 0.074, Russia 0.190); 2026 is not drawn (no score), never 0.
    let row2023 = try #require(chart.data.rows.first { $0.first == "2023" })
    #expect(row2023.contains("0.074") && row2023.contains("0.190"))
    #expect(!chart.data.rows.contains { $0.first == "2026" })
    #expect(chart.data.rows.first?.first == "1946")
    // The finding in the summary.
    #expect(report.findings.contains { $0.text.hasPrefix("Political systems: both autocracies in 2025 by V-Dem's electoral democracy index (China 0.072, Russia 0.170)") })
  }

  @Test("China–Russia: the current leaders with their datasets and days, the leader table and the curated offices")
  func leaders() throws {
    let section = try #require(try Self.report("China", "Russia").sections.first { $0.id == "politics" })
    let text = Self.text(section)
    #expect(text.contains("China: Xi Jinping, the effective leader since 2012-11-15 (REIGN), in office as of "))
    #expect(text.contains("Russia: Vladimir Putin, the effective leader since 2000-01-01 (REIGN)"))
    #expect(text.contains("After that day who leads is unknown, not presumed."))
    #expect(text.contains("REIGN and Archigos code the effective leader, whatever the title: Vladimir Putin is one spell from 2000-01-01, with no Medvedev presidency"))
    // REIGN and Archigos side by side: Hu Jintao ends 2012-11 in REIGN (month) and 2012-11-15 in Archigos.
    #expect(text.contains("China|Hu Jintao|2003-03-15–2012-11|2003-03-15–2012-11-15"))
    #expect(text.contains("China|Xi Jinping|2012-11-15– (in office at 2021-03-01)|2012-11-15– (in office at 2015-12-31)"))
    #expect(text.contains("Heads of state and government, Dyad's curated leaders"))
  }

  @Test("China–Russia: counts since Xi Jinping came to power, each to its source's end")
  func since() throws {
    let section = try #require(try Self.report("China", "Russia").sections.first { $0.id == "politics" })
    let text = Self.text(section)
    #expect(text.contains("Since Xi Jinping came to power (2012-11-15)"))
    #expect(text.contains("Joint exercises: "))
    #expect(text.contains("Security Council vetoes: "))
    #expect(text.contains("Dyad's curated vetoes, by any permanent member, continue it to 2025-09-18"))
    // China and Russia vetoed together 11 times from 2012-11-15: Syria 2014-05-22, 2016-12-05,
    // 2017-02-28, 2019-09-19, 2019-12-20, 2020-07-07 and 2020-07-10; Venezuela 2019-02-28; the DPRK
    // 2022-05-26; the Middle East 2023-10-25 and 2024-03-22 (unsc_vetoes_1946_sept2022.csv and
    // curated/vetoes.csv, counted with Python: 9 rows with China = Russia = 1, plus 2 curated).
    #expect(text.contains("Security Council vetoes: 11 cast together"))
  }

  @Test("China–Russia: working age in millions at WPP's points, with the projections to 2050 marked")
  func population() throws {
    let section = try #require(try Self.report("China", "Russia").sections.first { $0.id == "politics" })
    let text = Self.text(section)
    #expect(text.contains("China: 989.7 million aged 15–64 in 2020 (WPP estimate); by WPP's medium projection −1.8% by 2030 and −24.7% by 2050 (745.3 million)"))
    #expect(text.contains("median age 39.1 in 2023, 52.1 projected for 2050"))
    #expect(text.contains("Russia: 97.9 million aged 15–64 in 2020"))
    // Russia's WPP figures before 1992 are for its present territory.
    #expect(text.contains("WPP's figures before 1992 are for the territory Russia holds today"))
    let chart = try #require(Self.figures(section).first { $0.title == "Working-age population (15–64)" })
    #expect(chart.data.columns.contains("China: Estimate") && chart.data.columns.contains("China: Projection (medium)"))
    // Five-yearly points only (never an interpolated year), from the first estimate to 2050.
    let years = chart.data.rows.compactMap { Int($0[0]) }
    #expect(years.first == 1950 && years.last == 2050 && years.allSatisfy { $0 % 5 == 0 })
    #expect(chart.data.rows.first { $0[0] == "2020" }?.contains("989.7") == true)
    #expect(text.contains("A year without a value is unknown, never zero."))
  }

  @Test("East Germany–Poland 1960–1980: a historic dyad with little data says what it lacks")
  func historic() throws {
    let report = try Self.report("East Germany", "Poland", years: try YearRange(from: 1960, to: 1980))
    let section = try #require(report.sections.first { $0.id == "politics" })
    let text = Self.text(section)
    #expect(text.contains("in 1980, the last year it scores both: "))
    #expect(text.contains(" 0.168 (68% interval 0.153–0.180), an autocracy (its interval lies below 0.5)"))
    #expect(text.contains("Poland 0.209 (68% interval 0.186–0.226), an autocracy (its interval lies below 0.5): both autocracies, 0.041 apart."))
    #expect(text.contains("\"not free\" in 1980 (political rights 7, civil liberties 7: 14 of 14"))
    #expect(text.contains("and Poland \"partly free\" in 1980 (political rights 6, civil liberties 4: 10 of 14"))
    // No WPP rows for East Germany: unknown, and no projections for a span ending in 1980.
    #expect(text.contains("UN WPP gives no population by age for it in these years (unknown)."))
    #expect(text.contains("Poland: 23.3 million aged 15–64 in 1980 (WPP estimate)"))
    #expect(!text.contains("Projection (medium)") && !text.contains("by 2030"))
    // The current leaders' counts belong to today's leaders: not for a span that ends in 1980.
    #expect(!text.contains("came to power ("))
    // The Putin note is China–Russia's; here the general rule.
    #expect(!text.contains("Putin"))
    let html = HTMLReportRenderer().render(report)
    #expect(html.contains("id=\"politics\"") && html.contains("Electoral democracy (V-Dem polyarchy)"))
  }

  @Test("the timeline lists the effective leaders' accessions in the report's years")
  func timeline() throws {
    let report = try Self.report("China", "Russia", years: try YearRange(from: 1990, to: 2026))
    let section = try #require(report.sections.first { $0.id == "timeline" })
    let table = section.blocks.compactMap { block -> Report.Table? in
      if case .table(let t) = block, t.caption.hasPrefix("Leaders in office") { t } else { nil }
    }.first
    let rows = try #require(table).rows
    #expect(rows.contains { $0[0] == "2012-11-15" && $0[2] == "Xi Jinping" && $0[3].hasPrefix("REIGN") })
    #expect(rows.contains { $0[0] == "2000-01-01" && $0[1] == "Russia" })
    #expect(!rows.contains { $0[0].hasPrefix("1989") })
  }

  @Test("the HTML renders the section with its charts and a nav entry's anchor")
  func html() throws {
    let html = HTMLReportRenderer().render(try Self.report("China", "Russia"))
    #expect(html.contains("id=\"politics\""))
    #expect(html.contains("Electoral democracy (V-Dem polyarchy)") && html.contains("Working-age population (15–64)"))
    for bad in ["NaN", "Optional(", ">nil<", ">inf<"] { #expect(!html.contains(bad), "\(bad)") }
  }

  @Test("without the politics import: the gap, and the curated leaders still")
  func withoutImport() throws {
    let folder = try TemporaryFolder("dyad-report-no-politics")
    let store = try Store.open(at: folder.path("bare.sqlite"))
    let report = try Self.report("China", "Russia", store: store)
    let section = try #require(report.sections.first { $0.id == "politics" })
    guard case .gap(let gap) = section.blocks.first else {
      Issue.record("the section opens with the gap")
      return
    }
    #expect(gap.remedy.hasPrefix("dyad import politics"))
    let text = Self.text(section)
    // Without REIGN the curated row gives the office's day, not the day he came to power (2012-11-15).
    #expect(text.contains("China: Xi Jinping, head of state since 2013-03-14 (Dyad's curated leaders) and the effective leader from earlier"))
    #expect(text.contains("years in that office by then") && !text.contains("the effective leader since 2013-03-14"))
    #expect(text.contains("Heads of state and government, Dyad's curated leaders"))
    #expect(Self.figures(section).isEmpty)
    _ = HTMLReportRenderer().render(report)
  }
}
