import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// A runner that takes `delay` per check (forever for names in `hanging`, ignoring cancellation),
/// and counts the checks in flight.
final class ScriptedProbeRunner: ProbeRunning, @unchecked Sendable {
    let delay: Duration
    let hanging: Set<String>
    private let lock = NSLock()
    private var inFlight = 0
    private(set) var peakInFlight = 0
    /// When each probe's checks began, by probe name.
    private var starts: [String: [ContinuousClock.Instant]] = [:]
    private var hangers: [CheckedContinuation<Void, Never>] = []

    init(delay: Duration = .milliseconds(20), hanging: Set<String> = []) {
        self.delay = delay
        self.hanging = hanging
    }

    var peak: Int { lock.withLock { peakInFlight } }

    func startTimes(of name: String) -> [ContinuousClock.Instant] { lock.withLock { starts[name] ?? [] } }

    func run(_ probe: Probe) async -> ProbeResult {
        lock.withLock {
            starts[probe.id.name, default: []].append(ContinuousClock.now)
            inFlight += 1
            peakInFlight = max(peakInFlight, inFlight)
        }
        defer { lock.withLock { inFlight -= 1 } }
        if hanging.contains(probe.id.name) {
            await withCheckedContinuation { continuation in lock.withLock { hangers.append(continuation) } }
        } else {
            try? await Task.sleep(for: delay)
        }
        return ProbeResult(state: .ok, latency: delay, at: Date())
    }

    /// Lets the hung checks finish, so the test leaves nothing behind.
    func release() {
        lock.withLock {
            hangers.forEach { $0.resume() }
            hangers = []
        }
    }
}

@Suite struct ProbeSchedulerTests {
    static func probe(_ name: String, interval: Duration = .milliseconds(50), timeout: Duration = .milliseconds(40)) -> Probe {
        Probe(id: ProbeID(service: "svc", environment: nil, name: name),
              config: ProbeConfig(name: name, check: .tcp(host: "127.0.0.1", port: 1), interval: interval, timeout: timeout))
    }

    @Test func runOnceRunsEveryProbeWithinTheConcurrencyBound() async {
        let runner = ScriptedProbeRunner(delay: .milliseconds(30))
        let probes = (0..<24).map { Self.probe("p\($0)") }
        let scheduler = ProbeScheduler(probes: probes, runner: runner, maxConcurrent: 4)
        let clock = ContinuousClock()
        let started = clock.now
        let reports = await scheduler.runOnce()
        #expect(reports.map(\.probe) == probes.map(\.id))
        #expect(reports.allSatisfy { $0.result.state == .ok })
        #expect(runner.peak == 4)
        // 24 checks of 30 ms, four at a time: six rounds.
        #expect(clock.now - started >= .milliseconds(180))
    }

    @Test func eachProbeRepeatsOnItsOwnInterval() async throws {
        let runner = ScriptedProbeRunner(delay: .milliseconds(5))
        let scheduler = ProbeScheduler(probes: [Self.probe("fast", interval: .milliseconds(50)),
                                                Self.probe("slow", interval: .milliseconds(400))],
                                       runner: runner, firstRunSpread: .zero)
        let clock = ContinuousClock()
        let started = clock.now
        var fastResults = 0
        for await report in scheduler.results() where report.probe.name == "fast" {
            fastResults += 1
            if fastResults == 10 { break }
        }
        let elapsed = clock.now - started
        // Never more often than the interval allows, less its 10 % jitter: the k-th check starts at
        // least k intervals after the scheduler did (a busy machine can only make checks later)...
        let fast = runner.startTimes(of: "fast")
        #expect(fast.count >= 10)
        #expect(fast.enumerated().allSatisfy { k, start in start - started >= .milliseconds(45) * k })
        #expect(elapsed >= .milliseconds(9 * 45))
        // ...and the slow probe at most once per 360 ms, counting its first run at the start.
        let slow = runner.startTimes(of: "slow").count
        #expect(slow >= 1 && Double(slow) <= (elapsed / .milliseconds(360)).rounded(.down) + 1)
    }

    @Test func aHungCheckDoesNotDelayTheOthers() async throws {
        let runner = ScriptedProbeRunner(delay: .milliseconds(5), hanging: ["stuck"])
        defer { runner.release() }
        // The hung check holds its slot for 301 s (timeout and grace); the other probe keeps its interval.
        // The bounds are far apart so that a test run starving the thread pool cannot blur them.
        let scheduler = ProbeScheduler(probes: [Self.probe("stuck", timeout: .seconds(300)), Self.probe("fine")],
                                       runner: runner, maxConcurrent: 2, firstRunSpread: .zero)
        let clock = ContinuousClock()
        let started = clock.now
        var names: [String] = []
        for await report in scheduler.results() {
            names.append(report.probe.name)
            if names.count == 8 || clock.now - started > .seconds(120) { break }
        }
        #expect(names == Array(repeating: "fine", count: 8))
    }

    @Test func aHungCheckIsAbandonedAfterItsTimeoutAndReportedFailing() async throws {
        let runner = ScriptedProbeRunner(hanging: ["stuck"])
        defer { runner.release() }
        let scheduler = ProbeScheduler(probes: [Self.probe("stuck", timeout: .milliseconds(200))], runner: runner,
                                       maxConcurrent: 1, hangGrace: .milliseconds(100))
        let clock = ContinuousClock()
        let started = clock.now
        let report = try #require(await scheduler.runOnce().first)
        let taken = clock.now - started
        #expect(report.result.state == .failing)
        #expect(report.result.failedCondition == "no result after 0.3s: the check hung and was abandoned")
        // Never returning is the failure; a loaded machine (both cores busy with other suites) has been
        // seen to take 20 s to get round to it.
        #expect(taken >= .milliseconds(300) && taken < .seconds(90))
    }

    @Test func cancellingARunEndsItEvenWithAHungCheck() async throws {
        let runner = ScriptedProbeRunner(hanging: ["stuck"])
        defer { runner.release() }
        let scheduler = ProbeScheduler(probes: [Self.probe("stuck", timeout: .seconds(300))], runner: runner,
                                       firstRunSpread: .zero)
        let running = Task { await scheduler.run { _ in } }
        let clock = ContinuousClock()
        // Generous: a test run that keeps both cores busy has starved this start for over 10 s.
        let deadline = clock.now + .seconds(90)
        while runner.peak == 0 && clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try #require(runner.peak == 1)
        let cancelled = clock.now
        running.cancel()
        await running.value
        // Not the 301 s the hung check could hold its slot.
        #expect(clock.now - cancelled < .seconds(120))
    }

    @Test func stoppingTheStreamStopsTheProbes() async throws {
        let runner = ScriptedProbeRunner(delay: .milliseconds(1))
        let scheduler = ProbeScheduler(probes: [Self.probe("a", interval: .milliseconds(20))], runner: runner,
                                       firstRunSpread: .zero)
        let consumer = Task {
            var seen = 0
            for await _ in scheduler.results() {
                seen += 1
                if seen == 3 { break }
            }
            return seen
        }
        #expect(await consumer.value == 3)
    }
}
