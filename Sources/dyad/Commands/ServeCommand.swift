import DyadCore
import DyadImport
import ArgumentParser
import DyadServer
import DyadStore
import Foundation
import Synchronization

extension DyadServer.LogFormat: ExpressibleByArgument {}

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the web dashboard and the JSON API from the store, read-only.",
    discussion: """
      Pages: / (pick two states), /dyads/A/B (the dashboard, with years and comparisons), /states/ID, \
      /sources, and the report for download at /dyads/A/B/report.html, .md and .json. The JSON API is \
      under /api/v1 and described by /api/v1/openapi.json; add .csv to a table's path for CSV. \
      Logs one line per request on standard output. Stops on SIGTERM or SIGINT after in-flight \
      requests finish.

      Examples:
        dyad serve
        dyad serve --port 9000 --store ~/dyad.sqlite
        dyad serve --host 0.0.0.0 --log-format json
      """)

  @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
  var host = "127.0.0.1"

  @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "port"))
  var port = 8080

  @Option(name: .long, help: "The log format: text or json.")
  var logFormat: DyadServer.LogFormat = .text

  @Option(name: .long, help: "The log level: trace, debug, info, notice, warning, error or critical.")
  var logLevel = "info"

  @Option(name: .long, help: ArgumentHelp("The most responses kept in memory (0: no cache).", valueName: "count"))
  var cache = 512

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port number (0–65535)") }
    guard !host.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--host is empty") }
    let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    guard levels.contains(logLevel) else {
      throw ValidationError("--log-level \(logLevel) is not one of \(levels.joined(separator: ", "))")
    }
    guard cache >= 0 else { throw ValidationError("--cache must not be negative") }
  }

  func run() throws {
    let path = Store.defaultPath(explicit: storeOptions.store)
    // Create or migrate the store as every command does; the server itself only reads. A store
    // the process may not write is served as it is, if it is current.
    do {
      _ = try storeOptions.open()
    } catch {
      if !FileManager.default.fileExists(atPath: path) { throw error }
    }
    // With --release, the store reads those releases in place of the newest (read-only too).
    let store = storeOptions.release.isEmpty ? try Store.open(at: path, readOnly: true) : try storeOptions.open()
    DyadServer.bootstrapLogging(format: logFormat, level: logLevel)
    let server = DyadServer(
      store: store, configuration: .init(host: host, port: port, cacheCapacity: cache))
    let host = self.host
    let outcome = Mutex<(any Error)?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await server.run { port in
          let shown = host.contains(":") ? "[\(host)]" : host
          FileHandle.standardError.write(
            Data("Dyad is serving \(path) at http://\(shown):\(port)/ (Ctrl-C to stop)\n".utf8))
        }
      } catch {
        outcome.withLock { $0 = error }
      }
      done.signal()
    }
    done.wait()
    if let error = outcome.withLock({ $0 }) { throw error }
    FileHandle.standardError.write(Data("Dyad stopped.\n".utf8))
  }
}
