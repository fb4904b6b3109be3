import DyadCore
import Foundation

/// The packed yearly series that the `cow-trade` importer stores in `cow_trade`, one row per state,
/// and that the store decodes.
///
/// A state's `dyads` pack holds the dyads whose first (smaller) state it is, each with its partner
/// and one record per year from the dyad's first to its last year of data:
///
/// ```
/// pack   := version(1 byte = 1) count(varint) dyad*
/// dyad   := idLength(varint) id(UTF-8) firstYear(varint) years(varint) encoding(1 byte)
///           payloadLength(varint) record*
/// record := imports of the state from the partner, imports of the partner from the state,
///           the partner's rank among the state's partners (varint, 0 = unranked),
///           the state's rank among the partner's partners (varint, 0 = unranked)
/// ```
///
/// With encoding 0 (every flow of the dyad a whole number, as in COW Trade 4.0) a flow is the
/// varint of value + 1, 0 meaning missing; with encoding 1 it is a little-endian `Float64`, NaN
/// meaning missing. A state's `totals` hold one 18-byte record per year: total imports and exports
/// (`Float64`, NaN = missing) and the number of partners ranked (`UInt16`).
///
/// Packing 673,654 dyad-years into about 200 rows of varints (about 4 MB) rather than a row per
/// dyad-year is what lets the import keep pace with a CSV parser merely reading the file.
public enum COWTradeSeries {
  /// The size of one state-year record.
  public static let stateRecordSize = 18
  package static let packVersion: UInt8 = 1

  /// One year of a dyad's COW trade, oriented to the dyad's first and second state.
  public struct DyadYear: Sendable, Hashable {
    public let year: Int
    /// Imports of the first state from the second, current US$ millions; `nil` when missing.
    public let firstImportsFromSecond: Double?
    /// Imports of the second state from the first, current US$ millions; `nil` when missing.
    public let secondImportsFromFirst: Double?
    /// The second state's rank among the first's partners by total trade; `nil` when unranked.
    public let rankOfSecondForFirst: Int?
    /// The first state's rank among the second's partners by total trade; `nil` when unranked.
    public let rankOfFirstForSecond: Int?

    public init(
      year: Int, firstImportsFromSecond: Double?, secondImportsFromFirst: Double?, rankOfSecondForFirst: Int?,
      rankOfFirstForSecond: Int?
    ) {
      self.year = year
      self.firstImportsFromSecond = firstImportsFromSecond
      self.secondImportsFromFirst = secondImportsFromFirst
      self.rankOfSecondForFirst = rankOfSecondForFirst
      self.rankOfFirstForSecond = rankOfFirstForSecond
    }

    /// Whether any value is present (a year inside the span with no row in the file has none).
    public var hasData: Bool { firstImportsFromSecond != nil || secondImportsFromFirst != nil }
  }

  /// The series of one dyad in a pack.
  public struct Dyad: Sendable, Hashable {
    /// The dyad's second state (the pack's state is the first).
    public let partner: StateID
    public let years: [DyadYear]

    public init(partner: StateID, years: [DyadYear]) {
      self.partner = partner
      self.years = years
    }
  }

  /// One year of a state's COW national trade totals.
  public struct StateYear: Sendable, Hashable {
    public let year: Int
    /// Total imports, current US$ millions; `nil` when missing.
    public let imports: Double?
    /// Total exports, current US$ millions; `nil` when missing.
    public let exports: Double?
    /// The number of partners with both flows observed that year (those ranked).
    public let partnersRanked: Int

    public init(year: Int, imports: Double?, exports: Double?, partnersRanked: Int) {
      self.year = year
      self.imports = imports
      self.exports = exports
      self.partnersRanked = partnersRanked
    }
  }

  // MARK: Decoding

  /// Every dyad of a pack.
  public static func decodePack(_ data: Data) throws(CorruptSeriesError) -> [Dyad] {
    var result: [Dyad] = []
    try scan(data) { (partner, firstYear, years, encoding, payload) throws(CorruptSeriesError) in
      result.append(Dyad(partner: StateID(partner), years: try decode(payload, firstYear: firstYear, years: years, encoding: encoding)))
      return true
    }
    return result
  }

  /// The series of one partner in a pack, or `nil` when the pack has no such dyad.
  public static func decodePack(_ data: Data, partner: StateID) throws(CorruptSeriesError) -> [DyadYear]? {
    var found: [DyadYear]?
    try scan(data) { (id, firstYear, years, encoding, payload) throws(CorruptSeriesError) in
      guard id == partner.rawValue else { return true }
      found = try decode(payload, firstYear: firstYear, years: years, encoding: encoding)
      return false
    }
    return found
  }

  /// Every dyad's record of one year (dyads whose span does not include the year are left out).
  public static func decodePack(_ data: Data, year: Int) throws(CorruptSeriesError) -> [(partner: StateID, year: DyadYear)] {
    var result: [(partner: StateID, year: DyadYear)] = []
    try scan(data) { (partner, firstYear, years, encoding, payload) throws(CorruptSeriesError) in
      guard year >= firstYear, year < firstYear + years else { return true }
      let all = try decode(payload, firstYear: firstYear, years: years, encoding: encoding)
      result.append((StateID(partner), all[year - firstYear]))
      return true
    }
    return result
  }

  /// Decodes a state's totals.
  public static func decodeState(_ data: Data, firstYear: Int) throws(CorruptSeriesError) -> [StateYear] {
    guard data.count % stateRecordSize == 0 else {
      throw CorruptSeriesError(detail: "\(data.count) bytes of totals are not whole \(stateRecordSize)-byte records")
    }
    return data.withUnsafeBytes { raw in
      (0..<(data.count / stateRecordSize)).map { i in
        let base = i * stateRecordSize
        return StateYear(
          year: firstYear + i, imports: value(raw, base), exports: value(raw, base + 8),
          partnersRanked: Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: base + 16, as: UInt16.self))))
      }
    }
  }

  /// Walks a pack's dyads; `body` gets each dyad's partner id, first year, year count, encoding and
  /// payload, and returns whether to go on.
  private static func scan(
    _ data: Data,
    _ body: (String, Int, Int, UInt8, UnsafeRawBufferPointer) throws(CorruptSeriesError) -> Bool
  ) throws(CorruptSeriesError) {
    if data.isEmpty { return }
    let result: Result<Void, CorruptSeriesError> = data.withUnsafeBytes { raw in
      var reader = ByteReader(raw)
      do throws(CorruptSeriesError) {
        guard try reader.byte() == packVersion else { throw CorruptSeriesError(detail: "unknown pack version") }
        let count = try reader.varint()
        for _ in 0..<count {
          let idLength = try reader.varint()
          let id = String(decoding: try reader.bytes(idLength), as: UTF8.self)
          let firstYear = try reader.varint()
          let years = try reader.varint()
          let encoding = try reader.byte()
          let length = try reader.varint()
          let payload = try reader.bytes(length)
          guard try body(id, firstYear, years, encoding, payload) else { break }
        }
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
  }

  private static func decode(
    _ payload: UnsafeRawBufferPointer, firstYear: Int, years: Int, encoding: UInt8
  ) throws(CorruptSeriesError) -> [DyadYear] {
    var reader = ByteReader(payload)
    var result: [DyadYear] = []
    result.reserveCapacity(years)
    for i in 0..<years {
      let first: Double?, second: Double?
      switch encoding {
      case 0:
        let x = try reader.varint(), y = try reader.varint()
        first = x == 0 ? nil : Double(x - 1)
        second = y == 0 ? nil : Double(y - 1)
      case 1:
        let x = try reader.double(), y = try reader.double()
        first = x.isNaN ? nil : x
        second = y.isNaN ? nil : y
      default:
        throw CorruptSeriesError(detail: "unknown encoding \(encoding)")
      }
      let r1 = try reader.varint(), r2 = try reader.varint()
      result.append(
        DyadYear(
          year: firstYear + i, firstImportsFromSecond: first, secondImportsFromFirst: second,
          rankOfSecondForFirst: r1 == 0 ? nil : r1, rankOfFirstForSecond: r2 == 0 ? nil : r2))
    }
    guard reader.isAtEnd else { throw CorruptSeriesError(detail: "a dyad's payload is longer than its years") }
    return result
  }

  // MARK: Encoding

  /// Packs dyads (each with its years in order, without gaps) the way the importer does.
  public static func encodePack(_ dyads: [Dyad]) -> [UInt8] {
    var writer = PackWriter()
    writer.begin(count: dyads.count)
    for dyad in dyads {
      let flows = dyad.years.flatMap { [$0.firstImportsFromSecond ?? .nan, $0.secondImportsFromFirst ?? .nan] }
      writer.beginDyad(
        partner: Array(dyad.partner.rawValue.utf8), firstYear: dyad.years.first?.year ?? 0, years: dyad.years.count,
        whole: flows.allSatisfy(PackWriter.isWhole))
      for year in dyad.years {
        writer.record(
          year.firstImportsFromSecond ?? .nan, year.secondImportsFromFirst ?? .nan, year.rankOfSecondForFirst ?? 0,
          year.rankOfFirstForSecond ?? 0)
      }
      writer.endDyad()
    }
    return writer.finish()
  }

  @inline(__always)
  package static func value(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> Double? {
    let bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    let value = Double(bitPattern: bits)
    return value.isNaN ? nil : value
  }

  @inline(__always)
  package static func store(_ value: Double, _ raw: UnsafeMutableRawBufferPointer, _ offset: Int) {
    raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
  }

  @inline(__always)
  package static func store(_ value: UInt16, _ raw: UnsafeMutableRawBufferPointer, _ offset: Int) {
    raw.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt16.self)
  }
}

/// Appends the pieces of a pack: a dyad's header, then its records, then its payload length.
///
/// Writes through a raw buffer that grows by doubling: a pack of COW Trade 4.0 takes 1.4 million
/// records of four varints each.
package struct PackWriter: ~Copyable {
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var count = 0
  private var lengthAt = 0
  private var whole = true

  package init(capacity: Int = 256) {
    self.capacity = max(64, capacity)
    buffer = .allocate(capacity: self.capacity)
  }

  deinit { buffer.deallocate() }

  /// The pack, ending the writer.
  package consuming func finish() -> [UInt8] {
    let bytes = Array(UnsafeBufferPointer(start: buffer, count: count))
    buffer.deallocate()
    discard self
    return bytes
  }

  /// Whether a flow can use the varint encoding: missing, or a whole number from 0 to 2^53.
  @inline(__always)
  package static func isWhole(_ value: Double) -> Bool {
    // `rounded(.towardZero)` is one instruction; a NaN fails the comparisons and passes `!=`.
    !(value == value) || (value >= 0 && value < 9_007_199_254_740_992 && value.rounded(.towardZero) == value)
  }

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    let larger = max(capacity * 2, count + extra)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.update(from: buffer, count: count)
    buffer.deallocate()
    buffer = moved
    capacity = larger
  }

  package mutating func begin(count dyads: Int) {
    reserve(11)
    buffer[count] = COWTradeSeries.packVersion
    count += 1
    varint(dyads)
  }

  package mutating func beginDyad(partner id: [UInt8], firstYear: Int, years: Int, whole: Bool) {
    reserve(id.count + 40)
    varint(id.count)
    for byte in id {
      buffer[count] = byte
      count += 1
    }
    varint(firstYear)
    varint(years)
    buffer[count] = whole ? 0 : 1
    count += 1
    self.whole = whole
    // The payload's length goes in a fixed 4-byte varint, filled in by endDyad.
    lengthAt = count
    count += 4
  }

  @inline(__always)
  package mutating func record(_ first: Double, _ second: Double, _ rankOfSecond: Int, _ rankOfFirst: Int) {
    reserve(PackCursor.maximumRecordSize)
    var cursor = PackCursor(pointer: buffer + count)
    cursor.record(first, second, rankOfSecond, rankOfFirst, whole: whole)
    count = buffer.distance(to: cursor.pointer)
  }

  /// Writes up to `years` records through a cursor, in one go: the importer's fast path.
  @inline(__always)
  package mutating func records(years: Int, _ body: (inout PackCursor, Bool) -> Void) {
    reserve(years * PackCursor.maximumRecordSize)
    var cursor = PackCursor(pointer: buffer + count)
    body(&cursor, whole)
    count = buffer.distance(to: cursor.pointer)
  }

  /// Writes the payload's length before it.
  package mutating func endDyad() {
    let length = count - lengthAt - 4
    precondition(length < 1 << 28, "a dyad's series is too long to pack")
    buffer[lengthAt] = UInt8(length & 0x7F) | 0x80
    buffer[lengthAt + 1] = UInt8((length >> 7) & 0x7F) | 0x80
    buffer[lengthAt + 2] = UInt8((length >> 14) & 0x7F) | 0x80
    buffer[lengthAt + 3] = UInt8((length >> 21) & 0x7F)
  }

  /// Appends a varint; the caller has reserved room (at most 10 bytes).
  @inline(__always)
  private mutating func varint(_ value: Int) {
    var n = UInt64(value)
    while n >= 0x80 {
      buffer[count] = UInt8(n & 0x7F) | 0x80
      count += 1
      n >>= 7
    }
    buffer[count] = UInt8(n)
    count += 1
  }
}

/// Writes records into room a ``PackWriter`` has reserved.
package struct PackCursor {
  /// Four varints of at most 10 bytes, or two doubles and two varints.
  package static let maximumRecordSize = 40
  package var pointer: UnsafeMutablePointer<UInt8>

  package init(pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }

  /// One year: both flows (NaN = missing) and both ranks (0 = unranked).
  @inline(__always)
  package mutating func record(_ first: Double, _ second: Double, _ rankOfSecond: Int, _ rankOfFirst: Int, whole: Bool) {
    if whole {
      varint(first.isNaN ? 0 : UInt64(first) + 1)
      varint(second.isNaN ? 0 : UInt64(second) + 1)
    } else {
      UnsafeMutableRawPointer(pointer).storeBytes(of: first.bitPattern.littleEndian, as: UInt64.self)
      UnsafeMutableRawPointer(pointer + 8).storeBytes(of: second.bitPattern.littleEndian, as: UInt64.self)
      pointer += 16
    }
    varint(UInt64(rankOfSecond))
    varint(UInt64(rankOfFirst))
  }

  @inline(__always)
  package mutating func varint(_ value: UInt64) {
    var n = value
    while n >= 0x80 {
      pointer.pointee = UInt8(truncatingIfNeeded: n) | 0x80
      pointer += 1
      n >>= 7
    }
    pointer.pointee = UInt8(truncatingIfNeeded: n)
    pointer += 1
  }
}

/// Reads a pack's bytes, throwing at the end of the data.
package struct ByteReader {
  package let raw: UnsafeRawBufferPointer
  package var offset = 0

  package init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

  package var isAtEnd: Bool { offset == raw.count }

  package mutating func byte() throws(CorruptSeriesError) -> UInt8 {
    guard offset < raw.count else { throw CorruptSeriesError(detail: "the data ends early") }
    defer { offset += 1 }
    return raw[offset]
  }

  package mutating func varint() throws(CorruptSeriesError) -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      value |= UInt64(b & 0x7F) << shift
      if b < 0x80 { break }
      shift += 7
      guard shift < 64 else { throw CorruptSeriesError(detail: "a number is too long") }
    }
    guard value <= UInt64(Int.max) else { throw CorruptSeriesError(detail: "a number is too large") }
    return Int(value)
  }

  package mutating func bytes(_ count: Int) throws(CorruptSeriesError) -> UnsafeRawBufferPointer {
    guard count >= 0, offset + count <= raw.count else { throw CorruptSeriesError(detail: "the data ends early") }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
  }

  package mutating func double() throws(CorruptSeriesError) -> Double {
    let piece = try bytes(8)
    return Double(bitPattern: UInt64(littleEndian: piece.loadUnaligned(as: UInt64.self)))
  }
}

/// A stored series that cannot be read: the store was damaged or written by an incompatible version.
public struct CorruptSeriesError: Error, Sendable, CustomStringConvertible {
  public let detail: String
  public var description: String { "a stored COW trade series cannot be read (\(detail)); re-import cow-trade" }
}
