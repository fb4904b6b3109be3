import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation
import Synchronization

/// Imports IMF Direction of Trade Statistics exports tables, one workbook per reporter
/// (`imf-dots-all`): what each reporter says it exported, FOB, to each partner, by year, in
/// current US$ millions.
///
/// Each workbook is the IMF's "Exports, FOB to Partner Countries" table download, read directly
/// from `.xlsx`: one sheet; row 2 the table's title, row 4 the reporter, row 5 the unit
/// (`US Dollars, Millions`), row 7 the years from column C, then one row per partner with its
/// IMF name in column B and a value per year. A value is a number, or text with thousands
/// separators and IMF's estimate flag (`'1,247.27 e'`): the flag makes the figure *estimated*. An
/// empty cell is missing, never 0, and is not stored (the table's years say what it covers).
///
/// Partners are resolved by name in each year as ``IMFDirectionOfTradeImporter`` does: aggregates
/// are not states; a name that names no state (a territory) is kept under its IMF name. A reporter
/// that names no state in any year of its table (Hong Kong, Aruba and other territories) is
/// skipped and said in the summary's notes. Two workbooks for the same reporter with the same
/// values (the IMF pages served some twice) are read once, the first by file name, and said; with
/// different values, or two reporters naming one state in the same year, the import stops.
public struct IMFExportTablesImporter: DatasetImporter {
  public let info = DatasetCatalog.info(named: "imf-dots-all")!
  public let tables: [any StoreRecord.Type] = [IMFExportRow.self, IMFExportTableRow.self]

  /// The table's title in row 2, and the unit in row 5.
  static let title = "Exports, FOB to Partner Countries"
  static let unit = "US Dollars, Millions"

  public init() {}

  /// Every `.xlsx` workbook in a folder, in the natural order of their names (`(2)` before `(10)`),
  /// or the one workbook given.
  public func inputFiles(at path: URL) throws(ImportError) -> [URL] {
    try files(at: path, endingWith: [".xlsx"], what: "the IMF DOTS exports tables, one workbook per reporter")
  }

  /// One value of a table, before it is written.
  struct Cell: Equatable, Sendable {
    let partnerName: String
    let year: Int
    let value: Double
    let status: ObservationStatus
  }

  /// One workbook, read and checked.
  struct Table: Sendable {
    let file: String
    let reporterName: String
    let years: [Int]
    let partnerNames: [String]
    let cells: [Cell]
  }

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard !files.isEmpty else { throw ImportError(file: info.name, message: "expects at least one workbook") }
    var summary = ImportSummary()
    var resolver = StateResolver(registry: context.registry)
    // The first table read for each reporter name, to compare a second one with.
    var byReporterName: [String: Table] = [:]
    // Which table gave a state's exports in a year.
    var reportedBy: [Key: String] = [:]
    struct Key: Hashable {
      let state: StateID
      let year: Int
    }
    var skipped: [String] = []
    for table in try Self.readTables(files, progress: context.progress) {
      summary.rowsRead += table.partnerNames.count
      if let earlier = byReporterName[table.reporterName] {
        guard earlier.cells == table.cells, earlier.years == table.years else {
          throw ImportError(
            file: table.file, line: 4, field: "B4",
            message:
              "is a second table for \(table.reporterName) (also in \(earlier.file)) with other values; keep one of them"
          )
        }
        summary.notes.append(
          "\(table.file) repeats \(earlier.file) (\(table.reporterName), the same values): read once")
        continue
      }
      byReporterName[table.reporterName] = table
      // The reporter by year: a name may mean two states over a table's years ("Germany").
      var reporterByYear: [Int: StateID] = [:]
      for year in table.years {
        if let state = resolver.state(table.reporterName, inYear: year) { reporterByYear[year] = state }
      }
      guard !reporterByYear.isEmpty else {
        skipped.append("\(table.reporterName) (\(table.file))")
        continue
      }
      for (year, state) in reporterByYear {
        if let other = reportedBy[Key(state: state, year: year)] {
          throw ImportError(
            file: table.file, line: 4, field: "B4",
            message:
              "\(table.reporterName) names \(state) in \(year), whose exports \(other) already gives; keep one of them")
        }
        reportedBy[Key(state: state, year: year)] = table.file
      }
      // Spans of consecutive years with one reporter state.
      var spans: [(state: StateID, first: Int, last: Int)] = []
      for year in table.years.sorted() {
        guard let state = reporterByYear[year] else { continue }
        if let last = spans.last, last.state == state, last.last == year - 1 {
          spans[spans.count - 1].last = year
        } else {
          spans.append((state, year, year))
        }
      }
      for span in spans {
        try sink.insert(
          IMFExportTableRow(
            reporter: span.state, reporterName: table.reporterName, file: table.file, firstYear: span.first,
            lastYear: span.last, partners: table.partnerNames.count))
      }
      var outside = 0  // values in years the reporter's name means no state
      defer {
        if outside > 0 {
          summary.notes.append(
            "\(table.file): \(outside) value\(outside == 1 ? "" : "s") of \(table.reporterName) in years it names no state in Dyad's registry were left out"
          )
        }
      }
      for cell in table.cells {
        guard let reporter = reporterByYear[cell.year] else {
          outside += 1
          continue
        }
        var partner: StateID?
        let kind: IMFDOTSRow.PartnerKind
        if IMFPartnerNames.isAggregate(cell.partnerName) {
          kind = .aggregate
        } else if let found = resolver.state(cell.partnerName, inYear: cell.year) {
          guard found != reporter else {
            throw ImportError(
              file: table.file, field: "B",
              message: "partner '\(cell.partnerName)' is the reporter itself (\(reporter)) in \(cell.year)")
          }
          partner = found
          kind = .state
        } else {
          kind = .unresolved
        }
        try sink.insert(
          IMFExportRow(
            reporter: reporter, partnerName: cell.partnerName, partner: partner, partnerKind: kind, year: cell.year,
            value: cell.value, status: cell.status))
        summary.rowsWritten += 1
        summary.cover(cell.year)
      }
    }
    if !skipped.isEmpty {
      summary.notes.append(
        "\(skipped.count) reporter\(skipped.count == 1 ? "" : "s") name no state in Dyad's registry and were skipped "
          + "(their trade appears as partners of others): \(skipped.joined(separator: ", "))")
    }
    context.progress(1)
    guard summary.rowsWritten > 0 else {
      throw ImportError(
        file: files[0].lastPathComponent, message: "no workbook holds a value for a reporter that is a state")
    }
    return summary
  }

  /// Reads the workbooks on every core (each is parsed on its own), in file order; the first
  /// error by file order is thrown.
  static func readTables(_ files: [URL], progress: @Sendable (Double) -> Void) throws -> [Table] {
    let results = Mutex([Result<Table, any Error>?](repeating: nil, count: files.count))
    let done = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let result = Result { try readTable(files[index]) }
      results.withLock { $0[index] = result }
      let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
      progress(Double(finished) / Double(files.count) * 0.8)
    }
    return try results.withLock { list in try list.map { try $0!.get() } }
  }

  /// Reads one workbook's table, checking its layout.
  static func readTable(_ url: URL) throws -> Table {
    let file = url.lastPathComponent
    let book = try XLSXWorkbook(url: url)
    guard let sheet = book.sheetNames.first(where: { $0 == "Exports, FOB" }) ?? book.sheetNames.first,
      book.sheetNames.count == 1 || sheet == "Exports, FOB"
    else {
      throw ImportError(
        file: file, message: "has no sheet 'Exports, FOB' (it has \(book.sheetNames.joined(separator: ", ")))")
    }
    let place = "\(file) [\(sheet)]"
    var reporterName: String?
    var years: [(column: Int, year: Int)] = []
    var partnerNames: [String] = []
    var seenPartners: [String: Int] = [:]
    var cells: [Cell] = []
    var sawTitle = false, sawUnit = false
    try book.forEachRow(inSheet: sheet) { row, rowCells in
      func text(_ column: Int) -> String? {
        rowCells.first { $0.column == column }.map { $0.value.text.trimmingCharacters(in: .whitespaces) }
      }
      switch row {
      case 2:
        guard let title = text(2), title == Self.title else {
          throw ImportError(
            file: place, line: 2, field: "B2",
            message: "is '\(text(2) ?? "")', not '\(Self.title)': this is not an IMF DOTS exports table")
        }
        sawTitle = true
      case 4:
        guard let name = text(2), !name.isEmpty else {
          throw ImportError(file: place, line: 4, field: "B4", message: "is empty; it should name the reporter")
        }
        reporterName = name
      case 5:
        guard text(2) == Self.unit else {
          throw ImportError(
            file: place, line: 5, field: "B5",
            message: "is '\(text(2) ?? "")', not '\(Self.unit)': Dyad reads US$ millions")
        }
        sawUnit = true
      case 7:
        for cell in rowCells where cell.column >= 3 {
          let raw = cell.value.text.trimmingCharacters(in: .whitespaces)
          guard let year = Int(raw), (1940...2100).contains(year) else {
            throw ImportError(
              file: place, line: 7, field: cell.reference, message: "'\(raw)' is not a year (1940–2100)")
          }
          if let last = years.last, year <= last.year {
            throw ImportError(
              file: place, line: 7, field: cell.reference,
              message: "\(year) does not follow \(last.year): years must increase")
          }
          years.append((cell.column, year))
        }
        guard !years.isEmpty else {
          throw ImportError(
            file: place, line: 7, field: "C7", message: "holds no years; row 7 should list them from column C")
        }
      case 8...:
        guard sawTitle, sawUnit, reporterName != nil, !years.isEmpty else {
          throw ImportError(
            file: place, line: row,
            message: "comes before the table's title (row 2), reporter (row 4), unit (row 5) and years (row 7)")
        }
        let values = rowCells.filter { $0.column >= 3 }
        guard let partner = text(2), !partner.isEmpty else {
          if let first = values.first {
            throw ImportError(
              file: place, line: row, field: first.reference,
              message: "holds a value for a row that names no partner in column B")
          }
          return
        }
        if let earlier = seenPartners[partner] {
          throw ImportError(
            file: place, line: row, field: "B\(row)", message: "'\(partner)' is listed again (first on row \(earlier))")
        }
        seenPartners[partner] = row
        partnerNames.append(partner)
        for cell in values {
          guard let year = years.first(where: { $0.column == cell.column })?.year else {
            throw ImportError(
              file: place, line: row, field: cell.reference, message: "holds a value in a column with no year in row 7")
          }
          let (value, status) = try Self.value(cell, place: place)
          cells.append(Cell(partnerName: partner, year: year, value: value, status: status))
        }
      default:
        break
      }
    }
    guard sawTitle, let reporterName, sawUnit, !years.isEmpty else {
      throw ImportError(
        file: place,
        message: "ends before its title, reporter, unit and years (rows 2–7): this is not an IMF DOTS exports table")
    }
    guard !partnerNames.isEmpty else {
      throw ImportError(
        file: place, line: 8, field: "B8", message: "lists no partner after the years of row 7: the table has no rows")
    }
    return Table(
      file: file, reporterName: reporterName, years: years.map(\.year), partnerNames: partnerNames, cells: cells)
  }

  /// A cell's value: a number, or text such as `'1,247.27 e'` (thousands separators; `e` flags an
  /// IMF estimate).
  static func value(_ cell: XLSXCell, place: String) throws(ImportError) -> (Double, ObservationStatus) {
    let number: Double
    var status = ObservationStatus.observed
    switch cell.value {
    case .number(let value):
      number = value
    case .text(let raw):
      var text = raw.trimmingCharacters(in: .whitespaces)
      if text.hasSuffix("e") {
        status = .estimated
        text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
      }
      let digits = text.replacingOccurrences(of: ",", with: "")
      guard Self.isPlainNumber(digits), let parsed = Double(digits) else {
        throw ImportError(
          file: place, line: cell.row, field: cell.reference,
          message:
            "'\(raw.prefix(100))' is not a value in US$ millions (a number, optionally with thousands separators and IMF's 'e' estimate flag)"
        )
      }
      number = parsed
    case .bool, .error:
      throw ImportError(
        file: place, line: cell.row, field: cell.reference,
        message: "'\(cell.value.text)' is not a value in US$ millions")
    }
    guard number.isFinite, number >= 0 else {
      throw ImportError(
        file: place, line: cell.row, field: cell.reference, message: "\(number) is not a trade value (at least 0)")
    }
    return (number, status)
  }

  /// Digits with at most one decimal point (no sign, exponent or other text).
  private static func isPlainNumber(_ text: String) -> Bool {
    var points = 0, digits = 0
    for scalar in text.unicodeScalars {
      if scalar == "." {
        points += 1
      } else if ("0"..."9").contains(scalar) {
        digits += 1
      } else {
        return false
      }
    }
    return digits > 0 && points <= 1
  }
}
