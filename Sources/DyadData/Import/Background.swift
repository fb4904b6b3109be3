import Dispatch

/// A value computed on a global dispatch queue while the caller goes on; ``value()`` waits for it.
///
/// ```swift
/// let totals = Background { try parseTotals(url) }
/// try readTheLargeFile()
/// let parsed = try totals.value()
/// ```
final class Background<Value>: @unchecked Sendable {
  private var result: Result<Value, any Error>?
  private let group = DispatchGroup()

  /// Starts computing `body` on a global queue.
  init(_ body: @escaping @Sendable () throws -> Value) {
    group.enter()
    DispatchQueue.global().async {
      self.result = Result { try body() }
      self.group.leave()
    }
  }

  /// Waits for the value, or rethrows the error computing it threw.
  func value() throws -> Value {
    group.wait()
    return try result!.get()
  }
}

/// Releases a value on a global queue: for the tens of megabytes of arrays an import leaves behind,
/// whose pages the system then unmaps while the caller goes on (say, to commit). The caller's own
/// reference should be its last use of the value.
///
/// ```swift
/// let summary = builder.summary
/// releaseInBackground(builder)
/// ```
func releaseInBackground<T>(_ value: T) {
  let box = ReleaseBox(value)
  DispatchQueue.global().async { box.value = nil }
}

private final class ReleaseBox<T>: @unchecked Sendable {
  var value: T?
  init(_ value: T) { self.value = value }
}
