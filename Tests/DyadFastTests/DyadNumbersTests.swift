import Testing

@testable import DyadFast

@Suite struct DyadNumbersTests {
  /// The table (few states) and the dictionary (many) keep the same numbers: ordered pairs, each
  /// number where it was put, absent elsewhere, replaced or removed on request.
  @Test(arguments: [3, 40, 1025, 5000])
  func numbersArePutAndFoundByOrderedPair(states: Int) {
    var numbers = DyadNumbers(states: states)
    var expected: [[Int32]: Int32] = [:]
    var generator = SystemRandomNumberGenerator()
    for n in 0..<500 {
      let a = Int32.random(in: 0..<Int32(states), using: &generator)
      let b = Int32.random(in: 0..<Int32(states), using: &generator)
      numbers[a, b] = Int32(n)
      expected[[a, b]] = Int32(n)
    }
    for (pair, number) in expected {
      #expect(numbers[pair[0], pair[1]] == number)
      if expected[[pair[1], pair[0]]] == nil { #expect(numbers[pair[1], pair[0]] == nil) }
    }
    let (a, b) = (Int32(states - 1), Int32(0))
    numbers[a, b] = 7
    #expect(numbers[a, b] == 7)
    numbers[a, b] = nil
    #expect(numbers[a, b] == nil)
  }
}
