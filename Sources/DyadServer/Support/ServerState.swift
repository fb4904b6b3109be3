import DyadCore
import DyadStore
import Foundation
import Logging
import Synchronization

/// What every request shares: the store, the response cache and the state-name resolutions.
final class ServerState: Sendable {
  let store: StoreAccess
  let cache: ResponseCache
  let logger: Logger
  /// The day the server treats as today (fixed in tests).
  let today: Day
  private let resolutions = Mutex<[String: StateID]>([:])

  init(store: Store, cacheCapacity: Int, logger: Logger, today: Day?) {
    self.store = StoreAccess(store: store)
    self.cache = ResponseCache(capacity: cacheCapacity)
    self.logger = logger
    self.today = today ?? Self.currentDay()
  }

  var registry: StateRegistry { store.registry }

  /// The state a name or code means today; a 404 problem with suggestions when none.
  ///
  /// Resolutions are cached: names arrive again and again in paths and queries.
  func resolve(_ query: String, parameter: String) throws(Problem) -> State {
    let key = query.trimmingCharacters(in: .whitespaces)
    if let id = resolutions.withLock({ $0[key] }), let state = registry[id] { return state }
    guard !key.isEmpty, key.count <= 80 else {
      throw .unknownState(String(query.prefix(80)), parameter: parameter, suggestions: [])
    }
    do {
      let state = try registry.resolve(key)
      resolutions.withLock { cache in
        if cache.count > 4096 { cache.removeAll() }
        cache[key] = state.id
      }
      return state
    } catch {
      throw .unknownState(key, parameter: parameter, suggestions: error.suggestions)
    }
  }

  static func currentDay() -> Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
  }
}
