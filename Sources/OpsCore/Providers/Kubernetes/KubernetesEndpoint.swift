/// One kube context and namespace: what every kubectl call of a provider names explicitly, so
/// nothing depends on the kubeconfig's current context or namespace.
public struct KubernetesEndpoint: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var context: String
    public var namespace: String
    /// kubectl's own per-request timeout (`--request-timeout`) on one-shot reads.
    public var requestTimeout: Duration
    /// opsdeck's deadline for a whole one-shot call: kubectl retries discovery several times, and
    /// without a deadline a server that accepts connections and never answers holds it forever.
    public var deadline: Duration
    /// A kubeconfig file of its own (`--kubeconfig`); nil: kubectl's (`KUBECONFIG`, `~/.kube/config`).
    public var kubeconfig: String?
    /// Where kubectl caches the server's discovery (`--cache-dir`); nil: `~/.kube/cache`. The cache
    /// is keyed by host and port only, so two servers that reuse an address must not share one.
    public var cacheDirectory: String?

    public init(context: String, namespace: String, requestTimeout: Duration = KubernetesCommands.requestTimeout,
                deadline: Duration = KubernetesCommands.readDeadline, kubeconfig: String? = nil,
                cacheDirectory: String? = nil) {
        self.context = context
        self.namespace = namespace
        self.requestTimeout = requestTimeout
        self.deadline = deadline
        self.kubeconfig = kubeconfig
        self.cacheDirectory = cacheDirectory
    }

    public init(_ target: KubernetesTarget, requestTimeout: Duration = KubernetesCommands.requestTimeout,
                deadline: Duration = KubernetesCommands.readDeadline) {
        self.init(context: target.context, namespace: target.namespace, requestTimeout: requestTimeout, deadline: deadline)
    }

    public static func < (lhs: KubernetesEndpoint, rhs: KubernetesEndpoint) -> Bool {
        (lhs.context, lhs.namespace, lhs.kubeconfig ?? "") < (rhs.context, rhs.namespace, rhs.kubeconfig ?? "")
    }

    public var description: String { "context \(context), namespace \(namespace)" }

    /// `kubectl [--kubeconfig F] [--cache-dir D] --context C --namespace N …`. A one-shot read also gets `--request-timeout` and the
    /// endpoint's deadline; a followed command (`logs -f`, `--watch`) gets neither, because
    /// kubectl's request timeout would also cut a healthy stream after that long.
    public func command(_ arguments: [String], isLongRunning: Bool = false) -> Command {
        var argv = kubeconfig.map { ["--kubeconfig", $0] } ?? []
        argv += cacheDirectory.map { ["--cache-dir", $0] } ?? []
        argv += ["--context", context, "--namespace", namespace]
        if !isLongRunning { argv += ["--request-timeout", KubernetesCommands.flagValue(requestTimeout)] }
        return Command("kubectl", argv + arguments, timeout: deadline, isLongRunning: isLongRunning)
    }
}
