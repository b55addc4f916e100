import OpsCore

/// After a deploy, promote or rollback: the service's probes and metrics are compared with what
/// they were just before it, for the environment's `watch` time. Worse (a probe failing that was
/// not, a metric a level worse) raises a banner that offers the rollback on one key, or, with
/// `auto_rollback`, rolls back by itself.
public struct WatchWindow: Sendable {
    public let key: ServiceKey
    public let kind: ActionPlan.Kind
    /// The version the action went from (what a rollback goes back to) and to.
    public let from: String?
    public let to: String
    public let until: LogTimestamp
    public let autoRollback: Bool
    /// Severity of every probe and metric of the service just before the action started.
    let baseline: [String: Int]
    /// Why it is worse, once it is.
    public internal(set) var worse: String?
    /// The rollback it led to was asked for (by the operator's R or by auto_rollback).
    public internal(set) var rollbackAsked = false

    init(after proposal: ActionProposal, baseline: [String: Int], at now: LogTimestamp) {
        key = proposal.plan.key
        kind = proposal.plan.kind
        from = proposal.plan.from
        to = proposal.plan.to
        until = LogTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch &+ Self.nanoseconds(proposal.watch))
        autoRollback = proposal.autoRollback
        self.baseline = baseline
    }

    public func isOpen(at now: LogTimestamp?) -> Bool {
        guard let now else { return true }
        return now.nanosecondsSinceEpoch < until.nanosecondsSinceEpoch
    }

    /// Seconds left, for the status line.
    public func secondsLeft(at now: LogTimestamp?) -> Int64 {
        guard let now else { return 0 }
        return max(0, (until.nanosecondsSinceEpoch - now.nanosecondsSinceEpoch) / 1_000_000_000)
    }

    /// What is worse now than before, in words; nil when nothing is.
    func worsening(in state: DashboardState) -> String? {
        var words: [String] = []
        for (name, now) in Self.severities(of: key, in: state).sorted(by: { $0.key < $1.key }) {
            let before = baseline[name] ?? 0
            if now.severity > before, now.severity >= 2 { words.append("\(name) \(now.word)") }
        }
        return words.isEmpty ? nil : words.joined(separator: ", ")
    }

    /// How the service stands now, to compare with once an action on it has run.
    static func baseline(of key: ServiceKey, in state: DashboardState) -> [String: Int] {
        severities(of: key, in: state).mapValues(\.severity)
    }

    /// Each probe (`probe health`) and metric (`metric error_rate`) of the service and how bad it
    /// is: 0 fine or unknown, 1 degraded or warn, 2 failing or critical.
    static func severities(of key: ServiceKey, in state: DashboardState) -> [String: (severity: Int, word: String)] {
        var found: [String: (Int, String)] = [:]
        for entry in state.probes.entries(for: key) {
            let probeState = entry.tracker.state
            let severity = switch probeState {
            case .failing: 2
            case .degraded: 1
            case .ok, .unknown: 0
            }
            found["probe \(entry.id.name)"] = (severity, probeState.word)
        }
        for entry in state.metrics.entries(for: key) {
            let level = entry.tracker.level
            let severity = switch level {
            case .critical: 2
            case .warn: 1
            case .ok, .unknown: 0
            }
            found["metric \(entry.id.name)"] = (severity, level.word)
        }
        return found
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled &+ attoseconds / 1_000_000_000
    }
}
