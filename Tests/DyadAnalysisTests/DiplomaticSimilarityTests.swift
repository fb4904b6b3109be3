import DyadAnalysis
import DyadCore
import Testing

/// Signorino–Ritter S, Scott's π, Cohen's κ and the vote-table measures, against published and
/// hand-computed values.
@Suite struct DiplomaticSimilarityTests {
  // Signorino & Ritter (1999): Germany's and Russia's alliance portfolios in 1914 over 20 states,
  // valued alliance codes 0–3, and the states' capability shares.
  static let germany: [Double] = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]
  static let russia: [Double] = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
  static let capabilities = [
    0.25, 0.21, 0.20, 0.08, 0.08, 0.05, 0.03, 0.03, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0, 0, 0, 0, 0, 0,
  ]

  @Test func signorinoRitterUnweighted1914() throws {
    let s = try #require(SignorinoRitter.similarity(Self.germany, Self.russia, maximumDistance: 3))
    #expect(abs(s - 0.40) < 1e-12)
  }

  @Test func signorinoRitterWeighted1914() throws {
    // The paper prints −0.45, from unrounded shares; with the rounded shares S = −0.46.
    let s = try #require(
      SignorinoRitter.similarity(Self.germany, Self.russia, weights: Self.capabilities, maximumDistance: 3))
    #expect(abs(s - -0.46) < 1e-9)
  }

  @Test func signorinoRitterSquaredAndPerItemMaximum() throws {
    // Squared distances of the 1914 portfolios: Σ(d/3)² = 5 + 5/9 over 20 items.
    let squared = try #require(
      SignorinoRitter.similarity(Self.germany, Self.russia, maximumDistance: 3, distance: .squared))
    #expect(abs(squared - (1 - 2 * (5 + 5.0 / 9) / 20)) < 1e-12)
    // Per-item dmax: |1 − 0|/1 and |2 − 2|/4 → 1 − 2·(1 + 0)/2 = 0.
    #expect(SignorinoRitter.similarity([1, 2], [0, 2], maximumDistance: [1, 4]) == 0)
    // No item of positive weight: undefined, not 0.
    #expect(SignorinoRitter.similarity([1], [0], weights: [0], maximumDistance: 1) == nil)
    #expect(SignorinoRitter.similarity([1, 2], [1, 2], maximumDistance: 2) == 1)
  }

  @Test func piAndKappaHandComputed() throws {
    // x = A A B B, y = A B B B: D_o = 1/4. κ: D_e = 1 − (½·¼ + ½·¾) = ½ → κ = ½.
    // π: pooled A 3/8, B 5/8 → D_e = 1 − 9/64 − 25/64 = 30/64 → π = 1 − (1/4)/(30/64) = 7/15.
    let x = ["A", "A", "B", "B"], y = ["A", "B", "B", "B"]
    #expect(abs(try #require(NominalAgreement.cohensKappa(x, y)) - 0.5) < 1e-12)
    #expect(abs(try #require(NominalAgreement.scottsPi(x, y)) - 7.0 / 15) < 1e-12)
    // Complete disagreement with balanced codes: both −1.
    #expect(NominalAgreement.cohensKappa(["A", "B"], ["B", "A"]) == -1)
    #expect(NominalAgreement.scottsPi(["A", "B"], ["B", "A"]) == -1)
    // Three categories from a cross table: n = 10, 6 agreements; rows 5,3,2, columns 4,4,2.
    // κ: D_e = 1 − (20 + 12 + 4)/100 = 0.64 → κ = 1 − 0.4/0.64 = 0.375.
    // π: pooled (9, 7, 4)/20 → D_e = 1 − (81 + 49 + 16)/400 = 0.635 → π = 1 − 0.4/0.635.
    let table = [[3, 1, 1], [1, 2, 0], [0, 1, 1]]
    #expect(abs(try #require(NominalAgreement.cohensKappa(crossTable: table)) - 0.375) < 1e-12)
    #expect(abs(try #require(NominalAgreement.scottsPi(crossTable: table)) - (1 - 0.4 / 0.635)) < 1e-12)
  }

  @Test func piAndKappaUndefinedWhereChanceDisagreementIsZero() {
    // Both always yes: D_e = 0, so π and κ are undefined — nil, not 0 (nor 1).
    #expect(NominalAgreement.cohensKappa(["yes", "yes", "yes"], ["yes", "yes", "yes"]) == nil)
    #expect(NominalAgreement.scottsPi(["yes", "yes", "yes"], ["yes", "yes", "yes"]) == nil)
    let unanimous = JointVotes(rows: [[12, 0, 0], [0, 0, 0], [0, 0, 0]]).measures
    #expect(unanimous.n == 12 && unanimous.agree == 1 && unanimous.s == 1)
    #expect(unanimous.pi == nil && unanimous.kappa == nil)
    // One side always yes, the other not: κ's D_e = 1 − 1·(share of yes) > 0, so κ is defined.
    let oneSided = JointVotes(rows: [[3, 1, 0], [0, 0, 0], [0, 0, 0]]).measures
    #expect(oneSided.kappa == 0)
    // No joint votes: everything undefined.
    let empty = JointVotes().measures
    #expect(empty.n == 0 && empty.agree == nil && empty.s == nil && empty.pi == nil)
  }

  @Test func voteTableMeasuresHandComputed() throws {
    // yes-yes, yes-abstain, yes-no, abstain-abstain: agree 2/4, agree_half (2 + ½)/4,
    // S = 1 − (0 + 1 + 2 + 0)/4 = 0.25.
    var votes = JointVotes()
    votes.record(.yes, .yes)
    votes.record(.yes, .abstain)
    votes.record(.yes, .no)
    votes.record(.abstain, .abstain)
    let m = votes.measures
    #expect(m.n == 4)
    #expect(m.agree == 0.5)
    #expect(m.agreeHalf == 0.625)
    #expect(m.s == 0.25)
    // κ: rows (3, 1, 0), columns (1, 2, 1): D_e = 1 − (3 + 2 + 0)/16 = 11/16 → κ = 1 − ½/(11/16) = 3/11.
    #expect(abs(try #require(m.kappa) - 3.0 / 11) < 1e-12)
    // π: pooled (4, 3, 1)/8: D_e = 1 − 26/64 = 38/64 → π = 1 − ½/(38/64) = 3/19.
    #expect(abs(try #require(m.pi) - 3.0 / 19) < 1e-12)
    #expect(votes.transposed.measures.kappa == m.kappa)
    #expect((votes + votes).measures.agree == 0.5)
  }

  @Test func voteTableAgreesWithTheGenericFunctions() throws {
    // A deterministic pseudo-random pair of vote records with absences.
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33)
    }
    var x: [UNVote?] = [], y: [UNVote?] = []
    for _ in 0..<500 {
      x.append(next() % 5 == 0 ? nil : UNVote(rawValue: UInt8(1 + next() % 3)))
      y.append(next() % 6 == 0 ? nil : UNVote(rawValue: UInt8(1 + next() % 3)))
    }
    let m = JointVotes(x, y).measures
    let joint = zip(x, y).compactMap { a, b in a.flatMap { a in b.map { (a, $0) } } }
    let xs = joint.map { Double($0.0.rawValue) }, ys = joint.map { Double($0.1.rawValue) }
    #expect(m.n == joint.count)
    #expect(abs(try #require(m.s) - (try #require(SignorinoRitter.similarity(xs, ys, maximumDistance: 2)))) < 1e-12)
    #expect(abs(try #require(m.pi) - (try #require(NominalAgreement.scottsPi(joint.map(\.0), joint.map(\.1))))) < 1e-12)
    #expect(
      abs(try #require(m.kappa) - (try #require(NominalAgreement.cohensKappa(joint.map(\.0), joint.map(\.1))))) < 1e-12)
    let agreeHalf = joint.map { a, b in a == b ? 1 : (a == .abstain || b == .abstain) ? 0.5 : 0 }.reduce(0, +)
    #expect(abs(try #require(m.agreeHalf) - agreeHalf / Double(joint.count)) < 1e-12)
  }
}
