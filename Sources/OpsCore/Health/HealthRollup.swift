/// The health column's verdict on one service in one environment: the worst of what the platform
/// says (a Docker HEALTHCHECK), its probes and its metrics. Ordered from best to worst.
public enum RolledHealth: Int, Comparable, Hashable, Sendable, CaseIterable {
    case healthy
    /// Nothing to judge by: no platform check, no probe or metric with a verdict yet.
    case unknown
    case starting
    /// Answers, but slowly, with a certificate close to expiry, or a metric past its warning.
    case degraded
    /// Unhealthy on the platform, a failing probe, or a metric past its critical threshold.
    case failing

    public static func < (lhs: RolledHealth, rhs: RolledHealth) -> Bool { lhs.rawValue < rhs.rawValue }

    public var word: String {
        switch self {
        case .healthy: "healthy"
        case .unknown: "-"
        case .starting: "starting"
        case .degraded: "degraded"
        case .failing: "failing"
        }
    }
}

/// One thing that has a say in a service's health: the platform's check, a probe, a metric.
public struct HealthSignal: Sendable, Equatable {
    /// Who says it, for the cause: `container`, `probe health`, `metric error_rate`.
    public var source: String
    /// What it says; nil when it has no verdict yet (a probe not run, a metric without data).
    public var verdict: RolledHealth?
    /// Its words (`status 503`, `0.12 > 0.05`), shown after the source.
    public var detail: String?

    public init(source: String, verdict: RolledHealth?, detail: String? = nil) {
        self.source = source
        self.verdict = verdict
        self.detail = detail
    }

    public init(platform health: HealthState) {
        let verdict: RolledHealth? = switch health {
        case .healthy: .healthy
        case .starting: .starting
        case .none: nil
        case .unhealthy: .failing
        }
        self.init(source: "container", verdict: verdict, detail: health == .unhealthy ? "unhealthy" : nil)
    }

    public init(probe name: String, state: ProbeState, reason: String?) {
        let verdict: RolledHealth? = switch state {
        case .ok: .healthy
        case .degraded: .degraded
        case .failing: .failing
        case .unknown: nil
        }
        self.init(source: "probe \(name)", verdict: verdict, detail: state == .ok ? nil : reason)
    }
}

/// The roll-up of a service's signals: the worst verdict, and which signals gave it.
public struct HealthRollup: Sendable, Equatable {
    public var verdict: RolledHealth
    /// The signals that gave the verdict, when it is worse than healthy, in the order given.
    public var causes: [HealthSignal]

    public init(_ signals: [HealthSignal]) {
        let worst = signals.compactMap(\.verdict).max()
        verdict = worst ?? .unknown
        causes = worst.map { worst in worst > .healthy ? signals.filter { $0.verdict == worst } : [] } ?? []
    }

    /// `probe health: status 503; metric error_rate: 0.12`, for the details.
    public var causeText: String? {
        guard !causes.isEmpty else { return nil }
        return causes.map { cause in cause.detail.map { "\(cause.source): \($0)" } ?? cause.source }
            .joined(separator: "; ")
    }
}
