/// Responses already computed, shared between requests: the store is read-only while serving, so
/// an answer holds until the store file changes (``StoreGeneration``).
///
/// Bounded by entry count and by bytes, evicting the least recently used. Concurrent requests for
/// the same key wait for one computation instead of each running it.
actor ResponseCache {
  private struct Entry {
    let payload: Payload
    var lastUse: UInt64
  }

  let capacity: Int
  let byteLimit: Int
  private var generation: StoreGeneration?
  private var entries: [String: Entry] = [:]
  private struct InFlightKey: Hashable {
    let key: String
    let generation: StoreGeneration
  }

  private var inFlight: [InFlightKey: Task<Payload, any Error>] = [:]
  private var clock: UInt64 = 0
  private var bytes = 0
  private(set) var hits = 0
  private(set) var misses = 0

  /// - Parameters:
  ///   - capacity: the most responses kept; 0 turns caching off.
  ///   - byteLimit: the most body bytes kept.
  init(capacity: Int = 512, byteLimit: Int = 64 << 20) {
    self.capacity = capacity
    self.byteLimit = byteLimit
  }

  /// The payload for a key in a store generation, computing it with `make` when absent.
  func payload(
    for key: String, generation current: StoreGeneration, make: @escaping @Sendable () async throws -> Payload
  ) async throws -> Payload {
    guard capacity > 0 else { return try await make() }
    if generation != current {
      generation = current
      entries.removeAll(keepingCapacity: true)
      bytes = 0
    }
    clock &+= 1
    if var entry = entries[key] {
      entry.lastUse = clock
      entries[key] = entry
      hits += 1
      return entry.payload
    }
    misses += 1
    // A computation under way for the same key and generation is joined, not repeated.
    let flight = InFlightKey(key: key, generation: current)
    if let task = inFlight[flight] { return try await task.value }
    let task = Task { try await make() }
    inFlight[flight] = task
    defer { inFlight[flight] = nil }
    let payload = try await task.value
    // The store may have changed while computing: keep the answer only for the generation it was
    // computed in.
    if generation == current { insert(payload, for: key) }
    return payload
  }

  private func insert(_ payload: Payload, for key: String) {
    guard payload.byteCount <= byteLimit / 4 else { return }
    entries[key] = Entry(payload: payload, lastUse: clock)
    bytes += payload.byteCount
    while entries.count > capacity || bytes > byteLimit {
      guard let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
      bytes -= oldest.value.payload.byteCount
      entries[oldest.key] = nil
    }
  }

  /// The number of responses held; for tests and `/healthz`.
  var count: Int { entries.count }
}
