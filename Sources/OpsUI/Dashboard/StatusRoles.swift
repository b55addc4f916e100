import OpsCore

/// The roles states are drawn in, so a theme colours them: a service that is down reads red
/// whatever the platform calls it.
enum StatusRoles {
    static func role(_ state: RunState) -> Role {
        switch state {
        case .running: .statusRunning
        case .starting: .statusPending
        case .paused, .stopped, .unknown: .statusStopped
        case .degraded: .statusDegraded
        case .failed: .statusFailed
        }
    }

    static func role(_ health: HealthState) -> Role {
        switch health {
        case .healthy: .statusRunning
        case .starting: .statusPending
        case .none: .dim
        case .unhealthy: .statusFailed
        }
    }

    static func role(_ status: Release.Status) -> Role {
        switch status {
        case .live: .statusRunning
        case .inProgress: .statusPending
        case .superseded: .text
        case .failed: .statusFailed
        }
    }

    static func role(_ state: ProbeState) -> Role {
        switch state {
        case .ok: .statusRunning
        case .degraded: .statusDegraded
        case .failing: .statusFailed
        case .unknown: .dim
        }
    }

    /// A probe's name: calm while it is ok or not run yet, loud when it fails.
    static func attention(_ state: ProbeState) -> Role {
        switch state {
        case .ok, .unknown: .text
        case .degraded: .statusDegraded
        case .failing: .statusFailed
        }
    }

    static func role(_ health: RolledHealth) -> Role {
        switch health {
        case .healthy: .statusRunning
        case .unknown: .dim
        case .starting: .statusPending
        case .degraded: .statusDegraded
        case .failing: .statusFailed
        }
    }

    /// The role of a whole service for the cells that name it: calm when it runs well, loud
    /// when it is down, unhealthy, failing its probes or restarting.
    static func attention(_ snapshot: ServiceSnapshot, health: RolledHealth) -> Role {
        switch snapshot.state {
        case .failed: return .statusFailed
        case .degraded: return .statusDegraded
        default: return health >= .degraded ? .statusDegraded : .text
        }
    }
}

extension Release.Status {
    /// How the History pane writes the status.
    var word: String {
        switch self {
        case .live: "live"
        case .superseded: "superseded"
        case .inProgress: "rolling out"
        case .failed: "failed"
        }
    }
}
