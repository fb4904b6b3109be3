/// Year ticks for a time axis: multiples of 1, 2, 5, 10, 20, 50 … years, labelled as plain
/// integers ("1992", never "1,992").
///
/// ```swift
/// YearTicks.ticks(in: 1992...2014, maximumCount: 12)  // [1992, 1994, …, 2014]
/// YearTicks.ticks(in: 1992...2014, maximumCount: 6)   // [1995, 2000, 2005, 2010]
/// ```
public enum YearTicks {
  /// The candidate steps, ascending.
  static let steps: [Int] = {
    var steps: [Int] = []
    var magnitude = 1
    while magnitude <= 10_000 {
      steps += [magnitude, magnitude * 2, magnitude * 5]
      magnitude *= 10
    }
    return steps
  }()

  /// The multiples of the smallest step that give at most `maximumCount` ticks in `years`.
  public static func ticks(in years: ClosedRange<Int>, maximumCount: Int) -> [Int] {
    let limit = max(1, maximumCount)
    for step in steps {
      let ticks = multiples(of: step, in: years)
      if ticks.count <= limit { return ticks }
    }
    return [years.lowerBound]
  }

  /// The smallest step whose ticks are at least `minimumSpacing` apart when a year spans
  /// `pixelsPerYear`.
  static func step(pixelsPerYear: Double, minimumSpacing: Double) -> Int {
    guard pixelsPerYear > 0 else { return steps.last! }
    return steps.first { Double($0) * pixelsPerYear >= minimumSpacing } ?? steps.last!
  }

  /// The multiples of `step` within `years`.
  static func multiples(of step: Int, in years: ClosedRange<Int>) -> [Int] {
    let first = ceilDivide(years.lowerBound, step) * step
    guard first <= years.upperBound else { return [] }
    return Array(stride(from: first, through: years.upperBound, by: step))
  }

  private static func ceilDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a > 0) == (b > 0)) ? quotient + 1 : quotient
  }
}
