import DyadCore

/// A joint exercise as Dyad counts it: one exercise even when both the curated facts and an
/// imported dataset report it.
///
/// Reports are matched by exercise series and year: "Joint Sea 2015 (I)" (curated) and
/// "Морское взаимодействие-2015" (Russian MoD) are both the Joint Sea series in 2015. Within a
/// series-year, reports are paired in date order, so two curated phases and two imported rows
/// stay two exercises. The curated name, dates and participants are kept when both report one.
public struct MergedExercise: Sendable, Hashable, Codable {
  public let name: String
  /// The English name of the series, for a name published in another language.
  public let englishName: String?
  public let start: Day
  public let precision: DatePrecision
  public let participants: [StateID]
  public let isBilateral: Bool
  /// The datasets that report it (`curated`, `exercises`).
  public let reportedBy: [String]
  public let sources: [Source]

  public init(
    name: String, englishName: String?, start: Day, precision: DatePrecision, participants: [StateID], isBilateral: Bool,
    reportedBy: [String], sources: [Source]
  ) {
    self.name = name
    self.englishName = englishName
    self.start = start
    self.precision = precision
    self.participants = participants
    self.isBilateral = isBilateral
    self.reportedBy = reportedBy
    self.sources = sources
  }

  public var year: Int { start.year }

  /// The name with its English series name when it differs: "Мирная миссия-2014 (Peace Mission)".
  public var displayName: String { englishName.map { "\(name) (\($0))" } ?? name }

  /// Merges reports of the same exercise, oldest first.
  public static func merge(_ reports: [ReportedExercise]) -> [MergedExercise] {
    struct Key: Hashable {
      let series: String
      let year: Int
    }
    let sorted = reports.sorted { ($0.exercise.start, $0.exercise.id) < ($1.exercise.start, $1.exercise.id) }
    var groups: [Key: [ReportedExercise]] = [:]
    var order: [Key] = []
    for report in sorted {
      let key = Key(series: ExerciseSeries.key(for: report.exercise.name), year: report.exercise.start.year)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(report)
    }
    var result: [MergedExercise] = []
    for key in order {
      let group = groups[key]!
      let curated = group.filter { $0.dataset == MilitaryInputs.Dataset.curated }
      let others = group.filter { $0.dataset != MilitaryInputs.Dataset.curated }
      let pairs = max(curated.count, others.count)
      for i in 0..<pairs {
        let items = [i < curated.count ? curated[i] : nil, i < others.count ? others[i] : nil].compactMap { $0 }
        let lead = items[0].exercise
        var sources: [Source] = []
        for item in items where !sources.contains(item.exercise.source) { sources.append(item.exercise.source) }
        let english = ExerciseSeries.englishName(for: lead.name)
        result.append(
          MergedExercise(
            name: lead.name, englishName: english, start: lead.start, precision: lead.precision,
            participants: lead.participants, isBilateral: lead.isBilateral, reportedBy: items.map(\.dataset),
            sources: sources))
      }
    }
    return result.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
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
    ("мост дружбы", "Bridge of Friendship"), ("бдительный орел", "Vigilant Eagle"), ("бдительный орёл", "Vigilant Eagle"),
    ("фрукус", "FRUKUS"), ("помор", "Pomor"), ("баренц", "Barents"), ("римпак", "RIMPAC"), ("балтопс", "BALTOPS"),
    ("иониекс", "Ioniex"), ("чистое небо", "Clear Sky"), ("северный орел", "Northern Eagle"),
    ("фарватер мира", "Fairway of Peace"), ("пассекс", "PASSEX"), ("болд монарх", "Bold Monarch"),
    ("норак антитеррор", "Norak Anti-Terror"), ("саратов антитеррор", "Saratov Anti-Terror"),
    ("черноморский ястреб", "Black Sea Hawk"), ("тихоокеанское сотрудничество для безопасности", "Pacific Cooperation for Security"),
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

  /// The series key of an exercise name: the English series name when known, else the folded name.
  public static func key(for name: String) -> String {
    let folded = fold(name)
    return stems.first { folded == $0.stem || folded.hasPrefix($0.stem + " ") }?.english.lowercased() ?? folded
  }

  /// The English series name of a name written in another script, if known.
  public static func englishName(for name: String) -> String? {
    guard name.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return nil }
    let folded = fold(name)
    return stems.first { folded == $0.stem || folded.hasPrefix($0.stem + " ") }?.english
  }
}
