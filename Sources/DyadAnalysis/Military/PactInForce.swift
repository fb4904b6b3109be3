import DyadCore

/// A treaty binding both states of a dyad in a year, from ATOP or from Dyad's curated treaties.
public struct PactInForce: Sendable, Hashable, Codable {
  /// Where the pact comes from.
  public enum Basis: String, Sendable, Codable {
    /// ATOP codes it in force in the year.
    case atop
    /// ATOP coded it in force at the end of its data, and no later record ends it: presumed in force.
    case atopPresumed = "atop-presumed"
    /// Dyad's curated treaties.
    case curated
  }

  /// "ATOP 4980" or a curated treaty id.
  public let id: String
  /// The treaty's name: the curated name, or for an ATOP alliance without one "ATOP alliance 4980".
  public let name: String
  public let obligations: [Obligation]
  /// When both states became bound, and when that ended (`nil`: still in force at the end of the record).
  public let from: String
  public let to: String?
  public let parties: Int
  public let isBilateral: Bool
  public let basis: Basis
  public let source: Source

  public init(
    id: String, name: String, obligations: [Obligation], from: String, to: String?, parties: Int, isBilateral: Bool,
    basis: Basis, source: Source
  ) {
    self.id = id
    self.name = name
    self.obligations = obligations
    self.from = from
    self.to = to
    self.parties = parties
    self.isBilateral = isBilateral
    self.basis = basis
    self.source = source
  }

  /// Whether it obliges its parties to fight for each other (defence or offence).
  public var isMilitaryAlliance: Bool { obligations.contains(.defense) || obligations.contains(.offense) }
  /// Whether it is a pact of restraint or consultation only (non-aggression, neutrality, consultation).
  public var isRestraintPact: Bool {
    !isMilitaryAlliance && obligations.contains { [.nonaggression, .neutrality, .consultation].contains($0) }
  }

  /// "Treaty … (ATOP 4980; bilateral; from 2001-07-16; non-aggression, consultation)".
  public var citation: String {
    var parts: [String] = []
    if id.hasPrefix("ATOP"), !name.hasPrefix("ATOP") { parts.append(id) }
    parts.append(isBilateral ? "bilateral" : "\(parties) parties")
    parts.append(to.map { "\(from) to \($0)" } ?? "from \(from)")
    if !obligations.isEmpty { parts.append(obligations.map(\.label).joined(separator: ", ")) }
    if basis == .atopPresumed { parts.append("in force when ATOP ends; presumed still in force") }
    return "\(name) (\(parts.joined(separator: "; ")))"
  }
}

extension Obligation {
  /// "defence", "non-aggression"…
  public var label: String {
    switch self {
    case .defense: "defence"
    case .offense: "offence"
    case .neutrality: "neutrality"
    case .nonaggression: "non-aggression"
    case .consultation: "consultation"
    }
  }
}

/// The alliance obligations of a dyad in a year and the pacts behind them.
public struct AllianceStatus: Sendable, Hashable, Codable {
  /// Where the obligations come from in that year.
  public enum Basis: String, Sendable, Codable {
    /// ATOP's dyad-year file (its alliances named from the member-level file).
    case atop
    /// Dyad's curated treaties, with ATOP alliances in force at the end of ATOP (after ATOP ends).
    case curatedAfterATOP = "curated-after-atop"
    /// Dyad's curated treaties only (ATOP is not in the store).
    case curatedOnly = "curated-only"
  }

  public let year: Int
  public let obligations: [Obligation]
  public let pacts: [PactInForce]
  public let basis: Basis
  /// Observed (ATOP), derived (curated treaties) or missing.
  public let status: ObservationStatus
  public let source: Source?
  /// How to read the basis: "ATOP ends in 2018: …".
  public let note: String?

  public init(
    year: Int, obligations: [Obligation], pacts: [PactInForce], basis: Basis, status: ObservationStatus, source: Source?,
    note: String?
  ) {
    self.year = year
    self.obligations = obligations
    self.pacts = pacts
    self.basis = basis
    self.status = status
    self.source = source
    self.note = note
  }

  /// The status of a dyad in a year from the inputs.
  ///
  /// While ATOP covers the year, its dyad-year file gives the obligations and its member-level
  /// alliances (to 2016, open-ended ones after) name the pacts. After ATOP ends, or without ATOP,
  /// the curated treaties in force give them, with ATOP alliances still in force at ATOP's end
  /// presumed to continue.
  public static func of(_ inputs: MilitaryInputs, year: Int) -> AllianceStatus {
    let atopSource = inputs.datasetSources[MilitaryInputs.Dataset.atop]
    let curated = inputs.treaties.filter { $0.binds(inputs.dyad) && $0.isInForce(inYear: year) }.map { treaty in
      PactInForce(
        id: treaty.id, name: treaty.name, obligations: treaty.obligations.sorted(),
        from: (treaty.inForce ?? treaty.signed).description, to: treaty.ended?.description, parties: treaty.states.count,
        isBilateral: treaty.states.count == 2, basis: .curated, source: treaty.source)
    }
    func atopPact(_ tie: AllianceTie, basis: PactInForce.Basis) -> PactInForce {
      let match = inputs.treaties.first { treaty in
        treaty.binds(inputs.dyad) && abs(days(treaty.signed.description, tie.begin)) <= 31
      }
      return PactInForce(
        id: "ATOP \(tie.atopID)", name: match?.name ?? "ATOP alliance \(tie.atopID)", obligations: tie.obligations.sorted(),
        from: tie.from, to: tie.to, parties: tie.parties, isBilateral: tie.isBilateral, basis: basis,
        source: atopSource ?? Source(publisher: "ATOP Project", title: "ATOP", date: "", url: "http://www.atopdata.org/"))
    }
    if let coverage = inputs.datasets[MilitaryInputs.Dataset.atop] {
      if year <= coverage.upperBound {
        let obligations = (inputs.atopDyadYears[year] ?? []).sorted()
        let pacts = inputs.alliances.filter { $0.isInForce(inYear: year) }.map { atopPact($0, basis: .atop) }
        return AllianceStatus(
          year: year, obligations: obligations, pacts: unique(pacts), basis: .atop, status: .observed, source: atopSource,
          note: year < coverage.lowerBound ? "before ATOP's coverage (\(coverage))" : nil)
      }
      let presumed = inputs.alliances.filter(\.isOpen).map { atopPact($0, basis: .atopPresumed) }
      let pacts = unique(curated + presumed)
      return AllianceStatus(
        year: year, obligations: Array(Set(pacts.flatMap(\.obligations))).sorted(), pacts: pacts, basis: .curatedAfterATOP,
        status: .derived, source: atopSource,
        note:
          "ATOP ends in \(coverage.upperBound): obligations for \(year) come from Dyad's curated treaties and from ATOP alliances still in force at ATOP's end (presumed to continue)")
    }
    return AllianceStatus(
      year: year, obligations: Array(Set(curated.flatMap(\.obligations))).sorted(), pacts: curated, basis: .curatedOnly,
      status: .derived, source: nil,
      note:
        "ATOP is not in the store (run `dyad import atop PATH`): obligations come from Dyad's curated treaties only, which cover selected dyads")
  }

  /// Pacts without repeats of one ATOP alliance (several phases) or of a curated treaty ATOP also has.
  private static func unique(_ pacts: [PactInForce]) -> [PactInForce] {
    var seen = Set<String>()
    var result: [PactInForce] = []
    // A curated treaty is preferred, unless it codes no obligations (its text not consulted) and
    // ATOP's record of the same treaty does.
    func rank(_ pact: PactInForce) -> Int {
      switch pact.basis {
      case .curated: pact.obligations.isEmpty ? 3 : 0
      case .atop: 1
      case .atopPresumed: 2
      }
    }
    let ordered = pacts.sorted { (rank($0), $1.from, $0.id) < (rank($1), $0.from, $1.id) }
    for pact in ordered where seen.insert(pact.name).inserted {
      result.append(pact)
    }
    return result.sorted { ($0.from, $0.id) < ($1.from, $1.id) }
  }

  /// Days between two `YYYY[-MM[-DD]]` dates, roughly (30-day months); large when unparsable.
  static func days(_ a: String, _ b: String) -> Int {
    func count(_ text: String) -> Int? {
      let parts = text.split(separator: "-").compactMap { Int($0) }
      guard let y = parts.first else { return nil }
      return y * 365 + ((parts.count > 1 ? parts[1] : 1) - 1) * 30 + (parts.count > 2 ? parts[2] : 1)
    }
    guard let x = count(a), let y = count(b) else { return Int.max / 2 }
    return x - y
  }
}
