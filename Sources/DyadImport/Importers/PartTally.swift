/// What one part of a multi-part dataset's files gave (a sub-dataset of `conflict` or
/// `politics`): the years its rows cover and how many were stored.
struct PartTally {
  var years: ClosedRange<Int>?
  var rows = 0

  /// Widens the years to include one.
  mutating func cover(_ year: Int) {
    years = years.map { min($0.lowerBound, year)...max($0.upperBound, year) } ?? year...year
  }
}
