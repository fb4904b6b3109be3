import DyadCore

/// How closely two states are tied in security terms in a year; see ``VerdictRules``.
public enum SecurityTie: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// A defence (or offence) pact binds them.
  case treatyAllies = "treaty allies"
  /// A selective non-aggression, neutrality or consultation pact, plus regular joint exercises or
  /// significant arms transfers.
  case alignedPartners = "aligned partners"
  /// One of: a selective pact, regular or occasional joint exercises, arms transfers.
  case partners
  /// None of the above in the data.
  case noSecurityTies = "no security ties"
  /// No security ties, and armed conflict or a strategic rivalry between them (R6, R7).
  case adversaries

  public var description: String { rawValue }

  /// The rank, strongest first (0 = treaty allies).
  public var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// A rule of the verdict: its id, short name and the condition it tests.
public struct VerdictRule: Sendable, Hashable, Codable {
  public let id: String
  public let name: String
  public let condition: String

  public init(id: String, name: String, condition: String) {
    self.id = id
    self.name = name
    self.condition = condition
  }
}

/// One fact a rule's finding rests on, with where a reader can check it.
public struct VerdictEvidence: Sendable, Hashable, Codable {
  public let text: String
  public let sources: [Source]

  public init(_ text: String, sources: [Source]) {
    self.text = text
    self.sources = sources
  }
}

/// A rule applied to a dyad-year: whether it fired, what was found, and the evidence.
public struct VerdictRuleResult: Sendable, Hashable, Codable {
  public let rule: VerdictRule
  public let fired: Bool
  /// One line: what the data show for this rule.
  public let finding: String
  public let evidence: [VerdictEvidence]
  /// Why the outcome is not observed for the year, when it is not: "carried forward from
  /// 2021–2023" (the rule fired in the last window its data cover), "presumed: …", "not known …".
  /// `nil` when the data cover the year.
  public let provisional: String?

  public init(rule: VerdictRule, fired: Bool, finding: String, evidence: [VerdictEvidence], provisional: String? = nil) {
    self.rule = rule
    self.fired = fired
    self.finding = finding
    self.evidence = evidence
    self.provisional = provisional
  }
}

/// The answer to "are they allies?" for a dyad in a year: the classification, every rule with its
/// finding and evidence, and what the data did and did not cover.
public struct AllianceVerdict: Sendable, Hashable, Codable {
  public let dyad: Dyad
  /// The display names of ``Dyad/first`` and ``Dyad/second``.
  public let names: [String]
  public let year: Int
  public let tie: SecurityTie
  /// One sentence: the verdict and the rules behind it.
  public let summary: String
  /// Every rule, fired or not, in ``VerdictRules/rules`` order.
  public let rules: [VerdictRuleResult]
  /// The alliance obligations and pacts in force, and their basis (ATOP or curated treaties).
  public let alliance: AllianceStatus
  /// Coverage notes: the basis of the alliance data, datasets not in the store and how to import them.
  public let notes: [String]
  /// The verdict as a reader says it, with hostility and provisionality: "treaty allies in name;
  /// armed clashes in 1969; rivals 1958–1989", "aligned partners (provisional)".
  public let headline: String
  /// The hostility the data show in the year: "armed clashes in 1969", "rivals 1958–1989".
  public let hostility: [String]
  /// Whether the year is past the end of data a rule reads (see ``missingEvidence``).
  public let isProvisional: Bool
  /// The evidence the store does not hold for the year, one line each, and how the rule treats it.
  public let missingEvidence: [String]
  /// The class on the evidence observed for the year alone, without anything carried forward or
  /// presumed; equal to ``tie`` when the verdict is not provisional.
  public let observedTie: SecurityTie

  public init(
    dyad: Dyad, names: [String], year: Int, tie: SecurityTie, summary: String, rules: [VerdictRuleResult],
    alliance: AllianceStatus, notes: [String], headline: String? = nil, hostility: [String] = [],
    isProvisional: Bool = false, missingEvidence: [String] = [], observedTie: SecurityTie? = nil
  ) {
    self.headline = headline ?? tie.rawValue
    self.hostility = hostility
    self.isProvisional = isProvisional
    self.missingEvidence = missingEvidence
    self.observedTie = observedTie ?? tie
    self.dyad = dyad
    self.names = names
    self.year = year
    self.tie = tie
    self.summary = summary
    self.rules = rules
    self.alliance = alliance
    self.notes = notes
  }

  /// The rules that fired.
  public var firedRules: [VerdictRuleResult] { rules.filter(\.fired) }

  /// Every source the evidence cites, in order of first citation.
  public var sources: [Source] {
    var seen = Set<String>()
    var result: [Source] = []
    for source in rules.flatMap({ $0.evidence.flatMap(\.sources) }) where seen.insert(source.key).inserted {
      result.append(source)
    }
    return result
  }
}
