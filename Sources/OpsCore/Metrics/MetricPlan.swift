import Foundation

/// One metric to read: which, its query and thresholds, and the server that answers it.
public struct PlannedMetric: Sendable, Equatable {
    public var id: MetricID
    public var config: MetricConfig
    public var server: PrometheusServer

    public init(id: MetricID, config: MetricConfig, server: PrometheusServer) {
        self.id = id
        self.config = config
        self.server = server
    }

    public var thresholds: MetricThresholds { MetricThresholds(config) }
}

/// Which metrics are read: each metric of each service, in every environment where the service has
/// a target and the environment has a Prometheus. Services in file order, then environments in file
/// (promotion) order, then metrics in file order.
public enum MetricPlan {
    /// The metrics of `config`, of one service and one environment when given (a name that is not in
    /// the configuration matches nothing). Credentials are read from `variables` here, once; a
    /// variable that is missing makes no metric disappear: its readings carry the problem.
    public static func metrics(in config: OpsdeckConfig, service: String? = nil, environment: String? = nil,
                               variables: [String: String] = ProcessInfo.processInfo.environment) -> [PlannedMetric] {
        let servers = config.environments.compactMap { env -> (String, PrometheusServer)? in
            guard environment == nil || env.name == environment, let prometheus = env.prometheus else { return nil }
            return (env.name, PrometheusServer(prometheus, environment: env.name, variables: variables))
        }
        return config.services.filter { service == nil || $0.name == service }.flatMap { serviceConfig in
            servers.filter { serviceConfig.target(in: $0.0) != nil }.flatMap { environmentName, server in
                serviceConfig.metrics.map { metric in
                    PlannedMetric(id: MetricID(service: serviceConfig.name, environment: environmentName, name: metric.name),
                                  config: metric, server: server)
                }
            }
        }
    }
}
