import DyadCore

/// A query parameter a route accepts: documented in the OpenAPI document and checked before the
/// handler runs, from the same value.
struct QueryParameter: Sendable {
  /// What values the parameter takes.
  enum Kind: Sendable {
    /// A calendar year within ``QueryParameter/yearBounds``.
    case year
    /// Free text up to a length.
    case text(maxLength: Int)
    /// One of a fixed list.
    case choice([String])
    /// A comma-separated list of choices.
    case choices([String])
    /// Two states, `A/B`, each any name or code.
    case dyad
  }

  let name: String
  let description: String
  let kind: Kind
  /// Whether the parameter may be given more than once.
  let repeatable: Bool
  let example: String?

  init(_ name: String, _ description: String, kind: Kind, repeatable: Bool = false, example: String? = nil) {
    self.name = name
    self.description = description
    self.kind = kind
    self.repeatable = repeatable
    self.example = example
  }

  /// The years a request may ask about.
  static let yearBounds = 1800...2100

  /// Checks every given value; throws a 400 problem naming the parameter.
  func validate(_ values: [String]) throws(Problem) {
    if values.count > 1 && !repeatable {
      throw .badParameter(name, "'\(name)' is given \(values.count) times; give it once")
    }
    if repeatable && values.count > 4 {
      throw .badParameter(name, "'\(name)' is given \(values.count) times; the limit is 4")
    }
    for value in values where !value.isEmpty {
      switch kind {
      case .year:
        guard value.count <= 6, let year = Int(value) else {
          throw .badParameter(name, "'\(name)' must be a year such as 1992, not '\(value)'")
        }
        guard Self.yearBounds.contains(year) else {
          throw .badRange(
            "'\(name)' is \(year); Dyad covers \(Self.yearBounds.lowerBound) to \(Self.yearBounds.upperBound)",
            parameter: name)
        }
      case .text(let maxLength):
        guard value.count <= maxLength else {
          throw .badParameter(name, "'\(name)' is longer than \(maxLength) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
          throw .badParameter(name, "'\(name)' contains control characters")
        }
      case .choice(let options):
        guard options.contains(value) else {
          throw .badParameter(name, "'\(name)' must be one of \(options.joined(separator: ", ")), not '\(value)'")
        }
      case .choices(let options):
        for item in value.split(separator: ",") where !options.contains(String(item)) {
          throw .badParameter(name, "'\(name)' takes \(options.joined(separator: ", ")); '\(item)' is not one of them")
        }
      case .dyad:
        let sides = value.split(separator: "/", omittingEmptySubsequences: false)
        guard sides.count == 2, sides.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
          throw .badParameter(name, "'\(name)' must be two states as A/B (such as USA/GBR), not '\(value)'")
        }
      }
    }
  }

  // MARK: - Parameters shared by several routes

  static let from = QueryParameter("from", "The first year (inclusive).", kind: .year, example: "1992")
  static let to = QueryParameter("to", "The last year (inclusive).", kind: .year, example: "2023")
  static let year = QueryParameter(
    "year", "The year of the verdict; this year by default.", kind: .year, example: "2020")
  static let compare = QueryParameter(
    "compare", "A reference dyad to compare with, as two names or codes joined by a slash (USA/GBR). Repeatable.",
    kind: .dyad, repeatable: true, example: "USA/GBR")
  static let kind = QueryParameter(
    "kind", "Only these kinds of event, comma-separated.", kind: .choices(EventKind.allCases.map(\.rawValue)),
    example: "leader-meeting,summit")
  static let dimension = QueryParameter(
    "dimension", "Only one dimension of the ties.", kind: .choice(RelationDimension.allCases.map(\.rawValue)),
    example: "military")
  static let query = QueryParameter(
    "q", "A name, alias or code; prefix a code with its scheme (cow:, gw:, iso2:, iso3:, m49:, imf:) to be exact.",
    kind: .text(maxLength: 80), example: "Soviet Union")
}
