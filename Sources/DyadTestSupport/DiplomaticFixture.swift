import Foundation

/// A small `unga-votes` folder written by hand, whose measures the tests compute by hand.
///
/// 2019 (roll calls 7–9; 7 and 9 important; 7 and 8 human rights):
///
///     rc  USA      RUS  CHN      NAM
///      7  no       yes  yes      yes
///      8  no       yes  abstain  yes
///      9  yes      no   no       abstain
///
/// CHN–RUS 2019: n 3, agree 2/3, agree_half 5/6, S 2/3, π 5/11, κ 1/2; S ranks 5th and 6th (tied
/// with RUS–NAM) of the six dyads: percentile (4 + ½·2)/6 = 83.33; the year's median S −1/6.
/// USA–NAM 1990 vote yes together twice: π and κ undefined.
public enum DiplomaticFixture {
  public static let rollCalls = """
    rcid,session,importantvote,date,unres,amend,para,short,descr
    1,25,,1970-10-01,R/25/1,0,0,"TRUSTEESHIP, A",first
    2,25,,1970-11-01,R/25/2,1,0,,second
    3,40,1,1985-10-01,R/40/3,,,"DISARMAMENT",third
    4,40,0,1985-11-01,R/40/4,,,,fourth
    5,45,1,1990-11-05,R/45/5,,,,fifth
    6,45,0,1990-12-01,R/45/6,,,,sixth
    7,74,1,2019-10-01,A/RES/74/7,,,,seventh
    8,74,0,2019-11-01,A/RES/74/8,,,,eighth
    9,74,1,2019-12-01,A/RES/74/9,,,,ninth

    """

  public static let issues = """
    rcid,short_name,issue
    3,di,Arms control and disarmament
    7,hr,Human rights
    8,hr,Human rights
    9,me,Palestinian conflict

    """

  /// Line n of the file is `votes[n - 1]`.
  public static let votes = [
    "rcid,country,country_code,vote",
    "1,United States,US,yes", "1,Russia,RU,no", "1,Taiwan,TW,yes", "1,Yemen Arab Republic,,abstain",
    "2,United States,US,no", "2,Russia,RU,no", "2,Taiwan,TW,yes", "2,Yemen Arab Republic,,no",
    "3,United States,US,yes", "3,Russia,RU,no", "3,China,CN,no", "3,Federal Republic of Germany,,yes",
    "4,United States,US,yes", "4,Russia,RU,abstain", "4,China,CN,yes", "4,Federal Republic of Germany,,yes",
    "5,Federal Republic of Germany,,yes", "5,Namibia,NA,yes", "5,United States,US,yes", "5,Russia,RU,no",
    "6,Federal Republic of Germany,,yes", "6,Namibia,NA,yes", "6,United States,US,yes", "6,Russia,RU,abstain",
    "7,United States,US,no", "7,Russia,RU,yes", "7,China,CN,yes", "7,Namibia,NA,yes",
    "8,United States,US,no", "8,Russia,RU,yes", "8,China,CN,abstain", "8,Namibia,NA,yes",
    "9,United States,US,yes", "9,Russia,RU,no", "9,China,CN,no", "9,Namibia,NA,abstain",
  ]

  /// Writes the three files into a folder (a subfolder `name` of `folder`), with the votes file's
  /// lines changed by `edit`.
  @discardableResult
  public static func write(
    in folder: TemporaryFolder, name: String = "unga-votes", edit: (inout [String]) -> Void = { _ in }
  ) throws -> URL {
    var lines = votes
    edit(&lines)
    try folder.write("\(name)/un_votes.csv", lines.joined(separator: "\n") + "\n")
    try folder.write("\(name)/un_roll_calls.csv", rollCalls)
    try folder.write("\(name)/un_roll_call_issues.csv", issues)
    return folder.url.appendingPathComponent(name)
  }
}
