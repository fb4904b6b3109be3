import DyadCore

/// The rules behind the "are they allies?" verdict, in one place. `docs/verdict-rules.md` explains
/// them for readers; the thresholds below are the only ones used.
///
/// For a dyad A–B in year Y, with the window W = Y−2…Y (three years):
///
/// - **R1 defence pact** — a treaty obliging A and B to defend (or join in offence with) each
///   other binds both in Y. Source: ATOP 5.1 dyad-years (`atop_defense`/`atop_offense`) while ATOP
///   covers Y (to 2018), with the alliances named from the ATOP 4.01 member-level file; after
///   ATOP ends, or without ATOP, Dyad's curated treaties in force in Y, plus ATOP alliances still
///   in force at ATOP's end (presumed to continue, and said so).
/// - **R2 selective pact** — a non-aggression, neutrality or consultation pact with at most
///   ``selectivePactMaximumParties`` parties binds both in Y. Broader pacts (the ASEAN Treaty of
///   Amity and Cooperation, the Helsinki Final Act) bind dozens of states, including rivals, and
///   are listed but not counted.
/// - **R3 regular joint exercises** — A and B exercised together in at least
///   ``regularExerciseYears`` of the three years of W, counting exercises with at most
///   ``regularExerciseMaximumParticipants`` participants: bilateral drills, or small ones such as
///   China–Russia–Iran naval drills. Multilateral drills of an organisation (an SCO Peace
///   Mission, which puts India and Pakistan in one exercise) show shared membership rather than a
///   bilateral military relationship, and count only for R5.
///   Exercises come from Dyad's curated list and the imported exercises dataset, merged so that an
///   exercise reported by both counts once.
/// - **R4 significant arms transfers** — over W, one side delivered at least
///   ``significantArmsShare`` of the other's major-arms imports and at least
///   ``significantArmsMinimumTIV`` million TIV (SIPRI trend-indicator values, deliveries 2000–2023).
/// - **R5 some military cooperation** — at least one countable joint exercise, or any arms
///   delivery either way, in W.
/// - **R6 armed conflict** — in Y, a militarized interstate dispute between them in which either
///   side used force or went to war (hostility level 4 or 5 in the COW or GML MID dyad-years), a
///   COW interstate war between them, or the two on opposite sides (primary or secondary) of a UCDP
///   armed conflict. A MID of threats or displays only is listed and not counted.
/// - **R7 strategic rivalry** — a strategic rivalry between them (Thompson–Sakuwa–Suhas or
///   Thompson–Dreyer) spans Y; a rivalry still ongoing when the rivalry data end is presumed to
///   continue, and labelled so.
///
/// The class is the first whose condition holds:
///
/// 1. *treaty allies*: R1.
/// 2. *aligned partners*: R2 and (R3 or R4).
/// 3. *partners*: R2 or R3 or R4 or R5.
/// 4. *adversaries*: none of R1–R5, and R7 or clashes under R6 (both sides used force, war,
///    opposite sides in UCDP; one side's use of force alone is said beside the class instead);
///    or, without a defence pact, at war in Y (a COW
///    war, a MID reaching war, a war-level interstate UCDP conflict between them) or rivals (R7)
///    whose armed forces clashed in Y (both sides used force, or opposite sides in UCDP).
/// 5. *no security ties*: no rule fired.
///
/// Hostility is said beside any class: with R1 the headline reads "treaty allies in name; armed
/// clashes in 1969; rivals 1958–1989".
///
/// **Provisional years.** When Y is past the end of data a rule reads, the verdict is provisional
/// and lists the missing evidence: after ATOP ends, R1 and R2 rest on the curated treaties and on
/// ATOP pacts presumed in force; after the exercise or arms data end, R3/R4 (and R5) that fired in
/// the last window the data cover are carried forward; after the rivalry data end, an ongoing
/// rivalry is presumed to continue; after every conflict dataset ends, R6 is unknown. A rule whose
/// dataset is not in the store does not fire, and the verdict says which dataset is missing and how
/// to import it.
public enum VerdictRules {
  /// The number of years, ending in the verdict's year, over which exercises and transfers count.
  public static let windowYears = 3
  /// The most parties a non-aggression, neutrality or consultation pact may have to count (R2).
  public static let selectivePactMaximumParties = 10
  /// The most participants an exercise may have to count (R3, R5).
  public static let countableExerciseMaximumParticipants = 10
  /// The most participants an exercise may have to count towards regular exercises (R3).
  public static let regularExerciseMaximumParticipants = 3
  /// The number of years of the window with a countable exercise that make exercises regular (R3).
  public static let regularExerciseYears = 2
  /// The smallest share of the recipient's arms imports that makes transfers significant (R4).
  public static let significantArmsShare = 0.10
  /// The smallest volume, in millions of TIV over the window, that makes transfers significant (R4).
  public static let significantArmsMinimumTIV = 10.0

  /// The rules, in the order they are reported.
  public static let rules: [VerdictRule] = [
    VerdictRule(
      id: "R1", name: "defence pact",
      condition: "a defence (or offence) obligation binds both states in the year"),
    VerdictRule(
      id: "R2", name: "selective pact",
      condition:
        "a non-aggression, neutrality or consultation pact with at most \(selectivePactMaximumParties) parties binds both in the year"),
    VerdictRule(
      id: "R3", name: "regular joint exercises",
      condition:
        "joint exercises with at most \(regularExerciseMaximumParticipants) participants in at least \(regularExerciseYears) of the \(windowYears) years ending in the year"),
    VerdictRule(
      id: "R4", name: "significant arms transfers",
      condition:
        "over the \(windowYears) years ending in the year, one side supplied at least \(Int(significantArmsShare * 100))% of the other's major-arms imports and at least \(Int(significantArmsMinimumTIV)) million TIV (SIPRI)"),
    VerdictRule(
      id: "R5", name: "some military cooperation",
      condition: "at least one joint exercise (at most \(countableExerciseMaximumParticipants) participants) or any arms delivery in the \(windowYears) years ending in the year"),
    VerdictRule(
      id: "R6", name: "armed conflict",
      condition:
        "in the year, a militarized dispute between them reached use of force or war (COW or GML MIDs), they fought each other in a COW interstate war, or they stood on opposite sides (primary or secondary) of a UCDP armed conflict"),
    VerdictRule(
      id: "R7", name: "strategic rivalry",
      condition:
        "a strategic rivalry between them (Thompson–Sakuwa–Suhas or Thompson–Dreyer) spans the year; one ongoing when the rivalry data end is presumed to continue"),
  ]

  /// The window of years ending in `year`.
  public static func window(endingIn year: Int) -> YearRange {
    try! YearRange(from: year - windowYears + 1, to: year)
  }

  /// The verdict for a dyad in a year.
  ///
  /// A year past the end of a dataset a rule reads is *provisional*: a cooperation rule that fired
  /// in the last window its data cover is carried forward (and said so), a rivalry ongoing when the
  /// rivalry data end is presumed to continue, and the verdict lists the evidence it lacks. Not
  /// observed is never taken for not there.
  public static func verdict(for inputs: MilitaryInputs, year: Int) -> AllianceVerdict {
    let dyad = inputs.dyad
    let a = inputs.name(dyad.first), b = inputs.name(dyad.second)
    let now = cooperation(inputs, year: year)
    var results = now.results
    var notes = now.notes
    var missing: [String] = []
    var countable = now.countableExercise, delivered = now.delivered

    if let atop = inputs.datasets[MilitaryInputs.Dataset.atop], year > atop.upperBound {
      missing.append(
        "alliances after \(atop.upperBound): ATOP ends; R1 and R2 rest on Dyad's curated treaties and on ATOP pacts presumed still in force")
    }
    // Exercises and arms transfers past their data's end: carry forward the last window observed.
    func carry(_ index: Int, end: Int, what: String, data: String) -> Cooperation {
      let last = cooperation(inputs, year: end)
      let lastWindow = window(endingIn: end)
      let missingYears = try! YearRange(from: max(end + 1, window(endingIn: year).lowerBound), to: year)
      let old = results[index]
      if !old.fired, last.results[index].fired {
        results[index] = VerdictRuleResult(
          rule: old.rule, fired: true,
          finding:
            "not known for \(missingYears) (\(data) ends in \(end)); fired in \(lastWindow), the last window observed: \(last.results[index].finding) — carried forward",
          evidence: last.results[index].evidence, provisional: "carried forward from \(lastWindow)")
        missing.append("\(what) after \(end): \(data) ends; \(old.rule.id) carried forward from \(lastWindow)")
      } else {
        results[index] = VerdictRuleResult(
          rule: old.rule, fired: old.fired, finding: old.finding, evidence: old.evidence,
          provisional: old.fired ? nil : "not known for \(missingYears): \(data) ends in \(end)")
        missing.append("\(what) after \(end): \(data) ends (\(old.rule.id) \(old.fired ? "fired on the years covered" : "unknown, not absent"))")
      }
      return last
    }
    if let end = exerciseDataEnd(inputs), year > end {
      let last = carry(2, end: end, what: "joint exercises", data: exerciseDataName(inputs, end: end))
      countable = countable || last.countableExercise
    }
    if let end = armsDataEnd(inputs), year > end {
      let last = carry(3, end: end, what: "arms transfers", data: "SIPRI's register of deliveries")
      delivered = delivered || last.delivered
    }
    if countable || delivered, !results[4].fired {
      let old = results[4]
      results[4] = VerdictRuleResult(
        rule: old.rule, fired: true,
        finding: "not observed in \(window(endingIn: year)), but carried forward with R3/R4 from the last window their data cover",
        evidence: old.evidence, provisional: "carried forward")
    }

    let hostility = hostility(inputs, year: year)
    results += [hostility.armedConflict, hostility.rivalry]
    missing += hostility.missing
    notes += hostility.notes

    let fired = results.map(\.fired)
    let tie = classify(fired, hostilityDominates: hostility.isDominant, adversarial: hostility.isAdversarial)
    // On observed evidence alone: nothing carried forward, and no rivalry presumed past its data.
    let observedRivalry = hostility.rivalry.fired && hostility.rivalry.provisional == nil
    let observedTie = classify(
      now.results.map(\.fired), hostilityDominates: hostility.atWar || (hostility.clashed && observedRivalry),
      adversarial: hostility.clashed || observedRivalry)
    let provisional = !missing.isEmpty
    var headline = tie.rawValue
    if tie == .treatyAllies, !hostility.labels.isEmpty { headline += " in name" }
    if tie != .adversaries, !hostility.labels.isEmpty { headline += "; " + hostility.labels.joined(separator: "; ") }
    if tie == .adversaries { headline += ": " + hostility.labels.joined(separator: "; ") }
    if provisional { headline += " (provisional)" }

    let because: String
    // The cooperation rules short of a defence pact that fired, and what the hostility rules found.
    let ties = results[1..<5].filter(\.fired).map { "\($0.rule.name) (\($0.rule.id))" }
    let hostileFindings = results.suffix(2).filter(\.fired).map { "\($0.rule.name) (\($0.rule.id)): \($0.finding)" }
    switch tie {
    case .treatyAllies: because = "a defence pact binds them (\(now.r1Finding.replacingOccurrences(of: "in force: ", with: "")))"
    case .alignedPartners:
      because =
        "no defence pact, but a selective pact (R2) with \([fired[2] ? "regular joint exercises (R3)" : nil, fired[3] ? "significant arms transfers (R4)" : nil].compactMap { $0 }.joined(separator: " and "))"
    case .partners:
      because = "no defence pact; " + ties.joined(separator: ", ")
    case .adversaries:
      because =
        (hostility.isDominant && !ties.isEmpty
          ? "\(hostility.atWar ? "a war between them" : "armed clashes between rivals") outweighs the \(ties.joined(separator: ", ")) that also held; "
          : "no security ties, and ") + hostileFindings.joined(separator: "; ")
    case .noSecurityTies: because = "no rule fired"
    }
    var summary = "\(a) and \(b) in \(year): \(headline) — \(because)"
    if tie != .adversaries, !hostility.labels.isEmpty {
      summary += "; yet " + hostileFindings.joined(separator: "; ")
    }
    summary += "."
    if provisional {
      summary += " Provisional: \(year) is past the end of some of the data (\(missing.count) gap\(missing.count == 1 ? "" : "s") listed)"
      summary += observedTie == tie ? "." : "; on the evidence observed for \(year) alone it would be \(observedTie)."
    }
    return AllianceVerdict(
      dyad: dyad, names: [a, b], year: year, tie: tie, summary: summary, rules: results, alliance: now.alliance,
      notes: notes, headline: headline, hostility: hostility.labels, isProvisional: provisional, missingEvidence: missing,
      observedTie: observedTie)
  }

  /// The class from the rules' outcomes, R1…R7 in order. When hostility dominates — at war, or
  /// rivals who clashed that year — only a defence pact (treaty allies in name) stands: a pact of
  /// restraint or a supply relationship the fighting broke does not make the two partners.
  ///
  /// Without ties, `adversarial` hostility (a rivalry, or clashes: both sides used force, war,
  /// opposite sides in UCDP) makes adversaries; one side's use of force alone (a seized fishing
  /// boat) is said beside "no security ties".
  static func classify(_ fired: [Bool], hostilityDominates: Bool = false, adversarial: Bool = false) -> SecurityTie {
    let (r1, r2, r3, r4, r5) = (fired[0], fired[1], fired[2], fired[3], fired[4])
    if r1 { return .treatyAllies }
    if hostilityDominates { return .adversaries }
    if r2 && (r3 || r4) { return .alignedPartners }
    if r2 || r3 || r4 || r5 { return .partners }
    return adversarial ? .adversaries : .noSecurityTies
  }

  /// The last year the exercise data cover for the dyad: the latest of the multinational exercises
  /// dataset's end, the Russian exercises dataset's end for a dyad with Russia, and the curated
  /// list's end for a dyad it follows: one it lists an exercise of the two with at most
  /// ``regularExerciseMaximumParticipants`` participants (an SCO drill that includes them does not
  /// make the list follow a pair).
  static func exerciseDataEnd(_ inputs: MilitaryInputs) -> Int? {
    exerciseCoverage(inputs).map(\.upperBound).max()
  }

  /// The spans of years the exercise data cover for the dyad (see ``exerciseDataEnd(_:)``); a year
  /// outside them without a recorded exercise is unknown, not none.
  public static func exerciseCoverage(_ inputs: MilitaryInputs) -> [YearRange] {
    var spans: [YearRange] = []
    if let mme = inputs.datasets[MilitaryInputs.Dataset.mme] { spans.append(mme) }
    if let russian = inputs.datasets[MilitaryInputs.Dataset.exercises], inputs.dyad.contains("RUS") {
      spans.append(russian)
    }
    if let curated = inputs.curatedExerciseCoverage,
      inputs.exercises.contains(where: {
        $0.dataset == MilitaryInputs.Dataset.curated
          && $0.exercise.participants.count <= regularExerciseMaximumParticipants
      })
    {
      spans.append(curated)
    }
    return spans
  }

  static func exerciseDataName(_ inputs: MilitaryInputs, end: Int) -> String {
    if inputs.curatedExerciseCoverage?.upperBound == end { return "Dyad's curated exercise list" }
    if inputs.datasets[MilitaryInputs.Dataset.exercises]?.upperBound == end { return "the exercises dataset" }
    return "the multinational exercises dataset (MME)"
  }

  /// The last delivery year SIPRI's register covers in the store.
  static func armsDataEnd(_ inputs: MilitaryInputs) -> Int? { inputs.transferCoverage?.upperBound }

  /// The cooperation rules (R1–R5) on the evidence the store holds for a year.
  struct Cooperation {
    var results: [VerdictRuleResult]
    var alliance: AllianceStatus
    var notes: [String]
    /// Whether the window has a countable exercise, and a delivery either way (R5's two halves).
    var countableExercise: Bool
    var delivered: Bool
    var r1Finding: String
  }

  static func cooperation(_ inputs: MilitaryInputs, year: Int) -> Cooperation {
    let dyad = inputs.dyad
    let window = window(endingIn: year)
    let alliance = AllianceStatus.of(inputs, year: year)
    let exercises = MergedExercise.merge(inputs.exercises).filter { window.contains($0.year) }
    let countable = exercises.filter { $0.participants.count <= countableExerciseMaximumParticipants }
    let flows = [
      ArmsFlow.of(inputs, from: dyad.first, to: dyad.second, years: window),
      ArmsFlow.of(inputs, from: dyad.second, to: dyad.first, years: window),
    ]
    var notes: [String] = []
    if let note = alliance.note { notes.append(note) }

    // R1
    let military = alliance.pacts.filter(\.isMilitaryAlliance)
    let atopDefence = alliance.basis == .atop && alliance.obligations.contains { $0 == .defense || $0 == .offense }
    let r1 = alliance.basis == .atop ? atopDefence : !military.isEmpty
    var r1Evidence = military.map { VerdictEvidence($0.citation, sources: [$0.source]) }
    var r1Finding: String
    if r1 {
      r1Finding = "in force: " + (military.isEmpty ? "ATOP codes a defence obligation" : military.map(\.name).joined(separator: "; "))
      if atopDefence, military.isEmpty, let source = alliance.source {
        r1Evidence.append(
          VerdictEvidence(
            "ATOP 5.1 dyad-year \(year): defence obligation; the ATOP 4.01 member-level file names no alliance for it",
            sources: [source]))
      }
    } else if alliance.basis == .atop {
      r1Finding = "none: ATOP codes no defence or offence obligation between them in \(year)"
      if let source = alliance.source {
        let coded = alliance.obligations.isEmpty ? "no shared alliance" : alliance.obligations.map(\.label).joined(separator: ", ")
        r1Evidence.append(VerdictEvidence("ATOP 5.1 dyad-year \(year): \(coded)", sources: [source]))
      }
    } else {
      r1Finding = "none among the treaties in force in \(year)"
    }

    // R2
    let restraint = alliance.pacts.filter(\.isRestraintPact)
    let selective = restraint.filter { $0.parties <= selectivePactMaximumParties }
    let broad = restraint.filter { $0.parties > selectivePactMaximumParties }
    let r2 = !selective.isEmpty
    var r2Evidence = selective.map { VerdictEvidence($0.citation, sources: [$0.source]) }
    r2Evidence += broad.map { VerdictEvidence("not counted (more than \(selectivePactMaximumParties) parties): \($0.citation)", sources: [$0.source]) }
    // Curated agreements in force that code no alliance obligation (AUKUS, border agreements) are
    // listed so a reader sees them, and not counted.
    r2Evidence += alliance.pacts.filter { $0.obligations.isEmpty && $0.basis == .curated }.map {
      VerdictEvidence("not counted (no alliance obligation coded): \($0.citation)", sources: [$0.source])
    }
    let r2Finding =
      r2
      ? "in force: " + selective.map { "\($0.name) (\($0.obligations.map(\.label).joined(separator: ", ")))" }.joined(separator: "; ")
      : broad.isEmpty
        ? "none in force in \(year)" : "only broad multilateral pacts (\(broad.map(\.name).joined(separator: "; ")))"

    // R3
    let regular = countable.filter { $0.participants.count <= regularExerciseMaximumParticipants }
    let yearsWithExercises = Set(regular.map(\.year))
    let r3 = yearsWithExercises.count >= regularExerciseYears
    var r3Evidence: [VerdictEvidence] = []
    for y in window {
      let those = exercises.filter { $0.year == y }
      guard !those.isEmpty else { continue }
      let bilateral = those.filter(\.isBilateral).count
      let names = those.map { item in
        item.displayName
          + (item.participants.count > countableExerciseMaximumParticipants
            ? " [\(item.participants.count) participants: not counted]"
            : item.participants.count > regularExerciseMaximumParticipants
              ? " [\(item.participants.count) participants: counts for R5 only]" : "")
      }
      r3Evidence.append(
        VerdictEvidence(
          "\(y): \(those.count) joint exercise\(those.count == 1 ? "" : "s") (\(bilateral) bilateral, \(those.count - bilateral) multilateral): \(names.joined(separator: "; "))",
          sources: unique(those.flatMap(\.sources))))
    }
    let r3Finding =
      countable.isEmpty
      ? "no joint exercise recorded in \(window)"
      : regular.isEmpty
        ? "only large multilateral exercises in \(window) (\(countable.count), counted for R5)"
        : "joint exercises with at most \(regularExerciseMaximumParticipants) participants in \(yearsWithExercises.count) of the \(windowYears) years \(window) (\(regular.count) counted)"

    // R4
    var r4 = false
    var r4Evidence: [VerdictEvidence] = []
    var r4Parts: [String] = []
    for flow in flows {
      guard let tiv = flow.tiv.value else { continue }
      let supplier = inputs.name(flow.supplier), recipient = inputs.name(flow.recipient)
      let share = flow.share.value
      if tiv > 0 {
        var text = "\(supplier) → \(recipient), \(window): \(tivText(tiv)) million TIV delivered in \(flow.deals) deal\(flow.deals == 1 ? "" : "s")"
        if let share { text += ", \(percent(share)) of \(recipient)'s major-arms imports (\(tivText(flow.recipientImports.value ?? 0)) million TIV)" }
        if !flow.categories.isEmpty {
          text += "; " + flow.categories.prefix(3).map { "\($0.category) \(tivText($0.tiv))" }.joined(separator: ", ")
        }
        if let note = flow.tiv.note { text += " (\(note))" }
        r4Evidence.append(VerdictEvidence(text, sources: flow.tiv.source.map { [$0] } ?? []))
      }
      if let share, share >= significantArmsShare, tiv >= significantArmsMinimumTIV {
        r4 = true
        r4Parts.append("\(supplier) supplied \(percent(share)) of \(recipient)'s imports")
      }
    }
    let transfersCovered = flows.contains { $0.tiv.value != nil }
    let r4Finding: String
    if r4 {
      r4Finding = r4Parts.joined(separator: "; ") + " in \(window)"
    } else if !transfersCovered {
      r4Finding = "not known: " + (flows.first?.tiv.note ?? "no SIPRI data")
    } else if r4Evidence.isEmpty {
      r4Finding = "no deliveries either way in \(window)"
    } else {
      r4Finding = "deliveries below the thresholds in \(window)"
    }
    if !transfersCovered, let note = flows.first?.tiv.note { notes.append("Arms transfers: \(note).") }

    // R5
    let delivered = flows.contains { ($0.tiv.value ?? 0) > 0 }
    let r5 = !countable.isEmpty || delivered
    var r5Parts: [String] = []
    if !countable.isEmpty { r5Parts.append("\(countable.count) joint exercise\(countable.count == 1 ? "" : "s")") }
    if delivered { r5Parts.append("arms deliveries") }
    let r5Finding = r5 ? r5Parts.joined(separator: " and ") + " in \(window)" : "no exercise or arms delivery recorded in \(window)"

    if inputs.datasets[MilitaryInputs.Dataset.exercises] == nil {
      notes.append(
        "Joint exercises: Dyad's curated list only (selected exercises, mostly of China and Russia); `dyad import exercises PATH` adds the 2009–2018 exercises involving Russia.")
    } else if let coverage = inputs.datasets[MilitaryInputs.Dataset.exercises], window.clamped(to: coverage) == nil {
      notes.append("Joint exercises: the imported exercises dataset covers \(coverage); \(window) relies on Dyad's curated list.")
    }
    let results = [
      VerdictRuleResult(rule: rules[0], fired: r1, finding: r1Finding, evidence: r1Evidence),
      VerdictRuleResult(rule: rules[1], fired: r2, finding: r2Finding, evidence: r2Evidence),
      VerdictRuleResult(rule: rules[2], fired: r3, finding: r3Finding, evidence: r3Evidence),
      VerdictRuleResult(rule: rules[3], fired: r4, finding: r4Finding, evidence: r4Evidence),
      VerdictRuleResult(rule: rules[4], fired: r5, finding: r5Finding, evidence: []),
    ]
    return Cooperation(
      results: results, alliance: alliance, notes: notes, countableExercise: !countable.isEmpty, delivered: delivered,
      r1Finding: r1Finding)
  }

  static func unique(_ sources: [Source]) -> [Source] {
    var seen = Set<String>()
    return sources.filter { seen.insert($0.key).inserted }
  }

  static func percent(_ fraction: Double) -> String { CuratedRecord.fixed(fraction * 100, 0) + "%" }

  /// TIV with thousands separators: "2,205", or "4.8" below 10.
  static func tivText(_ value: Double) -> String {
    let text = CuratedRecord.fixed(value, value < 10 ? 1 : 0)
    guard value >= 1000 else { return text }
    var digits = Array(text)
    var i = digits.count - 3
    while i > 0 {
      digits.insert(",", at: i)
      i -= 3
    }
    return String(digits)
  }
}
