import DyadData
import DyadFast
import DyadStore
import Testing

@testable import DyadImport

/// The scanner's first pass, which sizes the rows array: it must count at least the lines the
/// parser makes rows of (every line but a blank one: empty, or a lone carriage return) — all
/// line ends, and a last line without one.
@Suite struct COWTradeScannerTests {
  /// Lines that are not blank, counted the plain way (on bytes: "\r\n" is one `Character`). A
  /// lone carriage return is a blank line only when a line end follows it.
  static func naiveRows(_ text: String) -> Int {
    var lines = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
    let terminated = lines.last == []
    if terminated { lines.removeLast() }
    return lines.enumerated().filter { k, line in
      let last = k == lines.count - 1 && !terminated
      return !(line.isEmpty || (line == [13] && !last))
    }.count
  }

  static func counted(_ text: String) -> (rows: Int, quoted: Bool) {
    Array(text.utf8).withUnsafeBufferPointer { COWTradeScanner.countRows($0) }
  }

  @Test(arguments: [
    ("", 0, 0), ("a", 1, 1), ("a\n", 1, 1), ("a\nb\n", 2, 2), ("a\n\nb", 2, 3), ("\n\na\r\n\r\nb\r\n", 2, 5),
    ("\r\n", 0, 1), ("a\n\n\n", 1, 3), ("\r", 1, 1), ("a\r\r\nb", 2, 2),
  ])
  func countsTheLineEnds(text: String, rows: Int, counted: Int) {
    #expect(Self.naiveRows(text) == rows)
    #expect(Self.counted(text).rows == counted)
  }

  @Test func longTextsCountAsThePlainWayDoes() {
    // Long enough for the 32-byte steps, with blank lines at every offset of a step.
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      var text = ""
      for _ in 0..<Int.random(in: 0...400, using: &generator) {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: text += "\n"
        case 1: text += "\r\n"
        case 2: text += String(repeating: "9", count: Int.random(in: 1...40, using: &generator)) + "\r\n"
        default:
          text +=
            "2,20,1920,612.0,735.0" + String(repeating: "0", count: Int.random(in: 0...33, using: &generator)) + "\n"
        }
      }
      if Bool.random(using: &generator) { text += "2,20,1921,1,2" }
      let lineEnds = text.utf8.filter { $0 == 10 }.count + (text.utf8.last.map { $0 != 10 } ?? false ? 1 : 0)
      #expect(Self.counted(text).rows == lineEnds, "\(text.debugDescription)")
      #expect(Self.counted(text).rows >= Self.naiveRows(text))
    }
  }

  @Test func aQuoteHandsTheFileToTheCSVReader() {
    #expect(Self.counted("2,20,1920,1,2\n2,\"20\",1921,1,2\n").quoted)
    #expect(!Self.counted("2,20,1920,1,2\n").quoted)
  }
}
