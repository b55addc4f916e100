import OpsCore

/// What the console reads, from the configuration or, without one, from discovery.
struct ConsoleSetup {
    var providers: [any ServiceListing]
    var environmentOrder: [String]
    var discovery: Bool

    /// Without a configuration: every container of the local engine (`DOCKER_HOST` or the
    /// default socket), compose projects grouped as services.
    static func discovery(runner: any CommandRunner) -> ConsoleSetup {
        ConsoleSetup(providers: [DockerProvider(discoveringWith: runner)], environmentOrder: [], discovery: true)
    }

    /// One provider per endpoint: the Docker targets of every service grouped by engine (context
    /// and host; the config fills in an environment's), so one `docker ps` lists them all.
    static func configured(_ config: OpsdeckConfig, runner: any CommandRunner) -> ConsoleSetup {
        var docker: [DockerEndpoint: [ServiceKey: DockerTarget]] = [:]
        var unavailable: [String: [ServiceKey]] = [:]
        for service in config.services {
            for (environment, target) in service.targets {
                let key = ServiceKey(service: service.name, environment: environment)
                switch target {
                case .docker(let target):
                    docker[DockerEndpoint(target), default: [:]][key] = target
                case .kubernetes, .fly:
                    unavailable[target.provider, default: []].append(key)
                }
            }
        }
        var providers: [any ServiceListing] = docker.keys.sorted { "\($0)" < "\($1)" }.map { endpoint in
            DockerProvider(runner: runner, endpoint: endpoint, targets: docker[endpoint] ?? [:])
        }
        providers += unavailable.keys.sorted().map { UnavailableProvider(name: $0, keys: unavailable[$0] ?? []) }
        return ConsoleSetup(providers: providers, environmentOrder: config.environments.map(\.name), discovery: false)
    }
}

/// A provider the configuration names that this build cannot drive yet: its services are listed
/// as unknown, with the reason, rather than vanishing from the screen.
struct UnavailableProvider: ServiceListing {
    let name: String
    let keys: [ServiceKey]

    func services() async throws -> [ServiceSnapshot] {
        keys.sorted().map { key in
            ServiceSnapshot(key: key, provider: name, note: "the \(name) provider is not available in this version of opsdeck",
                            reportedState: .unknown)
        }
    }
}
