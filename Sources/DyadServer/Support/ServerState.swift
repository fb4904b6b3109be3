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

  /// The state a name or code means in the dates asked about (today when none); a 404 problem
  /// with suggestions when none, a 400 listing the candidates when the name means several states
  /// then ("Korea").
  ///
  /// Resolutions are cached: names arrive again and again in paths and queries.
  func resolve(_ query: String, parameter: String, during dates: QueryDates? = nil) throws(Problem) -> State {
    let key = query.trimmingCharacters(in: .whitespaces)
    let dates = dates ?? .today(today)
    let cacheKey = "\(key)|\(dates.from)|\(dates.to)|\(dates.isToday)"
    if let id = resolutions.withLock({ $0[cacheKey] }), let state = registry[id] { return state }
    guard !key.isEmpty, key.count <= 80 else {
      throw .unknownState(String(query.prefix(80)), parameter: parameter, suggestions: [])
    }
    do {
      let state = try registry.resolve(key, during: dates)
      resolutions.withLock { cache in
        if cache.count > 4096 { cache.removeAll() }
        cache[cacheKey] = state.id
      }
      return state
    } catch let error as AmbiguousStateError {
      throw .ambiguousState(error, parameter: parameter)
    } catch let error as UnknownStateError {
      throw .unknownState(key, parameter: parameter, suggestions: error.suggestions)
    } catch {
      throw .unknownState(key, parameter: parameter, suggestions: [])
    }
  }

  static func currentDay() -> Day { .today }
}
