import DyadAnalysis
import DyadCore
import DyadData
import DyadImport
import DyadStore
import DyadTestSupport
import Foundation
import Testing

/// One store with the military datasets imported, shared by the tests of this suite.
enum MilitaryStoreFixture {
  nonisolated(unsafe) static var folder: TemporaryFolder?
  static let store: Result<Store, any Error> = Result {
    let folder = try TemporaryFolder("military-store")
    Self.folder = folder
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    for (name, data) in [
      ("atop", "atop-alliances"), ("sipri-transfers", "sipri-arms-transfers"), ("sipri-milex", "sipri-milex"),
      ("cow-nmc", "military-capabilities"), ("exercises", "joint-exercises-russia"), ("mme", "military-exercises-mme"),
      ("conflict", "conflict-rivalry"),
    ] {
      guard let importer = DatasetCatalog.importers[name] else { throw ImportError(file: name, message: "no importer") }
      _ = try store.importDataset(importer, files: try importer.inputFiles(at: SharedData.folder(data)))
    }
    return store
  }

  static func get() throws -> Store { try store.get() }
}

/// A plain CSV line splitter (quotes and doubled quotes), independent of Dyad's reader.
func militarySplitCSV(_ line: Substring) -> [String] {
  var fields: [String] = []
  var field = ""
  var quoted = false
  var chars = line.makeIterator()
  while let c = chars.next() {
    if quoted {
      if c == "\"" { quoted = false } else { field.append(c) }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      fields.append(field)
      field = ""
    } else {
      field.append(c)
    }
  }
  fields.append(field)
  return fields
}

@Suite("Military store", .serialized, .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct MilitaryStoreTests {
  let china = StateID("CHN"), russia = StateID("RUS")

  @Test("ATOP: the 1950 Sino-Soviet defence pact held until it lapsed in 1980; from 2001 a non-aggression and consultation treaty")
  func atopChinaRussia() throws {
    let store = try MilitaryStoreFixture.get()
    let dyad = try Dyad(china, russia)
    let inputs = try store.militaryInputs(for: dyad)
    // Dyad-years: defence in every year 1950–1980, none after.
    for year in 1950...1980 { #expect(inputs.atopDyadYears[year]?.contains(.defense) == true, "\(year)") }
    for year in 1981...2018 { #expect(inputs.atopDyadYears[year]?.contains(.defense) != true, "\(year)") }
    for year in 2001...2018 { #expect(inputs.atopDyadYears[year] == [.nonaggression, .consultation], "\(year)") }
    // The alliances behind them, with ATOP's dates.
    let pact1950 = try #require(inputs.alliances.first { $0.atopID == 3200 })
    #expect(pact1950.from == "1950-02-14" && pact1950.to == "1980-04-11")
    #expect(pact1950.obligations.contains(.defense) && pact1950.isBilateral)
    let treaty2001 = try #require(inputs.alliances.first { $0.atopID == 4980 })
    #expect(treaty2001.from == "2001-07-16" && treaty2001.to == nil)
    #expect(treaty2001.obligations == [.nonaggression, .consultation] && treaty2001.isBilateral)

    let in1965 = try store.verdict(for: dyad, year: 1965)
    #expect(in1965.tie == .treatyAllies)
    #expect(in1965.alliance.pacts.contains { $0.id == "ATOP 3200" && $0.name.hasPrefix("Treaty of Friendship, Alliance and Mutual Assistance") })
    let in2015 = try store.verdict(for: dyad, year: 2015)
    #expect(in2015.tie != .treatyAllies)
    #expect(in2015.tie == .alignedPartners)
    #expect(in2015.rules[1].evidence.contains { $0.text.contains("ATOP 4980") && $0.text.contains("2001-07-16") })
    #expect(try store.verdict(for: Dyad("USA", "GBR"), year: 2015).tie == .treatyAllies)
    #expect(try store.verdict(for: Dyad("USA", "JPN"), year: 2015).tie == .treatyAllies)
  }

  @Test("SIPRI: Russia → China TIV by year 2000–2023 equals a plain sum of the register, and declines")
  func russiaToChina() throws {
    let store = try MilitaryStoreFixture.get()
    let text = try String(contentsOf: SharedData.file("sipri-arms-transfers", "sipri_trade_register_2000_2023.csv"), encoding: .utf8)
    var expected: [Int: Double] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let f = militarySplitCSV(line)
      if f[1] == "Russia" && f[2] == "China" { expected[Int(f[10])!, default: 0] += Double(f[15]) ?? 0 }
    }
    let profile = try store.militaryProfile(for: Dyad(china, russia), years: YearRange(from: 2000, to: 2023))
    for row in profile.rows {
      let flow = try #require(row.transfers.first { $0.supplier == russia })
      let tiv = try #require(flow.tiv.value)
      #expect(abs(tiv - (expected[row.year] ?? 0)) < 1e-6, "\(row.year)")
      #expect(flow.tiv.status == .observed)
      #expect(flow.tiv.source?.publisher == "Stockholm International Peace Research Institute")
    }
    // The yearly totals SIPRI's register gives (PROVENANCE.md), rounded to whole TIV.
    let published: [Int: Double] = [2000: 2205, 2005: 3066, 2010: 683, 2015: 766, 2018: 1686, 2020: 547, 2023: 372]
    for (year, value) in published {
      let row = try #require(profile.rows.first { $0.year == year })
      #expect(abs(row.transfers[1].tiv.value! - value) <= 0.5, "\(year)")
    }
    let early = profile.rows.prefix(6).compactMap { $0.transfers[1].tiv.value }.reduce(0, +) / 6
    #expect(profile.rows.last!.transfers[1].tiv.value! < early / 5)
    // Russia's share of China's imports is derived from the same register.
    #expect((profile.rows.first?.transfers[1].share.value ?? 0) > 0.8)
  }

  @Test("Exercises: bilateral and multilateral exercises with both China and Russia, by year, counted once")
  func exercisesByYear() throws {
    let store = try MilitaryStoreFixture.get()
    // Rows of the raw file that list China among Russia's partners, by year.
    let text = try String(
      contentsOf: SharedData.file("joint-exercises-russia", "joint_military_exercises_involving_russia.csv"), encoding: .utf8)
    var rawByYear: [Int: (bilateral: Int, multilateral: Int)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let f = militarySplitCSV(line)
      let partners = f[3..<31].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      guard partners.contains("China"), let year = Int(f[2]) else { continue }
      var entry = rawByYear[year] ?? (0, 0)
      if partners.count == 1 { entry.bilateral += 1 } else { entry.multilateral += 1 }
      rawByYear[year] = entry
    }
    let inputs = try store.militaryInputs(for: Dyad(china, russia))
    let imported = inputs.exercises.filter { $0.dataset == "exercises" }
    for (year, counts) in rawByYear {
      let those = imported.filter { $0.exercise.start.year == year }
      #expect(those.filter(\.exercise.isBilateral).count == counts.bilateral, "\(year)")
      #expect(those.filter { !$0.exercise.isBilateral }.count == counts.multilateral, "\(year)")
    }
    #expect(rawByYear[2009]?.bilateral == 2 && rawByYear[2009]?.multilateral == 2)
    // Merged with the curated list: 2014 has Joint Sea (bilateral) and Peace Mission (multilateral),
    // each reported by both; 2015's two Joint Sea phases stay two.
    let profile = try store.militaryProfile(for: Dyad(china, russia), years: YearRange(from: 2005, to: 2018))
    let y2014 = try #require(profile.rows.first { $0.year == 2014 })
    #expect(y2014.bilateralExercises == 1 && y2014.multilateralExercises == 1)
    #expect(y2014.exercises.allSatisfy { $0.reportedBy == ["curated", "exercises"] })
    #expect(profile.rows.first { $0.year == 2015 }?.bilateralExercises == 2)
    #expect(profile.rows.first { $0.year == 2005 }?.exercises.map(\.name) == ["Peace Mission 2005"])
  }

  @Test("Spending and capabilities: the USSR's figures are Russia's; placeholder zeros are missing")
  func spending() throws {
    let store = try MilitaryStoreFixture.get()
    let profile = try store.militaryProfile(for: Dyad(china, russia), years: YearRange(from: 1990, to: 2023))
    func year(_ y: Int) -> MilitaryYear { profile.rows.first { $0.year == y }! }
    let rus = 1  // CHN < RUS
    // USSR row (SIPRI's workbook: 219,114.0618313603)
    #expect(year(1990).capabilities[rus].spendingUSDMillions.value.map { ($0 * 10_000).rounded() / 10_000 } == 219114.0618)
    #expect(year(1992).capabilities[rus].spendingUSDMillions.status == .missing)  // placeholder 0
    #expect(year(2010).capabilities[rus].spendingUSDMillions.value.map { ($0).rounded() } == 58720)
    #expect(year(2023).capabilities[0].spendingUSDMillions.value.map { ($0).rounded() } == 296439)
    #expect(year(2023).capabilities[rus].spendingShareOfGDP.value.map { $0 < 0.1 } == true)  // a fraction
    let cinc = try #require(year(2022).cincRatio.value)
    #expect(abs(cinc - 0.23409663 / 0.038196992) < 1e-9)
    #expect(year(2022).cincRatio.status == .derived)
    #expect(year(2023).cincRatio.status == .missing)  // NMC ends in 2022
  }

  @Test("A bad row stops the import with its line, and nothing is written")
  func badRowRollsBack() throws {
    let folder = try TemporaryFolder("military-bad")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let header =
      "id,name,yr," + (1...28).map { "part\($0)" }.joined(separator: ",") + ",comments,source,source2\n"
    func row(_ id: Int, _ partner: String) -> String {
      "\(id),Индра-2018,2018,\(partner)" + String(repeating: ",", count: 27) + ",,https://structure.mil.ru/x,\n"
    }
    let file = try folder.write("joint_military_exercises_involving_russia.csv", header + row(1, "India") + row(2, "India") + row(3, "Atlantis"))
    let before = try store.count("exercise")
    #expect {
      _ = try store.importDataset(ExercisesImporter(), files: [file])
    } throws: { error in
      (error as? ImportError)?.line == 4 && (error as? ImportError)?.field == "part1"
    }
    #expect(try store.count("exercise") == before)
    #expect(try store.datasets().contains { $0.name == "exercises" } == false)
  }

  @Test("A fresh store answers from the curated treaties and exercises, and says what to import")
  func curatedOnly() throws {
    let folder = try TemporaryFolder("military-fresh")
    let store = try Store.open(at: folder.path("dyad.sqlite"))
    let dyad = try Dyad(china, russia)
    #expect(try store.verdict(for: dyad, year: 1965).tie == .treatyAllies)
    let in2015 = try store.verdict(for: dyad, year: 2015)
    #expect(in2015.tie == .alignedPartners)
    #expect(in2015.alliance.basis == .curatedOnly)
    #expect(in2015.notes.contains { $0.contains("dyad import atop") })
    #expect(try store.verdict(for: Dyad("USA", "GBR"), year: 2024).tie == .treatyAllies)
    let profile = try store.militaryProfile(for: dyad, years: YearRange(from: 2014, to: 2016))
    #expect(profile.notes.contains { $0.contains("dyad import sipri-transfers") })
    #expect(profile.rows[0].transfers[0].tiv.status == .missing)
  }
}
