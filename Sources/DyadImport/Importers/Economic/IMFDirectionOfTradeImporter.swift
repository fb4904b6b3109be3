import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports IMF Direction of Trade Statistics in the long layout of `imf-dots-russia`: one row per
/// reporter, partner, flow and year, in current US$ millions.
///
/// Columns: `reporter` and `partner` (IMF names), `partner_is_aggregate` (optional, 0/1), `flow`
/// (`exports_fob`, `imports_cif` or `imports_fob`), `year`, `value_usd_millions` (empty or `NA`
/// where IMF shows no value: stored as missing). The reporter must resolve to a state. A partner
/// is an aggregate when flagged or listed in ``IMFPartnerNames/aggregates``; otherwise its name is
/// resolved through the registry for the year, and a name that names no state (a territory) is
/// kept as unresolved under its IMF name (`Store.imfUnresolvedPartners()` lists them). A row that
/// repeats an earlier one exactly (IMF tables list Australia under two groupings) is skipped; a
/// repeat with another value is an error.
public struct IMFDirectionOfTradeImporter: DatasetImporter {
  public let info = DatasetCatalog.info(named: "imf-dots")!
  public let tables: [any StoreRecord.Type] = [IMFDOTSRow.self]

  public init() {}

  /// What a partner name stands for.
  public typealias PartnerKind = IMFDOTSRow.PartnerKind

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == 1 else {
      throw ImportError(file: info.name, message: "expects one file: \(info.files.joined(separator: ", "))")
    }
    let reader = try CSVReader(path: files[0].path)
    let registry = context.registry
    var summary = ImportSummary()
    var seen: [String: (line: Int, value: Double?)] = [:]
    var resolver = StateResolver(registry: registry)
    func resolve(_ name: String, _ year: Int) -> StateID? { resolver.state(name, inYear: year) }
    try reader.forEachRow(requiring: ["reporter", "partner", "flow", "year", "value_usd_millions"]) { header, record in
      summary.rowsRead += 1
      let row = CSVRow(header: header, record: record)
      let year = try row.requiredInt("year")
      guard (1940...2100).contains(year) else { throw row.error("year", "\(year) is outside 1940–2100") }
      let reporterName = try row.required("reporter")
      guard let reporter = resolve(reporterName, year) else {
        let suggestions = registry.suggestions(for: reporterName)
        throw row.error(
          "reporter",
          "'\(reporterName)' names no state in \(year) in Dyad's registry"
            + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"))
      }
      let partnerName = try row.required("partner")
      let flag = row.text("partner_is_aggregate").lowercased()
      guard ["", "0", "1", "true", "false"].contains(flag) else {
        throw row.error("partner_is_aggregate", "'\(flag)' is not 0 or 1")
      }
      var partner: StateID?
      let kind: PartnerKind
      if flag == "1" || flag == "true" || IMFPartnerNames.isAggregate(partnerName) {
        kind = .aggregate
      } else if let found = resolve(partnerName, year) {
        guard found != reporter else { throw row.error("partner", "'\(partnerName)' is the reporter itself") }
        partner = found
        kind = .state
      } else {
        kind = .unresolved
      }
      let flow: String, valuation: String
      switch try row.required("flow") {
      case "exports_fob": (flow, valuation) = ("exports", "fob")
      case "imports_cif": (flow, valuation) = ("imports", "cif")
      case "imports_fob": (flow, valuation) = ("imports", "fob")
      case let other: throw row.error("flow", "'\(other)' is not one of exports_fob, imports_cif, imports_fob")
      }
      let value: Double?
      switch EconomicFields.amount(record, header["value_usd_millions"], minusNineIsMissing: false) {
      case .value(let number):
        guard number >= 0 else { throw row.error("value_usd_millions", "\(number) is negative; a trade value is at least 0") }
        value = number
      case .missing: value = nil
      case .invalid:
        throw row.error("value_usd_millions", "'\(row.text("value_usd_millions"))' is not a number (empty or NA when missing)")
      }
      let key = "\(reporter)|\(partnerName)|\(flow)|\(year)"
      if let earlier = seen[key] {
        // IMF tables list some partners twice (Australia, under two groupings): an identical
        // repeat is skipped, a different one is an error.
        guard earlier.value == value else {
          throw row.error(
            "value_usd_millions",
            "\(reporterName)'s \(flow) with \(partnerName) in \(year) are listed with another value on line \(earlier.line)")
        }
        return
      }
      seen[key] = (row.line, value)
      try sink.insert(
        IMFDOTSRow(
          reporter: reporter, partnerName: partnerName, partner: partner, partnerKind: kind, flow: flow,
          valuation: valuation, year: year, value: value))
      summary.rowsWritten += 1
      summary.cover(year)
    }
    context.progress(1)
    return summary
  }
}
