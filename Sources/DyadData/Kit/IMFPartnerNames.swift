import DyadCore

/// How the economic importers read IMF partner names: which are regional or economic aggregates
/// rather than states, and which state a name means.
///
/// IMF tables list aggregates ("World", "Euro Area", "Emerging and Developing Asia", "Asia not
/// specified") beside economies, and flag only some of them. Dyad treats the names below as
/// aggregates deliberately, whatever the flag says; every other name is resolved through the
/// registry and, when it names no state there (a territory such as Guam or Greenland), kept under
/// its IMF name as unresolved.
public enum IMFPartnerNames {
  /// The IMF aggregate names Dyad knows, as IMF writes them.
  public static let aggregates: [String] = [
    "World",
    "Advanced Economies",
    "Euro Area",
    "European Union",
    "Emerging and Developing Economies",
    "Emerging and Developing Countries",
    "Emerging Market and Developing Economies",
    "Emerging Market and Developing Economies by Source of Export Earnings: Fuel",
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel",
    "Emerging and Developing Asia",
    "Emerging and Developing Europe",
    "Middle East and Central Asia",
    "Middle East, North Africa, Afghanistan, and Pakistan",
    "Middle East",
    "Sub-Saharan Africa",
    "Africa",
    "Asia",
    "Europe",
    "Western Hemisphere",
    "Commonwealth of Independent States",
    "Asia not specified",
    "Europe not specified",
    "Africa not specified",
    "Middle East not specified",
    "Western Hemisphere not specified",
    "Other Countries not included elsewhere",
    "Countries & Areas not specified",
    "Special Categories",
    "Belgo-Luxembourg Economic Union",
    "Belgium-Luxembourg",
  ]

  private static let normalizedAggregates = Set(aggregates.map(StateRegistry.normalize))

  /// Whether a partner name is an aggregate rather than an economy.
  public static func isAggregate(_ name: String) -> Bool {
    normalizedAggregates.contains(StateRegistry.normalize(name))
  }
}
