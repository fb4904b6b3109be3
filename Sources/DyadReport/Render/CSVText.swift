import DyadAnalysis

/// CSV text (RFC 4180) for the command line's `--csv` and the server's `.csv` resources: fields
/// quoted when they need it, a missing number empty (missing is not zero).
///
/// ```swift
/// CSVText.line(["2019", CSVText.number(0.7907), CSVText.exact(nil), "China, P.R."])
/// // 2019,0.790700,,"China, P.R."
/// ```
public enum CSVText {
  /// A field, quoted when it holds a comma, quote or line break.
  public static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// One line of fields.
  public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

  /// A number with a fixed number of decimals; empty when missing.
  public static func number(_ value: Double?, decimals: Int = 6) -> String {
    guard let value, value.isFinite else { return "" }
    return CuratedRecord.fixed(value, decimals)
  }

  /// A number as its shortest exact text (whole numbers without a point); empty when missing.
  public static func exact(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    if value == value.rounded(), value.magnitude < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
