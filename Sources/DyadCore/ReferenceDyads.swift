/// The dyads every answer shows for scale unless asked otherwise: United States–United Kingdom
/// and United States–Japan, two treaty alliances, in the order they are named.
///
/// Defined once here so that the report, the store and the answer layer agree.
public enum ReferenceDyads {
  /// The reference dyads, each as its two states in the order named.
  public static let standard: [(StateID, StateID)] = [("USA", "GBR"), ("USA", "JPN")]
}
