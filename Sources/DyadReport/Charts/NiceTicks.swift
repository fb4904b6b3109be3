/// "Nice" axis ticks: multiples of 1, 2 or 5 × 10^k that cover a range.
///
/// ```swift
/// NiceTicks(covering: 0, 947).values          // [0, 200, 400, 600, 800, 1000]
/// NiceTicks(covering: 0, 0.83).values         // [0, 0.2, 0.4, 0.6, 0.8, 1]
/// NiceTicks(covering: 0, 947).label(for: 600) // "600"
/// ```
public struct NiceTicks: Sendable, Hashable {
  /// The tick values, ascending; the first and last cover the range.
  public let values: [Double]
  /// The distance between ticks: 1, 2 or 5 × 10^k.
  public let step: Double
  /// The decimals needed to print every tick exactly (0 for steps of 1 or more).
  public let decimals: Int

  /// Ticks covering `lower…upper` with about `targetCount` intervals (never fewer than one).
  ///
  /// The step is the smallest of 1, 2, 5 × 10^k not below `(upper − lower) / targetCount`. A range
  /// of zero width is widened (to 0…1 around zero, by 10% of the value otherwise); non-finite
  /// bounds give 0…1.
  public init(covering lower: Double, _ upper: Double, targetCount: Int = 5) {
    var low = Swift.min(lower, upper)
    var high = Swift.max(lower, upper)
    if !low.isFinite || !high.isFinite {
      low = 0
      high = 1
    }
    if high - low <= Swift.max(abs(high), abs(low)) * 1e-12 {
      if low == 0 {
        high = 1
      } else {
        let pad = abs(low) * 0.1
        low -= pad
        high += pad
      }
    }
    let raw = (high - low) / Double(Swift.max(1, targetCount))
    var exponent = 0
    while Self.power(exponent + 1) <= raw { exponent += 1 }
    while Self.power(exponent) > raw { exponent -= 1 }
    var multiplier = 10
    for candidate in [1, 2, 5] where Double(candidate) * Self.power(exponent) >= raw * (1 - 1e-12) {
      multiplier = candidate
      break
    }
    if multiplier == 10 {
      multiplier = 1
      exponent += 1
    }
    let step = Self.value(multiplier, exponent)
    let first = Int((low / step + 1e-9).rounded(.down))
    let last = Int((high / step - 1e-9).rounded(.up))
    self.values = (first...Swift.max(first + 1, last)).map { Self.value($0 * multiplier, exponent) }
    self.step = step
    self.decimals = Swift.max(0, -exponent)
  }

  /// The lowest tick.
  public var lower: Double { values.first ?? 0 }
  /// The highest tick.
  public var upper: Double { values.last ?? 1 }

  /// A tick's label: the step's decimals, commas between thousands, a true minus sign (−).
  public func label(for value: Double) -> String {
    ChartNumber.fixed(value, decimals: decimals, grouping: true, minus: "\u{2212}")
  }

  /// 10^exponent, exact for non-negative exponents and correctly rounded for negative ones.
  static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent >= 0 ? result : 1 / result
  }

  /// `units` × 10^exponent, dividing by an exact power of ten for negative exponents so that
  /// e.g. 3 × 10^-1 is the double nearest 0.3.
  private static func value(_ units: Int, _ exponent: Int) -> Double {
    exponent >= 0 ? Double(units) * power(exponent) : Double(units) / power(-exponent)
  }
}
