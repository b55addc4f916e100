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

/// A metric shown for a service, with optional thresholds that colour its value: a PromQL query to
/// the environment's Prometheus, or a series read straight from the service's own metrics page.
public struct MetricConfig: Sendable, Equatable {
    /// Where the value comes from.
    public enum Source: Sendable, Equatable {
        /// `query:` PromQL, asked of the environment's Prometheus.
        case query(String)
        /// `scrape:` a series (or the rate of a counter) read from the service's exposition page at
        /// `url`: a path under the service's base URL in each environment (`/metrics`), or a whole URL.
        case scrape(ScrapeExpression, url: String)
    }

    /// Where a scraped metric's page is unless `scrape_url` says otherwise.
    public static let defaultScrapePath = "/metrics"

    public var name: String
    public var source: Source
    /// Values from here on are a warning. Higher is worse, unless `critical` is below `warn`
    /// (a ratio of successes, where lower is worse).
    public var warn: Double?
    /// Values from here on are critical.
    public var critical: Double?

    public init(name: String, source: Source, warn: Double? = nil, critical: Double? = nil) {
        self.name = name
        self.source = source
        self.warn = warn
        self.critical = critical
    }

    /// A PromQL metric.
    public init(name: String, query: String, warn: Double? = nil, critical: Double? = nil) {
        self.init(name: name, source: .query(query), warn: warn, critical: critical)
    }

    /// A scraped metric.
    public init(name: String, scrape: ScrapeExpression, url: String = defaultScrapePath, warn: Double? = nil,
                critical: Double? = nil) {
        self.init(name: name, source: .scrape(scrape, url: url), warn: warn, critical: critical)
    }

    /// The PromQL query; nil for a scraped metric.
    public var query: String? {
        if case .query(let query) = source { return query }
        return nil
    }
}
