import Foundation

/// Chooses a representation from an `Accept` header (RFC 9110 §12.5.1): the offered format with
/// the highest quality, the route's order breaking ties; `nil` when none is acceptable.
enum ContentNegotiation {
  /// One media range of an `Accept` header.
  struct MediaRange: Equatable {
    let type: String
    let subtype: String
    let quality: Double

    /// How specifically the range matches a media type: 3 exact, 2 `type/*`, 1 `*/*`, nil no match.
    func specificity(for mediaType: String) -> Int? {
      let parts = mediaType.split(separator: "/", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return nil }
      if type == "*" && subtype == "*" { return 1 }
      guard type == parts[0] else { return nil }
      if subtype == "*" { return 2 }
      return subtype == parts[1] ? 3 : nil
    }
  }

  /// Parses an `Accept` header; malformed ranges are skipped.
  static func parse(_ header: String) -> [MediaRange] {
    header.split(separator: ",").compactMap { item in
      let pieces = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let range = pieces.first, !range.isEmpty else { return nil }
      let types = range.lowercased().split(separator: "/", maxSplits: 1).map(String.init)
      guard types.count == 2, !types[0].isEmpty, !types[1].isEmpty else { return nil }
      var quality = 1.0
      for parameter in pieces.dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if pair.count == 2, pair[0].lowercased() == "q" {
          guard let q = Double(pair[1]), (0...1).contains(q) else { return nil }
          quality = q
        }
      }
      return MediaRange(type: types[0], subtype: types[1], quality: quality)
    }
  }

  /// The quality a header gives a media type: that of the most specific matching range.
  static func quality(of mediaType: String, in ranges: [MediaRange]) -> Double {
    var best: (specificity: Int, quality: Double)?
    for range in ranges {
      guard let specificity = range.specificity(for: mediaType) else { continue }
      if best == nil || specificity > best!.specificity { best = (specificity, range.quality) }
    }
    return best?.quality ?? 0
  }

  /// The format to answer with, or `nil` for 406.
  static func choose(from offered: [Format], accept: String?) -> Format? {
    guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return offered.first }
    let ranges = parse(accept)
    guard !ranges.isEmpty else { return offered.first }
    var chosen: (format: Format, quality: Double)?
    for format in offered {
      let quality = quality(of: format.mediaType, in: ranges)
      if quality > 0, chosen == nil || quality > chosen!.quality { chosen = (format, quality) }
    }
    return chosen?.format
  }

  /// Whether a client prefers an HTML page to a problem document (a browser).
  static func prefersHTML(_ accept: String?) -> Bool {
    guard let accept else { return false }
    let ranges = parse(accept)
    let html = quality(of: "text/html", in: ranges)
    let json = max(quality(of: "application/problem+json", in: ranges), quality(of: "application/json", in: ranges))
    return html > 0 && ranges.contains { $0.type == "text" && $0.subtype == "html" } && html >= json
  }
}
