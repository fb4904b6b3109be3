import DyadAnalysis
import DyadCore
import DyadStore

extension ReportBuilder {
  /// Political systems, the political part of "How do their foreign policies compare?": each
  /// side's regime by V-Dem's electoral democracy index and Freedom House, the effective leaders
  /// and their tenure, what the two did together since the later of them came to power, and the
  /// working-age population to 2050. Each figure within its dataset's years.
  func politicsSection(_ context: inout Context) throws -> Report.Section {
    let id = "politics", title = "Political systems", question = "How do their political systems compare?"
    let span = try YearRange(from: context.years.lowerBound, to: max(context.years.lowerBound, context.lastYear))
    let profile = try context.store.politicsProfile(for: context.dyad, years: span, today: context.today)
    context.politics = profile
    var blocks: [Report.Block] = []
    guard context.has(Store.politicsDatasetName) else {
      // Without the import the curated leaders still stand: who leads now, and their offices.
      blocks.append(
        context.gap(
          Store.politicsDatasetName,
          "The political and demographic data (V-Dem democracy indices, Freedom House, REIGN and Archigos leaders, UN World Population Prospects by age)."
        ))
      blocks += Self.leaderBlocks(profile, &context)
      return Report.Section(id: id, title: title, question: question, blocks: blocks)
    }
    blocks += Self.regimeBlocks(profile, &context)
    blocks += Self.leaderBlocks(profile, &context)
    blocks += try Self.sinceBlocks(profile, &context)
    blocks += Self.populationBlocks(profile, &context)
    blocks.append(.paragraph(Report.Paragraph(Self.politicsCoverage(profile))))
    if let finding = Self.politicsFinding(profile, &context) {
      context.findings.append((3, finding))
    }
    return Report.Section(id: id, title: title, question: question, blocks: blocks)
  }

  /// The notes citing some of the politics datasets, from the profile's coverage.
  static func politicsNotes(_ datasets: [PoliticsDataset], _ profile: PoliticsProfile, _ context: inout Context) -> [Int] {
    context.notes.cite(profile.coverage.filter { datasets.contains($0.dataset) }.compactMap(\.source))
  }

  // MARK: Regimes

  /// Dyad's regime rule, in words.
  static let regimeRule =
    "Dyad's rule: a democracy when V-Dem's 68% credible interval lies above 0.5, an autocracy when it lies below, uncertain when it spans 0.5"

  /// "0.073 (interval 0.066–0.081)", or "0.072 (v16 point estimate, no interval)".
  static func polyarchyText(_ value: RegimeValue) -> String {
    guard let low = value.low, let high = value.high else {
      return CuratedRecord.fixed(value.value, 3) + " (V-Dem v16's point estimate, without an interval)"
    }
    return CuratedRecord.fixed(value.value, 3)
      + " (68% interval \(CuratedRecord.fixed(low, 3))–\(CuratedRecord.fixed(high, 3)))"
  }

  /// "an autocracy (its interval lies below 0.5)".
  static func regimeText(_ value: RegimeValue) -> String {
    let hasInterval = value.low != nil && value.high != nil
    switch PoliticsProfile.RegimeClass.of(value) {
    case .democracy: return hasInterval ? "a democracy (its interval lies above 0.5)" : "a democracy by the point estimate alone (above 0.5)"
    case .autocracy: return hasInterval ? "an autocracy (its interval lies below 0.5)" : "an autocracy by the point estimate alone (below 0.5)"
    case .uncertain: return "uncertain (its interval spans 0.5)"
    }
  }

  /// The opening paragraph (both sides' polyarchy in the latest year with both, with intervals,
  /// regime classes, the distance and Freedom House) and the polyarchy chart.
  static func regimeBlocks(_ profile: PoliticsProfile, _ context: inout Context) -> [Report.Block] {
    let notes = politicsNotes([.vdem, .vdemCOW, .freedomHouse], profile, &context)
    let both = profile.rows.filter { $0.sides.allSatisfy { $0.polyarchy != nil } }
    guard let latest = both.last else {
      return [
        .paragraph(
          Report.Paragraph(
            "V-Dem does not score both \(context.pair) in any year of \(profile.years): the regime comparison is unknown, not a tie.",
            notes: notes))
      ]
    }
    var text =
      "On V-Dem's electoral democracy index (0–1), in \(latest.year), the last year it scores both: "
      + yearSentence(latest, profile, context)
    // A latest year without intervals (v16) is followed by the last year with them (v15).
    if latest.sides.contains(where: { $0.polyarchy?.low == nil }),
      let withInterval = both.last(where: { $0.sides.allSatisfy { $0.polyarchy?.low != nil } })
    {
      text += " In \(withInterval.year), the last year with V-Dem v15's credible intervals: " + yearSentence(withInterval, profile, context)
    }
    text += " (\(regimeRule).)"
    let observed = profile.sides.compactMap { side -> String? in
      guard let last = side.lastObserved["polyarchy"], last != latest.year else { return nil }
      return "\(side.name)'s polyarchy is last observed in \(last)"
    }
    if !observed.isEmpty { text += " " + uppercasedFirst(CuratedRecord.list(observed)) + "." }
    if let freedom = freedomHouseSentence(profile, context) { text += " " + freedom }
    var blocks: [Report.Block] = [.paragraph(Report.Paragraph(text, notes: notes))]
    if let chart = polyarchyChart(profile, context) {
      blocks.append(.figure(Report.Figure(chart, notes: politicsNotes([.vdem, .vdemCOW], profile, &context))))
    }
    return blocks
  }

  /// "China 0.073 (68% interval 0.068–0.076), an autocracy (…), and Russia 0.172 (…), an autocracy
  /// (…): both autocracies, 0.099 apart." Point estimates without intervals (v16) are said so once.
  static func yearSentence(_ row: PoliticsProfile.Year, _ profile: PoliticsProfile, _ context: Context) -> String {
    let values = row.sides.compactMap(\.polyarchy)
    let names = profile.sides.map { context.name($0.state, row.year) }
    var text: String
    if values.count == 2, values.allSatisfy({ $0.low == nil }) {
      let classes = values.map { PoliticsProfile.RegimeClass.of($0) }
      text =
        "\(names[0]) \(CuratedRecord.fixed(values[0].value, 3)) and \(names[1]) \(CuratedRecord.fixed(values[1].value, 3)) (V-Dem v16's point estimates, without intervals, so classed by the point estimate alone)"
      if classes[0] != classes[1] {
        text += ": \(names[0]) \(regimeText(values[0])), \(names[1]) \(regimeText(values[1]))"
      }
    } else {
      let parts = zip(names, row.sides).map { name, year -> String in
        guard let value = year.polyarchy else { return "\(name) not scored" }
        return "\(name) \(polyarchyText(value)), \(regimeText(value))"
      }
      text = parts.joined(separator: ", and ")
    }
    if let pairing = row.pairing { text += ": \(pairing)" }
    if let distance = row.distance { text += ", \(CuratedRecord.fixed(distance, 3)) apart" }
    return text + "."
  }

  /// Each side's Freedom House status in its last year.
  static func freedomHouseSentence(_ profile: PoliticsProfile, _ context: Context) -> String? {
    let last = profile.sides.indices.compactMap { index -> (name: String, year: Int, rating: FreedomHouseRating)? in
      guard let row = profile.rows.last(where: { $0.sides[index].freedomHouse != nil }),
        let rating = row.sides[index].freedomHouse
      else { return nil }
      return (context.name(profile.sides[index].state, row.year), row.year, rating)
    }
    func rating(_ rating: FreedomHouseRating, _ year: Int) -> String {
      "\"\(rating.statusLabel)\" in \(year) (political rights \(rating.politicalRights), civil liberties \(rating.civilLiberties): \(rating.total) of 14, 14 the least free)"
    }
    if last.count == 2, last[0].year == last[1].year, last[0].rating == last[1].rating {
      return "Freedom House rated both \(rating(last[0].rating, last[0].year)), its last rated year."
    }
    let parts = last.map { "\($0.name) \(rating($0.rating, $0.year))" }
    guard !parts.isEmpty else { return nil }
    var text = "Freedom House rated " + CuratedRecord.list(parts)
    if parts.count < 2 { text += "; it has no rating of the other in \(profile.years)" }
    return text + ", each in its last rated year."
  }

  /// Both sides' polyarchy by year, from the first year either is scored to the last; a year
  /// without a score is a gap. V-Dem's intervals are not drawn: the chart's bands share one
  /// colour and cannot be told apart by side.
  static func polyarchyChart(_ profile: PoliticsProfile, _ context: Context) -> LineChart? {
    let scored = profile.rows.filter { $0.sides.contains { $0.polyarchy != nil } }.map(\.year)
    guard let first = scored.first, let last = scored.last else { return nil }
    let rows = profile.rows.filter { (first...last).contains($0.year) }
    let series = profile.sides.indices.map { index in
      ChartSeries(
        name: profile.sides[index].name,
        points: rows.map { ChartPoint(year: $0.year, value: $0.sides[index].polyarchy?.value) })
    }
    let coverage = profile.coverage.filter { [PoliticsDataset.vdem, .vdemCOW].contains($0.dataset) }
      .map { "\($0.dataset.label) \($0.years)" }
    return LineChart(
      title: "Electoral democracy (V-Dem polyarchy)", units: "V-Dem electoral democracy index (0–1)",
      source: "Source: " + coverage.joined(separator: "; ") + "; see notes.",
      caption:
        "Each side's V-Dem electoral democracy index by year (v15 where it reaches, v16 after); the dashed line at 0.5 is Dyad's democracy threshold. A year without a score is a gap, never zero. V-Dem's 68% credible intervals are given in the text; the chart does not draw them.",
      id: "polyarchy-\(context.dyad)", series: series,
      referenceLines: [ReferenceLine(label: "0.5: democracy threshold", value: PoliticsProfile.democracyThreshold)],
      valueDecimals: 3)
  }

  // MARK: Leaders

  /// Each side's current effective leader, the effective leaders of the years (REIGN and Archigos
  /// side by side) and the curated heads of state and government with their sources.
  static func leaderBlocks(_ profile: PoliticsProfile, _ context: inout Context) -> [Report.Block] {
    var blocks: [Report.Block] = [.heading("Leaders")]
    let datasetNotes = politicsNotes([.reign, .archigos], profile, &context)
    var items: [Report.Paragraph] = []
    for side in profile.sides {
      guard let current = side.current else {
        items.append(Report.Paragraph("\(side.name): no leader is recorded for it in REIGN, Archigos or Dyad's curated leaders."))
        continue
      }
      let notes = (current.source.map { [context.notes.cite($0)] } ?? []) + datasetNotes
      items.append(Report.Paragraph(currentLeaderText(current, side), notes: notes))
    }
    blocks.append(.list(items))
    if profile.sides.contains(where: { !$0.leaders.isEmpty }) {
      blocks.append(.paragraph(Report.Paragraph(effectiveLeaderNote(profile), notes: datasetNotes)))
      let rows = profile.sides.flatMap { side in leaderRows(side) }
      if !rows.isEmpty {
        blocks.append(
          .table(
            Report.Table(
              caption: "Effective leaders in \(profile.years), REIGN and Archigos side by side",
              columns: ["State", "Effective leader", "REIGN", "Archigos 4.1"], rows: rows, notes: datasetNotes)))
      }
    }
    if let offices = officeTable(profile, &context) { blocks.append(.table(offices)) }
    return blocks
  }

  /// "Xi Jinping has been China's effective leader since 2012-11-15 (REIGN) …".
  static func currentLeaderText(_ current: PoliticsProfile.CurrentLeader, _ side: PoliticsProfile.Side) -> String {
    let tenure = CuratedRecord.fixed(current.tenureYears, 1)
    if let until = current.until {
      return
        "\(side.name): the last effective leader recorded is \(current.name), from \(current.since) to \(until) (\(current.sinceDataset.label)), \(tenure) years; who led after is not in the data."
    }
    var text =
      current.cameToPowerEarlier
      ? "\(side.name): \(current.name), \(current.offices.map(\.label).joined(separator: " and ")) since \(current.since) (\(current.sinceDataset.label)) and the effective leader from earlier (REIGN, which dates the start of the rule, is not in the store)"
      : "\(side.name): \(current.name), the effective leader since \(current.since) (\(current.sinceDataset.label))"
    if let asOf = current.asOf {
      let attested = current.offices.isEmpty
        ? "the end of \(current.sinceDataset.label)"
        : "Dyad's curated leaders (\(current.offices.map(\.label).joined(separator: " and ")))"
      text += ", in office as of \(asOf), the last day \(attested) attest; \(tenure) years \(current.cameToPowerEarlier ? "in that office" : "in power") by then. After that day who leads is unknown, not presumed."
    } else {
      text += "; \(tenure) years in power."
    }
    return text
  }

  /// That the datasets code the effective leader, with the analysis's note when it names one of
  /// the current leaders, and each current leader the datasets carry across offices.
  static func effectiveLeaderNote(_ profile: PoliticsProfile) -> String {
    let names = profile.sides.compactMap { $0.current?.name }
    if let note = profile.notes.first(where: { note in
      note.hasPrefix("REIGN and Archigos") && names.contains { note.contains($0) }
    }) {
      return note
    }
    var text = "REIGN and Archigos code the effective leader, whatever the title."
    for side in profile.sides {
      guard let current = side.current, current.sinceDataset != .curated,
        let office = side.offices.first(where: { $0.name == current.name && $0.from > current.since })
      else { continue }
      text +=
        " \(current.sinceDataset.label) codes \(current.name) as one spell from \(current.since); Dyad's curated rows list \(current.name) as \(office.offices.map(\.label).joined(separator: " and ")) from \(office.from)."
    }
    return text
  }

  /// A spell's cell: "2012-11-15– (in office at 2021-03-01)", "2003-03-15–2012-11".
  static func spellCell(_ spell: LeaderSpell?, coverageEnd: Int?, from: Day) -> String {
    guard let spell else {
      if let end = coverageEnd, from.year > end { return "after its end (\(end))" }
      return "not coded"
    }
    if spell.isOpen, let asOf = spell.asOf { return "\(spell.spanLabel) (in office at \(asOf))" }
    return spell.spanLabel
  }

  /// The effective leaders of a side, a REIGN spell and an Archigos spell of one person on one row.
  static func leaderRows(_ side: PoliticsProfile.Side) -> [[String]] {
    let reign = side.leaders.filter { $0.dataset == .reign }
    var archigos = side.leaders.filter { $0.dataset == .archigos }
    let reignEnd = reign.compactMap(\.asOf).max()?.year ?? reign.compactMap { $0.lastKnownDay?.year }.max()
    let archigosEnd = archigos.compactMap(\.asOf).max()?.year ?? 2015
    var rows: [(from: Day, cells: [String])] = []
    for spell in reign {
      let match = archigos.firstIndex { samePerson($0, spell) }
      let other = match.map { archigos.remove(at: $0) }
      let name = other.map { $0.name.count > spell.name.count ? $0.name : spell.name } ?? spell.name
      rows.append(
        (spell.from, [side.name, name, spellCell(spell, coverageEnd: reignEnd, from: spell.from), spellCell(other, coverageEnd: archigosEnd, from: spell.from)]))
    }
    for spell in archigos {
      rows.append(
        (spell.from, [side.name, spell.name, spellCell(nil, coverageEnd: reignEnd, from: spell.from), spellCell(spell, coverageEnd: archigosEnd, from: spell.from)]))
    }
    return rows.sorted { $0.from < $1.from }.map(\.cells)
  }

  /// Whether two dataset spells are one person's: they overlap in time and share a name.
  static func samePerson(_ a: LeaderSpell, _ b: LeaderSpell) -> Bool {
    guard let aEnd = a.lastKnownDay, let bEnd = b.lastKnownDay, a.from <= bEnd, b.from <= aEnd else { return false }
    func words(_ name: String) -> Set<String> {
      Set(name.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }
    return !words(a.name).isDisjoint(with: words(b.name))
  }

  /// The curated heads of state and government overlapping the years, each with its source.
  static func officeTable(_ profile: PoliticsProfile, _ context: inout Context) -> Report.Table? {
    var rows: [[String]] = []
    var notes: [Int] = []
    for side in profile.sides {
      for spell in side.offices {
        var note = ""
        if let source = spell.source {
          let number = context.notes.cite(source)
          if !notes.contains(number) { notes.append(number) }
          note = "[\(number)]"
        }
        let to = spell.to.map { $0.formatted(spell.toPrecision) } ?? spell.asOf.map { "in office as of \($0)" } ?? ""
        rows.append([
          side.name, spell.offices.map(\.label).joined(separator: " and ") + (spell.isActing ? " (acting)" : ""),
          spell.name + (spell.isEffective ? " (effective leader)" : ""), spell.from.description, to, note,
        ])
      }
    }
    guard !rows.isEmpty else { return nil }
    return Report.Table(
      caption: "Heads of state and government, Dyad's curated leaders (each row sourced)",
      columns: ["State", "Office", "Holder", "From", "To", "Note"], rows: rows, notes: notes)
  }

  // MARK: Since the later leader came to power

  /// What the two did together since the later of the two current leaders came to power: joint
  /// exercises, Security Council vetoes, bilateral leader meetings, each to its source's end.
  static func sinceBlocks(_ profile: PoliticsProfile, _ context: inout Context) throws -> [Report.Block] {
    let currents = profile.sides.compactMap(\.current).filter { $0.until == nil }
    guard currents.count == 2, let later = currents.max(by: { $0.since < $1.since }),
      later.since.year <= profile.years.upperBound, later.since <= context.today
    else { return [] }
    let heading = "Since \(later.name) came to power (\(later.since))"
    var items: [Report.Paragraph] = []
    items.append(try exercisesSince(later.since, &context))
    if let vetoes = try vetoesSince(later.since, &context) { items.append(vetoes) }
    items.append(try meetingsSince(later.since, profile, &context))
    return [
      .heading(heading),
      .paragraph(
        Report.Paragraph(
          "From \(later.since), the later of the two current leaders' first day in power, to \(context.today) (each count to its source's end):"
        )),
      .list(items),
    ]
  }

  /// The joint exercises from a day to today: the military section's merged list.
  static func exercisesSince(_ day: Day, _ context: inout Context) throws -> Report.Paragraph {
    let years = try YearRange(from: day.year, to: max(day.year, context.today.year))
    let exercises = try context.store.militaryProfile(for: context.dyad, years: years).rows.flatMap(\.exercises)
      .filter { $0.start >= day && $0.start <= context.today }
    let notes = context.notes.cite(exercises.flatMap(\.sources))
    var ends: [String] = []
    if let latest = exercises.map(\.start).max() { ends.append("the latest recorded starts \(latest)") }
    for name in ["exercises", "mme"] {
      guard let label = DatasetCatalog.info(named: name)?.label else { continue }
      if let covered = context.datasets[name]?.coverage {
        if covered.upperBound < context.today.year { ends.append("\(label) end in \(covered.upperBound)") }
      } else {
        ends.append("\(label) not in the store")
      }
    }
    let bilateral = exercises.count { $0.isBilateral }
    let text =
      "Joint exercises: \(exercises.count) (\(bilateral) bilateral, \(exercises.count - bilateral) multilateral), Dyad's curated exercises merged with the imported exercise datasets as in Military ties"
      + (ends.isEmpty ? "." : "; " + ends.joined(separator: "; ") + ": an exercise after the record's end is missing, not absent.")
    return Report.Paragraph(text, notes: notes)
  }

  /// The Security Council vetoes from a day, together and alone, when both are permanent members:
  /// the alignment section's merged list (imported and curated vetoes).
  static func vetoesSince(_ day: Day, _ context: inout Context) throws -> Report.Paragraph? {
    let p5 = try context.store.memberships(of: [context.dyad.first, context.dyad.second]).filter {
      $0.institution == "UNSC-P5"
    }
    guard Set(p5.map(\.state)).count == 2 else { return nil }
    guard context.has("unsc-vetoes") else {
      return Report.Paragraph("Security Council vetoes: unknown; the veto list (unsc-vetoes) is not in the store.")
    }
    let summary = try context.store.vetoes(for: context.dyad)
    let since = summary.all.filter { $0.date >= day && $0.date <= context.today }
    let notes = [context.notes.cite(summary.source, table: "vetoes", years: summary.coverage?.description)]
      + context.notes.cite(since.compactMap(\.source))
    let a = context.dyad.first, b = context.dyad.second
    let together = since.count { $0.isCast(by: a) && $0.isCast(by: b) }
    let alone = [a, b].map { state in
      "\(context.name(state, context.today.year)) \(since.count { $0.isCast(by: state) && !$0.isCast(by: state == a ? b : a) }) without the other"
    }
    // The curated list's reach is its last veto by anyone, not the last by these two.
    let lastCurated = try context.store.curatedVetoes().map(\.date).max()
    let end =
      lastCurated.map { "the imported list ends in 2022 and Dyad's curated vetoes, by any permanent member, continue it to \($0); a later veto would be missing" }
      ?? "the list ends in \(summary.coverage?.upperBound ?? 2022): later vetoes are missing, not absent"
    return Report.Paragraph(
      "Security Council vetoes: \(together) cast together; \(CuratedRecord.list(alone)) (\(end)).", notes: notes)
  }

  /// The bilateral meetings of the two current leaders, by Dyad's rule (`docs/leader-meetings.md`),
  /// the leader terms taken from the current leaders.
  static func meetingsSince(_ day: Day, _ profile: PoliticsProfile, _ context: inout Context) throws -> Report.Paragraph {
    let fallback = profile.coverage.first { $0.dataset == .reign }?.source
    let terms = profile.sides.compactMap { side -> LeaderTerm? in
      guard let current = side.current, let source = current.source ?? fallback else { return nil }
      return LeaderTerm(state: side.state, name: current.name, from: current.since, to: current.until, source: source)
    }
    let years = try YearRange(from: day.year, to: max(day.year, context.today.year))
    let events = try context.store.timeline(for: context.dyad, years: years, kinds: [.leaderMeeting])
      .filter { $0.date >= day && $0.date <= context.today }
    guard let rule = LeaderMeetingCount(events: events, dyad: context.dyad, leaders: terms) else {
      return Report.Paragraph("Leader meetings: unknown (no leader term for one of the two).")
    }
    let counted = rule.occasions.flatMap { $0 }
    let notes = context.notes.cite(counted.map(\.source))
    let names = rule.leaders.map(\.name).joined(separator: " and ")
    var text =
      "Leader meetings: \(names) met in person \(rule.count) time\(rule.count == 1 ? "" : "s") by Dyad's rule (bilateral, one per visit or occasion; see docs/leader-meetings.md), in Dyad's curated events"
    if let latest = counted.last {
      text += ", the latest on \(latest.date) (\(latest.title)); a meeting after the record's last entry would be missing."
    } else {
      text += "; the record holds none of theirs, which may be a gap in the record rather than no meeting."
    }
    return Report.Paragraph(text, notes: notes)
  }

  // MARK: Population

  /// Millions from thousands, to one decimal: "989.7".
  static func millionsText(_ thousands: Double) -> String {
    ChartNumber.fixed(thousands / 1000, decimals: 1)
  }

  /// "+3.2%", "−24.7%".
  static func changeText(_ percent: Double) -> String {
    (percent < 0 ? "−" : "+") + CuratedRecord.fixed(abs(percent), 1) + "%"
  }

  /// One sentence per side on working age and median age, and the chart of working age.
  static func populationBlocks(_ profile: PoliticsProfile, _ context: inout Context) -> [Report.Block] {
    guard profile.sides.contains(where: { !$0.population.isEmpty }) else {
      let missing = profile.sides.map(\.name)
      return [
        .heading("Working-age population"),
        .paragraph(Report.Paragraph("UN WPP gives no population by age for \(CuratedRecord.list(missing)) in \(profile.years): unknown.")),
      ]
    }
    let notes = politicsNotes([.wppAge, .wppMedianAge], profile, &context)
    var blocks: [Report.Block] = [.heading("Working-age population")]
    blocks.append(.list(profile.sides.map { Report.Paragraph(populationSentence($0), notes: notes) }))
    if let chart = workingAgeChart(profile, context) {
      blocks.append(.figure(Report.Figure(chart, notes: politicsNotes([.wppAge], profile, &context))))
    }
    return blocks
  }

  /// "China: 989.7 million aged 15–64 in 2020 (WPP estimate); −1.8% by 2030 …".
  static func populationSentence(_ side: PoliticsProfile.Side) -> String {
    guard let latest = side.population.last(where: { $0.variant == .estimate }) else {
      return "\(side.name): UN WPP gives no population by age for it in these years (unknown)."
    }
    var text = "\(side.name): \(millionsText(latest.workingAge)) million aged 15–64 in \(latest.year) (WPP estimate)"
    var changes: [String] = []
    if let change = side.workingAgeChangeTo2030 { changes.append("\(changeText(change)) by 2030") }
    if let change = side.workingAgeChangeTo2050, let point = side.population.first(where: { $0.variant == .medium && $0.year == PoliticsProfile.projectionHorizon }) {
      changes.append("\(changeText(change)) by \(PoliticsProfile.projectionHorizon) (\(millionsText(point.workingAge)) million)")
    }
    if !changes.isEmpty { text += "; by WPP's medium projection " + CuratedRecord.list(changes) }
    if let peak = side.workingAgePeak {
      text += "; the peak shown is \(millionsText(peak.workingAge)) million in \(peak.year)\(peak.variant.isProjection ? " (projection)" : "")"
    }
    if let median = side.medianAge {
      text += "; median age \(CuratedRecord.fixed(median.years, 1)) in \(median.year)"
      if let projected = side.medianAgeProjected {
        text += ", \(CuratedRecord.fixed(projected.years, 1)) projected for \(projected.year)"
      }
    }
    text += "."
    if let from = side.presentTerritoryFrom {
      text += " WPP's figures before \(from) are for the territory \(side.name) holds today, not the state of the time."
    }
    return text
  }

  /// Working age (15–64) in millions at WPP's five-yearly points, a panel per side with its own
  /// axis (magnitudes can differ tenfold): the estimates and the medium projection as two series,
  /// styled alike in both panels (the charts style by series, not by point).
  static func workingAgeChart(_ profile: PoliticsProfile, _ context: Context) -> SmallMultiples? {
    let panels = profile.sides.compactMap { side -> SmallMultiples.Panel? in
      let own = side.population.filter { $0.variant == .estimate }
      let medium = side.population.filter { $0.variant == .medium && $0.year <= PoliticsProfile.projectionHorizon }
      var series: [ChartSeries] = []
      if !own.isEmpty {
        series.append(ChartSeries(name: "Estimate", points: own.map { ChartPoint(year: $0.year, value: $0.workingAge / 1000) }))
      }
      if !medium.isEmpty {
        series.append(
          ChartSeries(name: "Projection (medium)", points: medium.map { ChartPoint(year: $0.year, value: $0.workingAge / 1000) }))
      }
      return series.isEmpty ? nil : SmallMultiples.Panel(title: side.name, series: series)
    }
    let years = panels.flatMap { $0.series.flatMap { $0.points.map(\.year) } }
    guard let first = years.min(), let last = years.max() else { return nil }
    let hasProjections = panels.contains { $0.series.count > 1 }
    let lastEstimate = profile.sides.compactMap { $0.lastObserved["population"] }.max().map(String.init) ?? "2020"
    return SmallMultiples(
      title: "Working-age population (15–64)", units: "Millions",
      source: "Source: UN World Population Prospects 2024, population by five-year age group (via wpp2024); see notes.",
      caption:
        "Ages 15–64 summed from WPP's five-year groups, at WPP's five-yearly points only (no year between is interpolated, so the points are not joined); each panel has its own scale. Estimates to \(lastEstimate)"
        + (hasProjections
          ? ", then WPP's medium projection to \(PoliticsProfile.projectionHorizon): a projection, not an observation."
          : "; no projections, as the report's years end before the last estimate."),
      id: "working-age-\(context.dyad)", panels: panels, columns: min(2, panels.count), yScale: .independent,
      years: first...last, panelHeight: 220, valueDecimals: 1, sparseYearsOmitted: true)
  }

  // MARK: Coverage and finding

  /// "Coverage: V-Dem v15 indices 1816–2024; …. A year without a value is unknown, never zero."
  static func politicsCoverage(_ profile: PoliticsProfile) -> String {
    let spans = profile.coverage.map { "\($0.dataset.label) \($0.years)" }
    var text = "Coverage: " + spans.joined(separator: "; ") + ". A year without a value is unknown, never zero."
    let notes = profile.notes.filter { $0.contains("not in the store") }
    if !notes.isEmpty { text += " " + notes.joined(separator: " ") }
    return text
  }

  /// The summary's finding: the latest pairing with both scores and the current leaders, when the
  /// pairing is known.
  static func politicsFinding(_ profile: PoliticsProfile, _ context: inout Context) -> Report.Paragraph? {
    guard let latest = profile.rows.last(where: { $0.pairing != nil }), let pairing = latest.pairing else { return nil }
    let scores = zip(profile.sides, latest.sides).compactMap { side, year in
      year.polyarchy.map { "\(context.name(side.state, latest.year)) \(CuratedRecord.fixed($0.value, 3))" }
    }
    var text = "Political systems: \(pairing) in \(latest.year) by V-Dem's electoral democracy index (\(scores.joined(separator: ", ")))"
    let leaders = profile.sides.compactMap { side in
      side.current.flatMap { $0.until == nil ? "\($0.name) has led \(side.name) since \($0.since.year)" : nil }
    }
    if !leaders.isEmpty { text += "; " + CuratedRecord.list(leaders) }
    text += "."
    let notes = politicsNotes([.vdem, .vdemCOW, .reign], profile, &context)
    if pairing == "a democracy and an autocracy" { context.limits.append(Report.Paragraph(text, notes: notes)) }
    return Report.Paragraph(text, notes: notes)
  }
}
