import Foundation

/// The JSON encoder every response uses: keys sorted (so equal data gives equal bytes and equal
/// ETags) and slashes unescaped.
enum JSONCoding {
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func encode(_ value: some Encodable) throws -> Data { try encoder.encode(value) }
}
