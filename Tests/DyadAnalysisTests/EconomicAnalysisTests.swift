import DyadAnalysis
import DyadCore
import Foundation
import Testing

/// Trade indicators computed from hand-built inputs, each expected value worked out here.
@Suite("Economic analysis")
struct EconomicAnalysisTests {
  static let cowSource = Source(publisher: "Correlates of War Project", title: "COW Trade 4.0", date: "4.0", url: "https://correlatesofwar.org/")
  static let imfSource = Source(publisher: "International Monetary Fund", title: "DOTS", date: "2024", url: "https://data.imf.org/")
  static let pub = Source(publisher: "Pub (citing customs)", title: "Trade", date: "2015", url: "https://example.org/t")

  static func names(_ id: StateID, _ year: Int) -> String {
    switch id {
    case "RUS": year < 1992 ? "Soviet Union" : "Russia"
    case "CHN": "China"
    case "DEU": "Germany"
    default: id.rawValue
    }
  }

  /// China (a) and Russia (b): COW 2013 complete, 2014 with one flow missing; official 2014 from
  /// both sides; national totals for 2013.
  static var inputs: TradeInputs {
    TradeInputs(
      a: "CHN", b: "RUS",
      cow: [
        .init(year: 2013, aImportsFromB: 40, bImportsFromA: 60, rankOfBForA: 3, rankOfAForB: 1),
        .init(year: 2014, aImportsFromB: 50, bImportsFromA: nil, rankOfBForA: nil, rankOfAForB: nil),
      ],
      cowTotals: [
        "CHN": [2013: .init(imports: 900, exports: 1100, partnersRanked: 150)],
        "RUS": [2013: .init(imports: 300, exports: 200, partnersRanked: 120)],
      ],
      official: [
        ReportedTrade(year: 2014, reporter: "CHN", partner: "RUS", flow: .total, valueUSDMillions: 120, source: pub),
        ReportedTrade(year: 2014, reporter: "RUS", partner: "CHN", flow: .exports, valueUSDMillions: 55, source: pub),
        ReportedTrade(year: 2014, reporter: "RUS", partner: "CHN", flow: .imports, valueUSDMillions: 70, source: pub),
      ],
      cowSource: cowSource, imfSource: nil, gdpSource: nil, cowCoverage: try! YearRange(from: 1870, to: 2014))
  }

  @Test func cowIndicatorsFromBothFlows() throws {
    let profile = TradeProfile(inputs: Self.inputs, names: Self.names)
    let row = try #require(profile.row(.cow, in: 2013))
    #expect(row.aToB == .observed(60))  // Russia's imports from China = China's exports to Russia
    #expect(row.bToA == .observed(40))
    #expect(row.total == .derived(100))
    #expect(row.balance == .derived(20))
    #expect(row.shareOfBInA.value == 100.0 / 2000 * 100)  // 5%
    #expect(row.shareOfAInB.value == 100.0 / 500 * 100)  // 20%
    #expect(row.shareOfBInAExports.value == 60.0 / 1100 * 100)
    #expect(row.shareOfAInBExports.value == 40.0 / 200 * 100)
    #expect(row.asymmetry.value == 0.25)
    #expect(row.rankOfBForA == PartnerRank(rank: 3, among: 150))
    #expect(row.rankOfAForB == PartnerRank(rank: 1, among: 120))
    #expect(row.citation == Self.cowSource)
  }

  @Test func aMissingFlowIsMissingNotZero() throws {
    let profile = TradeProfile(inputs: Self.inputs, names: Self.names)
    let row = try #require(profile.row(.cow, in: 2014))
    #expect(row.bToA == .observed(50))
    #expect(row.aToB.value == nil && row.aToB.status == .missing)
    #expect(row.total.value == nil && row.total.status == .missing)
    #expect(row.balance.isMissing && row.growth.isMissing && row.shareOfBInA.isMissing)
    #expect(row.rankOfBForA == nil)
  }

  @Test func officialFiguresKeepTheirReporterAndAreNeverMerged() throws {
    let profile = TradeProfile(inputs: Self.inputs, names: Self.names)
    let china = try #require(profile.row(.official("CHN"), in: 2014))
    #expect(china.total == .observed(120))
    #expect(china.aToB.isMissing)
    let russia = try #require(profile.row(.official("RUS"), in: 2014))
    // Russia's imports from China are China→Russia; its exports are Russia→China.
    #expect(russia.aToB == .observed(70))
    #expect(russia.bToA == .observed(55))
    #expect(russia.total == .derived(125))
    #expect(russia.citation == Self.pub)
    let gap = try #require(profile.comparisons.first { $0.year == 2014 && $0.measure == .total })
    #expect(Set(gap.figures.map(\.value)) == [120, 125])
    #expect(gap.gap == 5)
    #expect(gap.gapPercent == 5.0 / 120 * 100)
    // Sources of one year are listed COW first, then official by reporter.
    #expect(profile.rows.filter { $0.year == 2014 }.map(\.source.label) == ["COW Trade 4.0", "Official (CHN)", "Official (RUS)"])
  }

  @Test func growthNeedsThePreviousYearOfTheSameSeries() throws {
    var inputs = Self.inputs
    inputs.official.append(
      ReportedTrade(year: 2013, reporter: "CHN", partner: "RUS", flow: .total, valueUSDMillions: 100, source: Self.pub))
    let profile = TradeProfile(inputs: inputs, names: Self.names)
    #expect(profile.row(.official("CHN"), in: 2014)?.growth == .derived(20))
    #expect(profile.row(.official("RUS"), in: 2014)?.growth.isMissing == true)
    // COW 2013 has no 2012 to compare with.
    #expect(profile.row(.cow, in: 2013)?.growth.isMissing == true)
  }

  @Test func yearsLimitTheRows() throws {
    let profile = TradeProfile(inputs: Self.inputs, years: try YearRange(from: 2014, to: 2014), names: Self.names)
    #expect(Set(profile.rows.map(\.year)) == [2014])
    #expect(profile.coverage.first { $0.source == .cow }?.datasetYears == (try YearRange(from: 1870, to: 2014)))
  }

  @Test func answerNamesNumbersYearsAndSources() throws {
    let profile = TradeProfile(inputs: Self.inputs, names: Self.names)
    let answer = try #require(profile.answer)
    #expect(answer.hasPrefix("In 2013 Russia relied on China for 20.0% of its trade while China relied on Russia for 5.0% (COW Trade 4.0)"))
    #expect(answer.contains("China ranked 1st among Russia's 120 trading partners and Russia 3rd among China's 150"))
    #expect(answer.contains("After 2013, China's official figures put two-way trade at US$120 million in 2014 (Pub)"))
    #expect(answer.contains("Russia's official figures put two-way trade at US$125 million in 2014"))
  }

  @Test func answerFromOfficialFiguresAloneOpensWithThem() throws {
    // No COW data (not imported): the official totals are the whole answer, with no "after" year.
    let inputs = TradeInputs(
      a: "CHN", b: "RUS", cow: [], cowTotals: [:], official: Self.inputs.official, cowSource: nil, imfSource: nil,
      gdpSource: nil, cowCoverage: nil)
    let answer = try #require(TradeProfile(inputs: inputs, names: Self.names).answer)
    #expect(answer.hasPrefix("China's official figures put two-way trade at US$120 million in 2014 (Pub)"))
  }

  @Test func answerUsesTheNameOfTheYear() throws {
    let inputs = TradeInputs(
      a: "CHN", b: "RUS", cow: [.init(year: 1985, aImportsFromB: 10, bImportsFromA: 10, rankOfBForA: 7, rankOfAForB: 4)],
      cowTotals: [
        "CHN": [1985: .init(imports: 500, exports: 500, partnersRanked: 90)],
        "RUS": [1985: .init(imports: 200, exports: 200, partnersRanked: 80)],
      ], cowSource: Self.cowSource)
    let answer = try #require(TradeProfile(inputs: inputs, names: Self.names).answer)
    #expect(answer.hasPrefix("In 1985 the Soviet Union relied on China for 5.0% of its trade while China relied on the Soviet Union for 2.0%"))
  }

  @Test func missingDatasetsAreNamedWithTheirImport() {
    let profile = TradeProfile(inputs: TradeInputs(a: "CHN", b: "RUS"), names: Self.names)
    #expect(!profile.hasData)
    #expect(profile.answer == nil)
    #expect(profile.missingDatasets.map(\.name) == ["cow-trade", "imf-dots", "imf-dots-all", "cow-gdp-pop"])
    #expect(profile.missingDatasets[0].command == "dyad import cow-trade PATH")
  }

  /// Russia reports to the IMF: China 68 + 72, Germany 30 + 20, the Netherlands with a missing
  /// import figure, Guam (not a state) and the World (exports only).
  static let imfFlows: [TradeInputs.IMFFlow] = [
    .init(reporter: "RUS", partnerName: "China, P.R.: Mainland", partner: "CHN", partnerKind: .state, direction: .exports, year: 2021, value: 68),
    .init(reporter: "RUS", partnerName: "China, P.R.: Mainland", partner: "CHN", partnerKind: .state, direction: .imports, year: 2021, value: 72),
    .init(reporter: "RUS", partnerName: "Germany", partner: "DEU", partnerKind: .state, direction: .exports, year: 2021, value: 30),
    .init(reporter: "RUS", partnerName: "Germany", partner: "DEU", partnerKind: .state, direction: .imports, year: 2021, value: 20),
    .init(reporter: "RUS", partnerName: "Netherlands, The", partner: "NLD", partnerKind: .state, direction: .exports, year: 2021, value: 500),
    .init(reporter: "RUS", partnerName: "Netherlands, The", partner: "NLD", partnerKind: .state, direction: .imports, year: 2021, value: nil),
    .init(reporter: "RUS", partnerName: "Guam", partner: nil, partnerKind: .unresolved, direction: .exports, year: 2021, value: 1),
    .init(reporter: "RUS", partnerName: "World", partner: nil, partnerKind: .aggregate, direction: .exports, year: 2021, value: 1000),
  ]

  @Test func imfRowsFromTheReportersSide() throws {
    let inputs = TradeInputs(a: "CHN", b: "RUS", imf: Self.imfFlows, imfSource: Self.imfSource)
    let profile = TradeProfile(inputs: inputs, names: Self.names)
    let row = try #require(profile.row(.imf("RUS"), in: 2021))
    #expect(row.aToB == .observed(72))  // Russia's imports from China
    #expect(row.bToA == .observed(68))
    #expect(row.total == .derived(140))
    // No World imports: the share of total trade is missing, the export share is not.
    #expect(row.shareOfAInB.isMissing)
    #expect(row.shareOfAInBExports.value == 68.0 / 1000 * 100)
    // The Netherlands' missing import figure leaves it unranked, below no one.
    #expect(row.rankOfAForB == PartnerRank(rank: 1, among: 2))
    let answer = try #require(profile.answer)
    #expect(answer.contains("Russia's reports to the IMF show China taking 6.8% of Russia's exports in 2021, its 1st partner of 2 by two-way trade (IMF DOTS)"))
  }

  @Test func imfPartnersRankedWithoutMissingFlows() throws {
    let list = TradePartners.imf(state: "RUS", year: 2021, citation: Self.imfSource, flows: Self.imfFlows)
    #expect(list.partners.map(\.partner) == ["CHN", "DEU", "NLD"])
    #expect(list.partners.map(\.rank) == [1, 2, nil])
    #expect(list.ranked == 2)
    #expect(list.partners[2].total.isMissing)
    #expect(list.partners[2].exports == .observed(500))
    #expect(list.unresolvedNames == ["Guam"])
    #expect(list.totalTrade.isMissing)
    #expect(list.partners[1].exportShare.value == 3)
  }

  @Test func cowPartnersUseStoredRanksAndNationalTotals() {
    let list = TradePartners.cow(
      state: "CHN", year: 2014, citation: Self.cowSource, totals: .init(imports: 60, exports: 40, partnersRanked: 2),
      partners: [
        .init(partner: "RUS", importsFromPartner: 5, partnerImports: 15, rank: 2),
        .init(partner: "USA", importsFromPartner: 20, partnerImports: 30, rank: 1),
        .init(partner: "DEU", importsFromPartner: nil, partnerImports: 99, rank: nil),
      ])
    #expect(list.partners.map(\.partner) == ["USA", "RUS", "DEU"])
    #expect(list.partners[0].share.value == 50)
    #expect(list.partners[1].exports == .observed(15))
    #expect(list.partners[1].exportShare.value == 15.0 / 40 * 100)
    #expect(list.partners[2].total.isMissing && list.partners[2].share.isMissing)
  }

  @Test func competitionRanksSkipMissingValues() {
    let result = CompetitionRanking.ranks([10, nil, 30, 10, 5])
    #expect(result.ranks == [2, nil, 1, 2, 4])
    #expect(result.ranked == 4)
  }

  @Test func formattingNeverPrintsNaNOrOptional() {
    #expect(EconomicFormat.millions(93_942) == "93,942")
    #expect(EconomicFormat.millions(-1_843) == "-1,843")
    #expect(EconomicFormat.millions(1_234_567.4) == "1,234,567")
    #expect(EconomicFormat.millions(0.0368) == "0.04")
    #expect(EconomicFormat.millions(nil) == "–")
    #expect(EconomicFormat.millions(.nan) == "–")
    #expect(EconomicFormat.percent(12.04) == "12.0%")
    #expect(EconomicFormat.percent(0.274) == "0.27%")
    #expect(EconomicFormat.change(4.21) == "+4.2%")
    #expect(EconomicFormat.change(-0.1) == "-0.1%")
    #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(EconomicFormat.ordinal) == [
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ])
    #expect(EconomicFormat.inSentence("United States") == "the United States")
    #expect(EconomicFormat.possessive("United States") == "the United States'")
    #expect(EconomicFormat.possessive("China") == "China's")
  }

  @Test func profileRoundTripsThroughJSON() throws {
    let profile = TradeProfile(inputs: Self.inputs, names: Self.names)
    let data = try JSONEncoder().encode(profile)
    let decoded = try JSONDecoder().decode(TradeProfile.self, from: data)
    #expect(decoded == profile)
    let text = String(decoding: data, as: UTF8.self)
    #expect(!text.contains("NaN") && !text.contains("Optional("))
  }
}
