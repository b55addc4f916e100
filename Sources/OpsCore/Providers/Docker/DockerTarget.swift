/// Where one service's environment runs on a Docker engine, as the config places it.
public struct DockerTarget: Hashable, Sendable {
    public enum Selector: Hashable, Sendable {
        /// A compose project's service (`project: shop-staging`, `service: api`): every container
        /// of it, v1 and v2 alike (both label their containers).
        case compose(project: String, service: String)
        /// One container by name.
        case container(String)
        /// Every container carrying all these labels.
        case labels([String: String])
    }

    public var selector: Selector
    /// A `docker --context` to use instead of the current one.
    public var context: String?
    /// A `DOCKER_HOST` for this environment (`unix:///…`, `tcp://…`, `ssh://…`).
    public var host: String?

    public init(_ selector: Selector, context: String? = nil, host: String? = nil) {
        self.selector = selector
        self.context = context
        self.host = host
    }
}
