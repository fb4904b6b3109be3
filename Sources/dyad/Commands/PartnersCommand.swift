import ArgumentParser
import DyadAnalysis
import DyadAnswers
import DyadCore
import DyadReport
import DyadStore
import Foundation

struct PartnersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "partners",
    abstract: "A state's trading partners in a year, by share of its trade, with ranks.",
    discussion: """
      Partners come from COW Trade 4.0 (1870–2014) with the ranks computed at import, or, for years \
      COW does not cover, from the state's own reports to the IMF (Direction of Trade), or from the \
      IMF exports tables of every reporter (imf-dots-all, to 2020). A partner with a missing flow is \
      listed unranked and lowers no other partner's rank. Shares are of the state's total trade \
      (imports plus exports): COW national totals, or its IMF trade with the World. In the exports \
      tables partners are ranked by the state's exports to them, imports are each partner's own \
      exports to the state (mirror), and shares are of its exports.

      \(TradePartnerAnswers.schema.help)

      Examples:
        dyad partners China --year 2014
        dyad partners Russia --top 20
        dyad partners Russia --year 2021 --source imf --json
        dyad partners India --year 2020 --source imf-exports
      """)

  enum SeriesChoice: String, ExpressibleByArgument, CaseIterable {
    case cow, imf
    case imfExports = "imf-exports"
  }

  @Argument(help: "The state: a name or code.")
  var state: String

  @Option(name: .long, help: ArgumentHelp("The year (default: the latest with data).", valueName: "year"))
  var year: Int?

  @Option(name: .long, help: ArgumentHelp("How many partners to list (0 for all).", valueName: "n"))
  var top = 10

  @Option(
    name: .long,
    help:
      "The series: cow, imf or imf-exports (default: COW when it has the year, else IMF, else the IMF exports tables).")
  var source: SeriesChoice?

  @OptionGroup var output: TableOutputOptions
  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
  }

  func run() throws {
    let store = try storeOptions.open()
    let resolved = try store.registry.resolve(state, during: .asked(year: year))
    let kind: TradeSource.Kind? = source.map {
      switch $0 {
      case .cow: .cowTrade
      case .imf: .imfDots
      case .imfExports: .imfDotsExports
      }
    }
    guard let answer = try TradePartnerAnswers.answer(resolved, year: year, source: kind, top: top, store: store) else {
      throw TradeCommand.Failure(try unavailable(resolved, store: store))
    }
    if try output.printed(answer) { return }
    let list = answer.payload
    let registry = store.registry
    func name(_ id: StateID) -> String { registry[id]?.name(inYear: list.year) ?? id.rawValue }
    let shown = top == 0 ? list.partners : Array(list.partners.prefix(top))
    let stateName = resolved.name(inYear: list.year)
    if list.source.kind == .imfDotsExports {
      print(
        "\(stateName)'s trading partners in \(list.year) (\(list.source.label)): \(list.ranked) ranked by \(stateName)'s exports; "
          + "exports to every partner listed \(EconomicFormat.millions(list.totalExports.value)) US$ millions; "
          + "imports are each partner's exports to \(stateName) in its own table (mirror)")
    } else {
      let basis = list.source.kind == .cowTrade ? "COW national totals" : "trade with the World as reported to the IMF"
      var totals = "total trade \(EconomicFormat.millions(list.totalTrade.value))"
      if list.totalTrade.isMissing { totals += " (not reported)" }
      totals += ", exports \(EconomicFormat.millions(list.totalExports.value)) US$ millions (\(basis))"
      print(
        "\(stateName)'s trading partners in \(list.year) (\(list.source.label)): \(list.ranked) ranked by two-way trade; \(totals)"
      )
    }
    print("")
    var table = TextTable("RANK", "PARTNER", "EXPORTS", "IMPORTS", "TOTAL", "SHARE", "EXPORT SHARE")
    for entry in shown {
      let label =
        entry.reportedName.map { $0 == name(entry.partner) ? $0 : "\(name(entry.partner)) (\($0))" }
        ?? name(entry.partner)
      table.append(
        entry.rank.map(String.init) ?? EconomicFormat.missing, label, EconomicFormat.millions(entry.exports.value),
        EconomicFormat.millions(entry.imports.value), EconomicFormat.millions(entry.total.value),
        EconomicFormat.percent(entry.share.value), EconomicFormat.percent(entry.exportShare.value))
    }
    print(table.render(), terminator: "")
    let hidden = list.partners.count - shown.count
    let unranked = list.partners.filter { $0.rank == nil }.count
    var notes: [String] = []
    if hidden > 0 { notes.append("\(hidden) more partners (--top 0 lists all).") }
    if unranked > 0 {
      notes.append("\(unranked) partners have a missing flow: they are unranked and lower no other rank.")
    }
    if !list.unresolvedNames.isEmpty {
      notes.append(
        "Not states in Dyad's registry, left out: \(list.unresolvedNames.prefix(8).joined(separator: ", "))"
          + (list.unresolvedNames.count > 8 ? " and \(list.unresolvedNames.count - 8) more." : "."))
    }
    if !notes.isEmpty { print("") }
    for note in notes { print(note) }
    print("\nSource: \(list.citation.citation). \(list.citation.url)")
  }

  /// Why no partners can be listed, and what to do.
  private func unavailable(_ state: State, store: Store) throws -> String {
    let datasets = Set(try store.datasets().map(\.name))
    let years = try store.tradePartnerYears(of: state.id)
    if !datasets.contains("cow-trade") && !datasets.contains("imf-dots") && !datasets.contains("imf-dots-all") {
      return
        "the store has no partner data: run `dyad import cow-trade PATH` (COW Trade 4.0, 1870–2014), `dyad import imf-dots-all PATH` (IMF exports tables, 1961–2020) or `dyad import imf-dots PATH`"
    }
    var available: [String] = []
    if let first = years.cow.first, let last = years.cow.last { available.append("COW \(first)–\(last)") }
    if let first = years.imf.first, let last = years.imf.last { available.append("IMF \(first)–\(last)") }
    if let first = years.imfExports.first, let last = years.imfExports.last {
      available.append("IMF exports tables \(first)–\(last)")
    }
    let asked = year.map { " in \($0)" } ?? ""
    let series = source.map { " from \($0.rawValue)" } ?? ""
    if available.isEmpty {
      let missing = ["cow-trade", "imf-dots-all", "imf-dots"].filter { !datasets.contains($0) }
      return "no partner data for \(state.name)\(series)"
        + (missing.isEmpty ? "" : "; `dyad import \(missing[0]) PATH` may add it")
    }
    return "no partner data for \(state.name)\(asked)\(series); available: \(available.joined(separator: ", "))"
  }
}
