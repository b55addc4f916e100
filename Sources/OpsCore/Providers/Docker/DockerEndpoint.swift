/// Which Docker engine commands go to: a `docker --context`, a `DOCKER_HOST`, both, or neither
/// (the CLI's current context). Every command opsdeck builds for the engine goes through `command`.
public struct DockerEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var context: String?
    /// `unix:///…`, `tcp://…`, `ssh://…`: set as `DOCKER_HOST` in the command's environment.
    public var host: String?
    /// The deadline of one-shot reads (`ps`, `inspect`): a remote engine over ssh may need more.
    public var readTimeout: Duration

    public init(context: String? = nil, host: String? = nil, readTimeout: Duration = DockerCommands.readTimeout) {
        self.context = context.flatMap { $0.isEmpty ? nil : $0 }
        self.host = host.flatMap { $0.isEmpty ? nil : $0 }
        self.readTimeout = readTimeout
    }

    /// The endpoint a configured target names.
    public init(_ target: DockerTarget, readTimeout: Duration = DockerCommands.readTimeout) {
        self.init(context: target.context, host: target.host, readTimeout: readTimeout)
    }

    /// `docker [--context X] ARGUMENTS`, with `DOCKER_HOST` when a host is set. One-shot reads get
    /// a deadline (a remote engine over ssh can hang); followed streams get none.
    public func command(_ arguments: [String], timeout: Duration? = nil, isLongRunning: Bool = false) -> Command {
        let contextArguments = context.map { ["--context", $0] } ?? []
        return Command("docker", contextArguments + arguments, environment: host.map { ["DOCKER_HOST": $0] } ?? [:],
                       timeout: timeout ?? readTimeout, isLongRunning: isLongRunning)
    }

    public var description: String {
        switch (context, host) {
        case (nil, nil): "the current docker context"
        case (let context?, nil): "docker context \(context)"
        case (nil, let host?): host
        case (let context?, let host?): "docker context \(context) (\(host))"
        }
    }
}
