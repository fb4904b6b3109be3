/// A request's query string, decoded strictly: a malformed percent-escape or invalid UTF-8 is an
/// error, not something to guess around.
struct QueryString: Sendable, Equatable {
  /// The parameters in order, names and values decoded (`+` is a space).
  let pairs: [(name: String, value: String)]

  /// The most parameters one request may carry.
  static let parameterLimit = 24
  /// The longest value accepted.
  static let valueLimit = 200

  static func == (lhs: QueryString, rhs: QueryString) -> Bool {
    lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
  }

  init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

  /// Parses a raw query string (without the `?`).
  init(parsing raw: String?) throws(Problem) {
    guard let raw, !raw.isEmpty else {
      pairs = []
      return
    }
    var pairs: [(name: String, value: String)] = []
    for item in raw.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = try Self.decode(parts[0], what: "parameter name")
      let value = parts.count > 1 ? try Self.decode(parts[1], what: "value of '\(name)'") : ""
      guard !name.isEmpty else { throw .malformedQuery("a query parameter has an empty name") }
      guard value.count <= Self.valueLimit else {
        throw .badParameter(
          name, "the value of '\(name)' is \(value.count) characters long; the limit is \(Self.valueLimit)")
      }
      pairs.append((name, value))
      guard pairs.count <= Self.parameterLimit else {
        throw .malformedQuery("the query string has more than \(Self.parameterLimit) parameters")
      }
    }
    self.pairs = pairs
  }

  /// The values of a parameter, in order.
  func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

  /// The single value of a parameter, or `nil` when absent or empty.
  func value(_ name: String) -> String? {
    values(name).last.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The parameters in a canonical order, for cache keys.
  var canonical: String {
    pairs.sorted { ($0.name, $0.value) < ($1.name, $1.value) }.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
  }

  /// Decodes percent-escapes and `+`; throws on a bad escape or invalid UTF-8.
  static func decode(_ text: Substring, what: String) throws(Problem) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
          throw .malformedQuery("the \(what) has a malformed percent-escape")
        }
        bytes.append(high << 4 | low)
      default: bytes.append(byte)
      }
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else {
      throw .malformedQuery("the \(what) is not valid UTF-8 once decoded")
    }
    return decoded
  }

  /// Decodes a path segment's percent-escapes (a `+` stays a plus); `nil` when malformed.
  static func decodePathSegment(_ text: Substring) -> String? {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
    var bytes: [UInt8] = []
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%") {
        guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
          return nil
        }
        bytes.append(high << 4 | low)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
