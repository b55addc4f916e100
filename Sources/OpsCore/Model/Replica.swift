/// One running copy of a service: a container, a pod, a machine, an instance.
public struct Replica: Hashable, Sendable {
    /// The platform's id (container id, pod uid, machine id).
    public var id: String
    /// The name a person uses (container name, pod name); also the source of its log lines.
    public var name: String
    public var state: RunState
    public var health: HealthState
    public var image: ImageReference?
    public var restarts: Int
    /// The last exit code, for a replica that exited or is restarting.
    public var exitCode: Int?
    public var startedAt: LogTimestamp?
    /// The platform's own words for the state (`Up 3 minutes (healthy)`, `CrashLoopBackOff`,
    /// `OOMKilled`), sanitised by whoever draws it.
    public var detail: String?

    public init(id: String, name: String, state: RunState, health: HealthState = .none, image: ImageReference? = nil,
                restarts: Int = 0, exitCode: Int? = nil, startedAt: LogTimestamp? = nil, detail: String? = nil) {
        self.id = id
        self.name = name
        self.state = state
        self.health = health
        self.image = image
        self.restarts = restarts
        self.exitCode = exitCode
        self.startedAt = startedAt
        self.detail = detail
    }
}
