import DyadCore
import DyadStore
import Foundation

/// The store as the server reads it: every read runs on a dispatch queue, so that SQLite's
/// blocking calls never hold one of the few threads Swift concurrency runs request handlers on.
struct StoreAccess: Sendable {
  let store: Store
  private let queue = DispatchQueue(label: "dyad.server.store", qos: .userInitiated, attributes: .concurrent)

  init(store: Store) { self.store = store }

  var registry: StateRegistry { store.registry }

  /// The store file's current generation.
  var generation: StoreGeneration { StoreGeneration.of(path: store.path) }

  /// Runs `body` with the store off the concurrency pool.
  func read<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async {
        continuation.resume(with: Result { try body(store) })
      }
    }
  }
}
