/// Chance-corrected agreement of two raters (here: two states' votes) on nominal categories.
///
/// Both coefficients are 1 − D_o/D_e, with D_o the share of items on which the two disagree and
/// D_e the disagreement expected by chance:
///
/// - Scott's π: D_e = 1 − Σₐ p̄ₐ², with p̄ the pooled shares of both raters' codes;
/// - Cohen's κ: D_e = 1 − Σₐ pˣₐ·pʸₐ, with each rater's own shares.
///
/// Where D_e = 0 (for instance both states voted yes every time) chance alone predicts perfect
/// agreement and the coefficient is undefined: these functions return `nil`, never 0.
/// Computed from integer counts, so that the test D_e = 0 is exact.
///
/// - Reference: William A. Scott, "Reliability of Content Analysis: The Case of Nominal Scale
///   Coding", *Public Opinion Quarterly* 19 (1955); Jacob Cohen, "A Coefficient of Agreement for
///   Nominal Scales", *Educational and Psychological Measurement* 20 (1960); for UN votes, Frank M.
///   Häge, "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for Chance
///   Agreement", *Political Analysis* 19 (2011).
public enum NominalAgreement {
  /// Scott's π from a square cross table: `table[i][j]` counts the items the first rater coded i
  /// and the second j. `nil` when the table is empty or D_e = 0.
  public static func scottsPi(crossTable table: [[Int]]) -> Double? {
    guard let (n, equal, rows, columns) = margins(table) else { return nil }
    return scottsPi(n: n, equal: equal, rows: rows, columns: columns)
  }

  /// Cohen's κ from a square cross table (see ``scottsPi(crossTable:)``).
  public static func cohensKappa(crossTable table: [[Int]]) -> Double? {
    guard let (n, equal, rows, columns) = margins(table) else { return nil }
    return cohensKappa(n: n, equal: equal, rows: rows, columns: columns)
  }

  /// Scott's π of two equally long sequences of codes.
  public static func scottsPi<Code: Hashable>(_ x: [Code], _ y: [Code]) -> Double? {
    scottsPi(crossTable: crossTable(x, y))
  }

  /// Cohen's κ of two equally long sequences of codes.
  public static func cohensKappa<Code: Hashable>(_ x: [Code], _ y: [Code]) -> Double? {
    cohensKappa(crossTable: crossTable(x, y))
  }

  /// The square cross table of two code sequences, over the codes either uses.
  public static func crossTable<Code: Hashable>(_ x: [Code], _ y: [Code]) -> [[Int]] {
    precondition(x.count == y.count, "agreement needs two sequences of the same length")
    var index: [Code: Int] = [:]
    for code in x + y where index[code] == nil { index[code] = index.count }
    var table = Array(repeating: Array(repeating: 0, count: index.count), count: index.count)
    for (a, b) in zip(x, y) { table[index[a]!][index[b]!] += 1 }
    return table
  }

  /// π = 1 − D_o/D_e with D_o = (n − equal)/n and D_e = (4n² − Σ(rₐ + cₐ)²)/4n².
  static func scottsPi(n: Int, equal: Int, rows: [Int], columns: [Int]) -> Double? {
    guard n > 0 else { return nil }
    var pooled = 0
    for a in rows.indices { pooled += (rows[a] + columns[a]) * (rows[a] + columns[a]) }
    let expected = 4 * n * n - pooled
    guard expected > 0 else { return nil }
    return 1 - Double(4 * n * (n - equal)) / Double(expected)
  }

  /// κ = 1 − D_o/D_e with D_o = (n − equal)/n and D_e = (n² − Σ rₐ·cₐ)/n².
  static func cohensKappa(n: Int, equal: Int, rows: [Int], columns: [Int]) -> Double? {
    guard n > 0 else { return nil }
    var chance = 0
    for a in rows.indices { chance += rows[a] * columns[a] }
    let expected = n * n - chance
    guard expected > 0 else { return nil }
    return 1 - Double(n * (n - equal)) / Double(expected)
  }

  private static func margins(_ table: [[Int]]) -> (n: Int, equal: Int, rows: [Int], columns: [Int])? {
    let k = table.count
    precondition(table.allSatisfy { $0.count == k }, "a cross table must be square")
    var rows = Array(repeating: 0, count: k), columns = Array(repeating: 0, count: k)
    var n = 0, equal = 0
    for i in 0..<k {
      for j in 0..<k {
        let count = table[i][j]
        precondition(count >= 0, "counts must not be negative")
        rows[i] += count
        columns[j] += count
        n += count
        if i == j { equal += count }
      }
    }
    return n > 0 ? (n, equal, rows, columns) : nil
  }
}
