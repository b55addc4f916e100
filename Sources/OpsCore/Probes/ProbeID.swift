/// Which probe: a service's probe, in one environment when its URL is relative to that
/// environment's base URL; nil for probes that check one fixed place (a whole URL, tcp, a command).
public struct ProbeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var service: String
    public var environment: String?
    public var name: String

    public init(service: String, environment: String?, name: String) {
        self.service = service
        self.environment = environment
        self.name = name
    }

    /// `api/staging/health`, or `api/health` without an environment.
    public var description: String {
        [service, environment, name].compactMap { $0 }.joined(separator: "/")
    }

    public static func < (lhs: ProbeID, rhs: ProbeID) -> Bool {
        (lhs.service, lhs.environment ?? "", lhs.name) < (rhs.service, rhs.environment ?? "", rhs.name)
    }
}
