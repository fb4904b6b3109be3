import DyadCore
import Foundation

/// Dyad's rule for counting the meetings of two heads of state (written out in
/// `docs/leader-meetings.md`):
///
/// - only in-person **bilateral** meetings count: curated `leader-meeting` events whose states are
///   exactly the two (trilateral meetings such as Russia–China–Mongolia or RIC do not; video calls
///   and video summits are not `leader-meeting` events at all);
/// - only meetings of the **same two leaders**: both must hold office on the day, by
///   ``LeaderTerm``; meetings of earlier leaders (the 1989 Gorbachev–Deng summit, Jiang–Yeltsin,
///   Hu–Putin, Hu–Medvedev) are another pair and never counted with them;
/// - **one per visit or occasion**: bilateral meetings no more than ``visitGapDays`` days apart are
///   one trip (a multi-day state visit, or a summit followed by a state visit) and count once.
public struct LeaderMeetingCount: Hashable, Sendable, Codable {
  /// Meetings this many days apart or fewer are one visit.
  public static let visitGapDays = 3

  /// The two leaders whose meetings are counted, in the dyad's order.
  public let leaders: [LeaderTerm]
  /// The visits or occasions, each with its meetings, oldest first.
  public let occasions: [[Event]]
  /// Meetings of the dyad left out because another pair of leaders held office, oldest first.
  public let otherLeaders: [Event]
  /// Meetings of the current pair left out because a third state took part.
  public let notBilateral: [Event]

  /// Counts the meetings of a dyad's current leaders among some events.
  ///
  /// - Returns: `nil` when `leaders` has no term for one of the two states overlapping the other's.
  public init?(events: [Event], dyad: Dyad, leaders: [LeaderTerm] = LeaderTerm.standard) {
    guard let a = leaders.first(where: { $0.state == dyad.first }),
      let b = leaders.first(where: { $0.state == dyad.second })
    else { return nil }
    self.leaders = [a, b]
    let meetings = events.filter { $0.kind == .leaderMeeting && $0.involves(dyad) }.sorted { $0.date < $1.date }
    let theirs = meetings.filter { a.holdsOffice(on: $0.date) && b.holdsOffice(on: $0.date) }
    otherLeaders = meetings.filter { !(a.holdsOffice(on: $0.date) && b.holdsOffice(on: $0.date)) }
    notBilateral = theirs.filter { Set($0.states) != [dyad.first, dyad.second] }
    var occasions: [[Event]] = []
    for meeting in theirs where Set(meeting.states) == [dyad.first, dyad.second] {
      if let last = occasions.last?.last, Self.days(from: last.date, to: meeting.date) <= Self.visitGapDays {
        occasions[occasions.count - 1].append(meeting)
      } else {
        occasions.append([meeting])
      }
    }
    self.occasions = occasions
  }

  /// The number of visits or occasions.
  public var count: Int { occasions.count }

  /// The occasions up to a day (inclusive), to set beside an official tally of that day.
  public func count(through day: Day) -> Int { occasions.count { $0[0].date <= day } }

  /// Whole days from one day to a later one.
  static func days(from a: Day, to b: Day) -> Int { a.days(to: b) }

}
