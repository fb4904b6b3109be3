import Foundation

/// Runs slow synchronous work (a whole-dataset import) on a thread of its own and waits for it
/// without holding a thread of Swift's cooperative pool. On a two-core machine the pool has two
/// threads: a test that blocks one for half a minute starves the async tests running beside it
/// (a loopback server's handlers, a sync's downloads) until their clients time out.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread { continuation.resume(with: Result { try body() }) }
    thread.stackSize = 8 << 20
    thread.start()
  }
}
