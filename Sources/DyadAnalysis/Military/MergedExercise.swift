import DyadCore

/// A joint exercise as Dyad counts it: one exercise even when several datasets report it (the
/// curated facts, the Russian MoD's `exercises`, MME's `mme`).
///
/// Reports are one exercise when they match on all of:
///
/// - **name**: the same exercise series, in any language ("Peace Mission 2009", "Мирная миссия-2009"
///   and MME's "Peace Mission 2009" are all the Peace Mission series; ``ExerciseSeries``). An
///   unnamed exercise (MME's `-9`) matches nothing;
/// - **date**: the same start year, and the days each covers (from start to end, widened to the
///   whole month or year an imprecise date leaves open) overlap or lie at most
///   ``matchingGapDays`` apart;
/// - **participants**: at least two states in common (for a dyad's exercises, both of its states
///   are in each);
/// - **datasets**: at most one report from each dataset, so two curated phases of Joint Sea 2015 and
///   two MoD rows stay two exercises.
///
/// Reports are placed most precise first (day, month, then year), each in the matching exercise
/// with the nearest dates (the earliest on a tie), else in a new one. An exercise's name, dates and
/// participants are its lead report's: curated first, then MME, then the others; the other
/// reports' names are kept in ``otherNames``.
public struct MergedExercise: Sendable, Hashable, Codable {
  /// The lead report's id.
  public let id: String
  public let name: String
  /// The English name of the series, for a name published in another language.
  public let englishName: String?
  /// The names the other reports give, when they differ from ``name`` ("Мирная миссия-2009").
  public let otherNames: [String]
  public let start: Day
  public let end: Day?
  public let precision: DatePrecision
  public let participants: [StateID]
  public let isBilateral: Bool
  public let domain: String
  public let location: String?
  public let description: String
  /// The datasets that report it (`curated`, `mme`, `exercises`), lead first.
  public let reportedBy: [String]
  public let sources: [Source]

  public init(
    id: String = "", name: String, englishName: String?, otherNames: [String] = [], start: Day, end: Day? = nil,
    precision: DatePrecision, participants: [StateID], isBilateral: Bool, domain: String = "", location: String? = nil,
    description: String = "", reportedBy: [String], sources: [Source]
  ) {
    self.id = id
    self.name = name
    self.englishName = englishName
    self.otherNames = otherNames
    self.start = start
    self.end = end
    self.precision = precision
    self.participants = participants
    self.isBilateral = isBilateral
    self.domain = domain
    self.location = location
    self.description = description
    self.reportedBy = reportedBy
    self.sources = sources
  }

  public var year: Int { start.year }

  /// The name with its English series name when it differs: "Мирная миссия-2014 (Peace Mission)".
  public var displayName: String { englishName.map { "\(name) (\($0))" } ?? name }

  /// Whether both states of a dyad take part.
  public func involves(_ dyad: Dyad) -> Bool { participants.contains(dyad.first) && participants.contains(dyad.second) }

  /// The most days between the dates of two reports of one exercise.
  public static let matchingGapDays = 28

  /// The order in which datasets lead a merged exercise: curated, then MME, then the others.
  static func leadRank(_ dataset: String) -> Int {
    switch dataset {
    case MilitaryInputs.Dataset.curated: 0
    case MilitaryInputs.Dataset.mme: 1
    default: 2
    }
  }

  static func precisionRank(_ precision: DatePrecision) -> Int {
    switch precision {
    case .day: 0
    case .month: 1
    case .year: 2
    }
  }

  /// The days since 1 January 1970.
  static func dayNumber(_ day: Day) -> Int { day.daysSinceEpoch }

  /// The days a report covers, as day numbers: its start to its end, widened to the whole month or
  /// year that its precision leaves open.
  static func window(_ exercise: Exercise) -> ClosedRange<Int> {
    let start: Day, end: Day
    switch exercise.precision {
    case .year:
      (start, end) = (Day.startOf(year: exercise.start.year), Day.endOf(year: exercise.start.year))
    case .month:
      start = Day(year: exercise.start.year, month: exercise.start.month, day: 1)!
      let last = Day(
        year: exercise.start.year, month: exercise.start.month,
        day: Day.daysIn(month: exercise.start.month, year: exercise.start.year))!
      end = max(last, exercise.end ?? last)
    case .day:
      start = exercise.start
      end = max(exercise.start, exercise.end ?? exercise.start)
    }
    return dayNumber(start)...dayNumber(end)
  }

  /// The days between two windows: 0 when they overlap.
  static func gap(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Int {
    if a.overlaps(b) { return 0 }
    return a.upperBound < b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
  }

  /// Whether two reports can be one exercise, and how far apart their dates are.
  static func distance(_ a: ReportedExercise, _ b: ReportedExercise) -> Int? {
    guard !a.isUnnamed, !b.isUnnamed, a.dataset != b.dataset, a.exercise.start.year == b.exercise.start.year,
      ExerciseSeries.key(for: a.exercise.name) == ExerciseSeries.key(for: b.exercise.name),
      Set(a.exercise.participants).intersection(b.exercise.participants).count >= 2
    else { return nil }
    let days = gap(window(a.exercise), window(b.exercise))
    return days <= matchingGapDays ? days : nil
  }

  /// Merges reports of the same exercise, oldest first.
  public static func merge(_ reports: [ReportedExercise]) -> [MergedExercise] {
    let ordered = reports.sorted {
      (precisionRank($0.exercise.precision), leadRank($0.dataset), $0.exercise.start, $0.exercise.id)
        < (precisionRank($1.exercise.precision), leadRank($1.dataset), $1.exercise.start, $1.exercise.id)
    }
    var groups: [[ReportedExercise]] = []
    for report in ordered {
      var best: (index: Int, days: Int)?
      for (index, group) in groups.enumerated() {
        let distances = group.map { distance($0, report) }
        guard distances.allSatisfy({ $0 != nil }) else { continue }
        let days = distances.compactMap { $0 }.min() ?? 0
        if best == nil || days < best!.days { best = (index, days) }
      }
      if let best { groups[best.index].append(report) } else { groups.append([report]) }
    }
    var result: [MergedExercise] = []
    for group in groups {
      let items = group.sorted {
        (leadRank($0.dataset), precisionRank($0.exercise.precision)) < (
          leadRank($1.dataset), precisionRank($1.exercise.precision)
        )
      }
      let lead = items[0].exercise
      var sources: [Source] = []
      for item in items where !sources.contains(item.exercise.source) { sources.append(item.exercise.source) }
      var otherNames: [String] = []
      for item in items.dropFirst() where item.exercise.name != lead.name && !otherNames.contains(item.exercise.name) {
        otherNames.append(item.exercise.name)
      }
      result.append(
        MergedExercise(
          id: lead.id, name: lead.name, englishName: ExerciseSeries.englishName(for: lead.name), otherNames: otherNames,
          start: lead.start, end: lead.end, precision: lead.precision, participants: lead.participants,
          isBilateral: lead.isBilateral, domain: lead.domain, location: lead.location, description: lead.description,
          reportedBy: items.map(\.dataset), sources: sources))
    }
    return result.sorted { ($0.start, $0.name, $0.id) < ($1.start, $1.name, $1.id) }
  }
}

/// Exercise series under their English and Russian names, to match reports of one exercise.
public enum ExerciseSeries {
  /// Series stems (lower case, without years or punctuation) and the English series name.
  static let stems: [(stem: String, english: String)] = [
    ("peace mission", "Peace Mission"), ("мирная миссия", "Peace Mission"),
    ("joint sea", "Joint Sea"), ("naval interaction", "Joint Sea"), ("maritime interaction", "Joint Sea"),
    ("морское взаимодействие", "Joint Sea"), ("морское взаимодействе", "Joint Sea"),
    ("vostok", "Vostok"), ("восток", "Vostok"), ("tsentr", "Tsentr"), ("центр", "Tsentr"),
    ("kavkaz", "Kavkaz"), ("кавказ", "Kavkaz"), ("zapad", "Zapad"), ("запад", "Zapad"), ("indra", "Indra"),
    ("индра", "Indra"), ("взаимодействие", "Interaction (CSTO)"), ("боевое братство", "Combat Brotherhood"),
    ("нерушимое братство", "Indestructible Brotherhood"), ("боевое содружество", "Combat Commonwealth"),
    ("славянское братство", "Slavic Brotherhood"), ("щит союза", "Union Shield"), ("рубеж", "Rubezh"),
    ("селенга", "Selenga"), ("дружба", "Friendship"), ("защитники дружбы", "Defenders of Friendship"),
    ("мост дружбы", "Bridge of Friendship"), ("бдительный орел", "Vigilant Eagle"),
    ("бдительный орёл", "Vigilant Eagle"),
    ("фрукус", "FRUKUS"), ("помор", "Pomor"), ("баренц", "Barents"), ("римпак", "RIMPAC"), ("балтопс", "BALTOPS"),
    ("иониекс", "Ioniex"), ("чистое небо", "Clear Sky"), ("северный орел", "Northern Eagle"),
    ("фарватер мира", "Fairway of Peace"), ("пассекс", "PASSEX"), ("болд монарх", "Bold Monarch"),
    ("норак антитеррор", "Norak Anti-Terror"), ("саратов антитеррор", "Saratov Anti-Terror"),
    ("norak antiterror", "Norak Anti-Terror"), ("saratov antiterror", "Saratov Anti-Terror"),
    ("черноморский ястреб", "Black Sea Hawk"),
    ("тихоокеанское сотрудничество для безопасности", "Pacific Cooperation for Security"),
    ("совместные учения антипиратской направленности", "joint anti-piracy exercise"),
    ("богородск шос", "Bogorodsk (SCO)"), ("кобальт", "Cobalt"), ("канал", "Kanal"), ("безопасность", "Security"),
    ("дархан", "Darkhan"), ("шыгыс", "Shygys"), ("блэксифор", "BLACKSEAFOR"),
  ]

  /// A name folded for matching: lower case, letters and single spaces only (digits dropped).
  static func fold(_ name: String) -> String {
    var text = name.lowercased()
    if let paren = text.firstIndex(of: "(") { text = String(text[..<paren]) }
    var out = ""
    var space = false
    for ch in text {
      if ch.isLetter {
        if space && !out.isEmpty { out.append(" ") }
        space = false
        out.append(ch)
      } else {
        space = true
      }
    }
    return out
  }

  /// The series key of an exercise name: the English series name when known, else the name, folded.
  public static func key(for name: String) -> String {
    let folded = fold(name)
    return stems.first { folded == $0.stem || folded.hasPrefix($0.stem + " ") }.map { fold($0.english) } ?? folded
  }

  /// The English series name of a name written in another script, if known.
  public static func englishName(for name: String) -> String? {
    guard name.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return nil }
    let folded = fold(name)
    return stems.first { folded == $0.stem || folded.hasPrefix($0.stem + " ") }?.english
  }
}
