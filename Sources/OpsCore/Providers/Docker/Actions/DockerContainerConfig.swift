/// The settings of a container that a recreate must carry over, as `docker inspect` (container)
/// and `docker image inspect` (its image) report them. The daemon merges the image's defaults (env,
/// command, labels, healthcheck, user, working folder) into the container's `Config`, so what the
/// operator chose is what differs from the image: only that is passed on, and the new image brings
/// its own defaults (its `APP_VERSION`, its healthcheck, its `CMD`).
public struct DockerContainerConfig: Hashable, Sendable {
    public struct Healthcheck: Hashable, Sendable {
        /// `["CMD-SHELL", "…"]`, `["CMD", …]` or `["NONE"]`.
        public var test: [String]
        public var intervalNanoseconds: Int64?
        public var timeoutNanoseconds: Int64?
        public var startPeriodNanoseconds: Int64?
        public var retries: Int?

        public init(test: [String], intervalNanoseconds: Int64? = nil, timeoutNanoseconds: Int64? = nil,
                    startPeriodNanoseconds: Int64? = nil, retries: Int? = nil) {
            self.test = test
            self.intervalNanoseconds = intervalNanoseconds
            self.timeoutNanoseconds = timeoutNanoseconds
            self.startPeriodNanoseconds = startPeriodNanoseconds
            self.retries = retries
        }
    }

    /// A published port: `HostConfig.PortBindings` (`"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}]`).
    public struct PortBinding: Hashable, Sendable {
        /// `80/tcp`.
        public var containerPort: String
        public var hostIP: String
        /// Empty: docker picks one.
        public var hostPort: String

        public init(containerPort: String, hostIP: String = "", hostPort: String = "") {
            self.containerPort = containerPort
            self.hostIP = hostIP
            self.hostPort = hostPort
        }
    }

    /// A `--mount` (`HostConfig.Mounts`), or a volume the container uses that no flag named (an
    /// image `VOLUME`, whose data would be lost if the new container got a fresh one).
    public struct Mount: Hashable, Sendable {
        /// bind, volume, tmpfs.
        public var type: String
        public var source: String
        public var target: String
        public var readOnly: Bool

        public init(type: String, source: String, target: String, readOnly: Bool = false) {
            self.type = type
            self.source = source
            self.target = target
            self.readOnly = readOnly
        }
    }

    public var name: String
    public var imageID: String
    public var imageReference: String
    /// `NAME=value`, in the container's order.
    public var environment: [String]
    public var command: [String]?
    public var entrypoint: [String]?
    public var labels: [String: String]
    public var user: String
    public var workingDirectory: String
    public var healthcheck: Healthcheck?
    public var tty: Bool
    public var openStdin: Bool
    /// `default`, `bridge`, `host`, `none`, `container:ID`, or a network's name.
    public var networkMode: String
    public var portBindings: [PortBinding]
    /// `-v` strings as given (`/srv/data:/data:ro`, `cache:/cache`).
    public var binds: [String]
    public var mounts: [Mount]
    /// `no`, `always`, `unless-stopped`, `on-failure`.
    public var restartPolicy: String
    public var restartRetries: Int

    public init(name: String, imageID: String = "", imageReference: String = "", environment: [String] = [],
                command: [String]? = nil, entrypoint: [String]? = nil, labels: [String: String] = [:], user: String = "",
                workingDirectory: String = "", healthcheck: Healthcheck? = nil, tty: Bool = false, openStdin: Bool = false,
                networkMode: String = "default", portBindings: [PortBinding] = [], binds: [String] = [],
                mounts: [Mount] = [], restartPolicy: String = "no", restartRetries: Int = 0) {
        self.name = name
        self.imageID = imageID
        self.imageReference = imageReference
        self.environment = environment
        self.command = command
        self.entrypoint = entrypoint
        self.labels = labels
        self.user = user
        self.workingDirectory = workingDirectory
        self.healthcheck = healthcheck
        self.tty = tty
        self.openStdin = openStdin
        self.networkMode = networkMode
        self.portBindings = portBindings
        self.binds = binds
        self.mounts = mounts
        self.restartPolicy = restartPolicy
        self.restartRetries = restartRetries
    }

    /// The one container `docker inspect --type container NAME` printed.
    public static func parse(inspectOutput: [UInt8]) throws(DockerOutputError) -> DockerContainerConfig {
        let command = "docker inspect"
        guard let first = try DockerJSON.arrayOfObjects(inspectOutput, command: command).first else {
            throw DockerOutputError(command: command, problem: "no container in the output")
        }
        return DockerContainerConfig(inspected: first)
    }

    init(inspected value: JSONValue) {
        let config = value.object("Config")
        let host = value.object("HostConfig")
        let rawName = value.string("Name") ?? ""
        var bindings: [PortBinding] = []
        for member in host?["PortBindings"]?.objectMembers ?? [] {
            guard case .array(let hosts) = member.value else { continue }
            for entry in hosts {
                bindings.append(PortBinding(containerPort: member.key, hostIP: entry.string("HostIp") ?? "",
                                            hostPort: entry.string("HostPort") ?? ""))
            }
        }
        bindings.sort { ($0.containerPort, $0.hostIP, $0.hostPort) < ($1.containerPort, $1.hostIP, $1.hostPort) }
        let binds = host?.strings("Binds") ?? []
        var mounts = host?.array("Mounts").compactMap { entry -> Mount? in
            guard let target = entry.text("Target") else { return nil }
            return Mount(type: entry.string("Type") ?? "volume", source: entry.string("Source") ?? "", target: target,
                         readOnly: entry.bool("ReadOnly") ?? false)
        } ?? []
        // Volumes no flag named (an image's VOLUME): keep the data by naming the same volume.
        let named = Set(mounts.map(\.target) + binds.compactMap(DockerContainerConfig.bindTarget))
        for entry in value.array("Mounts") where entry.string("Type") == "volume" {
            guard let target = entry.text("Destination"), !named.contains(target), let volume = entry.text("Name") else { continue }
            mounts.append(Mount(type: "volume", source: volume, target: target, readOnly: !(entry.bool("RW") ?? true)))
        }
        let restart = host?.object("RestartPolicy")
        self.init(name: rawName.hasPrefix("/") ? String(rawName.dropFirst()) : rawName,
                  imageID: value.string("Image") ?? "", imageReference: config?.string("Image") ?? "",
                  environment: config?.strings("Env") ?? [],
                  command: config.flatMap { DockerContainerConfig.words($0, "Cmd") },
                  entrypoint: config.flatMap { DockerContainerConfig.words($0, "Entrypoint") },
                  labels: config?.stringMap("Labels") ?? [:], user: config?.string("User") ?? "",
                  workingDirectory: config?.string("WorkingDir") ?? "",
                  healthcheck: config?.object("Healthcheck").map(Healthcheck.init(inspected:)),
                  tty: config?.bool("Tty") ?? false, openStdin: config?.bool("OpenStdin") ?? false,
                  networkMode: host?.text("NetworkMode") ?? "default", portBindings: bindings, binds: binds,
                  mounts: mounts, restartPolicy: restart?.text("Name") ?? "no",
                  restartRetries: restart?.int("MaximumRetryCount") ?? 0)
    }

    /// An argv-like field: nil when null or missing, which differs from an empty array.
    static func words(_ object: JSONValue, _ key: String) -> [String]? {
        guard case .array? = object[key] else { return nil }
        return object.strings(key)
    }

    /// `/host:/data:ro` → `/data`.
    static func bindTarget(_ bind: String) -> String? {
        let parts = bind.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 2 ? String(parts[1]) : nil
    }
}

extension DockerContainerConfig.Healthcheck {
    init(inspected value: JSONValue) {
        self.init(test: value.strings("Test"), intervalNanoseconds: value.int64("Interval"),
                  timeoutNanoseconds: value.int64("Timeout"), startPeriodNanoseconds: value.int64("StartPeriod"),
                  retries: value.int("Retries"))
    }
}

/// The defaults an image gives its containers (`docker image inspect`'s `Config`).
public struct DockerImageConfig: Hashable, Sendable {
    public var id: String
    public var environment: [String]
    public var command: [String]?
    public var entrypoint: [String]?
    public var labels: [String: String]
    public var user: String
    public var workingDirectory: String
    public var healthcheck: DockerContainerConfig.Healthcheck?

    public init(id: String, environment: [String] = [], command: [String]? = nil, entrypoint: [String]? = nil,
                labels: [String: String] = [:], user: String = "", workingDirectory: String = "",
                healthcheck: DockerContainerConfig.Healthcheck? = nil) {
        self.id = id
        self.environment = environment
        self.command = command
        self.entrypoint = entrypoint
        self.labels = labels
        self.user = user
        self.workingDirectory = workingDirectory
        self.healthcheck = healthcheck
    }

    /// The one image `docker image inspect ID` printed.
    public static func parse(imageInspectOutput: [UInt8]) throws(DockerOutputError) -> DockerImageConfig {
        let command = "docker image inspect"
        guard let first = try DockerJSON.arrayOfObjects(imageInspectOutput, command: command).first else {
            throw DockerOutputError(command: command, problem: "no image in the output")
        }
        let config = first.object("Config")
        return DockerImageConfig(id: first.string("Id") ?? "", environment: config?.strings("Env") ?? [],
                                 command: config.flatMap { DockerContainerConfig.words($0, "Cmd") },
                                 entrypoint: config.flatMap { DockerContainerConfig.words($0, "Entrypoint") },
                                 labels: config?.stringMap("Labels") ?? [:], user: config?.string("User") ?? "",
                                 workingDirectory: config?.string("WorkingDir") ?? "",
                                 healthcheck: config?.object("Healthcheck").map(DockerContainerConfig.Healthcheck.init(inspected:)))
    }
}
