import DyadAnalysis
import DyadCore
import DyadStore
import DyadTestSupport
import Testing

/// The verdict on real data for dyad-years whose answer a historian would agree on, each with why.
/// The store holds ATOP, SIPRI, the exercises datasets, the conflict data and Dyad's curated record.
@Suite(
  "Verdict history", .serialized,
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct VerdictHistoryTests {
  func verdict(_ a: StateID, _ b: StateID, _ year: Int) throws -> AllianceVerdict {
    try MilitaryStoreFixture.get().verdict(for: Dyad(a, b), year: year)
  }

  @Test("China–Soviet Union 1955: treaty allies, at the height of the alliance")
  func chinaRussia1955() throws {
    // The 1950 Treaty of Friendship, Alliance and Mutual Assistance (ATOP 3200) was in force; TSS
    // dates the China–USSR rivalry from 1958 and COW records no dispute between them in 1955.
    let v = try verdict("CHN", "RUS", 1955)
    #expect(v.tie == .treatyAllies)
    #expect(v.hostility.isEmpty)
    #expect(v.headline == "treaty allies")
  }

  @Test("China–Soviet Union 1969: treaty allies in name, armed clashes, rivals")
  func chinaRussia1969() throws {
    // The Zhenbao (Damansky) Island clashes of March 1969 are COW MID 349 (use of force by both);
    // the treaty ran until 11 April 1980; TSS codes the rivalry 1958–1989.
    let v = try verdict("CHN", "RUS", 1969)
    #expect(v.tie == .treatyAllies)
    #expect(v.headline == "treaty allies in name; armed clashes in 1969; rivals 1958–1989")
    #expect(v.rules[5].finding.contains("MID 349 (COW)"))
    #expect(v.rules[6].evidence.contains { $0.text.contains("China-USSR: 1958–1989; positional, spatial, ideological") })
  }

  @Test("China–Russia 1995: partners — a non-aggression pact, no rivalry, no clash")
  func chinaRussia1995() throws {
    // After the 1989 normalisation: ATOP codes the 1992 joint declaration's non-aggression (4385);
    // TSS ends the rivalry in 1989; COW's last China–Russia disputes before 2009 are of 1993–1994.
    let v = try verdict("CHN", "RUS", 1995)
    #expect(v.tie == .partners)
    #expect(v.hostility.isEmpty)
    #expect(v.rules[5].finding.hasPrefix("none recorded in 1995"))
    #expect(v.rules[6].finding.hasPrefix("none coded in 1995"))
  }

  @Test("China–Russia 2015: aligned partners; the MID data end in 2014 and the verdict says so")
  func chinaRussia2015() throws {
    // The 2001 Treaty of Good-Neighborliness (ATOP 4980), Joint Sea exercises every year, Russia
    // the main supplier of China's major arms (SIPRI).
    let v = try verdict("CHN", "RUS", 2015)
    #expect(v.tie == .alignedPartners)
    #expect(!v.isProvisional)
    #expect(v.notes.contains { $0.hasPrefix("Armed conflict in 2015: COW militarized disputes end in 2014") })
  }

  @Test("China–Russia 2026: aligned partners, provisional, with the missing evidence listed")
  func chinaRussia2026() throws {
    // The 2001 treaty is in force (extended in 2021); exercises run on in Dyad's curated list;
    // SIPRI's deliveries end in 2023, so arms transfers are carried forward, not dropped.
    let v = try verdict("CHN", "RUS", 2026)
    #expect(v.tie == .alignedPartners)
    #expect(v.isProvisional)
    #expect(v.headline == "aligned partners (provisional)")
    #expect(v.missingEvidence.contains { $0.hasPrefix("arms transfers after 2023") })
    #expect(v.missingEvidence.contains { $0.hasPrefix("armed conflict after 2024") })
    #expect(v.rules[3].provisional == "carried forward from 2021–2023")
  }

  @Test("United States–United Kingdom 2015: treaty allies (NATO)")
  func usUK2015() throws {
    let v = try verdict("USA", "GBR", 2015)
    #expect(v.tie == .treatyAllies)
    #expect(v.hostility.isEmpty)
  }

  @Test("West Germany–France 1960: treaty allies (NATO and the WEU), their rivalry over")
  func frgFrance1960() throws {
    // West Germany joined NATO and the WEU in 1955; the TSS France–Germany rivalry is of Germany
    // (COW 255) and ended in 1945.
    let v = try verdict("FRA", "FRG", 1960)
    #expect(v.tie == .treatyAllies)
    #expect(v.hostility.isEmpty)
  }

  @Test("India–Pakistan 1971: adversaries — at war, and rivals since 1947")
  func indiaPakistan1971() throws {
    // The Bangladesh war of December 1971 is COW war 178; TSS codes the India–Pakistan rivalry from
    // 1947 to the end of its data (2020).
    let v = try verdict("IND", "PAK", 1971)
    #expect(v.tie == .adversaries)
    #expect(v.headline == "adversaries: at war in 1971; rivals since 1947 (ongoing at the data's end, 2020)")
    #expect(v.rules[5].evidence.contains { $0.text.hasPrefix("1971: COW interstate war 178") })
  }

  @Test("North Korea–Soviet Union 1985: treaty allies (the 1961 treaty)")
  func dprkRussia1985() throws {
    // The 1961 Treaty of Friendship, Co-operation and Mutual Assistance obliged mutual military aid.
    let v = try verdict("PRK", "RUS", 1985)
    #expect(v.tie == .treatyAllies)
    #expect(v.hostility.isEmpty)
  }

  @Test("North Korea–Russia 2025: treaty allies again, by the 2024 treaty (Article 4)")
  func dprkRussia2025() throws {
    // The Treaty on Comprehensive Strategic Partnership, signed 19 June 2024 and in force from
    // 4 December 2024, obliges military assistance if either is attacked (Article 4).
    let v = try verdict("PRK", "RUS", 2025)
    #expect(v.tie == .treatyAllies)
    #expect(v.isProvisional)
    #expect(v.rules[0].finding.contains("Comprehensive Strategic Partnership"))
  }
}
