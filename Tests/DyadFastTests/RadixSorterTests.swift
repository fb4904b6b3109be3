import Testing

@testable import DyadFast

/// The partner-rank sorter against the standard library's sort, on keys built to stress it: equal
/// keys (ties, which must keep their order), keys equal in their top bits only (sorted by the
/// rest afterwards, in short and long runs), and digits shared by every key (skipped passes), in
/// sorts small (8-bit digits) and large (12-bit digits).
@Suite struct RadixSorterTests {
  static func check(_ keys: [UInt64]) {
    var sorter = RadixSorter(capacity: keys.count)
    defer { sorter.release() }
    for (k, key) in keys.enumerated() {
      sorter.keys[k] = key
      sorter.values[k] = Int32(k)
    }
    sorter.sort(keys.count)
    let expected = keys.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
    #expect(Array(sorter.keys.prefix(keys.count)) == expected.map(\.element))
    #expect(Array(sorter.values.prefix(keys.count)) == expected.map { Int32($0.offset) })
  }

  @Test(arguments: [0, 1, 2, 31, 33, 500, 1023, 1024, 5000, 20000])
  func sortsLikeTheStandardLibrary(count: Int) {
    var generator = SystemRandomNumberGenerator()
    let highs: [UInt64] = (0..<8).map { _ in UInt64.random(in: 0...UInt64(UInt32.max), using: &generator) << 32 }
    let keys = (0..<count).map { k -> UInt64 in
      switch k % 4 {
      case 0: UInt64.random(in: 0...UInt64.max, using: &generator)
      case 1: highs[k % highs.count] | UInt64.random(in: 0...1000, using: &generator)  // shared high half
      case 2: highs[0] | 7  // ties
      default: 0x4000_0000_0000_0000 | UInt64.random(in: 0...255, using: &generator) << 40
      }
    }
    Self.check(keys)
  }

  @Test func aLongRunOfEqualHighHalves() {
    Self.check((0..<300).map { UInt64(0xABCD_0123) << 32 | UInt64((($0 * 7919) % 300)) })
  }

  @Test func totalsOfTradeRankLargestFirst() {
    // The ranking's keys: the complement of a non-negative total's bits sorts largest first.
    let totals: [Double] = [612, 0.5, 1e9, 612, 0, 342.0299987792969, 342.02999877929693]
    var sorter = RadixSorter(capacity: totals.count)
    defer { sorter.release() }
    for (k, total) in totals.enumerated() {
      sorter.keys[k] = ~total.bitPattern
      sorter.values[k] = Int32(k)
    }
    sorter.sort(totals.count)
    #expect(Array(sorter.values.prefix(totals.count)) == [2, 0, 3, 6, 5, 1, 4])
  }
}
