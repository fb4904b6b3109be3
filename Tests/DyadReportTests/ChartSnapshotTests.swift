import Foundation
import Testing

@testable import DyadReport

/// Compares each kind of chart's SVG with a file under `__Snapshots__`, byte for byte.
///
/// Re-record after an intended change with `DYAD_RECORD_SNAPSHOTS=1 swift test --filter ChartSnapshot`,
/// look at the new files (e.g. in a browser), and commit them.
@Suite("Chart snapshots")
struct ChartSnapshotTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "__Snapshots__")
  static let recording = ProcessInfo.processInfo.environment["DYAD_RECORD_SNAPSHOTS"] == "1"

  func assertSnapshot(_ svg: String, named name: String) throws {
    let file = Self.folder.appendingPathComponent(name)
    if Self.recording {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try Data(svg.utf8).write(to: file)
      return
    }
    guard let stored = try? Data(contentsOf: file) else {
      Issue.record("No snapshot \(name); record it with DYAD_RECORD_SNAPSHOTS=1.")
      return
    }
    #expect(
      stored == Data(svg.utf8), "\(name) differs from the snapshot; re-record with DYAD_RECORD_SNAPSHOTS=1 if intended."
    )
  }

  @Test func lineChart() throws {
    try assertSnapshot(ChartFixtures.line.svg(), named: "ChartLine.svg")
  }

  @Test func stackedBarChart() throws {
    try assertSnapshot(ChartFixtures.stackedBar.svg(), named: "ChartStackedBar.svg")
  }

  @Test func dotTimeline() throws {
    try assertSnapshot(ChartFixtures.timeline.svg(), named: "ChartDotTimeline.svg")
  }

  @Test func smallMultiples() throws {
    try assertSnapshot(ChartFixtures.smallMultiples.svg(), named: "ChartSmallMultiples.svg")
  }
}
