import DyadReport

/// Escaping for server-rendered pages.
enum HTML {
  /// Escapes text for element content and quoted attribute values (the report's and charts'
  /// escaping: control characters XML forbids are dropped).
  static func escape(_ text: String) -> String { MarkupEscaping.xml(text) }

  /// Percent-encodes a value for a path segment or query value.
  static func urlComponent(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
        out.append(Character(UnicodeScalar(byte)))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }

  /// A query string from pairs, empty values left out: `?from=1992&to=2014`.
  static func query(_ pairs: [(String, String?)]) -> String {
    let items = pairs.compactMap { name, value in
      value.flatMap { $0.isEmpty ? nil : "\(name)=\(urlComponent($0))" }
    }
    return items.isEmpty ? "" : "?" + items.joined(separator: "&")
  }
}
