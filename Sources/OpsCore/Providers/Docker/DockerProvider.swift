/// The Docker adapter: lists the services one engine runs, their replicas, health, images and
/// logs, through the `docker` CLI.
///
/// Built for one endpoint (`DockerEndpoint`: a context and/or a `DOCKER_HOST`) either with the
/// services the configuration places there (`targets`) or in discovery mode (no targets: every
/// container is listed, as `DockerDiscovery` groups them). Reading a service costs one `docker ps`,
/// one `docker inspect` of the containers that may belong to it, and, for its images, one
/// `docker image inspect` or `docker image ls`: never one call per container.
public struct DockerProvider: ServiceListing, ReleaseHistory, LogStreaming, HealthReporting, ChangeWatching,
    VersionListing {
    public static let providerName = "docker"

    public var name: String { Self.providerName }
    public let endpoint: DockerEndpoint
    /// Nil in discovery mode.
    public let targets: [ServiceKey: DockerTarget]?
    let runner: any CommandRunner

    /// A provider for the services `targets` places on `endpoint`. The targets' own context and host
    /// are not read here: `providers(for:runner:)` groups targets by them.
    public init(runner: any CommandRunner, endpoint: DockerEndpoint = DockerEndpoint(), targets: [ServiceKey: DockerTarget]) {
        self.runner = runner
        self.endpoint = endpoint
        self.targets = targets
    }

    /// A provider that lists everything `endpoint` runs.
    public init(discoveringWith runner: any CommandRunner, endpoint: DockerEndpoint = DockerEndpoint()) {
        self.runner = runner
        self.endpoint = endpoint
        self.targets = nil
    }

    /// One provider per engine the targets name, each with its targets; ordered by endpoint.
    public static func providers(for targets: [ServiceKey: DockerTarget], runner: any CommandRunner,
                                 readTimeout: Duration = DockerCommands.readTimeout) -> [DockerProvider] {
        let byEndpoint = Dictionary(grouping: targets, by: { DockerEndpoint($0.value, readTimeout: readTimeout) })
        return byEndpoint.keys.sorted { ($0.context ?? "", $0.host ?? "") < ($1.context ?? "", $1.host ?? "") }.map { endpoint in
            DockerProvider(runner: runner, endpoint: endpoint,
                           targets: Dictionary(uniqueKeysWithValues: (byEndpoint[endpoint] ?? []).map { ($0.key, $0.value) }))
        }
    }

    public var isDiscovering: Bool { targets == nil }

    /// How the containers of `key` are selected; a configured provider knows only its targets.
    func selection(for key: ServiceKey) throws -> DockerSelection {
        guard let targets else { return DockerSelection(key: key, rule: .discovered) }
        guard let target = targets[key] else { throw DockerProviderError.unknownService(key, endpoint) }
        return DockerSelection(key: key, rule: .target(target.selector))
    }

    // MARK: ChangeWatching

    public var changeCommand: Command { endpoint.command(DockerCommands.watchEvents(), isLongRunning: true) }

    public func isRelevantChange(_ line: UnsafeBufferPointer<UInt8>) -> Bool { DockerEventFilter.isRelevant(line) }
}

public enum DockerProviderError: ActionPlanningError, Hashable, Sendable {
    /// The key is not one of the services configured on this endpoint.
    case unknownService(ServiceKey, DockerEndpoint)

    public var blamesRequest: Bool { true }

    public var description: String {
        switch self {
        case .unknownService(let key, let endpoint): "\(key) is not configured on \(endpoint)"
        }
    }
}
