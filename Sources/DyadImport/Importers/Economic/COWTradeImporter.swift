import DyadCore
import DyadData
import DyadFast
import DyadStore
import Foundation

/// Imports Correlates of War Trade 4.0: the dyadic flows and the state-year totals, 1870–2014, in
/// current US$ millions.
///
/// In the dyadic file `flow1` is the imports of `ccode1` from `ccode2` and `flow2` the reverse. A
/// missing flow is empty or `NA` (the shared file) or −9 (COW's own release): it is stored as
/// missing, never as zero. COW codes resolve through the registry by year (365 is `RUS` for the
/// Russian Empire, the USSR and the Russian Federation; 710 is `CHN`). A file may hold both orders
/// of a pair (a directed file): the repeated dyad-year must then carry the mirrored flows.
///
/// The import also ranks every state's partners in every year by total trade (both flows
/// observed; a partner with a missing flow is unranked and lowers no other partner's rank) and
/// stores the ranks with the flows. `cow_trade` holds one row per state: its national totals and the
/// packed series (``COWTradeSeries``) of the dyads whose first state it is. The dyadic file is
/// read by ``COWTradeScanner`` on every core (or by ``CSVReader`` when it has quoted fields).
public struct COWTradeImporter: DatasetImporter {
  public let info = DatasetCatalog.info(named: "cow-trade")!
  public let tables: [any StoreRecord.Type] = [COWTradeRow.self]

  public init() {}

  public func read(_ files: [URL], into sink: any ImportSink, context: ImportContext) throws -> ImportSummary {
    guard files.count == 2 else {
      throw ImportError(file: info.name, message: "expects two files: \(info.files.joined(separator: ", "))")
    }
    var builder = COWTradeBuilder(registry: context.registry)
    // The workers rest when the import ends, whatever its outcome (build rests them as it finishes).
    defer { builder.pool.rest() }
    // The small state-year file is parsed by one of the threads reading the dyadic file.
    let digests = context.digests
    let totals = Deferred {
      let parsed = try COWTradeBuilder.parseStateTotals(files[1])
      if let digest = try? FileDigest.of(file: files[1]) { digests.record(digest, for: files[1]) }
      return parsed
    }
    try builder.readDyadic(files[0], digests: digests, alongside: { totals.run() })
    context.progress(0.5)
    try builder.add(totals.value())
    context.progress(0.7)
    // The states are packed on every core as they are written, in order.
    let (output, packing) = try builder.build()
    defer { packing.finish() }
    try sink.insert(COWTradeRow.self, count: packing.count) { i in
      let state = packing.state(at: i)
      return COWTradeRow(
        state: state.state, totalsFirstYear: state.totalsFirstYear, totals: state.totals, dyads: state.dyads)
    }
    packing.finish()
    context.progress(1)
    let summary = ImportSummary(
      rowsRead: builder.rowsRead, rowsWritten: output.dyadYears + output.stateYears,
      coverage: builder.years.flatMap { try? YearRange(from: $0.lowerBound, to: $0.upperBound) })
    // The rows and their indexes are released while the store commits.
    releaseInBackground(builder)
    return summary
  }
}
