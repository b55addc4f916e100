import Foundation
import Testing
@testable import OpsCore

/// The state machine, fed results stamped by hand: no clock, no sleeping.
@Suite struct ProbeTrackerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Result number `n` of a probe run every 10 s.
    static func result(_ state: ProbeState, _ n: Int, _ reason: String? = nil) -> ProbeResult {
        ProbeResult(state: state, latency: .milliseconds(10 + n), failedCondition: reason ?? (state == .ok ? nil : "\(state) \(n)"),
                    at: start.addingTimeInterval(TimeInterval(n * 10)))
    }

    /// Feeds `states` in order; returns the state after each.
    static func states(after states: [ProbeState], consecutive: Int = 2) -> [ProbeState] {
        var tracker = ProbeTracker(consecutive: consecutive, interval: .seconds(10))
        return states.enumerated().map { n, state in
            tracker.record(result(state, n))
            return tracker.state
        }
    }

    @Test func theFirstResultSetsTheStateAtOnce() {
        var tracker = ProbeTracker(consecutive: 3, interval: .seconds(10))
        #expect(tracker.state == .unknown && tracker.since == nil)
        let change = tracker.record(Self.result(.failing, 0, "status 503, expected 200-299"))
        #expect(change == .init(from: .unknown, to: .failing, since: Self.start, reason: "status 503, expected 200-299"))
        #expect(tracker.state == .failing)
        #expect(tracker.since == Self.start)
    }

    @Test func oneFailureBetweenSuccessesChangesNothing() {
        #expect(Self.states(after: [.ok, .failing, .ok, .failing, .ok, .degraded, .ok]) == [.ok, .ok, .ok, .ok, .ok, .ok, .ok])
    }

    @Test func consecutiveFailuresChangeTheStateSinceTheFirstOfThem() {
        var tracker = ProbeTracker(consecutive: 2, interval: .seconds(10))
        tracker.record(Self.result(.ok, 0))
        #expect(tracker.record(Self.result(.failing, 1)) == nil)
        let change = tracker.record(Self.result(.failing, 2, "timed out after 2s waiting for the answer"))
        #expect(change == .init(from: .ok, to: .failing, since: Self.start.addingTimeInterval(10),
                                reason: "timed out after 2s waiting for the answer"))
        #expect(tracker.since == Self.start.addingTimeInterval(10))
        #expect(tracker.record(Self.result(.failing, 3)) == nil)
        #expect(tracker.since == Self.start.addingTimeInterval(10))
    }

    @Test func recoveryNeedsAsManyGoodResults() {
        #expect(Self.states(after: [.failing, .ok, .failing, .ok, .ok], consecutive: 2)
                == [.failing, .failing, .failing, .failing, .ok])
        #expect(Self.states(after: [.ok, .failing, .failing, .failing, .ok, .ok, .ok], consecutive: 3)
                == [.ok, .ok, .ok, .failing, .failing, .failing, .ok])
    }

    @Test func mixedBadResultsMoveToTheMildestOfThem() {
        // Slow, then timing out: every result is worse than ok, at least degraded.
        #expect(Self.states(after: [.ok, .degraded, .failing, .failing]) == [.ok, .ok, .degraded, .failing])
        // From failing, one degraded and one ok answer are both better: the worse of them.
        #expect(Self.states(after: [.failing, .degraded, .ok, .ok]) == [.failing, .failing, .degraded, .ok])
        // A result on each side of the current state is no agreement.
        #expect(Self.states(after: [.degraded, .ok, .failing, .ok, .failing]) == Array(repeating: .degraded, count: 5))
    }

    @Test func oneConsecutiveFollowsEveryResult() {
        #expect(Self.states(after: [.ok, .failing, .degraded, .ok], consecutive: 1) == [.ok, .failing, .degraded, .ok])
    }

    @Test func theLastFailureIsKeptAfterRecovery() {
        var tracker = ProbeTracker(consecutive: 1, interval: .seconds(10))
        tracker.record(Self.result(.failing, 0, "connection refused (127.0.0.1:8080)"))
        tracker.record(Self.result(.ok, 1))
        #expect(tracker.state == .ok)
        #expect(tracker.lastFailure?.failedCondition == "connection refused (127.0.0.1:8080)")
        #expect(tracker.lastResult?.state == .ok)
        #expect(tracker.record(Self.result(.ok, 2)) == nil)
    }

    @Test func historyKeepsTheLastHourInABoundedRing() {
        var tracker = ProbeTracker(consecutive: 2, interval: .seconds(10))
        #expect(tracker.history.capacity == 361)
        for n in 0..<1000 { tracker.record(Self.result(n % 7 == 0 ? .failing : .ok, n)) }
        let entries = tracker.history.entries
        #expect(entries.count == 361)
        #expect(entries.first?.at == Self.start.addingTimeInterval(6390))
        #expect(entries.last?.at == Self.start.addingTimeInterval(9990))
        #expect(entries.last?.latency == .milliseconds(1009))
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.at < $1.at })
    }

    @Test func historyForgetsResultsOlderThanItsWindow() {
        var history = ProbeHistory(interval: .seconds(10), window: .seconds(60))
        for n in 0..<3 {
            history.append(.init(at: Self.start.addingTimeInterval(TimeInterval(n)), state: .ok, latency: nil))
        }
        // A pause of ten minutes (the machine slept): what came before is out of the window.
        history.append(.init(at: Self.start.addingTimeInterval(600), state: .failing, latency: nil))
        #expect(history.entries.map(\.state) == [.failing])
        #expect(ProbeHistory(interval: .milliseconds(100)).capacity == ProbeHistory.maximumCapacity)
        #expect(ProbeHistory(interval: .seconds(7200)).capacity == 2)
    }
}
