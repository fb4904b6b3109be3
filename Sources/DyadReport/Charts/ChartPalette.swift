/// The Okabe–Ito colour palette (Okabe & Ito, "Color Universal Design", 2008): eight colours
/// that people with the common forms of colour-vision deficiency can tell apart.
///
/// Charts assign ``seriesColors`` in order: the first series is blue, the second vermillion, and
/// so on. Yellow, which is hard to see on white, comes last.
///
/// ```swift
/// ChartPalette.color(at: 0)  // "#0072B2"
/// ```
public enum ChartPalette {
  /// The palette in its published order: black, orange, sky blue, bluish green, yellow, blue,
  /// vermillion, reddish purple.
  public static let okabeIto: [String] = [
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
  ]

  /// The order in which charts use the palette: strong contrasts first, yellow last.
  public static let seriesColors: [String] = [
    "#0072B2",  // blue
    "#D55E00",  // vermillion
    "#009E73",  // bluish green
    "#E69F00",  // orange
    "#CC79A7",  // reddish purple
    "#56B4E9",  // sky blue
    "#000000",  // black
    "#F0E442",  // yellow
  ]

  /// The colour of the series or category at `index`, cycling after eight.
  public static func color(at index: Int) -> String {
    seriesColors[((index % seriesColors.count) + seriesColors.count) % seriesColors.count]
  }
}
