/// Whether a service, or one of its replicas, is running, as its platform reports it.
/// Ordered from best to worst, so a service rolls its replicas up to the worst of them.
public enum RunState: Int, Comparable, Hashable, Sendable, CaseIterable {
    case running
    /// Being created, starting or rolling out: not yet all there.
    case starting
    /// Paused by the operator.
    case paused
    /// Stopped on purpose or exited cleanly (exit 0).
    case stopped
    /// Restarting after a crash, crash-looping, or only part of its replicas up.
    case degraded
    /// Exited with an error, dead, or failed to roll out.
    case failed
    /// The platform said nothing we understand.
    case unknown

    public static func < (lhs: RunState, rhs: RunState) -> Bool { lhs.rawValue < rhs.rawValue }

    public var word: String {
        switch self {
        case .running: "running"
        case .starting: "starting"
        case .paused: "paused"
        case .stopped: "stopped"
        case .degraded: "degraded"
        case .failed: "failed"
        case .unknown: "unknown"
        }
    }
}

/// The platform's own verdict on health (a Docker HEALTHCHECK, Kubernetes readiness), before
/// opsdeck's probes and metrics are rolled in. Ordered from best to worst.
public enum HealthState: Int, Comparable, Hashable, Sendable, CaseIterable {
    case healthy
    /// The check has not passed yet (inside its start period).
    case starting
    /// The platform has no check for it.
    case none
    case unhealthy

    public static func < (lhs: HealthState, rhs: HealthState) -> Bool { lhs.rawValue < rhs.rawValue }

    public var word: String {
        switch self {
        case .healthy: "healthy"
        case .starting: "starting"
        case .none: "-"
        case .unhealthy: "unhealthy"
        }
    }
}
