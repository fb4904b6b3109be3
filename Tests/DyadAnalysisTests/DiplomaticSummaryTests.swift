import DyadAnalysis
import DyadCore
import Foundation
import Testing

/// Rolling windows, vetoes, ideal-point distances and shared institutions on hand-made fixtures.
@Suite struct DiplomaticSummaryTests {
  static let source = Source(publisher: "Test", title: "Fixture", date: "2024", url: "https://example.org")
  static let chn = StateID("CHN"), rus = StateID("RUS"), usa = StateID("USA"), gbr = StateID("GBR")

  @Test func rollingWindowsPoolTheYearsJointVotes() throws {
    let dyad = try Dyad(Self.chn, Self.rus)
    func year(_ y: Int, _ rows: [[Int]]) -> AlignmentYear {
      AlignmentYear(
        year: y, votes: JointVotes(rows: rows), percentiles: SimilarityScores(), medians: SimilarityScores(), dyads: 1)
    }
    let summary = AlignmentSummary(
      dyad: dyad, filter: .all, years: try YearRange(from: 2000, to: 2003), coverage: nil,
      rows: [
        year(2000, [[4, 0, 0], [0, 0, 0], [0, 0, 0]]), year(2001, [[0, 0, 2], [0, 0, 0], [0, 0, 2]]),
        year(2003, [[1, 1, 0], [0, 0, 0], [0, 0, 0]]),
      ], references: [], source: Self.source)
    let windows = summary.rolling(window: 2)
    #expect(windows.map(\.years.upperBound) == [2000, 2001, 2003])
    // 2000–2001: 4 yes-yes, 2 yes-no, 2 no-no → agree 6/8; S = 1 − 2·2/8 = 0.5.
    #expect(windows[1].measures.n == 8 && windows[1].measures.agree == 0.75 && windows[1].measures.s == 0.5)
    // 2002–2003 holds only 2003's two votes.
    #expect(windows[2].measures.n == 2)
    #expect(summary.overall?.measures.n == 10)
    #expect(summary.overall?.years == (try YearRange(from: 2000, to: 2003)))
  }

  @Test func vetoSidesJointAndLastWithoutTheOther() throws {
    func veto(_ id: Int, _ date: String, _ by: [StateID]) throws -> Veto {
      Veto(
        id: id, date: try Day(parsing: date), draft: "S/\(id)", meetingRecords: [], agendaItem: "", topic: "T\(id)",
        region: "", vetoers: by)
    }
    let list = [
      try veto(1, "1950-01-01", [Self.rus]), try veto(2, "2007-01-12", [Self.chn, Self.rus]),
      try veto(3, "2011-10-04", [Self.chn, Self.rus]), try veto(4, "1999-02-25", [Self.chn]),
      try veto(5, "2022-02-25", [Self.rus]), try veto(6, "1956-10-30", [Self.gbr, StateID("FRA")]),
    ]
    let summary = VetoSummary(
      dyad: try Dyad(Self.rus, Self.chn), vetoes: list, permanentMembers: [Self.chn, Self.rus, Self.gbr],
      coverage: nil, source: Self.source)
    let china = try #require(summary.side(of: Self.chn)), russia = try #require(summary.side(of: Self.rus))
    #expect(china.count == 3 && russia.count == 4)
    #expect(china.jointCount == 2 && russia.jointCount == 2)
    #expect(china.withoutPartnerCount == 1 && russia.withoutPartnerCount == 2)
    #expect(china.soleCount == 1 && russia.soleCount == 2)
    #expect(china.lastWithoutPartner?.id == 4)
    #expect(russia.lastWithoutPartner?.id == 5)
    #expect(summary.joint.map(\.id) == [2, 3])
    #expect(summary.all.map(\.id) == [1, 4, 2, 3, 5])
    let before2000 = VetoSummary(
      dyad: try Dyad(Self.rus, Self.chn), vetoes: list, permanentMembers: [Self.chn, Self.rus],
      years: try YearRange(from: 1946, to: 1999), coverage: nil, source: Self.source)
    #expect(before2000.joint.isEmpty && before2000.side(of: Self.rus)?.count == 1)
  }

  @Test func idealPointDistancesAndClosenessPercentiles() throws {
    // Session 74: four states at 0, 1, 3, 7: the six pairwise distances are 1, 2, 3, 4, 6, 7.
    let points = [(Self.usa, 7.0), (Self.gbr, 3.0), (Self.chn, 1.0), (Self.rus, 0.0)].map {
      IdealPoint(state: $0.0, session: 74, value: $0.1, lower: nil, upper: nil, votes: 80)
    }
    let china = try #require(IdealPointSummary(dyad: try Dyad(Self.chn, Self.rus), points: points, coverage: nil, source: Self.source).rows.first)
    #expect(china.distance == 1 && china.year == 2019 && china.dyads == 6)
    // The closest pair: all 5 other pairs are farther apart.
    #expect(china.closenessPercentile == 100)
    let far = try #require(IdealPointSummary(dyad: try Dyad(Self.usa, Self.rus), points: points, coverage: nil, source: Self.source).rows.first)
    #expect(far.distance == 7 && far.closenessPercentile == 0)
    let middle = try #require(IdealPointSummary(dyad: try Dyad(Self.gbr, Self.rus), points: points, coverage: nil, source: Self.source).rows.first)
    // Distance 3: pairs 4, 6, 7 are farther (3 of the 5 others).
    #expect(middle.distance == 3 && middle.closenessPercentile == 60)
  }

  @Test func sharedInstitutionsByYear() throws {
    func member(_ institution: String, _ state: StateID, _ joined: String, _ left: String? = nil) throws -> Membership {
      Membership(
        institution: institution, institutionName: institution + " name", state: state, role: "member",
        joined: try Day(parsing: joined), left: try left.map { try Day(parsing: $0) }, source: Self.source)
    }
    let dyad = try Dyad(Self.usa, Self.rus)
    let memberships = [
      try member("G8", Self.rus, "1998-05-15", "2014-03-24"), try member("G8", Self.usa, "1975-11-15"),
      try member("UN", Self.rus, "1945-10-24"), try member("UN", Self.usa, "1945-10-24"),
      try member("SCO", Self.rus, "2001-06-15"),
    ]
    let summary = SharedInstitutionsSummary(
      dyad: dyad, range: try YearRange(from: 2013, to: 2016),
      igo: [IGOYear(year: 2013, shared: 70, first: 90, second: 100), IGOYear(year: 2014, shared: 71, first: 91, second: 101)],
      memberships: memberships, igoCoverage: try YearRange(from: 1816, to: 2014), igoSource: Self.source)
    #expect(summary.memberships.map(\.institution) == ["UN", "G8"])
    #expect(summary.memberships[1].from == (try Day(parsing: "1998-05-15")))
    #expect(summary.memberships[1].to == (try Day(parsing: "2014-03-24")))
    #expect(summary.years.map(\.sharedIGOs) == [70, 71, nil, nil])  // missing, not 0, after 2014
    #expect(summary.years.map(\.curated) == [["G8", "UN"], ["G8", "UN"], ["UN"], ["UN"]])
  }
}
