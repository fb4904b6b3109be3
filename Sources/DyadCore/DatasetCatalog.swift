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

  public init(
    name: String, title: String, publisher: String, version: String, url: String, licence: String,
    coverage: String, dimension: RelationDimension, files: [String]
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
  }

  /// The source that figures imported from this dataset cite.
  public var source: Source {
    Source(publisher: publisher, title: "\(title) \(version)", date: version, url: url, licence: licence)
  }
}

/// What an import read and wrote.
public struct ImportSummary: Sendable, Equatable, Codable {
  public var rowsRead: Int
  public var rowsWritten: Int
  public var coverage: YearRange?

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
      name: "unga-votes", title: "United Nations General Assembly Voting Data (via unvotes)", publisher: "Erik Voeten, Harvard Dataverse",
      version: "unvotes 0.3.0", url: "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
      licence: "CC0 (Dataverse); unvotes package MIT", coverage: "1946–2019", dimension: .diplomatic,
      files: ["un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv"]),
    DatasetInfo(
      name: "unga-ideal-points", title: "UNGA ideal points (Bailey, Strezhnev & Voeten)", publisher: "Erik Voeten, Harvard Dataverse",
      version: "July 2023", url: "https://doi.org/10.7910/DVN/LEJUQZ",
      licence: "CC0", coverage: "1946–2022", dimension: .diplomatic, files: ["IdealpointestimatesAll_Jul2023.csv"]),
    DatasetInfo(
      name: "unsc-vetoes", title: "UN Security Council vetoes", publisher: "Dag Hammarskjöld Library, United Nations",
      version: "1946 – Sep 2022", url: "https://research.un.org/en/docs/sc/quick/veto", licence: "UN terms of use",
      coverage: "1946–2022", dimension: .diplomatic, files: ["unsc_vetoes_1946_sept2022.csv"]),
    DatasetInfo(
      name: "cow-igo", title: "Correlates of War Intergovernmental Organizations (Pevehouse et al.)",
      publisher: "Correlates of War Project", version: "3.0", url: "https://correlatesofwar.org/data-sets/igos/", licence: "COW terms (free with citation)",
      coverage: "1816–2014", dimension: .diplomatic,
      files: ["cow_igo_dyad_year_nondirected.csv", "cow_igo_state_year.csv"]),
    DatasetInfo(
      name: "cow-trade", title: "Correlates of War Trade", publisher: "Correlates of War Project", version: "4.0",
      url: "https://correlatesofwar.org/data-sets/bilateral-trade/", licence: "COW terms (free with citation)",
      coverage: "1870–2014", dimension: .economic,
      files: ["cow_trade_dyadic_nondirected.csv", "cow_trade_state_year.csv"]),
    DatasetInfo(
      name: "imf-dots", title: "IMF Direction of Trade Statistics", publisher: "International Monetary Fund",
      version: "2024", url: "https://data.imf.org/",
      licence: "IMF terms of use", coverage: "2010–2023 (Russia as reporter)", dimension: .economic,
      files: ["russia_dots_by_partner_long.csv"]),
    DatasetInfo(
      name: "cow-gdp-pop", title: "GDP and population estimates (Anders, Fariss & Markowitz)",
      publisher: "Anders, Fariss & Markowitz", version: "2020 (via peacesciencer)", url: "http://svmiller.com/peacesciencer/",
      licence: "CC0", coverage: "1800–2016", dimension: .economic, files: ["cow_sdp_gdp.csv"]),
    DatasetInfo(
      name: "atop", title: "Alliance Treaty Obligations and Provisions", publisher: "ATOP Project (Leeds et al.)",
      version: "4.01 / 5.1", url: "http://www.atopdata.org/data.html", licence: "free with citation",
      coverage: "1815–2018", dimension: .military,
      files: ["atop-member-level.csv", "atop-alliance-level.csv", "atop5_1_dyad_year_nondirected.csv"]),
    DatasetInfo(
      name: "sipri-transfers", title: "SIPRI Arms Transfers Database (trade register)",
      publisher: "Stockholm International Peace Research Institute", version: "2024",
      url: "https://www.sipri.org/databases/armstransfers", licence: "SIPRI terms (free with citation)",
      coverage: "2000–2023 deliveries", dimension: .military, files: ["sipri_trade_register_2000_2023.csv"]),
    DatasetInfo(
      name: "sipri-milex", title: "SIPRI Military Expenditure Database",
      publisher: "Stockholm International Peace Research Institute", version: "2024",
      url: "https://www.sipri.org/databases/milex", licence: "SIPRI terms (free with citation)", coverage: "1948–2023",
      dimension: .military, files: ["sipri_milex_long.csv"]),
    DatasetInfo(
      name: "cow-nmc", title: "Correlates of War National Material Capabilities", publisher: "Correlates of War Project",
      version: "7.0", url: "https://correlatesofwar.org/data-sets/national-material-capabilities/",
      licence: "COW terms (free with citation)", coverage: "1816–2022", dimension: .military, files: ["cow_nmc_v7.csv"]),
    DatasetInfo(
      name: "exercises", title: "Joint military exercises involving Russia (Russian MoD and Krasnaya Zvezda reports)",
      publisher: "Russian Ministry of Defence reports (compiled sample)", version: "2009–2018 sample",
      url: "https://structure.mil.ru/", licence: "free with citation", coverage: "2009–2018",
      dimension: .military, files: ["joint_military_exercises_involving_russia.csv"]),
  ]

  /// The dataset of a name, or `nil`.
  public static func info(named name: String) -> DatasetInfo? { all.first { $0.name == name } }
}
