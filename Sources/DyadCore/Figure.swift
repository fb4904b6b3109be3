/// How a figure came to be: observed in a source, derived from observed figures, estimated (a
/// publisher's estimate, or a split Dyad made and labels), or missing.
///
/// Missing is not zero: an absent figure is carried as ``missing`` with its source, never as 0.
public enum ObservationStatus: String, Sendable, Codable, CaseIterable {
  /// As the source publishes it.
  case observed
  /// Computed from observed figures (a share, a balance, a ratio).
  case derived
  /// An estimate: flagged as one by its publisher (IMF's `e`, SIPRI's `?`), or a yearly figure
  /// Dyad split from a multi-year one, which says how.
  case estimated
  /// Not in the source for that year: unknown, never 0.
  case missing
}

/// One figure with its provenance: its value (`nil` when missing), its status, the source and
/// release it comes from, and a note (units, how it was derived, why it is missing).
///
/// Every dimension uses this one type — trade (``TradeFigure``), military (``MilitaryMeasure``)
/// and each new indicator — so that status and provenance read the same everywhere. A figure
/// with no value is always ``ObservationStatus/missing``, whatever status it was given.
///
/// ```swift
/// let milex = Figure.observed(296_000, source: sipri, release: "2025")
/// let share = Figure.derived(0.21, note: "share of A's total trade")
/// Figure.missing("SIPRI gives no figure for 1991").isMissing  // true
/// ```
public struct Figure: Hashable, Sendable, Codable {
  /// The value, `nil` when missing. Units depend on the figure: US$ millions, percent, a ratio.
  public let value: Double?
  public let status: ObservationStatus
  /// The dataset or document it comes from, when the figure carries it.
  public let source: Source?
  /// The release of the dataset (`"2025"`, `"v7.0"`), when known.
  public let release: String?
  /// Units, how it was derived, or why it is missing.
  public let note: String?

  public init(
    value: Double?, status: ObservationStatus, source: Source? = nil, release: String? = nil, note: String? = nil
  ) {
    self.value = value
    self.status = value == nil ? .missing : status
    self.source = source
    self.release = release
    self.note = note
  }

  /// A figure as a source gives it; `nil` makes a missing figure.
  public static func observed(
    _ value: Double?, source: Source? = nil, release: String? = nil, note: String? = nil
  ) -> Figure {
    Figure(value: value, status: .observed, source: source, release: release, note: note)
  }

  /// A figure computed from others; `nil` makes a missing figure.
  public static func derived(
    _ value: Double?, source: Source? = nil, release: String? = nil, note: String? = nil
  ) -> Figure {
    Figure(value: value, status: .derived, source: source, release: release, note: note)
  }

  /// An estimate; `nil` makes a missing figure. The note should say whose estimate, or how it
  /// was made.
  public static func estimated(
    _ value: Double?, source: Source? = nil, release: String? = nil, note: String? = nil
  ) -> Figure {
    Figure(value: value, status: .estimated, source: source, release: release, note: note)
  }

  /// A missing figure, without a note.
  public static let missing = Figure(value: nil, status: .missing)

  /// An absent figure, with why.
  public static func missing(_ note: String, source: Source? = nil, release: String? = nil) -> Figure {
    Figure(value: nil, status: .missing, source: source, release: release, note: note)
  }

  /// The ratio of two figures, derived; missing when either is missing or the divisor is 0.
  public static func ratio(_ a: Figure, _ b: Figure, note: String? = nil) -> Figure {
    guard let x = a.value, let y = b.value, y != 0 else {
      return .missing("needs both figures (and a non-zero second one)", source: a.source ?? b.source)
    }
    return .derived(x / y, source: a.source ?? b.source, note: note)
  }

  /// Whether the figure has no value.
  public var isMissing: Bool { value == nil }
}
