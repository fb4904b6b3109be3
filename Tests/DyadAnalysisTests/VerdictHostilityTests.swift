import DyadCore
import Testing

@testable import DyadAnalysis

/// The hostility rules (R6, R7) and provisional years, on small hand-made inputs.
@Suite("Verdict: hostility and provisional years")
struct VerdictHostilityTests {
  static let dyad = try! Dyad("CHN", "RUS")
  static let source = MilitaryVerdictTests.source

  static func side(_ hostility: Int, fatality: Int? = 0, initiator: Bool = false) -> DisputeSide {
    DisputeSide(hostility: hostility, highestAction: 0, fatality: fatality, isInitiator: initiator, isOriginator: true)
  }

  static func inputs(conflict: Bool = true) -> MilitaryInputs {
    var inputs = MilitaryVerdictTests.inputs()
    guard conflict else { return inputs }
    inputs.conflict.coverage = [
      .cowMID: try! YearRange(from: 1816, to: 2014), .gmlMID: try! YearRange(from: 1816, to: 2010),
      .cowWar: try! YearRange(from: 1823, to: 2003), .ucdp: try! YearRange(from: 1946, to: 2024),
      .tssRivalries: try! YearRange(from: 1494, to: 2020), .tdRivalries: try! YearRange(from: 1494, to: 2010),
    ]
    return inputs
  }

  @Test("R1 with clashes and a rivalry: treaty allies in name, and the verdict says both")
  func alliesInName() {
    // The shape of China–USSR in 1969: the 1950 treaty in force, the Zhenbao clashes (MID 349,
    // use of force on both sides), and the TSS rivalry 1958–1989.
    var inputs = Self.inputs()
    for year in 1950...1980 { inputs.atopDyadYears[year] = [.defense] }
    inputs.alliances = [MilitaryVerdictTests.tie(3200, [.defense], from: "1950-02-14", to: "1980-04-11", parties: 2)]
    inputs.conflict.disputes = [
      DisputeYear(dataset: .cowMID, dispute: 349, year: 1969, isOnset: true, first: Self.side(4, fatality: 3, initiator: true), second: Self.side(4, fatality: 3))
    ]
    inputs.conflict.rivalries = [
      Rivalry(dataset: .tssRivalries, id: 130, name: "China-USSR", start: 1958, end: 1989, types: ["positional", "spatial", "ideological"], isOngoingAtDataEnd: false)
    ]
    let verdict = VerdictRules.verdict(for: inputs, year: 1969)
    #expect(verdict.tie == .treatyAllies)
    #expect(verdict.headline == "treaty allies in name; armed clashes in 1969; rivals 1958–1989")
    #expect(verdict.firedRules.map(\.rule.id) == ["R1", "R6", "R7"])
    #expect(verdict.summary.contains("yet armed conflict (R6)"))
    #expect(verdict.rules[5].evidence[0].text.contains("China on the initiating side"))
    #expect(verdict.rules[5].evidence[0].text.contains("101–250 deaths"))
    #expect(!verdict.isProvisional)
    // 1990: the rivalry has ended (TSS), and the treaty lapsed in 1980.
    #expect(VerdictRules.verdict(for: inputs, year: 1990).tie == .noSecurityTies)
    #expect(VerdictRules.verdict(for: inputs, year: 1975).headline == "treaty allies in name; rivals 1958–1989")
  }

  @Test("R6 counts use of force and war, not threats or displays; R6/R7 alone make adversaries")
  func adversaries() {
    var inputs = Self.inputs()
    inputs.conflict.disputes = [
      DisputeYear(dataset: .gmlMID, dispute: 10, year: 1970, isOnset: true, first: Self.side(3), second: Self.side(1))
    ]
    let display = VerdictRules.verdict(for: inputs, year: 1970)
    #expect(display.tie == .noSecurityTies)
    #expect(display.rules[5].evidence[0].text.hasSuffix("below use of force, not counted"))
    inputs.conflict.wars = [
      WarYear(war: 193, year: 1971, isOnset: true, firstOnSideA: false, firstInitiated: false, secondInitiated: true, firstBattleDeaths: nil, secondBattleDeaths: nil)
    ]
    inputs.conflict.rivalries = [
      Rivalry(dataset: .tssRivalries, id: 1, name: "A-B", start: 1947, end: 2020, types: ["spatial"], isOngoingAtDataEnd: true)
    ]
    let war = VerdictRules.verdict(for: inputs, year: 1971)
    #expect(war.tie == .adversaries)
    #expect(war.headline == "adversaries: at war in 1971; rivals since 1947 (ongoing at the data's end, 2020)")
    #expect(war.rules[5].evidence[0].text.contains("initiated by Russia"))
  }

  @Test("One side's use of force alone is said as such, not as a clash")
  func oneSidedForce() {
    // The shape of COW MID 4640 (2012): Russia used force (hostility 4), China did not act (1), no deaths.
    var inputs = Self.inputs()
    inputs.conflict.disputes = [
      DisputeYear(dataset: .cowMID, dispute: 4640, year: 2012, isOnset: true, first: Self.side(1), second: Self.side(4, initiator: true))
    ]
    let verdict = VerdictRules.verdict(for: inputs, year: 2012)
    #expect(verdict.rules[5].fired)
    #expect(verdict.hostility == ["use of force by Russia in 2012"])
    // Without ties, one side's use of force alone is said beside the class, not made adversaries.
    #expect(verdict.tie == .noSecurityTies)
    #expect(verdict.headline == "no security ties; use of force by Russia in 2012")
    // Both sides using force makes a clash, and without ties adversaries.
    inputs.conflict.disputes = [
      DisputeYear(dataset: .cowMID, dispute: 1, year: 2012, isOnset: true, first: Self.side(4), second: Self.side(4, initiator: true))
    ]
    #expect(VerdictRules.verdict(for: inputs, year: 2012).headline == "adversaries: armed clashes in 2012")
  }

  @Test("At war, or rivals who clash, are adversaries whatever pact of restraint held; a defence pact stands in name")
  func hostilityDominates() {
    var inputs = Self.inputs()
    // India–Pakistan 1971: the Tashkent Declaration (ATOP 3530, non-aggression) ended by the war.
    inputs.atopDyadYears[1971] = [.nonaggression]
    inputs.alliances = [MilitaryVerdictTests.tie(3530, [.nonaggression], from: "1966-01-10", to: "1971-12-03", parties: 2)]
    inputs.conflict.wars = [
      WarYear(war: 178, year: 1971, isOnset: true, firstOnSideA: true, firstInitiated: false, secondInitiated: true, firstBattleDeaths: 3241, secondBattleDeaths: 7982)
    ]
    let war = VerdictRules.verdict(for: inputs, year: 1971)
    #expect(war.tie == .adversaries)
    #expect(war.rules[1].fired)  // the pact is still reported
    #expect(war.summary.contains("a war between them outweighs the selective pact (R2)"))
    // Without the war, the same pact makes partners.
    inputs.conflict.wars = []
    #expect(VerdictRules.verdict(for: inputs, year: 1971).tie == .partners)
    // A rivalry with clashes that year outweighs the pact; a rivalry alone does not.
    inputs.conflict.rivalries = [
      Rivalry(dataset: .tssRivalries, id: 1, name: "A-B", start: 1947, end: 2020, types: [], isOngoingAtDataEnd: true)
    ]
    #expect(VerdictRules.verdict(for: inputs, year: 1971).tie == .partners)
    inputs.conflict.disputes = [
      DisputeYear(dataset: .cowMID, dispute: 2, year: 1971, isOnset: true, first: Self.side(4, fatality: 1), second: Self.side(4))
    ]
    #expect(VerdictRules.verdict(for: inputs, year: 1971).tie == .adversaries)
  }

  @Test("UCDP: opposite sides fire R6, the same side does not")
  func ucdpSides() {
    var inputs = Self.inputs()
    inputs.conflict.armedConflicts = [
      ArmedConflictYear(conflict: 1, year: 2000, incompatibility: "government", intensity: 1, type: "internationalized intrastate", firstRole: .secondaryA, secondRole: .secondaryA),
      ArmedConflictYear(conflict: 2, year: 2001, incompatibility: "territory", intensity: 2, type: "interstate", firstRole: .primaryA, secondRole: .secondaryB),
    ]
    #expect(!VerdictRules.verdict(for: inputs, year: 2000).rules[5].fired)
    #expect(VerdictRules.verdict(for: inputs, year: 2000).rules[5].evidence[0].text.hasSuffix("the same side, not counted"))
    #expect(VerdictRules.verdict(for: inputs, year: 2001).rules[5].finding == "armed clashes in 2001: UCDP conflict 2")
  }

  @Test("Missing is not zero at each end of the conflict data's coverage")
  func coverageEnds() {
    var inputs = Self.inputs()
    // 2014: COW MIDs cover the year; 2015–2024: only UCDP, and the verdict says lesser clashes are unseen.
    #expect(VerdictRules.verdict(for: inputs, year: 2014).rules[5].finding.hasPrefix("none recorded in 2014 (COW militarized disputes, UCDP"))
    let in2015 = VerdictRules.verdict(for: inputs, year: 2015)
    #expect(in2015.rules[5].finding == "none recorded in 2015 (UCDP armed conflicts (at least 25 battle deaths a year))")
    #expect(in2015.notes.contains { $0.hasPrefix("Armed conflict in 2015: COW militarized disputes end in 2014") })
    #expect(!in2015.missingEvidence.contains { $0.hasPrefix("armed conflict") })
    // 2025: no conflict dataset covers it: unknown, never "none".
    let in2025 = VerdictRules.verdict(for: inputs, year: 2025)
    #expect(in2025.rules[5].finding.hasPrefix("not known for 2025"))
    #expect(in2025.rules[5].provisional != nil)
    #expect(in2025.isProvisional)
    #expect(in2025.missingEvidence.contains { $0.hasPrefix("armed conflict after 2024") })
    // Rivalries: 2020 covered (TSS), 2021 unknown.
    #expect(VerdictRules.verdict(for: inputs, year: 2020).rules[6].finding.hasPrefix("none coded in 2020"))
    #expect(VerdictRules.verdict(for: inputs, year: 2021).rules[6].finding.hasPrefix("not known for 2021"))
    // Before UCDP begins (1945) only the MID and war data speak.
    #expect(VerdictRules.verdict(for: inputs, year: 1945).rules[5].finding == "none recorded in 1945 (COW militarized disputes, GML militarized disputes, COW interstate wars)")
    // Without the conflict data, R6 and R7 say so rather than "none".
    inputs = Self.inputs(conflict: false)
    let without = VerdictRules.verdict(for: inputs, year: 1969)
    #expect(without.rules[5].finding.contains("dyad import conflict PATH"))
    #expect(without.rules[6].finding.contains("dyad import conflict PATH"))
  }

  @Test("A rivalry ongoing when the data end is presumed to continue, and labelled so")
  func ongoingRivalry() {
    var inputs = Self.inputs()
    inputs.conflict.rivalries = [
      Rivalry(dataset: .tssRivalries, id: 109, name: "China-India", start: 1948, end: 2020, types: ["positional", "spatial"], isOngoingAtDataEnd: true)
    ]
    let verdict = VerdictRules.verdict(for: inputs, year: 2026)
    #expect(verdict.rules[6].fired)
    #expect(verdict.rules[6].provisional == "presumed: ongoing when the rivalry data end")
    #expect(verdict.tie == .adversaries)
    #expect(verdict.isProvisional)
    #expect(verdict.headline.hasSuffix("(provisional)"))
  }

  @Test("After the arms data end, significant transfers of the last window are carried forward, not dropped")
  func carriedForward() {
    var inputs = Self.inputs()
    inputs.datasets["sipri-transfers"] = try! YearRange(from: 2000, to: 2023)
    inputs.datasetSources["sipri-transfers"] = Self.source
    inputs.deliveryCoverage = try! YearRange(from: 2000, to: 2023)
    inputs.treaties = [
      Treaty(
        id: "t", name: "Treaty of Good-Neighborliness", states: ["CHN", "RUS"], signed: Day(year: 2001, month: 7, day: 16)!, inForce: nil,
        ended: nil, endReason: nil, obligations: [.nonaggression, .consultation], description: "", source: Self.source)
    ]
    for year in 2021...2023 {
      inputs.deliveries.append(
        ArmsDelivery(
          dealID: year, year: year, supplier: "RUS", recipient: "CHN", designation: "Su-35", description: "", category: "Aircraft",
          orderYear: 2015, delivered: 4, tiv: 100, isEstimate: false))
      inputs.importsByRecipient["CHN", default: [:]][year] = 200
    }
    let observed = VerdictRules.verdict(for: inputs, year: 2023)
    #expect(observed.tie == .alignedPartners)
    #expect(observed.rules[3].provisional == nil)
    let later = VerdictRules.verdict(for: inputs, year: 2026)
    #expect(later.tie == .alignedPartners)
    #expect(later.observedTie == .partners)
    #expect(later.rules[3].fired)
    #expect(later.rules[3].provisional == "carried forward from 2021–2023")
    #expect(later.missingEvidence.contains("arms transfers after 2023: SIPRI's register of deliveries ends; R4 carried forward from 2021–2023"))
    #expect(later.headline == "aligned partners (provisional)")
    #expect(later.summary.contains("on the evidence observed for 2026 alone it would be partners"))
  }
}
