/// One container as `docker inspect` describes it (engine API `ContainerInspect`): the exact labels,
/// state, exit code, restart count and healthcheck history that `docker ps` does not give.
public struct DockerContainerDetails: Hashable, Sendable {
    public struct State: Hashable, Sendable {
        /// created, running, paused, restarting, removing, exited, dead.
        public var status: String
        public var exitCode: Int?
        /// The daemon's error when it could not start the container (`OCI runtime create failed …`).
        public var error: String?
        public var startedAt: LogTimestamp?
        /// Nil while it has never stopped (Go's zero time).
        public var finishedAt: LogTimestamp?
        public var oomKilled: Bool
        /// Only for a container with a healthcheck.
        public var health: Health?

        public init(status: String, exitCode: Int? = nil, error: String? = nil, startedAt: LogTimestamp? = nil,
                    finishedAt: LogTimestamp? = nil, oomKilled: Bool = false, health: Health? = nil) {
            self.status = status
            self.exitCode = exitCode
            self.error = error
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.oomKilled = oomKilled
            self.health = health
        }
    }

    public struct Health: Hashable, Sendable {
        /// none, starting, healthy, unhealthy.
        public var status: String
        public var failingStreak: Int
        /// The last runs (docker keeps five), oldest first.
        public var log: [Probe]

        public init(status: String, failingStreak: Int = 0, log: [Probe] = []) {
            self.status = status
            self.failingStreak = failingStreak
            self.log = log
        }

        public var state: HealthState {
            switch status {
            case "healthy": .healthy
            case "unhealthy": .unhealthy
            case "starting": .starting
            default: .none
            }
        }
    }

    /// One run of the healthcheck.
    public struct Probe: Hashable, Sendable {
        public var start: LogTimestamp?
        public var end: LogTimestamp?
        /// 0 healthy, 1 unhealthy, other values a probe that could not run.
        public var exitCode: Int?
        /// What the check printed, as it printed it (escape sequences included).
        public var output: String

        public init(start: LogTimestamp? = nil, end: LogTimestamp? = nil, exitCode: Int? = nil, output: String = "") {
            self.start = start
            self.end = end
            self.exitCode = exitCode
            self.output = output
        }
    }

    /// 64 hex digits.
    public var id: String
    /// Without docker's leading slash.
    public var name: String
    public var createdAt: LogTimestamp?
    public var restartCount: Int
    /// The image id (`sha256:…`), not a reference.
    public var imageID: String
    /// `Config.Image`: the reference as it was asked for (`registry.example.com/shop/web:1.4.2`).
    public var imageReference: String
    /// The container's labels, the image's included.
    public var labels: [String: String]
    /// `Config.Env` as `NAME=value` pairs (secrets included: redact before showing).
    public var environment: [String: String]
    public var state: State

    public init(id: String, name: String, createdAt: LogTimestamp? = nil, restartCount: Int = 0, imageID: String = "",
                imageReference: String = "", labels: [String: String] = [:], environment: [String: String] = [:],
                state: State) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.restartCount = restartCount
        self.imageID = imageID
        self.imageReference = imageReference
        self.labels = labels
        self.environment = environment
        self.state = state
    }

    /// Whether it is up: running, or paused with its processes frozen. Health is meaningful only then;
    /// a stopped container keeps its last verdict, which no longer says anything.
    public var isUp: Bool { state.status == "running" || state.status == "paused" }

    /// Parses the array `docker inspect` prints. Elements without an id are skipped.
    public static func parse(inspectOutput: [UInt8]) throws(DockerOutputError) -> [DockerContainerDetails] {
        try DockerJSON.arrayOfObjects(inspectOutput, command: "docker inspect").compactMap(DockerContainerDetails.init(inspected:))
    }

    public static func parse(inspectOutput: String) throws(DockerOutputError) -> [DockerContainerDetails] {
        try parse(inspectOutput: Array(inspectOutput.utf8))
    }

    init?(inspected value: JSONValue) {
        guard let id = value.text("Id") else { return nil }
        let rawName = value.string("Name") ?? ""
        let config = value.object("Config")
        let state = value.object("State")
        var environment: [String: String] = [:]
        for pair in config?.strings("Env") ?? [] {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        self.init(id: id, name: rawName.hasPrefix("/") ? String(rawName.dropFirst()) : rawName,
                  createdAt: value.time("Created"), restartCount: value.int("RestartCount") ?? 0,
                  imageID: value.string("Image") ?? "", imageReference: config?.string("Image") ?? "",
                  labels: config?.stringMap("Labels") ?? [:], environment: environment,
                  state: state.map(State.init(inspected:)) ?? State(status: ""))
    }
}

extension DockerContainerDetails.State {
    init(inspected state: JSONValue) {
        self.init(status: state.string("Status") ?? "", exitCode: state.int("ExitCode"), error: state.text("Error"),
                  startedAt: state.time("StartedAt"), finishedAt: state.time("FinishedAt"),
                  oomKilled: state.bool("OOMKilled") ?? false,
                  health: state.object("Health").map(DockerContainerDetails.Health.init(inspected:)))
    }
}

extension DockerContainerDetails.Health {
    init(inspected health: JSONValue) {
        let probes = health.array("Log").compactMap { entry -> DockerContainerDetails.Probe? in
            guard case .object = entry else { return nil }
            return DockerContainerDetails.Probe(start: entry.time("Start"), end: entry.time("End"),
                                                exitCode: entry.int("ExitCode"), output: entry.string("Output") ?? "")
        }
        self.init(status: health.string("Status") ?? "", failingStreak: health.int("FailingStreak") ?? 0, log: probes)
    }
}
