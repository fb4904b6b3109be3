import Foundation

/// Strong entity tags (RFC 9110 §8.8.3) computed from a response body, and `If-None-Match`
/// matching.
enum EntityTag {
  /// A strong tag for a body: two independent 64-bit FNV-1a hashes and the length, so equal bytes
  /// give equal tags and a change of any byte changes the tag.
  static func strong(for bytes: some Collection<UInt8>) -> String {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x6c62_272e_07bb_0142
    var count: UInt64 = 0
    for byte in bytes {
      first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      second = (second &+ UInt64(byte) &+ 0x9e37_79b9_7f4a_7c15) &* 0xbf58_476d_1ce4_e5b9
      second ^= second >> 31
      count &+= 1
    }
    return "\"\(hex(first))\(hex(second))-\(String(count, radix: 16))\""
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Whether an `If-None-Match` header matches a tag, by the weak comparison the header uses.
  static func matches(ifNoneMatch header: String, tag: String) -> Bool {
    let opaque = strip(tag)
    for candidate in header.split(separator: ",") {
      let value = candidate.trimmingCharacters(in: .whitespaces)
      if value == "*" || strip(value) == opaque { return true }
    }
    return false
  }

  private static func strip(_ tag: some StringProtocol) -> Substring {
    let text = Substring(tag)
    return text.hasPrefix("W/") ? text.dropFirst(2) : text
  }
}
