import DyadCore
import Testing

@testable import DyadAnalysis

/// The verdict rules on small hand-made inputs, one rule at a time.
@Suite("Military verdict rules")
struct MilitaryVerdictTests {
  static let dyad = try! Dyad("CHN", "RUS")
  static let source = Source(publisher: "Test", title: "Test source", date: "2024", url: "https://example.org")

  static func exercise(_ id: String, _ name: String, _ year: Int, _ participants: [StateID], dataset: String = "curated")
    -> ReportedExercise
  {
    ReportedExercise(
      exercise: Exercise(
        id: id, name: name, start: Day.startOf(year: year), end: nil, precision: .year, participants: participants,
        isBilateral: participants.count == 2, domain: "naval", location: nil, description: "", source: source),
      dataset: dataset)
  }

  static func tie(_ id: Int, _ obligations: Set<Obligation>, from: String, to: String?, parties: Int) -> AllianceTie {
    AllianceTie(
      atopID: id, phase: 0, obligations: obligations, from: from, to: to, begin: from, end: to, parties: parties,
      isBilateral: parties == 2)
  }

  static func inputs(atop: Bool = true) -> MilitaryInputs {
    var inputs = MilitaryInputs(dyad: dyad, names: ["CHN": "China", "RUS": "Russia"])
    if atop {
      inputs.datasets["atop"] = try! YearRange(from: 1815, to: 2018)
      inputs.datasetSources["atop"] = source
    }
    return inputs
  }

  @Test("R1: a defence obligation in ATOP's dyad-year makes treaty allies")
  func defencePact() {
    var inputs = Self.inputs()
    inputs.atopDyadYears[1965] = [.defense]
    inputs.alliances = [Self.tie(3200, [.defense, .nonaggression], from: "1950-02-14", to: "1980-04-11", parties: 2)]
    let verdict = VerdictRules.verdict(for: inputs, year: 1965)
    #expect(verdict.tie == .treatyAllies)
    #expect(verdict.firedRules.map(\.rule.id).contains("R1"))
    #expect(verdict.rules[0].evidence.first?.text.hasPrefix("ATOP alliance 3200 (bilateral; 1950-02-14 to 1980-04-11; defence") == true)
    #expect(VerdictRules.verdict(for: inputs, year: 1981).tie == .noSecurityTies)
  }

  @Test("R2 + R3: a selective pact with exercises in two of three years makes aligned partners")
  func alignedPartners() {
    var inputs = Self.inputs()
    for year in 2013...2015 { inputs.atopDyadYears[year] = [.nonaggression, .consultation] }
    inputs.alliances = [Self.tie(4980, [.nonaggression, .consultation], from: "2001-07-16", to: nil, parties: 2)]
    #expect(VerdictRules.verdict(for: inputs, year: 2015).tie == .partners)  // a pact alone
    inputs.exercises = [
      Self.exercise("a", "Joint Sea 2013", 2013, ["CHN", "RUS"]), Self.exercise("b", "Joint Sea 2015", 2015, ["CHN", "RUS"]),
    ]
    let verdict = VerdictRules.verdict(for: inputs, year: 2015)
    #expect(verdict.tie == .alignedPartners)
    #expect(verdict.firedRules.map(\.rule.id) == ["R2", "R3", "R5"])
    // One exercise year in the window is not regular.
    #expect(VerdictRules.verdict(for: inputs, year: 2017).tie != .alignedPartners)
  }

  @Test("R3: exercises of an organisation with many members (an SCO Peace Mission) count only for R5")
  func organisationExercises() {
    var inputs = Self.inputs()
    for year in 2017...2019 { inputs.atopDyadYears[year] = [.nonaggression] }
    inputs.alliances = [Self.tie(9999, [.nonaggression], from: "2001-01-01", to: nil, parties: 2)]
    let sco: [StateID] = ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"]
    inputs.exercises = [
      Self.exercise("p1", "Peace Mission 2018", 2018, sco), Self.exercise("p2", "Peace Mission 2019", 2019, sco),
    ]
    let verdict = VerdictRules.verdict(for: inputs, year: 2019)
    #expect(!verdict.rules[2].fired)
    #expect(verdict.rules[4].fired)
    #expect(verdict.tie == .partners)
    // Trilateral drills (China–Russia–Iran) still make exercises regular.
    inputs.exercises = [
      Self.exercise("s1", "Security Belt 2018", 2018, ["CHN", "RUS", "IRN"]),
      Self.exercise("s2", "Security Belt 2019", 2019, ["CHN", "RUS", "IRN"]),
    ]
    #expect(VerdictRules.verdict(for: inputs, year: 2019).tie == .alignedPartners)
  }

  @Test("R2: a pact of more than ten parties is listed but not counted")
  func broadPact() {
    var inputs = Self.inputs()
    inputs.atopDyadYears[2015] = [.nonaggression]
    inputs.alliances = [Self.tie(3755, [.nonaggression], from: "2004-11-29", to: nil, parties: 34)]
    let verdict = VerdictRules.verdict(for: inputs, year: 2015)
    #expect(verdict.tie == .noSecurityTies)
    #expect(verdict.rules[1].evidence.first?.text.hasPrefix("not counted") == true)
  }

  @Test("R3: an exercise with more than ten participants does not count")
  func largeExercise() {
    var inputs = Self.inputs()
    let many: [StateID] = ["CHN", "RUS", "USA", "GBR", "FRA", "DEU", "ITA", "JPN", "KOR", "AUS", "CAN"]
    inputs.exercises = [Self.exercise("r1", "RIMPAC 2012", 2012, many), Self.exercise("r2", "RIMPAC 2013", 2013, many)]
    #expect(VerdictRules.verdict(for: inputs, year: 2013).tie == .noSecurityTies)
  }

  @Test("R4: a supplier of at least 10% of the recipient's imports and 10 million TIV")
  func armsTransfers() {
    var inputs = Self.inputs()
    inputs.datasets["sipri-transfers"] = try! YearRange(from: 2000, to: 2023)
    inputs.deliveries = [
      ArmsDelivery(
        dealID: 1, year: 2010, supplier: "RUS", recipient: "CHN", designation: "Su-27", description: "", category: "Aircraft",
        orderYear: 2008, delivered: 4, tiv: 60, isEstimate: false)
    ]
    inputs.importsByRecipient["CHN"] = [2010: 100, 2011: 100, 2012: 100]
    let verdict = VerdictRules.verdict(for: inputs, year: 2012)  // 60 of 300 = 20%
    #expect(verdict.rules[3].fired)
    #expect(verdict.tie == .partners)
    inputs.importsByRecipient["CHN"] = [2010: 300, 2011: 300, 2012: 300]  // 60 of 900 < 10%
    let below = VerdictRules.verdict(for: inputs, year: 2012)
    #expect(!below.rules[3].fired && below.rules[4].fired)
    // Outside SIPRI's years the rule cannot fire and says why.
    let before = VerdictRules.verdict(for: inputs, year: 1995)
    #expect(before.rules[3].finding.contains("2000–2023"))
  }

  @Test("After ATOP ends the curated treaties decide, and the verdict says so")
  func afterATOP() throws {
    var inputs = Self.inputs()
    inputs.alliances = [Self.tie(3180, [.defense, .consultation], from: "1951-06-19", to: nil, parties: 30)]
    inputs.treaties = [
      Treaty(
        id: "t", name: "Treaty T", states: ["CHN", "RUS"], signed: try Day(parsing: "2001-07-16"), inForce: nil, ended: nil,
        endReason: nil, obligations: [.nonaggression], description: "", source: Self.source)
    ]
    let verdict = VerdictRules.verdict(for: inputs, year: 2022)
    #expect(verdict.alliance.basis == .curatedAfterATOP)
    #expect(verdict.notes.first?.contains("ATOP ends in 2018") == true)
    #expect(verdict.tie == .treatyAllies)  // the open ATOP alliance is presumed in force
    #expect(verdict.alliance.pacts.contains { $0.basis == .atopPresumed })
    // Without ATOP in the store, only the curated treaty counts.
    var curatedOnly = Self.inputs(atop: false)
    curatedOnly.treaties = inputs.treaties
    let fresh = VerdictRules.verdict(for: curatedOnly, year: 2015)
    #expect(fresh.alliance.basis == .curatedOnly)
    #expect(fresh.tie == .partners)
    #expect(fresh.notes.first?.contains("dyad import atop") == true)
  }

  @Test("Exercises reported by the curated list and the Russian MoD count once")
  func mergeExercises() {
    let merged = MergedExercise.merge([
      Self.exercise("joint-sea-2015-i", "Joint Sea 2015 (I)", 2015, ["CHN", "RUS"]),
      Self.exercise("joint-sea-2015-ii", "Joint Sea 2015 (II)", 2015, ["CHN", "RUS"]),
      Self.exercise("jme-ru-18", "Морское взаимодействие – 2015", 2015, ["RUS", "CHN"], dataset: "exercises"),
      Self.exercise("jme-ru-21", "Морское взаимодействие-2015", 2015, ["RUS", "CHN"], dataset: "exercises"),
      Self.exercise("jme-ru-23", "Мирная миссия-2014", 2014, ["RUS", "CHN", "KAZ"], dataset: "exercises"),
    ])
    #expect(merged.count == 3)
    #expect(merged.filter { $0.year == 2015 }.allSatisfy { $0.reportedBy == ["curated", "exercises"] })
    #expect(merged.first?.displayName == "Мирная миссия-2014 (Peace Mission)")
  }

  @Test("A ratio is missing, not zero, when a figure is missing")
  func ratioMissing() {
    let a = MilitaryMeasure.observed(100, source: Self.source)
    #expect(MilitaryMeasure.ratio(a, .missing("no data")).status == .missing)
    #expect(MilitaryMeasure.ratio(a, .observed(0, source: Self.source)).value == nil)
    #expect(MilitaryMeasure.ratio(a, .observed(50, source: Self.source)).value == 2)
  }
}
