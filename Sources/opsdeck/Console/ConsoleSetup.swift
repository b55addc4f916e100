import Foundation
import OpsCore

/// What the console reads, from the configuration or, without one, from discovery.
struct ConsoleSetup {
    var providers: [any ServiceListing]
    var environmentOrder: [String]
    var discovery: Bool
    /// The configured probes (a service with a `base_url` and none gets `/health` and `/ready`).
    var probes: [Probe] = []
    /// The configured metrics, in every environment that has a Prometheus.
    var metrics: [PlannedMetric] = []
    /// `alerts:` of the configuration: bell and `on_alert`.
    var alerts = AlertsConfig()
    /// Where alerts are journalled; nil when there is no place (no configuration, no home).
    var journalPath: String?
    /// The configuration and where it was read, for deploy, promote and rollback; nil on discovery.
    var config: (config: OpsdeckConfig, path: String)?

    /// Without a configuration: every container of the local engine (`DOCKER_HOST` or the
    /// default socket), compose projects grouped as services.
    static func discovery(runner: any CommandRunner, timeout: Duration) -> ConsoleSetup {
        ConsoleSetup(providers: [DockerProvider(discoveringWith: runner, endpoint: DockerEndpoint(readTimeout: timeout))],
                     environmentOrder: [], discovery: true)
    }

    /// One provider per endpoint: the Docker targets of every service grouped by engine (context
    /// and host; the config fills in an environment's), so one `docker ps` lists them all, and the
    /// Kubernetes targets by context and namespace, so one `get deployments` and one `get pods`
    /// list a namespace. `timeout` is each kubectl call's deadline too: kubectl itself can wait far
    /// longer on a server that does not answer.
    static func configured(_ config: OpsdeckConfig, at location: ConfigLocation, runner: any CommandRunner,
                           timeout: Duration) -> ConsoleSetup {
        var docker: [ServiceKey: DockerTarget] = [:]
        var kubernetes: [ServiceKey: KubernetesTarget] = [:]
        var local: [ServiceKey: LocalTarget] = [:]
        var unavailable: [String: [ServiceKey]] = [:]
        let stateFolder = StatePaths.current().opsdeckFolder
        for service in config.services {
            for (environment, target) in service.targets {
                let key = ServiceKey(service: service.name, environment: environment)
                switch target {
                case .docker(let target):
                    docker[key] = target
                case .kubernetes(let target):
                    kubernetes[key] = target
                case .local(let target) where target.stateFolder != nil || stateFolder != nil:
                    local[key] = target
                case .fly, .local:
                    unavailable[target.provider, default: []].append(key)
                }
            }
        }
        var providers: [any ServiceListing] = DockerProvider.providers(for: docker, runner: runner, readTimeout: timeout)
        providers += KubernetesProvider.providers(for: kubernetes, runner: runner,
                                                  requestTimeout: min(KubernetesCommands.requestTimeout, timeout),
                                                  deadline: timeout)
        // Local services are read from their state folders: one provider serves them all.
        if !local.isEmpty { providers.append(LocalProvider(targets: local, opsdeckStateFolder: stateFolder ?? "/")) }
        providers += unavailable.keys.sorted().map { UnavailableProvider(name: $0, keys: unavailable[$0] ?? []) }
        let folder = URL(fileURLWithPath: location.path).deletingLastPathComponent().path
        // Without a service or environment to pick, planning cannot fail.
        return ConsoleSetup(providers: providers, environmentOrder: config.environments.map(\.name), discovery: false,
                            probes: (try? ProbePlan.probes(in: config)) ?? [], metrics: MetricPlan.metrics(in: config),
                            alerts: config.alerts,
                            journalPath: StatePaths.current().journal(configured: config.journalPath, configFolder: folder),
                            config: (config, location.path))
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
