import DyadCore

/// The verdict's hostility rules (R6 armed conflict, R7 strategic rivalry), read from the conflict
/// datasets; see ``VerdictRules``.
extension VerdictRules {
  /// The datasets R6 reads, and what each records.
  static let armedConflictDatasets: [(ConflictDataset, String)] = [
    (.cowMID, "COW militarized disputes"), (.gmlMID, "GML militarized disputes"), (.cowWar, "COW interstate wars"),
    (.ucdp, "UCDP armed conflicts (at least 25 battle deaths a year)"),
  ]
  /// The datasets R7 reads.
  static let rivalryDatasets: [(ConflictDataset, String)] = [
    (.tssRivalries, "Thompson–Sakuwa–Suhas rivalries"), (.tdRivalries, "Thompson–Dreyer rivalries"),
  ]

  /// R6 and R7 in a year, with what is missing for it.
  struct Hostility {
    var armedConflict: VerdictRuleResult
    var rivalry: VerdictRuleResult
    /// "armed clashes in 1969", "at war in 1971", "rivals 1958–1989".
    var labels: [String]
    /// Whether they were at war in the year (a COW war, a MID reaching war, or a UCDP war-level conflict on opposite sides).
    var atWar: Bool
    /// Whether they clashed (both sides used force, or opposite sides in UCDP) or went to war.
    var clashed: Bool
    /// Whether hostility outweighs any cooperation in the class: at war, or clashes between rivals.
    var isDominant: Bool { atWar || (clashed && rivalry.fired) }
    /// Whether hostility makes adversaries when no tie holds: a rivalry, or clashes.
    var isAdversarial: Bool { clashed || rivalry.fired }
    /// Evidence the data do not hold for the year ("armed clashes after 2024: …").
    var missing: [String]
    var notes: [String]
  }

  /// "hostility level 4 (use of force)".
  static func hostilityText(_ level: Int) -> String {
    switch level {
    case 1: "no militarized action"
    case 2: "threat to use force"
    case 3: "display of force"
    case 4: "use of force"
    case 5: "war"
    default: "hostility level \(level)"
    }
  }

  /// "1–25 deaths", from a MID fatality level ("fatalities unknown" for `nil`, `nil` for none).
  public static func fatalityText(_ level: Int?) -> String? {
    switch level {
    case nil: "fatalities unknown"
    case 0: nil
    case 1: "1–25 deaths"
    case 2: "26–100 deaths"
    case 3: "101–250 deaths"
    case 4: "251–500 deaths"
    case 5: "501–999 deaths"
    case 6: "at least 1,000 deaths"
    default: nil
    }
  }

  static func hostility(_ inputs: MilitaryInputs, year: Int) -> Hostility {
    let conflict = inputs.conflict
    let first = inputs.name(inputs.dyad.first), second = inputs.name(inputs.dyad.second)
    var missing: [String] = []
    var notes: [String] = []
    let imported = !conflict.coverage.isEmpty
    let source: (ConflictDataset) -> [Source] = { conflict.sources[$0].map { [$0] } ?? [] }

    // R6: armed conflict in the year.
    let covering = armedConflictDatasets.filter { conflict.covers($0.0, year) }
    var r6Evidence: [VerdictEvidence] = []
    var clashes: [String] = []
    var atWar = false
    var twoSided = false
    var users: [String] = []
    for war in Dictionary(grouping: conflict.wars.filter { $0.year == year }, by: \.war).sorted(by: { $0.key < $1.key }) {
      atWar = true
      twoSided = true
      let initiator = war.value.contains { $0.firstInitiated } ? first : war.value.contains { $0.secondInitiated } ? second : nil
      clashes.append("COW war \(war.key)")
      r6Evidence.append(
        VerdictEvidence(
          "\(year): COW interstate war \(war.key), on opposite sides\(initiator.map { "; initiated by \($0)" } ?? "")",
          sources: source(.cowWar)))
    }
    let disputes = conflict.disputes.filter { $0.year == year }.sorted { ($0.dataset.rawValue, $0.dispute) < ($1.dataset.rawValue, $1.dispute) }
    for dispute in disputes {
      let label = dispute.dataset == .cowMID ? "COW" : "GML"
      var parts = [
        "\(first): \(hostilityText(dispute.first.hostility))", "\(second): \(hostilityText(dispute.second.hostility))",
      ]
      let deaths = [(first, dispute.first.fatality), (second, dispute.second.fatality)].compactMap { name, level in
        fatalityText(level).map { "\(name) \($0)" }
      }
      if !deaths.isEmpty { parts.append(deaths.joined(separator: ", ")) }
      let initiators = [(first, dispute.first), (second, dispute.second)].filter { $0.1.isInitiator }.map(\.0)
      if initiators.count == 1 { parts.append("\(initiators[0]) on the initiating side") }
      let counted = dispute.isUseOfForce
      if counted {
        clashes.append("MID \(dispute.dispute) (\(label))")
        // A MID codes each participant's highest hostility and fatalities in the whole dispute, which
        // in a dispute of several states may be against another one (MID 3007: China at war with
        // Vietnam in 1979, the Soviet Union displaying force): so a war needs both at war level, and
        // a clash both using force; otherwise it is one side's use of force.
        let lower = min(dispute.first.hostility, dispute.second.hostility)
        if lower >= 5 { atWar = true }
        if lower >= 4 {
          twoSided = true
        } else {
          users.append(dispute.first.hostility >= 4 ? first : second)
        }
      }
      r6Evidence.append(
        VerdictEvidence(
          "\(year): militarized dispute \(dispute.dispute) (\(label)\(dispute.isOnset ? ", began this year" : "")): \(parts.joined(separator: "; "))\(counted ? "" : " — below use of force, not counted")",
          sources: source(dispute.dataset)))
    }
    for item in Dictionary(grouping: conflict.armedConflicts.filter { $0.year == year }, by: \.conflict).sorted(by: { $0.key < $1.key }) {
      let row = item.value[0]
      let opposite = item.value.contains(where: \.onOppositeSides)
      if opposite {
        clashes.append("UCDP conflict \(item.key)")
        // A war-level interstate conflict with both as primary parties on opposite sides is a war.
        if row.intensity == 2, row.type == "interstate",
          item.value.contains(where: { $0.onOppositeSides && [$0.firstRole, $0.secondRole].allSatisfy { $0 == .primaryA || $0 == .primaryB } })
        {
          atWar = true
        }
      }
      r6Evidence.append(
        VerdictEvidence(
          "\(year): UCDP conflict \(item.key) (\(row.type), over \(row.incompatibility), \(row.intensity == 2 ? "war: at least 1,000 battle deaths" : "25–999 battle deaths")): \(first) on \(row.firstRole.rawValue), \(second) on \(row.secondRole.rawValue)\(opposite ? "" : " — the same side, not counted")",
          sources: source(.ucdp)))
    }
    let r6 = !clashes.isEmpty
    let r6Finding: String
    let clashLabel =
      atWar
      ? "at war in \(year)"
      : twoSided || users.isEmpty ? "armed clashes in \(year)" : "use of force by \(unique(users).joined(separator: " and ")) in \(year)"
    if r6 {
      r6Finding = "\(clashLabel): " + unique(clashes).joined(separator: "; ")
    } else if !imported {
      r6Finding = "not known: the conflict datasets are not in the store (run `dyad import conflict PATH`)"
    } else if covering.isEmpty {
      let ends = armedConflictDatasets.compactMap { item in conflict.coverage[item.0].map { "\(item.1) end in \($0.upperBound)" } }
      r6Finding = "not known for \(year): " + ends.joined(separator: ", ")
    } else {
      r6Finding = "none recorded in \(year) (" + covering.map(\.1).joined(separator: ", ") + ")"
    }
    if imported {
      let lacking = armedConflictDatasets.filter { !conflict.covers($0.0, year) }.compactMap { item -> String? in
        guard let range = conflict.coverage[item.0], year > range.upperBound else { return nil }
        return "\(item.1) end in \(range.upperBound)"
      }
      if covering.isEmpty, let last = armedConflictDatasets.compactMap({ conflict.coverage[$0.0]?.upperBound }).max(),
        year > last
      {
        missing.append("armed conflict after \(last): " + lacking.joined(separator: ", ") + " (R6 unknown, not absent)")
      } else if !lacking.isEmpty, !covering.isEmpty {
        notes.append(
          "Armed conflict in \(year): \(lacking.joined(separator: ", ")); only \(covering.map(\.1).joined(separator: ", ")) cover \(year), so lesser clashes would not be recorded.")
      }
    }

    // R7: strategic rivalry spanning the year (or ongoing when the data end, and presumed to continue).
    var r7Evidence: [VerdictEvidence] = []
    var spans: [String] = []
    var presumed = false
    for rivalry in conflict.rivalries.sorted(by: { ($0.start, $0.dataset.rawValue) < ($1.start, $1.dataset.rawValue) }) {
      let label = rivalry.dataset == .tssRivalries ? "TSS" : "TD"
      let end = conflict.coverage[rivalry.dataset]?.upperBound ?? rivalry.end
      let ongoing = rivalry.isOngoingAtDataEnd
      let inForce = rivalry.years.contains(year) || (ongoing && year > end)
      let span = ongoing ? "since \(rivalry.start) (ongoing when the data end, \(end))" : "\(rivalry.start)–\(rivalry.end)"
      let types = rivalry.types.isEmpty ? "" : "; " + rivalry.types.joined(separator: ", ")
      r7Evidence.append(
        VerdictEvidence(
          "\(label) rivalry \(rivalry.name): \(span)\(types)\(inForce ? "" : " — not in \(year)")", sources: source(rivalry.dataset)))
      // TSS (the newer coding, to 2020) decides; Thompson–Dreyer is listed beside it and decides
      // only when TSS is not in the store.
      guard inForce, rivalry.dataset == .tssRivalries || conflict.coverage[.tssRivalries] == nil else { continue }
      if year > rivalry.end { presumed = true }
      let text = ongoing ? "rivals since \(rivalry.start) (ongoing at the data's end, \(end))" : "rivals \(rivalry.start)–\(rivalry.end)"
      spans.append(text)
    }
    spans = unique(spans)
    let r7 = !spans.isEmpty
    let rivalryCovering = rivalryDatasets.filter {
      conflict.covers($0.0, year) && ($0.0 == .tssRivalries || conflict.coverage[.tssRivalries] == nil)
    }
    let r7Finding: String
    if r7 {
      r7Finding = spans.joined(separator: "; ") + (presumed ? "; presumed to continue in \(year)" : "")
    } else if !imported {
      r7Finding = "not known: the conflict datasets are not in the store (run `dyad import conflict PATH`)"
    } else if rivalryCovering.isEmpty {
      let ends = rivalryDatasets.compactMap { item in conflict.coverage[item.0].map { "\(item.1) end in \($0.upperBound)" } }
      r7Finding = "not known for \(year): " + ends.joined(separator: ", ")
    } else {
      r7Finding = "none coded in \(year) (" + rivalryCovering.map(\.1).joined(separator: ", ") + ")"
    }
    if imported, rivalryCovering.isEmpty,
      let last = (conflict.coverage[.tssRivalries] ?? conflict.coverage[.tdRivalries])?.upperBound,
      year > last
    {
      missing.append(
        r7
          ? "rivalry after \(last): the rivalry data end; a rivalry ongoing then is presumed to continue (R7)"
          : "rivalry after \(last): the rivalry data end (R7 unknown, not absent)")
    }
    if !imported {
      notes.append("Conflict and rivalry: not in the store (run `dyad import conflict PATH`); R6 and R7 cannot fire, and no hostility is not peace.")
    }

    var labels: [String] = []
    if r6 { labels.append(clashLabel) }
    labels += spans
    return Hostility(
      armedConflict: VerdictRuleResult(
        rule: rules[5], fired: r6, finding: r6Finding, evidence: r6Evidence,
        provisional: covering.isEmpty && imported && r6 == false && missing.contains { $0.hasPrefix("armed") }
          ? "not known: no conflict data cover \(year)" : nil),
      rivalry: VerdictRuleResult(
        rule: rules[6], fired: r7, finding: r7Finding, evidence: r7Evidence,
        provisional: presumed ? "presumed: ongoing when the rivalry data end" : (rivalryCovering.isEmpty && imported && !r7 ? "not known: no rivalry data cover \(year)" : nil)),
      labels: labels, atWar: atWar, clashed: r6 && (twoSided || users.isEmpty), missing: missing, notes: notes)
  }

  static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
