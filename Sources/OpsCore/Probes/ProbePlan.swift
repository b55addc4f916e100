/// Which probes run: every service's probes, in every environment it has a base URL for, as
/// `Probe`s with absolute URLs.
///
/// - A probe whose URL is a path (`/health`) runs once per environment the service runs in and has a
///   base URL for (the target's own `base_url`, else the service's), in environment order.
/// - A probe with a whole URL, a tcp address or a command checks one fixed place: it runs once, with
///   no environment.
/// - A service with a base URL and no probes gets `health` (`/health`) and `ready` (`/ready`) with
///   the default settings: the endpoints most services have, so that a configuration naming only
///   base URLs is already watched.
public enum ProbePlan {
    public static let defaultProbes: [ProbeConfig] = [
        ProbeConfig(name: "health", check: .http(ProbeConfig.HTTPCheck(url: "/health"))),
        ProbeConfig(name: "ready", check: .http(ProbeConfig.HTTPCheck(url: "/ready"))),
    ]

    public enum PlanError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownService(String, known: [String])
        case unknownEnvironment(String, known: [String])

        public var description: String {
            switch self {
            case .unknownService(let name, let known):
                "no service named \(name) in the configuration" + Self.list("services", known)
            case .unknownEnvironment(let name, let known):
                "no environment named \(name) in the configuration" + Self.list("environments", known)
            }
        }

        private static func list(_ what: String, _ names: [String]) -> String {
            names.isEmpty ? " (it has no \(what))" : " (\(what): \(names.joined(separator: ", ")))"
        }
    }

    /// The probes of `config`, of one service and one environment when given. With an environment,
    /// only probes that belong to it are kept: the fixed-place ones (no environment) are left out.
    public static func probes(in config: OpsdeckConfig, service: String? = nil, environment: String? = nil)
        throws(PlanError) -> [Probe] {
        if let service, config.service(named: service) == nil {
            throw .unknownService(service, known: config.services.map(\.name))
        }
        if let environment, config.environment(named: environment) == nil {
            throw .unknownEnvironment(environment, known: config.environments.map(\.name))
        }
        let environments = config.environments.map(\.name)
        return config.services
            .filter { service == nil || $0.name == service }
            .flatMap { probes(of: $0, environments: environments) }
            .filter { environment == nil || $0.id.environment == environment }
    }

    /// The probes of one service, environments in the order given.
    public static func probes(of service: ServiceConfig, environments: [String]) -> [Probe] {
        let placed = environments.compactMap { name -> (String, String)? in
            guard service.target(in: name) != nil, let base = service.baseURL(in: name) else { return nil }
            return (name, base)
        }
        let configs = service.probes.isEmpty && !placed.isEmpty ? defaultProbes : service.probes
        return configs.flatMap { config -> [Probe] in
            guard case .http(let http) = config.check, http.isRelative else {
                return [Probe(id: ProbeID(service: service.name, environment: nil, name: config.name), config: config)]
            }
            return placed.map { environment, base in
                var resolved = config
                var check = http
                check.url = joined(base, http.url)
                resolved.check = .http(check)
                return Probe(id: ProbeID(service: service.name, environment: environment, name: config.name),
                             config: resolved)
            }
        }
    }

    /// `https://api.example.com/` + `/health` = `https://api.example.com/health`.
    static func joined(_ base: String, _ path: String) -> String {
        var base = Substring(base)
        while base.hasSuffix("/") { base = base.dropLast() }
        return base + path
    }
}
