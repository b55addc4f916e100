/// What a provider saw of one service in one environment at one moment: the services table's row
/// and the details strip. Platforms that split traffic between revisions (Cloud Run, Container
/// Apps, Argo Rollouts) list them in `revisions`; the others leave it empty.
public struct ServiceSnapshot: Hashable, Sendable {
    public var key: ServiceKey
    /// The provider's name as the config writes it (`docker`, `kubernetes`, `fly`).
    public var provider: String
    /// The image the service is meant to run (the newest replica's when the platform keeps no spec).
    public var image: ImageReference?
    /// The source commit of that image, when a label or annotation says it.
    public var commit: String?
    public var replicas: [Replica]
    /// How many replicas the platform wants; nil when it has no such notion (plain containers).
    public var desiredReplicas: Int?
    public var revisions: [TrafficRevision]
    /// When the running version was created or rolled out.
    public var updatedAt: LogTimestamp?
    /// A line the platform wants seen (`ProgressDeadlineExceeded`, `2 of 3 replicas unavailable`).
    public var note: String?
    /// A verdict that overrides the one rolled up from the replicas, when the platform (or
    /// opsdeck) knows better: a rollout past its deadline, a provider that cannot be read.
    public var reportedState: RunState?
    /// How many replicas the platform itself counts as available, when the replicas are not known
    /// one by one (a first listing that has not read the pods yet, a role that may not read them):
    /// what `replicasUp` says then.
    public var countedUp: Int?

    public init(key: ServiceKey, provider: String, image: ImageReference? = nil, commit: String? = nil,
                replicas: [Replica] = [], desiredReplicas: Int? = nil, revisions: [TrafficRevision] = [],
                updatedAt: LogTimestamp? = nil, note: String? = nil, reportedState: RunState? = nil, countedUp: Int? = nil) {
        self.key = key
        self.provider = provider
        self.image = image
        self.commit = commit
        self.replicas = replicas
        self.desiredReplicas = desiredReplicas
        self.revisions = revisions
        self.updatedAt = updatedAt
        self.note = note
        self.reportedState = reportedState
        self.countedUp = countedUp
    }

    /// Replicas that are running (as the platform counts them, when they are not known one by one).
    public var replicasUp: Int { countedUp ?? replicas.count { $0.state == .running } }

    /// What the row says the service is: the worst of its replicas, degraded when fewer are up
    /// than wanted, stopped when it has none and wants none.
    public var state: RunState {
        if let reportedState { return reportedState }
        let wanted = desiredReplicas ?? replicas.count
        if replicas.isEmpty { return wanted == 0 ? .stopped : .failed }
        let worst = replicas.map(\.state).max() ?? .unknown
        if worst == .running, replicasUp < wanted { return .degraded }
        if worst >= .stopped, replicasUp > 0 { return .degraded }
        return worst
    }

    /// The worst health any replica reports, `none` when none has a check.
    public var health: HealthState {
        let checked = replicas.map(\.health).filter { $0 != .none }
        return checked.max() ?? .none
    }

    public var restarts: Int { replicas.reduce(0) { $0 + $1.restarts } }
}

/// A revision that takes part of a service's traffic.
public struct TrafficRevision: Hashable, Sendable {
    public var name: String
    public var image: ImageReference?
    public var percent: Int

    public init(name: String, image: ImageReference? = nil, percent: Int) {
        self.name = name
        self.image = image
        self.percent = percent
    }
}
