import Foundation

/// A probe's state over time, damped against flapping: the state changes only when the last
/// `consecutive` results all agree that it should.
///
/// "Agree" is by severity (ok < degraded < failing): when the last N results are all worse than the
/// current state, the state becomes the mildest of them (each of them is at least that bad); when
/// they are all better, it becomes the worst of them. So ok, slow, timeout moves an ok probe to
/// degraded (not left ok because the two failures differ), and one good answer between failures
/// changes nothing. The first result sets the state at once: there is no earlier state to protect.
public struct ProbeTracker: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var from: ProbeState
        public var to: ProbeState
        /// When the new state began: the first of the results that confirmed it.
        public var since: Date
        /// The failed condition of the result that made the change, nil for a change to ok.
        public var reason: String?
    }

    public let consecutive: Int
    public private(set) var state: ProbeState = .unknown
    /// When the current state began; nil while unknown.
    public private(set) var since: Date?
    public private(set) var lastResult: ProbeResult?
    /// The most recent result that was not ok, kept after recovery ("last failed at 10:04: status 503").
    public private(set) var lastFailure: ProbeResult?
    public private(set) var history: ProbeHistory
    /// The last `consecutive` results that carried a verdict, oldest first.
    private var recent: [ProbeResult] = []

    public init(consecutive: Int = ProbeConfig.defaultConsecutive, interval: Duration = ProbeConfig.defaultInterval,
                historyWindow: Duration = ProbeHistory.defaultWindow) {
        self.consecutive = max(1, consecutive)
        history = ProbeHistory(interval: interval, window: historyWindow)
    }

    public init(for probe: ProbeConfig) {
        self.init(consecutive: probe.consecutive, interval: probe.interval)
    }

    /// Takes one result; returns the change it caused, if any.
    @discardableResult
    public mutating func record(_ result: ProbeResult) -> Change? {
        lastResult = result
        history.append(ProbeHistory.Entry(at: result.at, state: result.state, latency: result.latency))
        if result.state != .ok, result.state != .unknown { lastFailure = result }
        guard let severity = result.state.severity else { return nil }
        recent.append(result)
        if recent.count > consecutive { recent.removeFirst(recent.count - consecutive) }

        guard let current = state.severity else { return change(to: result.state, since: result.at, by: result) }
        guard recent.count == consecutive else { return nil }
        let severities = recent.compactMap(\.state.severity)
        let target: Int
        if severities.allSatisfy({ $0 > current }) {
            target = severities.min() ?? severity
        } else if severities.allSatisfy({ $0 < current }) {
            target = severities.max() ?? severity
        } else {
            return nil
        }
        guard let newState = ProbeState.allCases.first(where: { $0.severity == target }) else { return nil }
        return change(to: newState, since: recent[0].at, by: result)
    }

    private mutating func change(to newState: ProbeState, since start: Date, by result: ProbeResult) -> Change {
        let speaking = recent.last { $0.state == newState } ?? result
        let change = Change(from: state, to: newState, since: start,
                            reason: newState == .ok ? nil : speaking.failedCondition)
        state = newState
        since = start
        return change
    }
}
