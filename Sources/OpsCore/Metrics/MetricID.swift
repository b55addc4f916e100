/// Which metric: one named query of one service in one environment.
public struct MetricID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var service: String
    public var environment: String
    public var name: String

    public init(service: String, environment: String, name: String) {
        self.service = service
        self.environment = environment
        self.name = name
    }

    /// `api/staging/error_rate`.
    public var description: String { "\(service)/\(environment)/\(name)" }

    public static func < (lhs: MetricID, rhs: MetricID) -> Bool {
        (lhs.service, lhs.environment, lhs.name) < (rhs.service, rhs.environment, rhs.name)
    }
}
