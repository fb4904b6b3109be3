import Foundation

/// Runs the built `dyad` binary, as a user would, for end-to-end tests.
public struct CommandResult: Sendable {
  public let status: Int32
  public let stdout: String
  public let stderr: String
}

public enum DyadBinary {
  /// The `dyad` executable next to the test bundle in the build folder.
  public static var url: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("dyad")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    // `swift test` runs from the package root: fall back to the debug build folder.
    return SharedData.projectRoot.appendingPathComponent(".build/debug/dyad")
  }

  /// Runs `dyad` with arguments and an environment that points at a given store.
  public static func run(_ arguments: [String], store: String? = nil, environment: [String: String] = [:]) throws
    -> CommandResult
  {
    var env = ProcessInfo.processInfo.environment
    env["DYAD_STORE"] = store
    for (key, value) in environment { env[key] = value }
    return try runTool(url.path, arguments, environment: env)
  }

  /// Runs a program with arguments in an environment (this process's by default), and collects
  /// its output.
  public static func runTool(
    _ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
