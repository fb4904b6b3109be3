import Testing

@testable import DyadReport

@Suite("Chart scales and number formatting")
struct ChartScaleTests {
  @Test("0…947 gives ticks 0, 200, …, 1000")
  func ticksForHundreds() {
    // (947 − 0) / 5 = 189.4; the nice step at or above it is 2 × 10² = 200.
    let ticks = NiceTicks(covering: 0, 947, targetCount: 5)
    #expect(ticks.values == [0, 200, 400, 600, 800, 1000])
    #expect(ticks.step == 200)
    #expect(ticks.values.map(ticks.label(for:)) == ["0", "200", "400", "600", "800", "1,000"])
  }

  @Test("Fractions get fractional steps printed exactly")
  func ticksForFractions() {
    // 0.83 / 5 = 0.166 → 0.2.
    let ticks = NiceTicks(covering: 0, 0.83, targetCount: 5)
    #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(ticks.values.map(ticks.label(for:)) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    // 0.0035 / 5 = 0.0007 → 0.001.
    let small = NiceTicks(covering: 0.0012, 0.0047, targetCount: 5)
    #expect(small.values.map(small.label(for:)) == ["0.001", "0.002", "0.003", "0.004", "0.005"])
  }

  @Test("Ranges across zero, large ranges and single values")
  func ticksForOtherRanges() {
    // 11.1 / 5 = 2.22 → 5; −3.2 rounds down to −5, 7.9 up to 10.
    let signed = NiceTicks(covering: -3.2, 7.9, targetCount: 5)
    #expect(signed.values == [-5, 0, 5, 10])
    #expect(signed.label(for: -5) == "\u{2212}5")
    // 2,345,678 / 5 = 469,135.6 → 500,000.
    let large = NiceTicks(covering: 0, 2_345_678, targetCount: 5)
    #expect(large.values == [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000])
    #expect(large.label(for: 2_500_000) == "2,500,000")
    // A single value 5 is widened by 10% to 4.5…5.5; 1 / 5 = 0.2.
    let single = NiceTicks(covering: 5, 5, targetCount: 5)
    #expect(single.values.first! <= 4.5 && single.values.last! >= 5.5)
    #expect(single.step == 0.2)
    // Zero width at zero becomes 0…1.
    #expect(NiceTicks(covering: 0, 0, targetCount: 5).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    // Non-finite bounds fall back to 0…1.
    #expect(NiceTicks(covering: .nan, .infinity, targetCount: 2).values == [0, 0.5, 1])
  }

  @Test("1992…2014 year ticks as plain integers")
  func yearTicks() {
    // 23 years: every year is too many for 12; every second year (1992 … 2014) gives 12.
    #expect(YearTicks.ticks(in: 1992...2014, maximumCount: 12) == Array(stride(from: 1992, through: 2014, by: 2)))
    // For 6, steps of 2 (12 ticks) are too many; steps of 5 give 1995, 2000, 2005, 2010.
    #expect(YearTicks.ticks(in: 1992...2014, maximumCount: 6) == [1995, 2000, 2005, 2010])
    #expect(YearTicks.ticks(in: 1946...2022, maximumCount: 10) == [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020])
    #expect(YearTicks.ticks(in: 2001...2001, maximumCount: 5) == [2001])
  }

  @Test("The year step keeps labels apart")
  func yearStep() {
    // 10 px a year and labels 33 px apart: 1 and 2 years are too close, 5 years (50 px) fit.
    #expect(YearTicks.step(pixelsPerYear: 10, minimumSpacing: 33) == 5)
    #expect(YearTicks.step(pixelsPerYear: 40, minimumSpacing: 33) == 1)
    #expect(YearTicks.step(pixelsPerYear: 3, minimumSpacing: 33) == 20)
  }

  @Test("Numbers are formatted without locale")
  func numberFormatting() {
    #expect(ChartNumber.fixed(1_234_567.891, decimals: 2) == "1,234,567.89")
    #expect(ChartNumber.fixed(-0.004, decimals: 2) == "0.00")
    #expect(ChartNumber.fixed(-12.5, decimals: 0) == "-13")
    #expect(ChartNumber.fixed(999.96, decimals: 1) == "1,000.0")
    #expect(ChartNumber.fixed(.nan, decimals: 1) == "–")
    #expect(ChartNumber.fixed(2014, decimals: 0, grouping: false) == "2014")
    #expect(ChartNumber.coordinate(12.004) == "12")
    #expect(ChartNumber.coordinate(3.10) == "3.1")
    #expect(ChartNumber.coordinate(-0.001) == "0")
    #expect(ChartNumber.coordinate(-12.345) == "-12.35")
    #expect(ChartNumber.coordinate(0.05) == "0.05")
    #expect(ChartNumber.automaticDecimals(for: [1, 2, 3]) == 0)
    #expect(ChartNumber.automaticDecimals(for: [0.51, 0.7]) == 3)
    #expect(ChartNumber.automaticDecimals(for: [12.5, 1500.2]) == 0)
  }

  @Test("Text width estimates grow with the text and wrapping respects the width")
  func textMetrics() {
    // Helvetica: "0" is 556/1000 em; at 10 px with the 1.15 safety factor, 4 digits are 25.576 px.
    #expect(abs(TextMetrics.width("0000", fontSize: 10) - 4 * 0.556 * 10 * 1.15) < 1e-9)
    #expect(TextMetrics.width("Wide", fontSize: 11, bold: true) > TextMetrics.width("Wide", fontSize: 11))
    let lines = TextMetrics.wrap(
      "Source: a long source line that has to wrap onto several lines", toWidth: 120, fontSize: 11)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 11) <= 120 })
    let cut = TextMetrics.truncate("A label far too long to fit", toWidth: 60, fontSize: 11)
    #expect(cut.hasSuffix("…"))
    #expect(TextMetrics.width(cut, fontSize: 11) <= 60)
  }
}
