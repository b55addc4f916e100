/// What a platform adapter can do, one small protocol a capability, so the UI offers only what
/// the selected service's provider supports. An adapter is built for one endpoint (a Docker
/// engine, a kube context, a Fly organisation) with the services the config places there; it
/// builds argv and parses output, and runs everything through a `CommandRunner`.
public protocol Provider: Sendable {
    /// The provider's name as the config writes it: `docker`, `kubernetes`, `fly`.
    var name: String { get }
}

/// Lists the services of this endpoint: those the config places here, or, on discovery,
/// everything the endpoint runs.
public protocol ServiceListing: Provider {
    func services() async throws -> [ServiceSnapshot]
    /// A cheaper first listing (one `docker ps`, no inspect) for the first frame, which the full
    /// listing then completes; nil when the provider has nothing cheaper.
    func quickServices() async throws -> [ServiceSnapshot]?
}

extension ServiceListing {
    public func quickServices() async throws -> [ServiceSnapshot]? { nil }
}

/// The releases of one service in one environment, newest first.
public protocol ReleaseHistory: Provider {
    func releases(of key: ServiceKey) async throws -> [Release]
}

/// Where the live logs of a service come from: one command a replica (or one for the whole
/// service, when the CLI merges them), each followed through the log pipeline.
public protocol LogStreaming: Provider {
    func logSources(of key: ServiceKey, tail: Int) async throws -> [LogSource]
}

/// One followed log stream and the name its lines are shown under.
public struct LogSource: Hashable, Sendable {
    public var name: String
    public var command: Command

    public init(name: String, command: Command) {
        self.name = name
        self.command = command
    }
}

/// The platform's own health checks (Docker HEALTHCHECK, readiness), with their last output.
public protocol HealthReporting: Provider {
    func health(of key: ServiceKey) async throws -> [HealthCheckResult]
}

/// One replica's last health check, as the platform ran it.
public struct HealthCheckResult: Hashable, Sendable {
    public var replica: String
    public var state: HealthState
    /// Consecutive failures so far.
    public var failingStreak: Int
    /// The check's last output (sanitised by whoever draws it).
    public var output: String?
    public var checkedAt: LogTimestamp?

    public init(replica: String, state: HealthState, failingStreak: Int = 0, output: String? = nil,
                checkedAt: LogTimestamp? = nil) {
        self.replica = replica
        self.state = state
        self.failingStreak = failingStreak
        self.output = output
        self.checkedAt = checkedAt
    }
}

/// A command that prints one line whenever something on the endpoint changes (`docker events`,
/// `kubectl get --watch`), so the screen updates without waiting for the next poll.
public protocol ChangeWatching: Provider {
    var changeCommand: Command { get }
    /// Every stream to follow: kubectl watches one kind of object a command, so an endpoint with
    /// Deployments and Argo Rollouts follows two. `[changeCommand]` unless the provider says more.
    var changeCommands: [Command] { get }
    /// Whether a line of its output is a change worth a refresh (not the exec events every
    /// Docker healthcheck makes, for instance).
    func isRelevantChange(_ line: UnsafeBufferPointer<UInt8>) -> Bool
}

extension ChangeWatching {
    public var changeCommands: [Command] { [changeCommand] }
}

/// The versions a service could be deployed at (image tags, releases), newest first.
public protocol VersionListing: Provider {
    func availableVersions(of key: ServiceKey) async throws -> [Release]
}

/// Plans a deploy of `version` to one service in one environment. Plans are values: shown in
/// full, confirmed, then run step by step (`ActionRun`).
public protocol Deploying: Provider {
    func deployment(for key: ServiceKey, version: String) async throws -> PreparedAction
}

/// Plans running what `source` runs (same digest) on `target`.
public protocol Promoting: Provider {
    func promotion(from source: ServiceSnapshot, to target: ServiceKey) async throws -> PreparedAction
}

/// Plans going back to `release` (`RollbackChoice` picks the default: the last one that stayed
/// healthy).
public protocol RollingBack: Provider {
    func rollback(of key: ServiceKey, to release: Release) async throws -> PreparedAction
}

/// Plans starting the version a service runs afresh, new replicas of the same image (`kubectl
/// rollout restart`), put back as it was if the new ones do not come up.
public protocol Restarting: Provider {
    func restart(of key: ServiceKey) async throws -> PreparedAction
}

/// Plans the two moves of a canary under way (Argo Rollouts): ending the pause it waits in, so it
/// goes on to its next step, and aborting it, which gives the stable version every pod again.
public protocol CanaryStepping: Provider {
    func stepPromotion(of key: ServiceKey) async throws -> PreparedAction
    func abort(of key: ServiceKey) async throws -> PreparedAction
}

/// Everything a deploy, promote or rollback flow needs of one endpoint: the plans, and the reads
/// they start from (what runs now, the releases to go back to).
public protocol ServiceChanging: Deploying, Promoting, RollingBack {
    /// What `key` runs now; nil when the endpoint does not list it.
    func snapshot(of key: ServiceKey) async throws -> ServiceSnapshot?
    func releases(of key: ServiceKey) async throws -> [Release]
}
