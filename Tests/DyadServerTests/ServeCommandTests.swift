import DyadTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `dyad serve` as a user runs it: starts on a free port, logs each request as structured
/// key=value fields, and stops cleanly on SIGTERM.
@Suite("dyad serve")
struct ServeCommandTests {
  static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: DyadBinary.url.path) }

  /// Reads lines from a pipe as they arrive.
  final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    init(_ pipe: Pipe) {
      pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let data = handle.availableData
        guard let self, !data.isEmpty else { return }
        self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
      }
    }
    var value: String { lock.withLock { text } }
  }

  @Test("serves on a free port, logs requests, stops on SIGTERM", .enabled(if: binaryExists))
  func servesAndStops() async throws {
    let folder = try TemporaryFolder("dyad-serve")
    let process = Process()
    process.executableURL = DyadBinary.url
    process.arguments = ["serve", "--port", "0", "--store", folder.path("dyad.sqlite")]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdout = Lines(out), stderr = Lines(err)
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    // "Dyad is serving PATH at http://127.0.0.1:PORT/"
    var port: Int?
    for _ in 0..<300 where port == nil {
      try await Task.sleep(for: .milliseconds(100))
      if let range = stderr.value.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
        port = Int(stderr.value[range].dropFirst("http://127.0.0.1:".count).dropLast())
      }
    }
    let bound = try #require(port, "no address in: \(stderr.value)")
    let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(bound)/healthz")!)
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    #expect(String(decoding: data, as: UTF8.self).contains("\"status\":\"ok\""))

    kill(process.processIdentifier, SIGTERM)
    for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
    #expect(!process.isRunning)
    #expect(process.terminationStatus == 0)
    #expect(stderr.value.contains("Dyad stopped."))
    let log = stdout.value
    #expect(log.contains("method=GET"))
    #expect(log.contains("path=/healthz"))
    #expect(log.contains("status=200"))
    #expect(log.contains("duration_ms="))
  }

  @Test("refuses a bad port with one clear line", .enabled(if: binaryExists))
  func badPort() throws {
    let result = try DyadBinary.run(["serve", "--port", "70000"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--port 70000 is not a port number"))
  }
}
