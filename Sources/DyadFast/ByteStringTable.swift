/// A small hash table from byte strings (CSV fields) to dense indices, so that a column with a few
/// hundred distinct values is coded without making a `String` per row.
package struct ByteStringTable {
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var storage: [UInt8] = []
  private var ends: [Int] = []

  package init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: -1, count: size)
  }

  /// The number of distinct strings.
  package var count: Int { ends.count }

  /// The string of an index.
  package func string(at index: Int) -> String {
    let start = index == 0 ? 0 : ends[index - 1]
    return String(decoding: storage[start..<ends[index]], as: UTF8.self)
  }

  /// The index of a byte string, adding it when new; `isNew` tells which.
  package mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let found = slots[slot]
      if found < 0 { break }
      let i = Int(found)
      if hashes[i] == hash && equals(i, bytes) { return (i, false) }
      slot = (slot + 1) & mask
    }
    let index = ends.count
    hashes.append(hash)
    storage.append(contentsOf: bytes)
    ends.append(storage.count)
    slots[slot] = Int32(index)
    if ends.count * 2 > slots.count { grow() }
    return (index, true)
  }

  private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = index == 0 ? 0 : ends[index - 1]
    guard ends[index] - start == bytes.count else { return false }
    for k in 0..<bytes.count where storage[start + k] != bytes[k] { return false }
    return true
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (i, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(i)
    }
  }
}
