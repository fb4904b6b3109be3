import DyadCore
import DyadData
import DyadTestSupport
import Testing

/// Reads all records of a text, with small chunks to exercise records split across reads.
func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [(line: Int, fields: [String])] {
  var result: [(Int, [String])] = []
  try CSVReader(text: text, name: "t.csv", chunkSize: chunkSize).forEachRecord { record in
    result.append((record.line, (0..<record.count).map { record.string(at: $0) }))
  }
  return result
}

@Suite("CSV reader")
struct CSVReaderTests {
  @Test("plain fields, LF, CRLF and lone-CR line ends, missing final newline")
  func plain() throws {
    for text in ["a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,b,c\n1,2,3", "a,b,c\r1,2,3\r", "a,b,c\r1,2,3"] {
      let parsed = try records(text)
      #expect(parsed.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
      #expect(parsed.map(\.line) == [1, 2])
    }
  }

  @Test("quoted fields: commas, doubled quotes, newlines inside quotes; line numbers follow physical lines")
  func quoted() throws {
    let text = "id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"\"\n5,end\n"
    let parsed = try records(text)
    #expect(parsed.map(\.fields) == [
      ["id", "text"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", ""], ["5", "end"],
    ])
    #expect(parsed.map(\.line) == [1, 2, 3, 4, 6, 7])
  }

  @Test("a lone CR ends a line, also beside CRLF and across chunks; CR inside quotes is kept")
  func loneCarriageReturns() throws {
    for chunkSize in [1, 2, 3, 1 << 20] {
      let parsed = try records("a,b\r1,\"x\ry\"\r\n\r2,3\r", chunkSize: chunkSize)
      #expect(parsed.map(\.fields) == [["a", "b"], ["1", "x\ry"], ["2", "3"]], "chunk \(chunkSize)")
      #expect(parsed.map(\.line) == [1, 2, 4], "chunk \(chunkSize)")
    }
  }

  @Test("a field over 64 KB, quoted or not, or a line of over 65,536 fields is an error naming its line")
  func oversizedInput() throws {
    let long = String(repeating: "x", count: 65_537)
    for (text, field) in [("a,b\n1,\(long)\n", "#2"), ("a,b\n\"\(long)\",2\n", "#1")] {
      for chunkSize in [4096, 1 << 20] {
        let error = try #require(throws: ImportError.self) { _ = try records(text, chunkSize: chunkSize) }
        #expect(error.line == 2 && error.field == field, "chunk \(chunkSize)")
        #expect(error.message.hasPrefix("is longer than 64 KB"))
      }
    }
    // 64 KB exactly is a field like any other.
    let fits = String(repeating: "y", count: 65_536)
    #expect(try records("a\n\(fits)\n").last?.fields == [fits])
    let wide = try #require(throws: ImportError.self) { _ = try records(String(repeating: ",", count: 70_000)) }
    #expect(wide.line == 1 && wide.message.contains("more than 65536 fields on one line"))
  }

  @Test("empty fields and blank lines; a UTF-8 byte-order mark is skipped")
  func emptyFields() throws {
    let parsed = try records("\u{FEFF}a,,c\n\n,,\n")
    #expect(parsed.map(\.fields) == [["a", "", "c"], ["", "", ""]])
    #expect(parsed.map(\.line) == [1, 3])
  }

  @Test("an unterminated quote (a truncated file) is an error naming the line")
  func truncated() throws {
    #expect {
      _ = try records("a,b\n1,\"never closed\n2,3\n")
    } throws: { error in
      let error = try #require(error as? ImportError)
      return error.line == 2 && error.file == "t.csv" && error.message.contains("never closed")
    }
  }

  @Test("a stray character after a closing quote is an error naming line and field")
  func strayAfterQuote() throws {
    #expect {
      _ = try records("a,b\n\"x\"y,2\n")
    } throws: { error in
      let error = try #require(error as? ImportError)
      return error.line == 2 && error.field == "#1"
    }
  }

  @Test("typed accessors: integers, reals, NA, and Namibia's code NA kept as text")
  func typed() throws {
    var ints: [Int?] = []
    var doubles: [Double?] = []
    var texts: [String] = []
    try CSVReader(text: "-9,12.0,NA,1e3,3.25,x\n", name: "t.csv").forEachRecord { record in
      ints = (0..<record.count).map { record.int(at: $0) }
      doubles = (0..<record.count).map { record.double(at: $0) }
      texts = (0..<record.count).map { record.string(at: $0) }
    }
    #expect(ints == [-9, 12, nil, nil, nil, nil])
    #expect(doubles == [-9, 12, nil, 1000, 3.25, nil])
    #expect(texts[2] == "NA")
  }

  @Test("a header with a missing required column names it")
  func missingColumn() throws {
    #expect {
      try CSVReader(text: "a,b\n1,2\n", name: "h.csv").forEachRow(requiring: ["a", "year"]) { _, _ in }
    } throws: { error in
      (error as? ImportError)?.field == "year"
    }
  }

  /// Random tables written by an independent RFC 4180 encoder read back identically, whatever the
  /// chunk size: quotes, doubled quotes, commas, CR/LF inside fields and empty fields.
  @Test("fuzz: random tables round-trip through an independent encoder", arguments: [1, 2, 3, 7, 64, 4096])
  func fuzz(chunkSize: Int) throws {
    var generator = SplitMix64(seed: UInt64(chunkSize) &* 0x9E37_79B9)
    let alphabet: [Character] = ["a", "b", "Z", "0", "9", " ", ",", "\"", "\n", "\r\n", "é", "—", "\t"]
    for _ in 0..<60 {
      let rows = Int(generator.next() % 6) + 1
      let columns = Int(generator.next() % 5) + 1
      var table: [[String]] = []
      for _ in 0..<rows {
        table.append(
          (0..<columns).map { _ in
            String((0..<Int(generator.next() % 7)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
          })
      }
      // A record of one empty field is indistinguishable from a blank line: give it a value.
      if columns == 1 { for i in table.indices where table[i][0].isEmpty { table[i][0] = "x" } }
      let text = table.map { row in
        row.map { field in
          field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
      }.joined(separator: ["\n", "\r\n", "\r"][Int(generator.next() % 3)]) + "\n"
      let parsed = try records(text, chunkSize: chunkSize)
      #expect(parsed.map(\.fields) == table, "input: \(text.debugDescription)")
    }
  }
}

