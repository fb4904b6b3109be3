import DyadCore
import DyadTestSupport
import Foundation
import Testing

@testable import DyadData

/// The .xlsx reader, on SIPRI's 2025 milex workbook and an IMF DOTS workbook. The expected
/// values were read from the raw XML parts with Python's zipfile and re (not with this reader):
///
///     z = zipfile.ZipFile("SIPRI-Milex-data-1949-2024.xlsx")
///     sheet = z.read("xl/worksheets/sheet6.xml").decode()        # "Current US$"
///     re.findall(r'<c r="BZ106"([^>]*?)>(.*?)</c>', sheet)        # [(' s="11"', '<v>313658.33…</v>')]
///     # styles.xml: cellXfs[11].fontId = 2, fonts[2] = <color indexed="12"/> (blue)
///     # counting every value cell outside columns A and B by its font: 1,999 blue, 201 red
@Suite(
  "XLSX workbook",
  .enabled(if: SharedData.isAvailable, "needs the shared datasets in ../shared/data (or DYAD_SHARED_DATA)"))
struct XLSXWorkbookTests {
  static let milex = SharedData.file("sipri-milex", "SIPRI-Milex-data-1949-2024.xlsx")

  @Test func sheetsCellsAndFontColoursOfTheSIPRIWorkbook() throws {
    let book = try XLSXWorkbook(url: Self.milex)
    #expect(
      book.sheetNames == [
        "Front page", "Regional totals", "Local currency financial years", "Local currency calendar years",
        "Constant (2023) US$", "Current US$", "Share of GDP", "Per capita", "Share of govt. spending cleaned",
        "Share of Govt. spending", "Footnotes",
      ])
    var rows: [Int: [XLSXCell]] = [:]
    var blue = 0, red = 0
    try book.forEachRow(inSheet: "Current US$") { row, cells in
      rows[row] = cells
      for cell in cells where cell.column > 2 {
        if cell.fontColor?.isBlue == true { blue += 1 }
        if cell.fontColor?.isRed == true { red += 1 }
      }
    }
    #expect(blue == 1_999 && red == 201)
    // Row 6 is the header: Country, Notes, 1949 … 2024 (numbers).
    let header = try #require(rows[6])
    #expect(header.first?.value == .text("Country") && header.first?.reference == "A6")
    #expect(header.first { $0.reference == "BZ6" }?.value == .number(2024))
    func cell(_ row: Int, _ column: String) -> XLSXCell? { rows[row]?.first { $0.reference == column + String(row) } }
    #expect(cell(79, "A")?.value == .text("United States of America"))
    #expect(cell(79, "BZ")?.value == .number(997_309))
    #expect(cell(79, "BZ")?.fontColor == nil)  // style 9: font 4, which sets no colour (an observed figure)
    #expect(cell(106, "A")?.value == .text("China"))
    #expect(cell(106, "BZ")?.value.number == 313_658.33021717629)
    #expect(cell(106, "BZ")?.fontColor == .indexed(12))  // a SIPRI estimate
    #expect(cell(158, "A")?.value == .text("Russia"))
    #expect(cell(158, "BZ")?.value.number == 148_967.27514048334)
    // "..." is text, never a number; an empty cell is absent.
    #expect(cell(10, "C")?.value == .text("..."))
  }

  @Test func anIMFWorkbookFromAnotherProducer() throws {
    let url = SharedData.file("imf-dots-all-reporters", "Exports_to_Count (1).xlsx")
    let book = try XLSXWorkbook(url: url)
    #expect(book.sheetNames.count == 1)
    var texts = 0, numbers = 0
    try book.forEachRow(inSheet: book.sheetNames[0]) { _, cells in
      for cell in cells {
        if case .number = cell.value { numbers += 1 } else { texts += 1 }
      }
    }
    #expect(numbers > 100 && texts > 10)
  }

  @Test func notAWorkbookOrADamagedOneIsAClearError() throws {
    let folder = try TemporaryFolder("dyad-xlsx")
    let csv = try folder.write("milex.xlsx", "country,year\nChina,2024\n")
    let notZip = try #require(throws: ImportError.self) { try XLSXWorkbook(url: csv) }
    #expect(notZip.file == "milex.xlsx" && notZip.message.hasPrefix("is not an .xlsx workbook"))

    let book = try XLSXWorkbook(url: Self.milex)
    let missing = try #require(throws: ImportError.self) { try book.forEachRow(inSheet: "Current USD") { _, _ in } }
    #expect(missing.message.hasPrefix("has no sheet 'Current USD' (it has 'Front page', "))

    // The first half of the workbook: its directory at the end is gone.
    let bytes = try Data(contentsOf: Self.milex)
    let half = folder.url.appendingPathComponent("half.xlsx")
    try bytes.prefix(bytes.count / 2).write(to: half)
    #expect(throws: ImportError.self) { try XLSXWorkbook(url: half) }
  }

  @Test func columnNamesAndNumbers() {
    #expect(
      XLSXWorkbook.column(of: "A1") == 1 && XLSXWorkbook.column(of: "BZ6") == 78
        && XLSXWorkbook.column(of: "AAA9") == 703)
    #expect(
      XLSXWorkbook.columnName(78) == "BZ" && XLSXWorkbook.columnName(703) == "AAA" && XLSXWorkbook.columnName(26) == "Z"
    )
  }
}
