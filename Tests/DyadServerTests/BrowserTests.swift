import Foundation
import HummingbirdTesting
import Testing

@testable import DyadServer

/// The dyad page as a browser renders it: headless Chromium's DOM (`--dump-dom`) has the report's
/// sections, its charts and the controls. Runs when Debian's `chromium` is installed.
@Suite("Browser", .serialized)
struct BrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The DOM Chromium builds for a page. Chromium runs on a dispatch thread, never on the
  /// concurrency pool that the server under test needs to answer it; it is stopped after a minute.
  static func dumpDOM(_ url: String) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        do {
          let process = Process()
          process.executableURL = URL(fileURLWithPath: chromium!)
          let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dyad-chromium-\(UUID().uuidString)")
          defer { try? FileManager.default.removeItem(at: profile) }
          process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--dump-dom", url,
          ]
          // The DOM goes to a file, not a pipe: Chromium's helper processes inherit its standard
          // output, and a pipe they hold open would block the read after Chromium itself exits.
          let output = profile.appendingPathExtension("html")
          FileManager.default.createFile(atPath: output.path, contents: nil)
          defer { try? FileManager.default.removeItem(at: output) }
          let handle = try FileHandle(forWritingTo: output)
          process.standardOutput = handle
          process.standardError = FileHandle.nullDevice
          try process.run()
          let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
          DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
          process.waitUntilExit()
          watchdog.cancel()
          try handle.close()
          let data = try Data(contentsOf: output)
          continuation.resume(returning: String(decoding: data, as: UTF8.self))
        } catch {
          continuation.resume(throwing: error)
        }
      }
    }
  }

  @Test("the dyad page renders the report's sections, charts and controls", .enabled(if: chromium != nil))
  func dyadPage() async throws {
    try await ServerFixture.live { client in
      let port = try #require(client.port)
      let dom = try await Self.dumpDOM("http://127.0.0.1:\(port)/dyads/CHN/RUS?from=1950&to=2020")
      #expect(dom.contains("<h1>"))
      #expect(dom.contains("China") && dom.contains("Russia"))
      for section in [
        "summary", "allies", "alignment", "economy", "military", "limits", "timeline", "coverage", "notes",
      ] {
        #expect(dom.contains("id=\"\(section)\""), "section \(section)")
      }
      // Charts: inline SVG figures, each with a data table behind it.
      let charts = dom.components(separatedBy: "<figure").count - 1
      #expect(charts >= 1)
      #expect(dom.components(separatedBy: "<svg").count - 1 >= charts)
      #expect(dom.contains("Data behind this chart"))
      // The controls: a GET form with the years and comparisons, and the downloads.
      #expect(dom.contains("name=\"from\"") && dom.contains("value=\"1950\""))
      #expect(dom.contains("name=\"to\"") && dom.contains("value=\"2020\""))
      #expect(dom.contains("name=\"compare\""))
      #expect(dom.contains("/dyads/CHN/RUS/report.html?from=1950&amp;to=2020"))
      #expect(!dom.contains("Optional(") && !dom.contains("NaN"))
    }
  }

  @Test("the home page's form works without JavaScript", .enabled(if: chromium != nil))
  func homeForm() async throws {
    try await ServerFixture.live { client in
      let port = try #require(client.port)
      // Submitting the form is a GET to / with a and b; Chromium follows the redirect.
      let dom = try await Self.dumpDOM("http://127.0.0.1:\(port)/?a=PRC&b=Soviet+Union")
      #expect(dom.contains("id=\"timeline\""))
      #expect(dom.contains("<title>China–Russia · Dyad</title>"))
    }
  }
}
