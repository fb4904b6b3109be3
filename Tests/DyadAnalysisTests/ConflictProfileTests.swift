import DyadAnalysis
import DyadCore
import Foundation
import Testing

/// The conflict profile over hand-made inputs: missing is never zero, and distances are
/// great-circle distances.
@Suite("Conflict profile")
struct ConflictProfileTests {
  static let dyad = try! Dyad("CHN", "RUS")

  static func side(_ hostility: Int, fatality: Int?, initiator: Bool) -> DisputeSide {
    DisputeSide(hostility: hostility, highestAction: 0, fatality: fatality, isInitiator: initiator, isOriginator: true)
  }

  static var inputs: ConflictInputs {
    ConflictInputs(
      dyad: dyad,
      coverage: [.cowMID: try! YearRange(from: 1816, to: 2014), .ucdp: try! YearRange(from: 1946, to: 2024)],
      disputes: [
        DisputeYear(
          dataset: .cowMID, dispute: 349, year: 1969, isOnset: true, first: side(4, fatality: 3, initiator: true),
          second: side(4, fatality: nil, initiator: false))
      ],
      armedConflicts: [
        ArmedConflictYear(
          conflict: 305, year: 1969, incompatibility: "territory", intensity: 1, type: "interstate", firstRole: .primaryA,
          secondRole: .primaryB)
      ])
  }

  @Test("a year outside a dataset's coverage is nil, a covered year without events an empty list")
  func missingIsNotZero() throws {
    let profile = ConflictProfile(inputs: Self.inputs, years: try YearRange(from: 1969, to: 2015))
    let y1969 = try #require(profile.rows.first { $0.year == 1969 })
    #expect(y1969.cowMID?.disputes == [349] && y1969.cowMID?.onsets == [349])
    #expect(y1969.cowMID?.hostilityLabel == "use of force" && y1969.cowMID?.isUseOfForce == true)
    #expect(y1969.cowMID?.firstFatality == 3 && y1969.cowMID?.secondFatality == nil)
    #expect(y1969.cowMID?.initiators == ["CHN"])
    #expect(y1969.oppositeSideConflicts == [305] && y1969.sameSideConflicts == [])
    // GML, wars, rivalries and contiguity are not in these inputs: unknown, not none.
    #expect(y1969.gmlMID == nil && y1969.wars == nil && y1969.tssRivalries == nil && y1969.contiguity == nil)
    let y1970 = try #require(profile.rows.first { $0.year == 1970 })
    #expect(y1970.cowMID?.disputes == [] && y1970.cowMID?.hostility == nil)
    let y2015 = try #require(profile.rows.first { $0.year == 2015 })
    #expect(y2015.cowMID == nil && y2015.oppositeSideConflicts == [])
    #expect(profile.summary.cowMIDOnsets == 1 && profile.summary.gmlMIDOnsets == nil && profile.summary.wars == nil)
    #expect(profile.summary.oppositeSideConflictYears == 1)
    #expect(profile.notes.contains { $0.hasPrefix("COW MIDs cover 1816–2014") })
    #expect(profile.notes.contains { $0.hasPrefix("GML MIDs are not in the store") })
  }

  @Test("great-circle distance by haversine with R = 6371.0088 km")
  func distance() {
    // A quarter of the equator, and one degree of latitude.
    let quarter = ConflictProfile.distanceKm(latitude1: 0, longitude1: 0, latitude2: 0, longitude2: 90)
    #expect(abs(quarter - 6371.0088 * Double.pi / 2) < 1e-6)
    let degree = ConflictProfile.distanceKm(latitude1: 10, longitude1: 20, latitude2: 11, longitude2: 20)
    #expect(abs(degree - 6371.0088 * Double.pi / 180) < 1e-6)
    #expect(ConflictProfile.distanceKm(latitude1: 5, longitude1: 5, latitude2: 5, longitude2: 5) == 0)
  }

  @Test("an ongoing rivalry is labelled as ongoing at the data's end")
  func ongoingLabel() {
    let ongoing = Rivalry(
      dataset: .tssRivalries, id: 109, name: "China-India", start: 1948, end: 2020, types: ["positional"],
      isOngoingAtDataEnd: true)
    #expect(RivalrySpan(ongoing).label == "1948–2020, ongoing at the data's end (2020)")
    let ended = Rivalry(
      dataset: .tssRivalries, id: 128, name: "China-USSR", start: 1958, end: 1989, types: [], isOngoingAtDataEnd: false)
    #expect(RivalrySpan(ended).label == "1958–1989")
  }
}
