import Foundation

/// One result of one probe, as the scheduler reports it.
public struct ProbeReport: Sendable, Equatable {
    public var probe: ProbeID
    public var result: ProbeResult

    public init(probe: ProbeID, result: ProbeResult) {
        self.probe = probe
        self.result = result
    }
}

/// Runs probes, each on its own interval, with bounded concurrency.
///
/// - Each probe has a task of its own: its first run comes within `firstRunSpread` (spread at random,
///   so that a hundred probes do not all connect in the same millisecond), then one run every
///   interval (± `jitter` of it), counted from the start of the previous run.
/// - At most `maxConcurrent` checks are in flight; a probe whose turn comes waits for a slot.
/// - A check that does not return within its timeout plus `hangGrace` is abandoned: it is reported
///   failing and its slot freed, so a hung check (a runner that ignores its deadline) never holds
///   up the others. Runners honour their timeouts, so this is the last line, not the usual path.
public struct ProbeScheduler: Sendable {
    public static let defaultMaxConcurrent = 16
    public static let defaultJitter = 0.1
    public static let defaultFirstRunSpread: Duration = .seconds(1)
    public static let defaultHangGrace: Duration = .seconds(1)

    public let probes: [Probe]
    public let runner: any ProbeRunning
    public let maxConcurrent: Int
    public let jitter: Double
    public let firstRunSpread: Duration
    public let hangGrace: Duration
    /// Stamps the results of abandoned checks.
    public let now: @Sendable () -> Date

    public init(probes: [Probe], runner: any ProbeRunning, maxConcurrent: Int = defaultMaxConcurrent,
                jitter: Double = defaultJitter, firstRunSpread: Duration = defaultFirstRunSpread,
                hangGrace: Duration = defaultHangGrace, now: @escaping @Sendable () -> Date = { Date() }) {
        self.probes = probes
        self.runner = runner
        self.maxConcurrent = max(1, maxConcurrent)
        self.jitter = min(max(jitter, 0), 0.5)
        self.firstRunSpread = max(.zero, firstRunSpread)
        self.hangGrace = max(.zero, hangGrace)
        self.now = now
    }

    /// Runs every probe once, all as soon as a slot allows; results in the order of `probes`.
    public func runOnce() async -> [ProbeReport] {
        let slots = ProbeSlots(maxConcurrent)
        return await withTaskGroup(of: (Int, ProbeResult?).self) { group in
            for (index, probe) in probes.enumerated() {
                group.addTask {
                    guard await slots.acquire() else { return (index, nil) }
                    let result = await runGuarded(probe)
                    await slots.release()
                    return (index, result)
                }
            }
            var results = [ProbeResult?](repeating: nil, count: probes.count)
            for await (index, result) in group { results[index] = result }
            return zip(probes, results).compactMap { probe, result in
                result.map { ProbeReport(probe: probe.id, result: $0) }
            }
        }
    }

    /// Runs until the calling task is cancelled, handing each result to `onResult` as it comes
    /// (from many tasks at once: `onResult` must be quick and thread-safe).
    public func run(onResult: @escaping @Sendable (ProbeReport) -> Void) async {
        let slots = ProbeSlots(maxConcurrent)
        await withTaskGroup(of: Void.self) { group in
            for probe in probes {
                group.addTask { await repeatedly(probe, slots: slots, onResult: onResult) }
            }
        }
    }

    /// The results of `run`, as a stream; stopping the iteration (or cancelling its task) stops the probes.
    public func results() -> AsyncStream<ProbeReport> {
        AsyncStream { continuation in
            let task = Task { await run { continuation.yield($0) } }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func repeatedly(_ probe: Probe, slots: ProbeSlots, onResult: @Sendable (ProbeReport) -> Void) async {
        let clock = ContinuousClock()
        var next = clock.now + firstRunSpread * Double.random(in: 0...1)
        while !Task.isCancelled {
            do { try await clock.sleep(until: next) } catch { return }
            guard await slots.acquire() else { return }
            // Counted from when the check really starts: a probe that waited for a slot does not
            // then run again sooner to catch up.
            let started = clock.now
            let result = await runGuarded(probe)
            await slots.release()
            guard !Task.isCancelled else { return }
            onResult(ProbeReport(probe: probe.id, result: result))
            let interval = probe.config.interval * (1 + Double.random(in: -jitter...jitter))
            next = max(started + interval, clock.now)
        }
    }

    /// Runs `probe` in a task of its own and waits for it at most its timeout plus `hangGrace`, or
    /// until the calling task is cancelled (then the result is unknown: nobody will read it).
    func runGuarded(_ probe: Probe) async -> ProbeResult {
        let runner = self.runner
        let work = Task { await runner.run(probe) }
        let limit = probe.config.timeout + hangGrace
        let now = self.now
        let gate = FirstResult()
        let watchdog = Task {
            do { try await Task.sleep(for: limit) } catch { return }
            work.cancel()
            gate.offer(ProbeResult(state: .failing, latency: limit,
                                   failedCondition: "no result after \(CommandError.seconds(limit)): the check hung and was abandoned",
                                   at: now()))
        }
        Task {
            let result = await work.value
            watchdog.cancel()
            gate.offer(result)
        }
        return await withTaskCancellationHandler {
            await gate.value()
        } onCancel: {
            work.cancel()
            watchdog.cancel()
            gate.offer(ProbeResult(state: .unknown, failedCondition: "cancelled", at: now()))
        }
    }
}

/// The first of several results offered from different tasks; later offers are dropped.
private final class FirstResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: ProbeResult?
    private var waiter: CheckedContinuation<ProbeResult, Never>?

    func offer(_ offered: ProbeResult) {
        let resume = lock.withLock { () -> CheckedContinuation<ProbeResult, Never>? in
            guard result == nil else { return nil }
            result = offered
            defer { waiter = nil }
            return waiter
        }
        resume?.resume(returning: offered)
    }

    func value() async -> ProbeResult {
        await withCheckedContinuation { continuation in
            let ready = lock.withLock { () -> ProbeResult? in
                if result == nil { waiter = continuation }
                return result
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
