import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports the GDP, population and surplus domestic product estimates of Anders, Fariss &
/// Markowitz (2020) by COW state-year, 1800–2016.
///
/// Every value in the file is a natural logarithm: `wbgdp2011est` (GDP, 2011 international
/// dollars), `wbpopest` (population), `sdpest` (surplus domestic product) and `wbgdppc2011est`
/// (GDP per capita). They are stored as published, as logarithms; `Store.gdpEstimates(of:)` gives
/// levels. A value above 60 cannot be the logarithm of a GDP or a population (e^60 ≈ 10^26) and is
/// rejected as a level given where a logarithm was expected. Empty or `NA` values are missing.
///
/// The file also covers entities outside the COW state system (564 Orange Free State, 711 Tibet,
/// 971 Tonga before independence…). A code that names no state in the registry is kept under its
/// code without a state (`Store.gdpUnmatchedCodes()` lists them), so nothing is dropped.
public struct COWGDPPopulationImporter: DatasetImporter {
  public let info = DatasetCatalog.info(named: "cow-gdp-pop")!
  public let tables: [any StoreRecord.Type] = [GDPPopulationRow.self]

  public init() {}

  static let valueColumns = ["wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est"]

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == 1 else {
      throw ImportError(file: info.name, message: "expects one file: \(info.files.joined(separator: ", "))")
    }
    let reader = try CSVReader(path: files[0].path)
    let file = reader.fileName
    let codes = COWCodeCache(registry: context.registry)
    var summary = ImportSummary()
    var columns: [Int] = []
    var seen: [String: Int] = [:]
    try reader.forEachRow(requiring: ["ccode", "year"] + Self.valueColumns) { header, record in
      if columns.isEmpty { columns = (["ccode", "year"] + Self.valueColumns).map { header[$0] } }
      summary.rowsRead += 1
      let line = record.line
      let code = try EconomicFields.int(record, columns[0], in: COWCodeCache.codes, file: file, column: "ccode")
      let year = try EconomicFields.int(record, columns[1], in: 1700...2100, file: file, column: "year")
      let state = codes.state(code: code, year: year)
      var values: [Double?] = []
      for (k, column) in Self.valueColumns.enumerated() {
        let index = columns[k + 2]
        switch EconomicFields.amount(record, index, minusNineIsMissing: false) {
        case .value(let value):
          guard value.magnitude <= 60 else {
            throw ImportError(
              file: file, line: line, field: column,
              message: "\(EconomicFields.shown(record, index)) is not a natural logarithm (the file gives ln values; e^60 ≈ 10^26)")
          }
          values.append(value)
        case .missing: values.append(nil)
        case .invalid:
          throw ImportError(
            file: file, line: line, field: column,
            message: "'\(EconomicFields.shown(record, index))' is not a number (empty or NA when missing)")
        }
      }
      for key in ["cow:\(code)|\(year)", state.map { "\($0)|\(year)" }].compactMap({ $0 }) {
        if let earlier = seen[key] {
          let what = key.hasPrefix("cow:") ? "COW code \(code)" : "\(state!) (COW code \(code))"
          throw ImportError(
            file: file, line: line, field: "ccode", message: "\(what) in \(year) is listed already on line \(earlier)")
        }
        seen[key] = line
      }
      try sink.insert(GDPPopulationRow(ccode: code, year: year, state: state, values: values))
      summary.rowsWritten += 1
      summary.cover(year)
    }
    if columns.isEmpty { throw ImportError(file: file, line: 1, message: "the file is empty") }
    context.progress(1)
    return summary
  }
}
