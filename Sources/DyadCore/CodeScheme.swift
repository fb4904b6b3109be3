/// A scheme by which data sources name states.
public enum CodeScheme: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  /// Correlates of War numeric code (China 710, Russia 365).
  case cowNumeric = "cow"
  /// Correlates of War letter code (CHN, RUS, UKG).
  case cowLetter = "cowc"
  /// Gleditsch–Ward numeric code.
  case gwNumeric = "gw"
  /// Gleditsch–Ward letter code.
  case gwLetter = "gwc"
  /// ISO 3166-1 alpha-2.
  case iso2
  /// ISO 3166-1 alpha-3.
  case iso3
  /// UN M49 / ISO 3166-1 numeric.
  case m49
  /// IMF numeric country code (China 924, Russia 922).
  case imf

  public var description: String {
    switch self {
    case .cowNumeric: "COW"
    case .cowLetter: "COW letter"
    case .gwNumeric: "GW"
    case .gwLetter: "GW letter"
    case .iso2: "ISO alpha-2"
    case .iso3: "ISO alpha-3"
    case .m49: "UN M49"
    case .imf: "IMF"
    }
  }

  /// Whether codes in this scheme are numbers.
  public var isNumeric: Bool {
    switch self {
    case .cowNumeric, .gwNumeric, .m49, .imf: true
    default: false
    }
  }
}

/// The codes one state carries in each scheme, any of which may be absent.
public struct StateCodes: Hashable, Sendable, Codable {
  public var values: [CodeScheme: String]

  public init(_ values: [CodeScheme: String] = [:]) {
    self.values = values.filter { !$0.value.isEmpty }
  }

  public subscript(scheme: CodeScheme) -> String? {
    get { values[scheme] }
    set { values[scheme] = newValue?.isEmpty == true ? nil : newValue }
  }
}
