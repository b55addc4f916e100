/// One environment (`staging`, `production`) and how opsdeck treats it.
public struct EnvironmentConfig: Sendable, Equatable {
    public var name: String
    /// Changes need the service's name typed to confirm, and nothing happens automatically.
    public var protected: Bool
    /// No deploy, promote or rollback here.
    public var readOnly: Bool
    /// Roll back by itself when probes fail after a deploy (never in a protected environment).
    public var autoRollback: Bool
    /// How long a version must have run here before it may be promoted to the next environment
    /// (`soak: 30m`); nil when there is no such gate.
    public var soak: Duration?
    /// How long the console watches a service after a deploy, promote or rollback for its probes
    /// and metrics getting worse than before (`watch: 5m`).
    public var watch: Duration = EnvironmentConfig.defaultWatch
    public static let defaultWatch: Duration = .seconds(300)
    /// Where this environment's metrics are queried; nil when it has none.
    public var prometheus: PrometheusConfig?
    /// The Docker engine the docker targets of this environment use unless they name their own.
    public var docker: DockerEngineDefaults
    /// The kube context and namespace the kubernetes targets of this environment use unless they
    /// name their own.
    public var kubernetes: KubernetesDefaults

    public init(name: String, protected: Bool = false, readOnly: Bool = false, autoRollback: Bool = false,
                soak: Duration? = nil, prometheus: PrometheusConfig? = nil, docker: DockerEngineDefaults = .init(),
                kubernetes: KubernetesDefaults = .init()) {
        self.name = name
        self.protected = protected
        self.readOnly = readOnly
        self.autoRollback = autoRollback
        self.soak = soak
        self.prometheus = prometheus
        self.docker = docker
        self.kubernetes = kubernetes
    }
}

/// A Prometheus server and how to authenticate to it. Credentials are never in the file: it
/// names the environment variable that holds them.
public struct PrometheusConfig: Sendable, Equatable {
    public enum Credentials: Sendable, Equatable {
        /// `bearer_token_env: NAME`: the variable holds a bearer token.
        case bearerTokenEnvironment(String)
        /// `basic_auth_env: NAME`: the variable holds `user:password`.
        case basicAuthEnvironment(String)
    }

    /// An http or https URL, e.g. `https://prometheus.example.com`.
    public var url: String
    public var credentials: Credentials?

    public init(url: String, credentials: Credentials? = nil) {
        self.url = url
        self.credentials = credentials
    }
}

/// `docker: { context: NAME }` or `docker: { host: URL }` (at most one) under an environment.
public struct DockerEngineDefaults: Sendable, Equatable {
    public var context: String?
    public var host: String?

    public init(context: String? = nil, host: String? = nil) {
        self.context = context
        self.host = host
    }
}

/// `kubernetes: { context: NAME, namespace: NAME }` under an environment.
public struct KubernetesDefaults: Sendable, Equatable {
    public var context: String?
    public var namespace: String?

    public init(context: String? = nil, namespace: String? = nil) {
        self.context = context
        self.namespace = namespace
    }
}
