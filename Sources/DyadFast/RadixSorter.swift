/// A least-significant-digit radix sort of 64-bit keys with 32-bit values, on the keys' top 24
/// bits only — two passes of 12 bits for large sorts, three of 8 for small ones (whose 4,096
/// counters would cost more than they save), skipping the passes in which every key has the
/// same digit — then the runs of keys equal in their top 24 bits sorted by the whole key. For the
/// ranking's keys (complemented totals) the top 24 bits tell apart every whole number below
/// 8,192 and larger totals to 1 part in 4,096: the runs left are short. Stable.
package struct RadixSorter {
  package var keys: UnsafeMutableBufferPointer<UInt64>
  package var values: UnsafeMutableBufferPointer<Int32>
  private var otherKeys: UnsafeMutableBufferPointer<UInt64>
  private var otherValues: UnsafeMutableBufferPointer<Int32>
  private let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * 4096)
  private let owned: [UnsafeMutableRawPointer]
  /// From this many keys, 12-bit digits.
  package static let wideDigitsFrom = 1024
  /// The bits sorted by digit; the rest only within runs equal in these.
  private static let sortedBits: UInt64 = 24

  package init(capacity: Int) {
    let n = max(1, capacity)
    keys = .allocate(capacity: n)
    values = .allocate(capacity: n)
    otherKeys = .allocate(capacity: n)
    otherValues = .allocate(capacity: n)
    owned = [
      UnsafeMutableRawPointer(keys.baseAddress!), UnsafeMutableRawPointer(values.baseAddress!),
      UnsafeMutableRawPointer(otherKeys.baseAddress!), UnsafeMutableRawPointer(otherValues.baseAddress!),
    ]
  }

  /// Frees the buffers; the sorter is unusable afterwards.
  package func release() {
    for pointer in owned { pointer.deallocate() }
    counts.deallocate()
  }

  /// Sorts the first `count` keys ascending, carrying their values, which must be ascending
  /// (as the rows' positions are): equal keys keep their order.
  package mutating func sort(_ count: Int) {
    guard count > 1 else { return }
    let width: UInt64 = count >= Self.wideDigitsFrom ? 12 : 8
    let passes = Int(Self.sortedBits / width)
    let radix = 1 << Int(width)
    let mask = UInt64(radix - 1)
    let low = 64 - Self.sortedBits
    UnsafeMutableBufferPointer(rebasing: counts[0..<(passes * radix)]).update(repeating: 0)
    for k in 0..<count {
      let key = keys[k]
      for pass in 0..<passes {
        counts[pass * radix + Int((key >> (low + UInt64(pass) * width)) & mask)] &+= 1
      }
    }
    for pass in 0..<passes {
      let base = pass * radix
      let shift = low + UInt64(pass) * width
      // Every key has the same digit here: the pass would not move anything.
      if Int(counts[base + Int((keys[0] >> shift) & mask)]) == count { continue }
      var total: Int32 = 0
      for b in 0..<radix {
        let c = counts[base + b]
        counts[base + b] = total
        total &+= c
      }
      for k in 0..<count {
        let key = keys[k]
        let slot = base + Int((key >> shift) & mask)
        let to = Int(counts[slot])
        counts[slot] = Int32(to + 1)
        otherKeys[to] = key
        otherValues[to] = values[k]
      }
      swap(&keys, &otherKeys)
      swap(&values, &otherValues)
    }
    // Runs equal in the sorted bits, by the whole key: an insertion sort for short runs, else
    // the standard sort by key, then value (the input order: values are given ascending).
    var start = 0
    while start < count {
      let high = keys[start] >> low
      var end = start + 1
      while end < count && keys[end] >> low == high { end += 1 }
      var sorted = true
      for i in (start + 1)..<max(start + 1, end) where keys[i - 1] > keys[i] {
        sorted = false
        break
      }
      if sorted {
        // Equal keys (ties, as totals of zero), or already in order: nothing to move.
      } else if end - start > 32 {
        var run = (start..<end).map { (keys[$0], values[$0]) }
        run.sort { $0 < $1 }
        for (i, entry) in run.enumerated() {
          keys[start + i] = entry.0
          values[start + i] = entry.1
        }
      } else if end - start > 1 {
        for i in (start + 1)..<end {
          let key = keys[i], value = values[i]
          var j = i
          while j > start && keys[j - 1] > key {
            keys[j] = keys[j - 1]
            values[j] = values[j - 1]
            j -= 1
          }
          keys[j] = key
          values[j] = value
        }
      }
      start = end
    }
  }
}
