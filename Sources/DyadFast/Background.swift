import Dispatch
import Foundation

/// Releases a value on a global queue: for the tens of megabytes of arrays an import leaves behind,
/// whose pages the system then unmaps while the caller goes on (say, to commit). The caller's own
/// reference should be its last use of the value.
///
/// ```swift
/// let summary = builder.summary
/// releaseInBackground(builder)
/// ```
package func releaseInBackground<T>(_ value: T) {
  let box = ReleaseBox(value)
  DispatchQueue.global().async { box.value = nil }
}

private final class ReleaseBox<T>: @unchecked Sendable {
  var value: T?
  init(_ value: T) { self.value = value }
}

/// Work run later by whichever thread calls ``run()`` first (or ``value()``, if none did), whose
/// result ``value()`` then returns: for work handed to another loop's threads.
///
/// ```swift
/// let totals = Deferred { try parseTotals(url) }
/// try readTheLargeFile(alongside: { totals.run() })
/// let parsed = try totals.value()
/// ```
package final class Deferred<Value>: @unchecked Sendable {
  private let body: () throws -> Value
  private var result: Result<Value, any Error>?
  private let lock = NSLock()

  package init(_ body: @escaping () throws -> Value) { self.body = body }

  /// Runs the work, unless it has run.
  package func run() {
    lock.lock()
    defer { lock.unlock() }
    if result == nil { result = Result { try body() } }
  }

  /// The work's value (running it now if it has not run), or the error it threw.
  package func value() throws -> Value {
    run()
    lock.lock()
    defer { lock.unlock() }
    return try result!.get()
  }
}
