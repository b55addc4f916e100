/// One service: where it runs in each environment, how to probe it and which metrics to show.
public struct ServiceConfig: Sendable, Equatable {
    public var name: String
    /// Where the service runs, by environment name. An environment the service is not in has no entry.
    public var targets: [String: ProviderTarget]
    /// `base_url` of the service: where relative probe URLs (`/health`) point, unless the
    /// environment's target has its own.
    public var baseURL: String?
    /// `base_url` of single targets, by environment name.
    public var targetBaseURLs: [String: String]
    /// In file order.
    public var probes: [ProbeConfig]
    /// In file order.
    public var metrics: [MetricConfig]

    public init(name: String, targets: [String: ProviderTarget], baseURL: String? = nil,
                targetBaseURLs: [String: String] = [:], probes: [ProbeConfig] = [], metrics: [MetricConfig] = []) {
        self.name = name
        self.targets = targets
        self.baseURL = baseURL
        self.targetBaseURLs = targetBaseURLs
        self.probes = probes
        self.metrics = metrics
    }

    public func target(in environment: String) -> ProviderTarget? { targets[environment] }

    /// The base URL for probes in `environment`: the target's own, else the service's.
    public func baseURL(in environment: String) -> String? { targetBaseURLs[environment] ?? baseURL }
}

/// A PromQL query shown for a service, with optional thresholds that colour its value.
public struct MetricConfig: Sendable, Equatable {
    public var name: String
    public var query: String
    /// Values from here on are a warning. Higher is worse, unless `critical` is below `warn`
    /// (a ratio of successes, where lower is worse).
    public var warn: Double?
    /// Values from here on are critical.
    public var critical: Double?

    public init(name: String, query: String, warn: Double? = nil, critical: Double? = nil) {
        self.name = name
        self.query = query
        self.warn = warn
        self.critical = critical
    }
}
