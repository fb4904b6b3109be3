import DyadCore
import DyadReport
import Foundation

/// The defaults every surface answers with — the command line, the API, the dashboard and the
/// report — so that the same question gets the same answer wherever it is asked.
///
/// Year ranges: a question names its years with `from` and `to`; a question naming neither gets
/// the resource's default span below, and an open end is filled from that span:
///
/// | resource | default years |
/// |---|---|
/// | trade | from the later of the two states' current forms (Russia: 1992), at most 40 years before the latest data |
/// | military | 2000 (SIPRI's first year) to this year |
/// | conflict | 1816 (the COW state system's first year) to this year |
/// | verdict | this year |
/// | institutions | every year of the record; an open end is 1816 or this year |
/// | report, dashboard | 1946 to this year |
/// | alignment, vetoes, timeline | every year of the data |
public enum AnswerDefaults {
  /// The reference dyads shown for scale: United States–United Kingdom and United States–Japan,
  /// in the order they are named.
  public static let referenceDyads: [(StateID, StateID)] = ReferenceDyads.standard

  /// The first year of the report's default span.
  public static let reportFirstYear = ReportBuilder.defaultFirstYear

  /// The first year of the military profile's default span: SIPRI's deal register lists deliveries
  /// from 1950 (its yearly register, the observed series, starts in 2000).
  public static let militaryFirstYear = 1950

  /// The first year of the conflict profile's default span: the COW state system's first year, when
  /// the MIDs and contiguity begin.
  public static let conflictFirstYear = 1816

  /// How many years the politics profile shows by default, back from this year.
  public static let politicsYears = 25

  /// The first year of the institutions record (COW IGO starts in 1816).
  public static let institutionsFirstYear = 1816

  /// How many years trade shows by default, back from the latest data.
  public static let tradeYears = 40

  /// The current calendar year.
  public static var thisYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}
