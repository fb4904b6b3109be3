import DyadReport
import Testing

@Suite struct CSVTextTests {
  @Test func fieldsAreQuotedOnlyWhenTheyNeedIt() {
    #expect(CSVText.field("China") == "China")
    #expect(CSVText.field("China, P.R.") == "\"China, P.R.\"")
    #expect(CSVText.field("the \"Big Four\"") == "\"the \"\"Big Four\"\"\"")
    #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVText.line(["2019", "", "a,b"]) == "2019,,\"a,b\"")
  }

  @Test func missingNumbersAreEmptyNotZero() {
    #expect(CSVText.number(nil) == "")
    #expect(CSVText.number(.nan) == "")
    #expect(CSVText.exact(nil) == "")
    #expect(CSVText.number(0) == "0.000000")
    #expect(CSVText.number(0.790697674, decimals: 4) == "0.7907")
    #expect(CSVText.exact(42807) == "42807")
    #expect(CSVText.exact(342.0299987792969) == "342.0299987792969")
    #expect(CSVText.exact(1e15) == "1000000000000000.0")  // past whole-number form, Swift's shortest text
  }
}
