/// The joint votes of two states over a set of roll calls: a 3×3 cross table counting the roll
/// calls on which the first state voted x and the second y (yes, abstain, no).
///
/// Every similarity measure is a function of this table, and tables add up: the table of a
/// five-year window is the sum of the five yearly tables.
///
/// ```swift
/// var votes = JointVotes()
/// votes.record(.yes, .yes)
/// votes.record(.yes, .abstain)
/// votes.measures.agreeHalf  // 0.75
/// ```
public struct JointVotes: Hashable, Sendable {
  /// Row-major counts: index (x − 1)·3 + (y − 1).
  public private(set) var counts: [Int]

  /// An empty table.
  public init() { counts = Array(repeating: 0, count: 9) }

  /// A table from its rows (the first state's yes, abstain, no), each holding the second state's
  /// yes, abstain, no counts.
  public init(rows: [[Int]]) {
    precondition(rows.count == 3 && rows.allSatisfy { $0.count == 3 }, "a vote table is 3×3")
    counts = rows.flatMap { $0 }
    precondition(counts.allSatisfy { $0 >= 0 }, "counts must not be negative")
  }

  /// A table from nine row-major counts.
  public init(counts: [Int]) {
    precondition(counts.count == 9 && counts.allSatisfy { $0 >= 0 }, "a vote table has nine non-negative counts")
    self.counts = counts
  }

  /// The table of two vote sequences, roll call by roll call; a roll call where either side did
  /// not vote (`nil`) does not count.
  public init(_ x: [UNVote?], _ y: [UNVote?]) {
    precondition(x.count == y.count, "two vote sequences must cover the same roll calls")
    self.init()
    for (a, b) in zip(x, y) {
      if let a, let b { record(a, b) }
    }
  }

  /// Counts one roll call on which the first state voted `x` and the second `y`.
  public mutating func record(_ x: UNVote, _ y: UNVote) {
    counts[Int(x.rawValue - 1) * 3 + Int(y.rawValue - 1)] += 1
  }

  /// The number of roll calls on which the first voted `x` and the second `y`.
  public subscript(x: UNVote, y: UNVote) -> Int { counts[Int(x.rawValue - 1) * 3 + Int(y.rawValue - 1)] }

  /// The number of joint votes.
  public var n: Int { counts.reduce(0, +) }

  /// The same votes seen from the second state.
  public var transposed: JointVotes {
    JointVotes(counts: (0..<9).map { counts[($0 % 3) * 3 + $0 / 3] })
  }

  /// Adds another table's votes.
  public mutating func add(_ other: JointVotes) {
    for i in 0..<9 { counts[i] += other.counts[i] }
  }

  public static func + (lhs: JointVotes, rhs: JointVotes) -> JointVotes {
    var sum = lhs
    sum.add(rhs)
    return sum
  }

  /// The similarity measures of these votes.
  public var measures: SimilarityMeasures {
    Self.measures(
      counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8])
  }

  /// The measures of a table given by its nine row-major counts (yes-yes, yes-abstain, yes-no,
  /// abstain-yes, …). `s` is Signorino–Ritter S with d = |x − y| on yes 1, abstain 2, no 3 and
  /// dmax 2, which reduces to 1 − mean d.
  @inlinable
  public static func measures(
    _ yy: Int, _ ya: Int, _ yn: Int, _ ay: Int, _ aa: Int, _ an: Int, _ ny: Int, _ na: Int, _ nn: Int
  ) -> SimilarityMeasures {
    let n = yy + ya + yn + ay + aa + an + ny + na + nn
    guard n > 0 else { return SimilarityMeasures(n: 0, agree: nil, agreeHalf: nil, s: nil, pi: nil, kappa: nil) }
    let equal = yy + aa + nn
    let oneAbstained = ya + ay + an + na
    let yesAgainstNo = yn + ny
    let total = Double(n)
    // Each state's own shares over the joint roll calls (rows: first state; columns: second).
    let r1 = yy + ya + yn, r2 = ay + aa + an, r3 = ny + na + nn
    let c1 = yy + ay + ny, c2 = ya + aa + na, c3 = yn + an + nn
    let unequal = n - equal
    let kappaExpected = n * n - (r1 * c1 + r2 * c2 + r3 * c3)
    let piExpected = 4 * n * n - ((r1 + c1) * (r1 + c1) + (r2 + c2) * (r2 + c2) + (r3 + c3) * (r3 + c3))
    return SimilarityMeasures(
      n: n,
      agree: Double(equal) / total,
      agreeHalf: (Double(equal) + 0.5 * Double(oneAbstained)) / total,
      s: Double(n - oneAbstained - 2 * yesAgainstNo) / total,
      pi: piExpected > 0 ? 1 - Double(4 * n * unequal) / Double(piExpected) : nil,
      kappa: kappaExpected > 0 ? 1 - Double(n * unequal) / Double(kappaExpected) : nil)
  }
}

extension JointVotes: Codable {
  /// Encoded as three rows (the first state's yes, abstain, no) of three counts.
  public init(from decoder: any Decoder) throws {
    let rows = try decoder.singleValueContainer().decode([[Int]].self)
    guard rows.count == 3, rows.allSatisfy({ $0.count == 3 && $0.allSatisfy { $0 >= 0 } }) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a vote table is 3×3 non-negative counts"))
    }
    self.init(rows: rows)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode([Array(counts[0..<3]), Array(counts[3..<6]), Array(counts[6..<9])])
  }
}
