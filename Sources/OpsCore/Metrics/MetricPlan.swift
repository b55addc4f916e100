import Foundation

/// Where a planned metric is read: a Prometheus server (PromQL), or a service's own metrics page.
public enum MetricEndpoint: Sendable, Hashable, CustomStringConvertible {
    case prometheus(PrometheusServer)
    /// The whole URL of an exposition page (`http://127.0.0.1:8080/metrics`).
    case page(url: String)

    public var description: String {
        switch self {
        case .prometheus(let server): "\(server)"
        case .page(let url): url
        }
    }
}

/// One metric to read: which, its query and thresholds, and where it is read.
public struct PlannedMetric: Sendable, Equatable {
    public var id: MetricID
    public var config: MetricConfig
    public var endpoint: MetricEndpoint

    public init(id: MetricID, config: MetricConfig, endpoint: MetricEndpoint) {
        self.id = id
        self.config = config
        self.endpoint = endpoint
    }

    /// A metric read from `server`.
    public init(id: MetricID, config: MetricConfig, server: PrometheusServer) {
        self.init(id: id, config: config, endpoint: .prometheus(server))
    }

    /// The Prometheus server of a PromQL metric; nil for a scraped one.
    public var server: PrometheusServer? {
        if case .prometheus(let server) = endpoint { return server }
        return nil
    }

    public var thresholds: MetricThresholds { MetricThresholds(config) }
}

/// Which metrics are read: each metric of each service, in every environment where the service has
/// a target and the metric can be read there (a PromQL metric where the environment has a
/// Prometheus, a scraped one where the service has a base URL or the metric a whole URL). Services in
/// file order, then environments in file (promotion) order, then metrics in file order.
public enum MetricPlan {
    /// The metrics of `config`, of one service and one environment when given (a name that is not in
    /// the configuration matches nothing). Credentials are read from `variables` here, once; a
    /// variable that is missing makes no metric disappear: its readings carry the problem.
    public static func metrics(in config: OpsdeckConfig, service: String? = nil, environment: String? = nil,
                               variables: [String: String] = ProcessInfo.processInfo.environment) -> [PlannedMetric] {
        let environments = config.environments.filter { environment == nil || $0.name == environment }.map { env in
            (name: env.name, server: env.prometheus.map { PrometheusServer($0, environment: env.name, variables: variables) })
        }
        return config.services.filter { service == nil || $0.name == service }.flatMap { serviceConfig in
            environments.filter { serviceConfig.target(in: $0.name) != nil }.flatMap { env in
                serviceConfig.metrics.compactMap { metric -> PlannedMetric? in
                    let id = MetricID(service: serviceConfig.name, environment: env.name, name: metric.name)
                    switch metric.source {
                    case .query:
                        return env.server.map { PlannedMetric(id: id, config: metric, server: $0) }
                    case .scrape(_, let url):
                        return pageURL(url, base: serviceConfig.baseURL(in: env.name))
                            .map { PlannedMetric(id: id, config: metric, endpoint: .page(url: $0)) }
                    }
                }
            }
        }
    }

    /// A whole URL as it is; a path under `base` (`http://host:8080` + `/metrics`); nil for a path
    /// without a base.
    static func pageURL(_ url: String, base: String?) -> String? {
        if isWholeURL(url) { return url }
        guard let base else { return nil }
        var root = Substring(base)
        while root.hasSuffix("/") { root = root.dropLast() }
        return String(root) + (url.hasPrefix("/") ? url : "/" + url)
    }

    static func isWholeURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
