import Foundation
import Testing

@testable import DyadFast

@Suite struct WorkerPoolTests {
  /// What the iterations of a loop did, kept under a lock.
  final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var runs: [Int]
    private(set) var threads: Set<Int> = []

    init(count: Int) { runs = Array(repeating: 0, count: count) }

    func record(_ iteration: Int, thread: Int) {
      lock.lock()
      defer { lock.unlock() }
      runs[iteration] += 1
      threads.insert(thread)
    }
  }

  /// Every iteration runs once, on a thread numbered below the pool's count, loop after loop
  /// (the workers spin between loops, or sleep after a pause longer than their spin).
  @Test(arguments: [1, 2, 4])
  func everyIterationRunsOnceOnAThreadOfThePool(threads: Int) {
    let pool = WorkerPool(threads: threads, spin: .milliseconds(2))
    defer { pool.stop() }
    for (loop, count) in [0, 1, 2, 7, 1000, 3].enumerated() {
      if loop == 4 { Thread.sleep(forTimeInterval: 0.01) }  // the workers sleep, then wake
      let tally = Tally(count: count)
      pool.forEach(count) { i, thread in tally.record(i, thread: thread) }
      #expect(tally.runs.allSatisfy { $0 == 1 }, "loop \(loop) of \(count)")
      #expect(tally.threads.allSatisfy { (0..<threads).contains($0) })
    }
  }

  /// A loop started and left to the workers, the caller taking iterations between its own work,
  /// runs every iteration once by the time it is finished.
  @Test func aStartedLoopRunsEveryIterationOnceByItsFinish() {
    let pool = WorkerPool(threads: 2)
    defer { pool.stop() }
    let tally = Tally(count: 500)
    let loop = pool.start(500) { i, thread in tally.record(i, thread: thread) }
    var ran = 0
    while ran < 100 && loop.runOne() { ran += 1 }
    loop.finish()
    #expect(tally.runs.allSatisfy { $0 == 1 })
    #expect(!loop.runOne())
    // The pool takes the next loop.
    let next = Tally(count: 50)
    pool.forEach(50) { i, thread in next.record(i, thread: thread) }
    #expect(next.runs.allSatisfy { $0 == 1 })
  }

  /// A loop started from an iteration runs on that iteration's thread, with its number; loops
  /// after `stop()` run on the caller.
  @Test func nestedLoopsAndLoopsAfterStopRunOnTheCaller() {
    let pool = WorkerPool(threads: 2)
    let inner = Tally(count: 3)
    let outer = Tally(count: 40)
    pool.forEach(40) { j, outerThread in
      outer.record(j, thread: outerThread)
      pool.forEach(3) { i, thread in
        // The same thread: the outer iteration's number.
        inner.record(i, thread: thread == outerThread ? thread : -1)
      }
    }
    #expect(inner.runs == [40, 40, 40])
    #expect(!inner.threads.contains(-1))
    pool.stop()
    let after = Tally(count: 5)
    pool.forEach(5) { i, thread in after.record(i, thread: thread) }
    #expect(after.runs == [1, 1, 1, 1, 1] && after.threads == [0])
  }

  @Test func availableCoresAreThoseOnlineAtMost() {
    #expect((1...ProcessInfo.processInfo.activeProcessorCount).contains(WorkerPool.availableCores))
  }
}
