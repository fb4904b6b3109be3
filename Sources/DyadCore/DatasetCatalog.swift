import Foundation

/// A dataset Dyad knows: what it is, where to get it, and how its files are laid out.
public struct DatasetInfo: Sendable, Hashable, Codable {
  /// The name used on the command line: `dyad import unga-votes PATH`.
  public let name: String
  public let title: String
  public let publisher: String
  public let version: String
  /// Where a user obtains the dataset.
  public let url: String
  public let licence: String
  /// The years the release covers, as published.
  public let coverage: String
  /// The dimension the dataset informs.
  public let dimension: RelationDimension
  /// The files read from a dataset folder, relative to it (the layout of `shared/data/NAME`).
  public let files: [String]
  /// Where `dyad sync` fetches each file from its publisher, one per name in ``files``; empty when
  /// the publisher offers no file Dyad reads as it is (then only a mirror or `dyad import` fills it).
  public let downloads: [DatasetDownload]
  /// How a new release of the dataset is told.
  public let releaseSignal: ReleaseSignal
  /// Whether `dyad sync` with no names fetches the dataset into a store that lacks it.
  public let syncsByDefault: Bool
  /// Why ``downloads`` is empty, when it is: what the publisher ships instead of the files Dyad reads.
  public let downloadNote: String?
  /// What a sentence calls the dataset's evidence: "UN votes", "Security Council vetoes".
  public let label: String

  public init(
    name: String, title: String, publisher: String, version: String, url: String, licence: String,
    coverage: String, dimension: RelationDimension, files: [String], downloads: [DatasetDownload] = [],
    releaseSignal: ReleaseSignal = .httpValidators, syncsByDefault: Bool = false, downloadNote: String? = nil,
    label: String? = nil
  ) {
    self.name = name
    self.title = title
    self.publisher = publisher
    self.version = version
    self.url = url
    self.licence = licence
    self.coverage = coverage
    self.dimension = dimension
    self.files = files
    self.downloads = downloads
    self.releaseSignal = releaseSignal
    self.syncsByDefault = syncsByDefault
    self.downloadNote = downloadNote
    self.label = label ?? name
  }

  /// The source that figures imported from this dataset cite.
  public var source: Source {
    Source(publisher: publisher, title: "\(title) \(version)", date: version, url: url, licence: licence)
  }
}

/// Where one of a dataset's files is published, and how its bytes hold the file.
public struct DatasetDownload: Sendable, Hashable, Codable {
  /// How the bytes at ``url`` hold the file.
  public enum Container: String, Sendable, Hashable, Codable {
    /// The file itself.
    case plain
    /// A zip archive; the file is its ``DatasetDownload/member``.
    case zip
    /// The file, gzip-compressed.
    case gzip
  }

  /// The file's name in the dataset's folder (one of ``DatasetInfo/files``).
  public let file: String
  /// The publisher's address for it.
  public let url: String
  public let container: Container
  /// The file's path inside a zip archive.
  public let member: String?
  /// What the file is: `csv`, `tsv`, `xlsx`.
  public let format: String
  /// The SHA-256 of the file (unpacked) in the release this catalogue names, when the address
  /// names one fixed release; `nil` when the address serves whatever release is current.
  public let sha256: String?

  public init(
    file: String, url: String, container: Container = .plain, member: String? = nil, format: String = "csv",
    sha256: String? = nil
  ) {
    (self.file, self.url, self.container, self.member, self.format, self.sha256) =
      (file, url, container, member, format, sha256)
  }
}

/// How a dataset's publisher tells a new release.
public enum ReleaseSignal: String, Sendable, Hashable, Codable {
  /// A version in the file's name or address: a new release has a new address (the catalogue
  /// names the newest Dyad knows).
  case versionInAddress = "version-in-address"
  /// The server's `ETag` and `Last-Modified`: a new release changes them at the same address.
  case httpValidators = "etag-last-modified"
  /// A checksum list beside the files (`SHA256SUMS`, GDELT's `md5sums`).
  case checksumList = "checksum-list"
}

/// What an import read and wrote.
public struct ImportSummary: Sendable, Equatable, Codable {
  public var rowsRead: Int
  public var rowsWritten: Int
  public var coverage: YearRange?
  /// The release, where the files themselves tell it (a workbook's years and base year); the store
  /// records it for a local import, which has no release from a sync.
  public var release: String?
  /// What the import decided and a user should know: inputs it skipped and why.
  public var notes: [String] = []

  public init(rowsRead: Int = 0, rowsWritten: Int = 0, coverage: YearRange? = nil) {
    self.rowsRead = rowsRead
    self.rowsWritten = rowsWritten
    self.coverage = coverage
  }

  /// Widens the coverage to include a year.
  public mutating func cover(_ year: Int) {
    if let coverage {
      if !coverage.contains(year) {
        self.coverage = try? YearRange(from: min(coverage.lowerBound, year), to: max(coverage.upperBound, year))
      }
    } else {
      coverage = try? YearRange(from: year, to: year)
    }
  }
}

/// Every dataset Dyad knows and where to obtain it. (The importers that read them are in
/// `DyadImport`: `DatasetCatalog.importers`.)
public enum DatasetCatalog {
  /// The datasets, in the order `dyad datasets` lists them.
  public static let all: [DatasetInfo] = [
    DatasetInfo(
      name: "unga-votes", title: "United Nations General Assembly Voting Data (via unvotes)",
      publisher: "Erik Voeten, Harvard Dataverse",
      version: "unvotes 0.3.0", url: "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
      licence: "CC0 (Dataverse); unvotes package MIT", coverage: "1946–2019", dimension: .diplomatic,
      files: ["un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv"],
      downloadNote:
        "the publisher ships the roll calls as R data files (.rda) in the unvotes 0.3.0 package on CRAN; Dyad reads their CSV export",
      label: "UN General Assembly votes"),
    DatasetInfo(
      name: "un-digital-library",
      title: "UN voting records, General Assembly and Security Council (Dag Hammarskjöld Library)",
      publisher: "United Nations Dag Hammarskjöld Library", version: "1946–2021 and 2025 scrapes",
      url: "https://digitallibrary.un.org/record/4060887",
      licence: "© United Nations; non-commercial use with attribution",
      coverage: "1946–2021, 2025 (adopted resolutions)", dimension: .diplomatic,
      files: ["un_dl_votes_1946_2021_wide.csv.zip", "un_dl_votes_2025_wide.csv"],
      downloadNote:
        "the Library publishes its bulk files (GA record 4060887, SC record 4055387) behind pages that need a browser session; Dyad reads them as downloaded (dyad import un-digital-library FILE.csv) and the wide scrapes from a mirror",
      label: "UN Digital Library votes"),
    DatasetInfo(
      name: "unga-ideal-points", title: "UNGA ideal points (Bailey, Strezhnev & Voeten)",
      publisher: "Erik Voeten, Harvard Dataverse",
      version: "June 2024", url: "https://doi.org/10.7910/DVN/LEJUQZ",
      licence: "CC0", coverage: "1946–2023", dimension: .diplomatic, files: ["IdealpointestimatesAll_Jun2024.csv"],
      downloadNote:
        "Harvard Dataverse serves the estimates as a tabular file with an index column and CRLF lines, and its current release (1946–2025) has other columns; Dyad reads the June 2024 CSV (and the July 2023 one, given as the file, as an earlier release)",
      label: "UN ideal points"),
    DatasetInfo(
      name: "unsc-vetoes", title: "UN Security Council vetoes (from the Dag Hammarskjöld Library's veto list)",
      publisher: "World Politics Data Lab (C. L. Yordán)", version: "1946 – Sep 2022",
      url: "https://github.com/world-politics-datalab/vetoes-un-security-council", licence: "MIT",
      coverage: "1946–2022", dimension: .diplomatic, files: ["unsc_vetoes_1946_sept2022.csv"],
      downloads: [
        DatasetDownload(
          file: "unsc_vetoes_1946_sept2022.csv",
          url:
            "https://raw.githubusercontent.com/world-politics-datalab/vetoes-un-security-council/661c5246872143cf16e500e4e7f2f70a45df5ac8/unsc_vetoes_1946_sept2022.csv",
          sha256: "d6b65d698d8f4e5a6eddcd922e7659b40e22d262940f1440b51360929d87ab74")
      ], releaseSignal: .versionInAddress, syncsByDefault: true,
      label: "Security Council vetoes"),
    DatasetInfo(
      name: "cow-igo", title: "Correlates of War Intergovernmental Organizations (Pevehouse et al.)",
      publisher: "Correlates of War Project", version: "3.0", url: "https://correlatesofwar.org/data-sets/igos/",
      licence: "COW terms (free with citation)",
      coverage: "1816–2014", dimension: .diplomatic,
      files: ["cow_igo_dyad_year_nondirected.csv", "cow_igo_state_year.csv"],
      downloadNote:
        "the Correlates of War Project ships member-level zips; Dyad reads the dyad-year and state-year summaries peacesciencer derives from them",
      label: "COW shared IGOs"),
    DatasetInfo(
      name: "cow-trade", title: "Correlates of War Trade", publisher: "Correlates of War Project", version: "4.0",
      url: "https://correlatesofwar.org/data-sets/bilateral-trade/", licence: "COW terms (free with citation)",
      coverage: "1870–2014", dimension: .economic,
      files: ["cow_trade_dyadic_nondirected.csv", "cow_trade_state_year.csv"],
      downloadNote:
        "the Correlates of War Project ships COW_Trade_4.0.zip with other columns; Dyad reads the non-directed summaries peacesciencer derives from it",
      label: "COW trade"),
    DatasetInfo(
      name: "imf-dots", title: "IMF Direction of Trade Statistics", publisher: "International Monetary Fund",
      version: "2024", url: "https://data.imf.org/",
      licence: "IMF terms of use", coverage: "2010–2023 (Russia as reporter)", dimension: .economic,
      files: ["russia_dots_by_partner_long.csv"],
      downloadNote:
        "the IMF retired the DOTS API in 2025 (its successor IMTS reports US$ and partner codes); Dyad reads a long extract for Russia",
      label: "IMF trade (Russia)"),
    DatasetInfo(
      name: "imf-dots-all", title: "IMF Direction of Trade Statistics, exports by partner (every reporter)",
      publisher: "International Monetary Fund", version: "tables to 2020", url: "https://data.imf.org/",
      licence: "IMF terms of use (free with attribution)", coverage: "1961–2020 (181 reporters)", dimension: .economic,
      files: imfExportWorkbooks,
      downloadNote:
        "the IMF retired the DOTS table pages and API in 2025 (its successor IMTS has other codes and layouts); Dyad reads the DOTS \"Exports, FOB to Partner Countries\" workbooks, one per reporter, from a mirror or a local folder",
      label: "IMF export tables"),
    DatasetInfo(
      name: "cow-gdp-pop", title: "GDP and population estimates (Anders, Fariss & Markowitz)",
      publisher: "Anders, Fariss & Markowitz", version: "2020 (via peacesciencer)",
      url: "http://svmiller.com/peacesciencer/",
      licence: "CC0", coverage: "1800–2016", dimension: .economic, files: ["cow_sdp_gdp.csv"],
      downloadNote: "the estimates are published as an R data file (.rds) by peacesciencer; Dyad reads its CSV export",
      label: "GDP and population estimates"),
    DatasetInfo(
      name: "atop", title: "Alliance Treaty Obligations and Provisions", publisher: "ATOP Project (Leeds et al.)",
      version: "4.01 / 5.1", url: "http://www.atopdata.org/data.html", licence: "free with citation",
      coverage: "1815–2018", dimension: .military,
      files: ["atop-member-level.csv", "atop-alliance-level.csv", "atop5_1_dyad_year_nondirected.csv"],
      downloadNote:
        "the ATOP project ships version 5.1 as a zip of directed files; Dyad reads the 4.01 member and alliance files and peacesciencer's non-directed 5.1 dyad-years",
      label: "ATOP alliances"),
    DatasetInfo(
      name: "sipri-transfers", title: "SIPRI Arms Transfers Database (trade register)",
      publisher: "Stockholm International Peace Research Institute",
      version: "2024 (deliveries 2000–2023; deals 1950–2024)",
      url: "https://www.sipri.org/databases/armstransfers", licence: "SIPRI terms (free with citation)",
      coverage: "1950–2024 (deals); 2000–2023 (deliveries by year)", dimension: .military,
      files: ["sipri_trade_register_2000_2023.csv", "sipri_trade_register_deals_1950_2024.csv"],
      downloadNote:
        "SIPRI generates the trade register on request (a POST to its API) with a preamble, by delivery year or by deal; Dyad reads both layouts without it",
      label: "SIPRI arms transfers"),
    DatasetInfo(
      name: "sipri-milex", title: "SIPRI Military Expenditure Database",
      publisher: "Stockholm International Peace Research Institute", version: "2024",
      url: "https://www.sipri.org/databases/milex", licence: "SIPRI terms (free with citation)", coverage: "1948–2023",
      dimension: .military, files: ["SIPRI-Milex-data-1948-2023.xlsx"],
      // SIPRI's own workbook of the 2024 release (Our World in Data's snapshot of this address,
      // 2024-07-08, has the same MD5 and size as the shared copy). The importer also reads the long
      // CSV conversion, given as the file, and any later release's workbook.
      downloads: [
        DatasetDownload(
          file: "SIPRI-Milex-data-1948-2023.xlsx",
          url: "https://www.sipri.org/sites/default/files/SIPRI-Milex-data-1948-2023.xlsx", format: "xlsx",
          sha256: "20c9afbebd8e0111c5b38da36370c7e73e83a9d4c9078e10a7854d1fe6ba1360")
      ], releaseSignal: .versionInAddress, syncsByDefault: true,
      label: "SIPRI military spending"),
    DatasetInfo(
      name: "cow-nmc", title: "Correlates of War National Material Capabilities",
      publisher: "Correlates of War Project",
      version: "7.0", url: "https://correlatesofwar.org/data-sets/national-material-capabilities/",
      licence: "COW terms (free with citation)", coverage: "1816–2022", dimension: .military, files: ["cow_nmc_v7.csv"],
      downloadNote:
        "the Correlates of War Project ships NMCv7.zip holding another zip; Dyad reads peacesciencer's cleaned table (−9 as missing)",
      label: "COW capabilities"),
    DatasetInfo(
      name: "exercises", title: "Joint military exercises involving Russia (Russian MoD and Krasnaya Zvezda reports)",
      publisher: "Russian Ministry of Defence reports (compiled sample)", version: "2009–2018 sample",
      url: "https://structure.mil.ru/", licence: "free with citation", coverage: "2009–2018",
      dimension: .military, files: ["joint_military_exercises_involving_russia.csv"],
      downloadNote:
        "the compilation exists only as a spreadsheet export in a public repository; Dyad reads its cleaned CSV",
      label: "exercises with Russia"),
    DatasetInfo(
      name: "mme", title: "Multinational Military Exercises", publisher: "D'Orazio & Galambos (Harvard Dataverse)",
      version: "v7 (2021)", url: "https://doi.org/10.7910/DVN/KHFODX",
      licence: "Harvard Dataverse terms (free with citation)",
      coverage: "1980–2010", dimension: .military, files: ["mme-v7-long.csv"],
      downloadNote:
        "Harvard Dataverse serves MME v7 as tabular files behind its own access API; Dyad reads the CSV export of the long table (one row per exercise, participant and year, with Gleditsch–Ward codes) that the troopdata R package ships",
      label: "multinational exercises (MME)"),
    DatasetInfo(
      name: "conflict",
      title:
        "Conflict, rivalry and geography (COW MID 5, GML MID 2.2.1, COW Inter-State War 4, Thompson–Sakuwa–Suhas and Thompson–Dreyer rivalries, UCDP/PRIO ACD 25.1, COW Direct Contiguity 3.2, capitals; via peacesciencer)",
      publisher: "Correlates of War Project, Gibler–Miller–Little, Thompson et al., UCDP/PRIO (via S. Miller's peacesciencer)",
      version: "peacesciencer 1.2.9", url: "http://svmiller.com/peacesciencer/",
      licence: "peacesciencer GPL-2; each underlying dataset free to use with citation",
      coverage: "1816–2024 (MIDs 1816–2014, GML 1816–2010, wars 1823–2003, rivalries 1494–2020, UCDP 1946–2024, contiguity 1816–2016)",
      dimension: .military,
      files: [
        "cow_mid_dyad_year_directed.csv", "gml_mid_dyad_year_directed.csv", "cow_interstate_war_dyad_year_directed.csv",
        "tss_strategic_rivalries.csv", "td_strategic_rivalries.csv", "ucdp_armed_conflict_years.csv",
        "cow_direct_contiguity.csv", "cow_capitals.csv",
      ],
      downloadNote:
        "the publishers ship these datasets in other layouts (COW and GML zips of dispute-level files, UCDP's own CSV with lists of codes in a field); Dyad reads the directed dyad-year tables and the rivalry, contiguity and capital tables peacesciencer ships as R data files (.rda), exported to CSV",
      label: "conflict and rivalry data"),
    DatasetInfo(
      name: "politics",
      title:
        "Political systems, leaders and demography (V-Dem v15 indices and v16 polyarchy, Freedom House, REIGN, Archigos 4.1, UN World Population Prospects 2024)",
      publisher: "V-Dem Institute, Freedom House, Bell (REIGN), Goemans–Gleditsch–Chiozza (Archigos), UN Population Division (via democracyData, isard, peacesciencer, wpp2024, Gapminder)",
      version: "2025 compilation", url: "https://www.v-dem.net/data/the-v-dem-dataset/",
      licence: "V-Dem CC BY-SA 4.0; Freedom House free with citation; WPP CC BY 3.0 IGO; packages GPL",
      coverage: "1789–2025 (V-Dem indices 1789–2024, polyarchy to 2025, Freedom House 1972–2024, REIGN to March 2021, Archigos to 2015, WPP estimates 1950–2020 and projections to 2100)",
      dimension: .diplomatic,
      files: [
        "vdem_indices_country_year.csv", "vdem_polyarchy_uds_polity_cow_state_year.csv", "freedom_house_country_year.csv",
        "reign_leaders_to_2021-03.csv", "archigos41_leaders.csv", "wpp2024_population_by_age5_estimates.csv",
        "wpp2024_population_by_age5_projections.csv", "wpp2024_median_age_gapminder.csv",
      ],
      downloadNote:
        "the publishers ship these datasets as large workbooks, Stata or R files behind registration pages (V-Dem, Freedom House's Excel ratings, WPP's data portal); Dyad reads the country-year tables the democracyData, isard, peacesciencer and wpp2024 R packages ship, exported to CSV, REIGN's leader list as published, and Gapminder's median-age series",
      label: "political and demographic data"),
  ]

  /// The IMF DOTS exports workbooks as the table pages named them when downloaded
  /// (`Exports_to_Count (N).xlsx`), one per reporter: the names a mirror serves. A local folder may
  /// hold workbooks under any names.
  static let imfExportWorkbooks: [String] = (1...187).filter { ![106, 145].contains($0) }.map {
    "Exports_to_Count (\($0)).xlsx"
  }

  /// The dataset of a name, or `nil`.
  public static func info(named name: String) -> DatasetInfo? { all.first { $0.name == name } }
}
