/// One person's continuous time as a state's leader, as a leader dataset or Dyad's curated file
/// records it.
///
/// REIGN and Archigos code the **effective** leader, the person in charge, whatever the title:
/// Vladimir Putin is one spell from 2000-01-01 in both, with no Medvedev presidency (2008–2012),
/// and Xi Jinping leads China from his election as the Party's General Secretary (2012-11-15), not
/// from his election as president (2013-03-14). Dyad's curated file (`leaders.csv`) records the
/// offices themselves — heads of state and of government from March 2021 — and marks which holder
/// is the effective leader, so the datasets' spells can be carried to today.
public struct LeaderSpell: Hashable, Sendable, Codable {
  /// Where a spell comes from.
  public enum Dataset: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// REIGN (Bell, OEF Research), to March 2021: effective leaders.
    case reign
    /// Archigos 4.1 (Goemans, Gleditsch & Chiozza), to 2015: effective leaders.
    case archigos
    /// Dyad's curated heads of state and government from March 2021, each row sourced.
    case curated

    public var description: String { rawValue }

    /// "REIGN", "Archigos 4.1", "Dyad's curated leaders".
    public var label: String {
      switch self {
      case .reign: "REIGN"
      case .archigos: "Archigos 4.1"
      case .curated: "Dyad's curated leaders"
      }
    }
  }

  /// An office a curated spell is held in.
  public enum Office: String, Sendable, Codable, CaseIterable, Comparable {
    case headOfState = "head-of-state"
    case headOfGovernment = "head-of-government"

    public static func < (lhs: Office, rhs: Office) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "head of state".
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
  }

  public let dataset: Dataset
  public let state: StateID
  /// The leader's name as the source writes it ("Putin", "Xi Jinping").
  public let name: String
  /// The offices held (curated spells); empty for the datasets, which code the effective leader.
  public let offices: [Office]
  /// Whether the spell is the state's effective leader (always, for REIGN and Archigos).
  public let isEffective: Bool
  /// An acting, interim or caretaker office holder.
  public let isActing: Bool
  /// The first day in office.
  public let from: Day
  /// The last day in office (REIGN gives only its month: ``toPrecision``); `nil` while in office
  /// at ``asOf``.
  public let to: Day?
  /// How precisely ``to`` is known.
  public let toPrecision: DatePrecision
  /// For a spell still open: the last day its source attests the leader in office (a dataset's
  /// end, or a curated row's `as_of`). After it, who led is unknown, never presumed.
  public let asOf: Day?
  /// A curated effective spell that continues the one REIGN has open in March 2021 (the same person).
  public let continuesDatasetSpell: Bool
  public let birthYear: Int?
  /// How the spell began and ended, as Archigos codes it ("Regular", "Irregular", "Still in Office").
  public let entry: String?
  public let exit: String?
  public let note: String?
  public let source: Source?

  public init(
    dataset: Dataset, state: StateID, name: String, offices: [Office] = [], isEffective: Bool = true,
    isActing: Bool = false, from: Day, to: Day?, toPrecision: DatePrecision = .day, asOf: Day? = nil,
    continuesDatasetSpell: Bool = false, birthYear: Int? = nil, entry: String? = nil, exit: String? = nil,
    note: String? = nil, source: Source? = nil
  ) {
    self.dataset = dataset
    self.state = state
    self.name = name
    self.offices = offices.sorted()
    self.isEffective = isEffective
    self.isActing = isActing
    self.from = from
    self.to = to
    self.toPrecision = toPrecision
    self.asOf = asOf
    self.continuesDatasetSpell = continuesDatasetSpell
    self.birthYear = birthYear
    self.entry = entry
    self.exit = exit
    self.note = note
    self.source = source
  }

  /// Whether the spell is open at the end of its source (in office at ``asOf``).
  public var isOpen: Bool { to == nil }

  /// The last day the spell is known to cover: ``to`` (for a month, its last day), else ``asOf``.
  public var lastKnownDay: Day? {
    guard let to else { return asOf }
    guard toPrecision == .month else { return to }
    return Day(year: to.year, month: to.month, day: Day.daysIn(month: to.month, year: to.year))
  }

  /// Whether the leader held office on a day (a month-precise end covers its whole month; an open
  /// spell covers days to ``asOf``, and after it is unknown, so `false`).
  public func holdsOffice(on day: Day) -> Bool {
    guard from <= day, let last = lastKnownDay else { return false }
    return day <= last
  }

  /// "2012-11-15–", "2000-01-01–2015-12-31", "1997-02-19–2003-03".
  public var spanLabel: String {
    "\(from)–" + (to.map { $0.formatted(toPrecision) } ?? "")
  }
}
