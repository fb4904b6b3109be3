/// The text every chart carries: what it shows, in which units, from which source.
///
/// ```swift
/// let info = ChartInfo(
///   title: "UNGA voting agreement, China and Russia",
///   units: "Share of votes in agreement",
///   source: "Source: Voeten, UNGA voting data (Harvard Dataverse), v32; table unga_votes.",
///   caption: "Share of recorded votes in which both states voted the same way, by session year.")
/// ```
public struct ChartInfo: Sendable, Hashable, Codable {
  /// The chart's heading, shown above it and used as its accessible name.
  public var title: String
  /// The y-axis units label, e.g. "US$ million (current)". Empty when the axis has no units.
  public var units: String
  /// The source line rendered under the chart, written out in full (e.g. "Source: COW Trade v4.0").
  public var source: String
  /// One or two sentences on what the chart shows; the start of the SVG's `<desc>`.
  public var caption: String
  /// The chart's identifier, unique within a page: the prefix of every `id` inside its SVG.
  /// Defaults to a slug of the title; set it when two charts on a page share a title.
  public var id: String

  /// Chart texts; `id` defaults to the title.
  public init(title: String, units: String = "", source: String = "", caption: String = "", id: String? = nil) {
    self.title = title
    self.units = units
    self.source = source
    self.caption = caption
    self.id = id ?? title
  }

  /// ``id`` reduced to a valid XML name: ASCII letters, digits and hyphens, starting with "chart-".
  public var elementID: String {
    var slug = ""
    var pendingHyphen = false
    for scalar in id.unicodeScalars {
      let value = scalar.value
      let isAlphanumeric = (0x30...0x39).contains(value) || (0x61...0x7A).contains(value)
      let isUpper = (0x41...0x5A).contains(value)
      if isAlphanumeric || isUpper {
        if pendingHyphen, !slug.isEmpty { slug += "-" }
        pendingHyphen = false
        slug.unicodeScalars.append(isUpper ? Unicode.Scalar(value + 0x20)! : scalar)
      } else {
        pendingHyphen = true
      }
      if slug.count >= 48 { break }
    }
    return slug.isEmpty ? "chart" : "chart-" + slug
  }
}
