import DyadCore

/// Number formatting for trade tables and sentences, independent of locale. A missing value is
/// "–", never "0" or "nan".
public enum EconomicFormat {
  /// The text of a missing value.
  public static let missing = "–"

  /// US$ millions with thousands separators: "93,942", "1.6", "0.04".
  public static func millions(_ value: Double?) -> String {
    guard let value, value.isFinite else { return missing }
    let magnitude = value.magnitude
    let decimals = magnitude >= 100 || magnitude == 0 ? 0 : magnitude >= 1 ? 1 : 2
    return grouped(CuratedRecord.fixed(value, decimals))
  }

  /// A share or ratio in percent: "10.4%", "0.27%".
  public static func percent(_ value: Double?) -> String {
    guard let value, value.isFinite else { return missing }
    return CuratedRecord.fixed(value, value.magnitude < 1 && value != 0 ? 2 : 1) + "%"
  }

  /// A change in percent with its sign: "+4.2%", "-12.0%".
  public static func change(_ value: Double?) -> String {
    guard let value, value.isFinite else { return missing }
    let text = CuratedRecord.fixed(value, 1)
    return (value > 0 && text != "0.0" ? "+" : "") + text + "%"
  }

  /// A ratio: "0.21", "4.70".
  public static func ratio(_ value: Double?) -> String {
    guard let value, value.isFinite else { return missing }
    return CuratedRecord.fixed(value, 2)
  }

  /// An amount of US$ millions in words: "US$93.9 billion", "US$950 million".
  public static func usd(_ value: Double) -> String { CuratedRecord.usd(value) }

  /// "1st", "2nd", "3rd", "11th", "22nd".
  public static func ordinal(_ n: Int) -> String {
    let suffix: String
    switch (n % 10, n % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(n)\(suffix)"
  }

  /// A rank with the number ranked: "9/183".
  public static func rank(_ rank: PartnerRank?) -> String {
    rank.map { "\($0.rank)/\($0.among)" } ?? missing
  }

  /// A state's name as it reads inside a sentence: "the Soviet Union", "the United States",
  /// "the Netherlands", but "China".
  public static func inSentence(_ name: String) -> String {
    let lower = name.lowercased()
    if lower.hasPrefix("the ") { return "the " + name.dropFirst(4) }
    let prefixes = [
      "united ", "republic of ", "kingdom of ", "democratic republic", "federal republic", "people's republic",
      "islamic republic", "union of ",
    ]
    let suffixes = [" union", " republic", " empire", " islands", " kingdom", " federation", " emirates", " states"]
    let plain: Set<String> = [
      "netherlands", "philippines", "bahamas", "gambia", "comoros", "maldives", "seychelles", "holy see",
      "czech republic",
    ]
    if plain.contains(lower) || prefixes.contains(where: lower.hasPrefix) || suffixes.contains(where: lower.hasSuffix) {
      return "the " + name
    }
    return name
  }

  /// The possessive of a name in a sentence: "China's", "the United States'".
  public static func possessive(_ name: String) -> String {
    let text = inSentence(name)
    return text.hasSuffix("s") ? text + "'" : text + "'s"
  }

  /// Inserts thousands separators into a plain decimal number.
  static func grouped(_ text: String) -> String {
    var sign = ""
    var body = Substring(text)
    if body.hasPrefix("-") {
      sign = "-"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var whole = String(parts[0])
    var out = ""
    while whole.count > 3 {
      out = "," + whole.suffix(3) + out
      whole = String(whole.dropLast(3))
    }
    out = whole + out
    return sign + out + (parts.count > 1 ? "." + parts[1] : "")
  }
}
