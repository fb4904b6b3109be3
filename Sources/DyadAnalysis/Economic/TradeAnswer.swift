import DyadCore

/// Writes the answer sentence of a ``TradeProfile``: how much each side relies on the other, from
/// the latest COW year with both shares, then what later official and IMF figures say, each
/// figure with its year and source.
enum TradeAnswer {
  /// The sentence, or `nil` when no series has a figure to state.
  static func sentence(
    a: StateID, b: StateID, rows: [TradeYear], comparisons: [TradeComparison], cowEnd: Int?,
    names: (StateID, Int) -> String
  ) -> String? {
    write(a: a, b: b, rows: rows, comparisons: comparisons, cowEnd: cowEnd, names: names)
  }

  private static func write(
    a: StateID, b: StateID, rows: [TradeYear], comparisons: [TradeComparison], cowEnd: Int?,
    names rawNames: (StateID, Int) -> String
  ) -> String? {
    func names(_ id: StateID, _ year: Int) -> String { EconomicFormat.inSentence(rawNames(id, year)) }
    func owner(_ id: StateID, _ year: Int) -> String { EconomicFormat.possessive(rawNames(id, year)) }
    var sentences: [String] = []
    let cow = rows.filter { $0.source.kind == .cowTrade }
    var lastCOWYear: Int?
    if let row = cow.last(where: { !$0.shareOfBInA.isMissing && !$0.shareOfAInB.isMissing }),
      let shareOfBInA = row.shareOfBInA.value, let shareOfAInB = row.shareOfAInB.value
    {
      // The more dependent side first.
      let aDepends = shareOfBInA >= shareOfAInB
      let (dependent, other) = aDepends ? (a, b) : (b, a)
      let (high, low) = aDepends ? (shareOfBInA, shareOfAInB) : (shareOfAInB, shareOfBInA)
      let (rankOfOther, rankOfDependent) =
        aDepends ? (row.rankOfBForA, row.rankOfAForB) : (row.rankOfAForB, row.rankOfBForA)
      let y = row.year
      var text =
        "In \(y) \(names(dependent, y)) relied on \(names(other, y)) for \(EconomicFormat.percent(high)) of its trade "
        + "while \(names(other, y)) relied on \(names(dependent, y)) for \(EconomicFormat.percent(low)) (COW Trade 4.0)"
      var ranks: [String] = []
      if let rank = rankOfOther {
        ranks.append(
          "\(names(other, y)) ranked \(EconomicFormat.ordinal(rank.rank)) among \(owner(dependent, y)) \(rank.among) trading partners"
        )
      }
      if let rank = rankOfDependent {
        ranks.append(
          ranks.isEmpty
            ? "\(names(dependent, y)) ranked \(EconomicFormat.ordinal(rank.rank)) among \(owner(other, y)) \(rank.among) trading partners"
            : "\(names(dependent, y)) \(EconomicFormat.ordinal(rank.rank)) among \(owner(other, y)) \(rank.among)")
      }
      if !ranks.isEmpty { text += "; " + ranks.joined(separator: " and ") }
      sentences.append(text + ".")
      lastCOWYear = y
    } else if let row = cow.last(where: { !$0.total.isMissing }), let total = row.total.value {
      let y = row.year
      sentences.append(
        "In \(y) COW Trade 4.0 records \(EconomicFormat.usd(total)) of trade between \(names(a, y)) and \(names(b, y)); the national totals needed for shares are missing."
      )
      lastCOWYear = y
    }

    // Later years: official totals and IMF reports, each by its reporter.
    let after = lastCOWYear ?? cowEnd ?? Int.min
    var later: [String] = []
    for reporter in [a, b] {
      if let row = rows.last(where: {
        $0.source == .official(reporter) && $0.year > after && !$0.total.isMissing
      }), let total = row.total.value {
        later.append(
          "\(owner(reporter, row.year)) official figures put two-way trade at \(EconomicFormat.usd(total)) in \(row.year) (\(shortPublisher(row.citation)))"
        )
      }
    }
    // Both sides' IMF exports tables (to 2020): each side's export share and rank.
    if let row = rows.last(where: {
      $0.source == .imfExports && $0.year > after
        && (!$0.shareOfBInAExports.isMissing || !$0.shareOfAInBExports.isMissing)
    }) {
      let y = row.year
      var parts: [String] = []
      for (from, to, share, rank) in [
        (a, b, row.shareOfBInAExports, row.rankOfBForA), (b, a, row.shareOfAInBExports, row.rankOfAForB),
      ] {
        guard let value = share.value else { continue }
        var text = "\(names(from, y)) sent \(EconomicFormat.percent(value)) of its exports to \(names(to, y))"
        if let rank { text += " (its \(EconomicFormat.ordinal(rank.rank)) destination of \(rank.among))" }
        parts.append(text)
      }
      var text = "IMF export tables put \(EconomicFormat.usd(row.total.value ?? 0)) of trade between them in \(y): "
      if row.total.isMissing { text = "In \(y) IMF export tables show that " }
      later.append(text + parts.joined(separator: " and ") + " (IMF DOTS exports, each side's own table)")
    }
    for reporter in [a, b] {
      let other = reporter == a ? b : a
      let imf = rows.filter { $0.source == .imf(reporter) && $0.year > after }
      if let row = imf.last(where: { !(reporter == a ? $0.shareOfBInA : $0.shareOfAInB).isMissing }),
        let share = (reporter == a ? row.shareOfBInA : row.shareOfAInB).value
      {
        later.append(
          "\(owner(reporter, row.year)) reports to the IMF give \(names(other, row.year)) \(EconomicFormat.percent(share)) of \(owner(reporter, row.year)) trade in \(row.year) (IMF DOTS)"
        )
      } else if let row = imf.last(where: { !(reporter == a ? $0.shareOfBInAExports : $0.shareOfAInBExports).isMissing }
      ),
        let share = (reporter == a ? row.shareOfBInAExports : row.shareOfAInBExports).value
      {
        var text =
          "\(owner(reporter, row.year)) reports to the IMF show \(names(other, row.year)) taking \(EconomicFormat.percent(share)) of \(owner(reporter, row.year)) exports in \(row.year)"
        if let rank = reporter == a ? row.rankOfBForA : row.rankOfAForB {
          text += ", its \(EconomicFormat.ordinal(rank.rank)) partner of \(rank.among) by two-way trade"
        }
        later.append(text + " (IMF DOTS)")
      } else if let row = imf.last(where: { !$0.total.isMissing }), let total = row.total.value {
        later.append(
          "\(owner(reporter, row.year)) reports to the IMF give \(EconomicFormat.usd(total)) of trade with \(names(other, row.year)) in \(row.year) (IMF DOTS)"
        )
      }
    }
    if !later.isEmpty {
      // Without COW years before them, the later figures open the answer on their own.
      let lead = lastCOWYear.map { "After \($0), " } ?? cowEnd.map { "After \($0), where COW Trade 4.0 ends, " } ?? ""
      var text = lead + later.joined(separator: "; ")
      // The latest year an official total and an IMF total disagree, with the gap.
      if let gap = comparisons.last(where: {
        $0.measure == .total && $0.year > after
          && Set($0.figures.map(\.source.kind)).isSuperset(of: [.official, .imfDots])
      }) {
        let parts = gap.figures.map { "\(EconomicFormat.usd($0.value)) (\(describe($0.source, gap.year, rawNames)))" }
        text += ". For \(gap.year) the sources differ: " + parts.joined(separator: " against ")
        if let percent = gap.gapPercent { text += ", a gap of \(EconomicFormat.percent(percent))" }
      }
      sentences.append(text + ".")
    }
    return sentences.isEmpty ? nil : sentences.joined(separator: " ")
  }

  /// The publisher without its parenthesised detail: "TASS" for "TASS (citing customs data)".
  private static func shortPublisher(_ source: Source) -> String {
    let name = source.publisher
    guard let cut = name.range(of: " (") else { return name }
    return String(name[..<cut.lowerBound])
  }

  private static func describe(_ source: TradeSource, _ year: Int, _ names: (StateID, Int) -> String) -> String {
    let reporter = source.reporter.map { names($0, year) } ?? ""
    switch source.kind {
    case .cowTrade: return "COW Trade 4.0"
    case .official: return "\(reporter), official"
    case .imfDots: return "\(reporter) to the IMF"
    case .imfDotsExports: return "IMF export tables"
    }
  }
}
