import DyadCore
import DyadImport
import DyadStore
import Hummingbird
import Logging

/// `dyad serve`: the web dashboard and the JSON API over a store, read-only.
///
/// ```swift
/// let store = try Store.open(at: path, readOnly: true)
/// let server = DyadServer(store: store, configuration: .init(host: "127.0.0.1", port: 8080))
/// try await server.run()   // until SIGTERM or SIGINT, then drains in-flight requests
/// ```
public struct DyadServer: Sendable {
  /// Where and how to serve.
  public struct Configuration: Sendable {
    public var host: String
    public var port: Int
    /// The most responses kept in memory; 0 turns the response cache off.
    public var cacheCapacity: Int
    /// The level of the per-request log lines.
    public var requestLogLevel: Logger.Level
    /// The day to treat as today; the current day when `nil` (fixed in tests).
    public var today: Day?

    public init(
      host: String = "127.0.0.1", port: Int = 8080, cacheCapacity: Int = 512, requestLogLevel: Logger.Level = .info,
      today: Day? = nil
    ) {
      self.host = host
      self.port = port
      self.cacheCapacity = cacheCapacity
      self.requestLogLevel = requestLogLevel
      self.today = today
    }
  }

  public let configuration: Configuration
  let state: ServerState
  let routes: RouteTable

  /// A server over a store; open the store read-only.
  public init(store: Store, configuration: Configuration = Configuration(), logger: Logger? = nil) {
    self.configuration = configuration
    let logger = logger ?? Logger(label: "dyad.serve")
    self.state = ServerState(
      store: store, cacheCapacity: configuration.cacheCapacity, logger: logger, today: configuration.today)
    self.routes = RouteTable.standard
  }

  /// The router: every route of ``RouteTable/standard`` behind the request log, the problem
  /// documents and the request guard.
  func makeRouter() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: RequestLogMiddleware(level: configuration.requestLogLevel))
    router.add(middleware: ProblemMiddleware(routes: routes))
    router.add(middleware: RequestGuardMiddleware(routes: routes))
    let state = self.state
    for route in routes.routes {
      for (path, suffix) in route.allPaths {
        router.get(RouterPath(path)) { request, context in
          try await RouteDispatcher.respond(
            route: route, suffix: suffix, request: request, context: context, state: state)
        }
      }
    }
    return router
  }

  /// The Hummingbird application; `onRunning` receives the bound port (useful with port 0).
  public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol
  {
    Application(
      router: makeRouter(),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Dyad"),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
      logger: state.logger)
  }

  /// Serves until SIGTERM or SIGINT, then stops accepting connections and lets in-flight requests
  /// finish (Hummingbird's ServiceLifecycle integration).
  public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    try await makeApplication(onRunning: onRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }
}
