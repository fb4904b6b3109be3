import DyadCore

/// One year of the Correlates of War IGO counts for a dyad.
public struct IGOYear: Hashable, Sendable, Codable {
  public let year: Int
  /// The intergovernmental organisations in which both states were full members.
  public let shared: Int
  /// Each state's full memberships that year, when known.
  public let first: Int?
  public let second: Int?

  public init(year: Int, shared: Int, first: Int?, second: Int?) {
    self.year = year
    self.shared = shared
    self.first = first
    self.second = second
  }
}

/// A span in which both states belonged to one institution, from the curated memberships.
public struct SharedMembership: Hashable, Sendable, Codable {
  public let institution: String
  public let name: String
  /// When the later of the two joined.
  public let from: Day
  /// When the first of the two left; `nil` while both remain.
  public let to: Day?
  public let roles: [String]
  public let sources: [Source]

  /// Whether both were members at some point of a year.
  public func covers(year: Int) -> Bool { from.year <= year && (to.map { year <= $0.year } ?? true) }
}

/// One year of a dyad's shared institutions.
public struct InstitutionYear: Hashable, Sendable, Codable {
  public let year: Int
  /// The COW IGO count of shared full memberships; `nil` outside the dataset's years (missing, not 0).
  public let sharedIGOs: Int?
  public let firstIGOs: Int?
  public let secondIGOs: Int?
  /// The curated institutions both belonged to that year.
  public let curated: [String]
}

/// The institutions two states share: COW IGO counts by year, and the curated memberships (SCO,
/// BRICS, …) that carry the record past the dataset's last year. The summary behind
/// `dyad institutions` and the report.
public struct SharedInstitutionsSummary: Hashable, Sendable, Codable {
  public let dyad: Dyad
  public let years: [InstitutionYear]
  /// The curated shared memberships, by start.
  public let memberships: [SharedMembership]
  /// The years of the COW IGO data in the store.
  public let igoCoverage: YearRange?
  public let igoSource: Source?

  /// Builds the summary for the years `range`, from the dyad's COW rows and both states'
  /// curated memberships.
  public init(
    dyad: Dyad, range: YearRange, igo: [IGOYear], memberships: [Membership], igoCoverage: YearRange?,
    igoSource: Source?
  ) {
    self.dyad = dyad
    self.igoCoverage = igoCoverage
    self.igoSource = igoSource
    let shared = Self.shared(memberships, dyad: dyad)
    self.memberships = shared
    let byYear = Dictionary(igo.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
    years = range.map { year in
      let row = byYear[year]
      return InstitutionYear(
        year: year, sharedIGOs: row?.shared, firstIGOs: row?.first, secondIGOs: row?.second,
        curated: Array(Set(shared.filter { $0.covers(year: year) }.map(\.institution))).sorted())
    }
  }

  /// The spans in which both states belonged to the same institution.
  public static func shared(_ memberships: [Membership], dyad: Dyad) -> [SharedMembership] {
    var result: [SharedMembership] = []
    let byInstitution = Dictionary(grouping: memberships, by: \.institution)
    for (institution, rows) in byInstitution {
      for a in rows where a.state == dyad.first {
        for b in rows where b.state == dyad.second {
          let from = max(a.joined, b.joined)
          let to: Day? =
            switch (a.left, b.left) {
            case (nil, nil): nil
            case (let x?, nil): x
            case (nil, let y?): y
            case (let x?, let y?): min(x, y)
            }
          if let to, to < from { continue }
          var sources: [Source] = []
          for source in [a.source, b.source] where !sources.contains(source) { sources.append(source) }
          result.append(
            SharedMembership(
              institution: institution, name: a.institutionName, from: from, to: to, roles: [a.role, b.role],
              sources: sources))
        }
      }
    }
    return result.sorted { ($0.from, $0.institution) < ($1.from, $1.institution) }
  }
}
