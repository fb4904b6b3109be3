/// Dyads' numbers by their two states' indices: a flat table for the few hundred states of a
/// registry (a number in one array read, where a dictionary would hash the pair), a dictionary
/// beyond that.
///
/// ```swift
/// var numbers = DyadNumbers(states: 250)
/// numbers[3, 17] = 0
/// numbers[3, 17]  // 0
/// numbers[17, 3]  // nil: pairs are ordered, as the importers' keys are
/// ```
package struct DyadNumbers {
  /// The table's side: the number of states, when small enough for a table.
  private let side: Int
  /// `a * side + b` → number, or -1.
  private var table: [Int32]
  private var dictionary: [UInt64: Int32] = [:]

  /// Room for the pairs of states indexed from 0 to `states` - 1.
  package init(states: Int) {
    side = states <= 1024 ? max(states, 0) : 0
    table = [Int32](repeating: -1, count: side * side)
  }

  package subscript(a: Int32, b: Int32) -> Int32? {
    get {
      if Int(a) < side && Int(b) < side {
        let number = table[Int(a) &* side &+ Int(b)]
        return number < 0 ? nil : number
      }
      return dictionary[Self.key(a, b)]
    }
    set {
      if Int(a) < side && Int(b) < side {
        table[Int(a) &* side &+ Int(b)] = newValue ?? -1
      } else {
        dictionary[Self.key(a, b)] = newValue
      }
    }
  }

  private static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }
}
