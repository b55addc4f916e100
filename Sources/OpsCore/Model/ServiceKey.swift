/// One service in one environment: a row of the services table, and the unit every provider call
/// is about. A service runs in several environments (staging, production), each perhaps on
/// another platform.
public struct ServiceKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var service: String
    public var environment: String

    public init(service: String, environment: String) {
        self.service = service
        self.environment = environment
    }

    public static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool {
        (lhs.service, lhs.environment) < (rhs.service, rhs.environment)
    }

    public var description: String { "\(service)/\(environment)" }
}
