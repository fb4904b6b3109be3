import DyadCore

/// One military figure with its provenance: the value (nil when missing), whether it was observed in
/// a source or derived from observed figures, the source, and a note (units, why it is missing).
public struct MilitaryMeasure: Sendable, Hashable, Codable {
  public let value: Double?
  public let status: ObservationStatus
  public let source: Source?
  public let note: String?

  public init(value: Double?, status: ObservationStatus, source: Source?, note: String? = nil) {
    self.value = value
    self.status = value == nil ? .missing : status
    self.source = source
    self.note = note
  }

  /// A figure read from a source.
  public static func observed(_ value: Double?, source: Source?, note: String? = nil) -> MilitaryMeasure {
    MilitaryMeasure(value: value, status: .observed, source: source, note: note)
  }

  /// A figure computed from observed ones.
  public static func derived(_ value: Double?, source: Source?, note: String? = nil) -> MilitaryMeasure {
    MilitaryMeasure(value: value, status: .derived, source: source, note: note)
  }

  /// An absent figure, with why.
  public static func missing(_ note: String, source: Source? = nil) -> MilitaryMeasure {
    MilitaryMeasure(value: nil, status: .missing, source: source, note: note)
  }

  /// The ratio of two figures, derived; missing when either is missing or the divisor is 0.
  public static func ratio(_ a: MilitaryMeasure, _ b: MilitaryMeasure, note: String? = nil) -> MilitaryMeasure {
    guard let x = a.value, let y = b.value, y != 0 else {
      return .missing("needs both figures (and a non-zero second one)", source: a.source ?? b.source)
    }
    return .derived(x / y, source: a.source ?? b.source, note: note)
  }
}
