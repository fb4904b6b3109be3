/// Deterministic number formatting for charts and their tables: no Foundation, no locale.
///
/// The same `Double` always gives the same text on every platform, so rendered charts can be
/// compared byte for byte.
enum ChartNumber {
  /// An SVG coordinate: at most two decimals, trailing zeros dropped, never `-0`.
  ///
  /// `12.5` → `"12.5"`, `12.004` → `"12"`, `-0.001` → `"0"`.
  static func coordinate(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = (value * 100).rounded()
    guard abs(hundredths) < 9e15 else { return String(Int(value.rounded())) }
    let scaled = Int(hundredths)
    if scaled == 0 { return "0" }
    let negative = scaled < 0
    let magnitude = negative ? -scaled : scaled
    let whole = magnitude / 100
    let fraction = magnitude % 100
    var text = negative ? "-" : ""
    text += String(whole)
    if fraction != 0 {
      if fraction % 10 == 0 {
        text += "." + String(fraction / 10)
      } else {
        text += (fraction < 10 ? ".0" : ".") + String(fraction)
      }
    }
    return text
  }

  /// A value with a fixed count of decimals and, optionally, thousands separated by commas.
  ///
  /// - Parameters:
  ///   - minus: the sign written before negative values (`"-"` in tables, `"−"` on axes).
  static func fixed(_ value: Double, decimals: Int, grouping: Bool = true, minus: String = "-") -> String {
    guard value.isFinite else { return "–" }
    var decimals = max(0, min(decimals, 9))
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    if abs(value) * scale >= 9e15 {
      decimals = 0
      scale = 1
    }
    let rounded = (abs(value) * scale).rounded()
    guard rounded < 9e15 else { return (value < 0 ? minus : "") + "∞" }
    let units = Int(rounded)
    var divisor = 1
    for _ in 0..<decimals { divisor *= 10 }
    let whole = units / divisor
    let fraction = units % divisor
    var text = grouping ? grouped(whole) : String(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return units == 0 ? text : (value < 0 ? minus + text : text)
  }

  /// A count of decimals that suits every value in a table: none for whole numbers or large
  /// magnitudes, more for small ones.
  static func automaticDecimals(for values: [Double]) -> Int {
    let finite = values.filter(\.isFinite)
    guard !finite.isEmpty else { return 0 }
    if finite.allSatisfy({ $0 == $0.rounded() }) { return 0 }
    let largest = finite.map(abs).max() ?? 0
    switch largest {
    case 100...: return 0
    case 10..<100: return 1
    case 1..<10: return 2
    default: return 3
    }
  }

  /// `1234567` → `"1,234,567"`.
  static func grouped(_ whole: Int) -> String {
    let digits = Array(String(whole))
    var text = ""
    text.reserveCapacity(digits.count + digits.count / 3)
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { text += "," }
      text.append(digit)
    }
    return text
  }
}
