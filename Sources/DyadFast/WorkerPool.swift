import Foundation
import Synchronization

/// Threads that run the iterations of loops together with the calling thread, for the length of
/// one import: between loops they wait by spinning for a while before they sleep, as OpenMP's
/// runtime does.
///
/// `DispatchQueue.concurrentPerform` puts its worker threads to sleep after every loop, and waking
/// a sleeping thread on another core can take a scheduler tick: 4 ms on the two-core machines
/// Dyad's benchmarks run on, where a loop of the COW trade import lasts 1–10 ms. A pool's workers
/// are still spinning when the next loop starts, a few hundred microseconds later. Only the first
/// loop waits for them to wake, and its iterations are taken one at a time, by whichever thread is
/// free, so the caller goes on alone meanwhile.
///
/// The workers keep the pool alive until ``stop()``: call it when the work is done.
///
/// ```swift
/// let pool = WorkerPool(threads: 2)
/// defer { pool.stop() }
/// pool.forEach(8) { part, _ in sums[part] = sum(of: slices[part]) }
/// ```
package final class WorkerPool: @unchecked Sendable {
  /// The threads that run a loop's iterations: the workers and the caller.
  package let threads: Int
  /// How long a worker spins for the next loop before it sleeps.
  private let spin: Duration
  /// Counts the loops started, so that spinning workers see a new one.
  private let generation = Atomic<Int>(0)
  private let stopped = Atomic<Bool>(false)
  /// Set by ``rest()``: spinning workers go to sleep now rather than at the end of their spin.
  private let resting = Atomic<Bool>(false)
  /// Guards `current` and `sleeping`; sleeping workers wait on it.
  fileprivate let condition = NSCondition()
  fileprivate var current: Job?
  private var sleeping = 0

  /// One loop: its body and the iterations taken and finished.
  fileprivate final class Job: @unchecked Sendable {
    let body: @Sendable (Int, Int) -> Void
    let count: Int
    let next = Atomic<Int>(0)
    let finished = Atomic<Int>(0)

    init(count: Int, body: @escaping @Sendable (Int, Int) -> Void) {
      self.count = count
      self.body = body
    }

    /// Takes one iteration and runs it; `false` when none is left.
    func runOne(thread: Int) -> Bool {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard i < count else { return false }
      body(i, thread)
      finished.wrappingAdd(1, ordering: .releasing)
      return true
    }

    /// Takes iterations until none is left.
    func run(thread: Int) {
      var done = 0
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard i < count else { break }
        body(i, thread)
        done += 1
      }
      if done > 0 { finished.wrappingAdd(done, ordering: .releasing) }
    }
  }

  /// The cores this process may run on: the online processors, or fewer where the process is
  /// bound to some (Linux's CPU affinity, as `taskset` sets).
  package static var availableCores: Int {
    var count = ProcessInfo.processInfo.activeProcessorCount
    #if os(Linux)
      // sched_getaffinity, which Glibc declares for GNU sources only: looked up at run time.
      typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
      if let symbol = dlsym(nil, "sched_getaffinity") {
        let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
        var mask = [UInt64](repeating: 0, count: 16)  // 1,024 CPUs
        let found = mask.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress!) }
        let bound = mask.reduce(0) { $0 + $1.nonzeroBitCount }
        if found == 0 && bound > 0 { count = min(count, bound) }
      }
    #endif
    return max(1, count)
  }

  /// The program's one pool, sized to the cores the process may use. Its workers sleep after
  /// 50 ms without a loop, so an idle program pays nothing for it; every parallel loop in Dyad
  /// (imports, digests, the similarity ranks) runs here, so two loops never oversubscribe the
  /// cores. Never stopped.
  package static let shared = WorkerPool(threads: availableCores)

  /// A pool of `threads` - 1 workers (none for one thread: loops then run on the caller).
  package init(threads: Int, spin: Duration = .milliseconds(50)) {
    self.threads = max(1, threads)
    self.spin = spin
    for index in 1..<self.threads {
      let thread = Thread { [self] in work(thread: index) }
      thread.name = "dyad-worker-\(index)"
      thread.start()
    }
  }

  deinit { stop() }

  /// Ends the workers (each after the loop it is running, if any). Loops run after this run on
  /// the caller alone.
  package func stop() {
    guard !stopped.exchange(true, ordering: .relaxed) else { return }
    condition.lock()
    condition.broadcast()
    condition.unlock()
  }

  /// Lets the workers sleep now rather than spin for the next loop: for a caller whose parallel
  /// work is over (an import about to commit), so that spinning workers leave the cores to it.
  /// The next loop wakes them.
  package func rest() {
    resting.store(true, ordering: .relaxed)
  }

  /// Runs `body(iteration, thread)` for each iteration in `0..<count`, on the workers and the
  /// caller, and returns when all have run. `thread` (0 for the caller, then 1, 2, …) lets an
  /// iteration use per-thread scratch space: no two iterations run on one thread at once.
  ///
  /// A loop started while another runs (from one of its iterations) runs on the calling thread
  /// alone, with that thread's number, as do loops after ``stop()``.
  package func forEach(_ count: Int, _ body: @escaping @Sendable (_ iteration: Int, _ thread: Int) -> Void) {
    start(count, body).finish()
  }

  /// Starts a loop on the workers and returns at once: the caller takes part through the loop's
  /// ``Loop/runOne()`` (between other work of its own) and ends it with ``Loop/finish()``, which
  /// must be called before another loop starts.
  ///
  /// ```swift
  /// let packing = pool.start(states.count) { s, _ in packed[s] = pack(states[s]) }
  /// for s in states.indices { while !isPacked(s) && packing.runOne() {}; … write packed[s] … }
  /// packing.finish()
  /// ```
  package func start(_ count: Int, _ body: @escaping @Sendable (_ iteration: Int, _ thread: Int) -> Void) -> Loop {
    let job = Job(count: count, body: body)
    guard count > 1, threads > 1, !stopped.load(ordering: .relaxed) else {
      return Loop(job: job, pool: nil, thread: callerThread)
    }
    condition.lock()
    guard current == nil else {
      condition.unlock()
      return Loop(job: job, pool: nil, thread: callerThread)
    }
    current = job
    resting.store(false, ordering: .relaxed)
    generation.wrappingAdd(1, ordering: .releasing)
    if sleeping > 0 { condition.broadcast() }
    condition.unlock()
    return Loop(job: job, pool: self, thread: 0)
  }

  /// A loop started by ``start(_:_:)``.
  package struct Loop {
    fileprivate let job: Job
    /// The pool whose workers run the loop too, or `nil` when the caller runs it alone.
    fileprivate let pool: WorkerPool?
    /// The caller's thread number.
    fileprivate let thread: Int

    /// Runs one iteration not yet taken, on the caller; `false` when every one has been taken.
    @discardableResult
    package func runOne() -> Bool { job.runOne(thread: thread) }

    /// Runs the iterations not yet taken, waits for those the workers are running, and ends the
    /// loop.
    package func finish() {
      while job.runOne(thread: thread) {}
      // The iterations other threads took: short (each is one part of the loop).
      while job.finished.load(ordering: .acquiring) < job.count {}
      guard let pool else { return }
      pool.condition.lock()
      pool.current = nil
      pool.condition.unlock()
    }
  }

  /// The calling thread's number: a worker's of this pool, 0 for any other thread.
  private var callerThread: Int { Thread.current.threadDictionary[workerKey] as? Int ?? 0 }

  /// Where a worker's thread records its number.
  private var workerKey: String { "dyad.worker.\(ObjectIdentifier(self).hashValue)" }

  private func work(thread index: Int) {
    Thread.current.threadDictionary[workerKey] = index
    var seen = 0
    while true {
      // Spin until a new loop starts (or stop), for at most `spin`, then sleep.
      let clock = ContinuousClock()
      let deadline = clock.now.advanced(by: spin)
      var spins = 0
      while generation.load(ordering: .acquiring) == seen && !stopped.load(ordering: .relaxed)
        && !resting.load(ordering: .relaxed)
      {
        spins &+= 1
        // Now and then the core goes to any other thread waiting for it (the caller, if the
        // process has fewer cores than threads), and the spin ends at its deadline.
        if spins & 0xFF == 0 {
          sched_yield()
          if clock.now > deadline { break }
        }
      }
      condition.lock()
      while generation.load(ordering: .acquiring) == seen && !stopped.load(ordering: .relaxed) {
        sleeping += 1
        condition.wait()
        sleeping -= 1
      }
      if stopped.load(ordering: .relaxed) {
        condition.unlock()
        return
      }
      seen = generation.load(ordering: .acquiring)
      let job = current
      condition.unlock()
      // A loop already over (`nil`, or every iteration taken) leaves nothing to run.
      job?.run(thread: index)
    }
  }
}
