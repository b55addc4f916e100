/// The Kubernetes adapter's read side: the deployments one kube context and namespace runs, their
/// pods, revisions and logs, through `kubectl`, every call naming its context and namespace and
/// bounded by its own deadline.
///
/// Built for one `KubernetesEndpoint` with the services the configuration places there;
/// `providers(for:runner:)` groups a configuration's targets by endpoint, so listing a namespace
/// costs one `get deployments` and one `get pods` however many services live in it.
public struct KubernetesProvider: ServiceListing, ReleaseHistory, LogStreaming, ChangeWatching {
    public static let providerName = "kubernetes"
    /// Pods followed at once for one service: each is a kubectl process and an API connection.
    public static let defaultMaxLogStreams = 8

    public var name: String { Self.providerName }
    public let endpoint: KubernetesEndpoint
    public let targets: [ServiceKey: KubernetesTarget]
    public let maxLogStreams: Int
    let runner: any CommandRunner

    /// A provider for the services `targets` places on `endpoint`; the targets' own context and
    /// namespace are not read here.
    public init(runner: any CommandRunner, endpoint: KubernetesEndpoint, targets: [ServiceKey: KubernetesTarget],
                maxLogStreams: Int = KubernetesProvider.defaultMaxLogStreams) {
        self.runner = runner
        self.endpoint = endpoint
        self.targets = targets
        self.maxLogStreams = max(1, maxLogStreams)
    }

    /// One provider per context and namespace the targets name, ordered by them; every endpoint
    /// reads `kubeconfig` and caches discovery in `cacheDirectory` when they are given.
    public static func providers(for targets: [ServiceKey: KubernetesTarget], runner: any CommandRunner,
                                 requestTimeout: Duration = KubernetesCommands.requestTimeout,
                                 deadline: Duration = KubernetesCommands.readDeadline, kubeconfig: String? = nil,
                                 cacheDirectory: String? = nil) -> [KubernetesProvider] {
        let byEndpoint = Dictionary(grouping: targets) {
            KubernetesEndpoint(context: $0.value.context, namespace: $0.value.namespace, requestTimeout: requestTimeout,
                               deadline: deadline, kubeconfig: kubeconfig, cacheDirectory: cacheDirectory)
        }
        return byEndpoint.keys.sorted().map { endpoint in
            KubernetesProvider(runner: runner, endpoint: endpoint,
                               targets: Dictionary(uniqueKeysWithValues: (byEndpoint[endpoint] ?? []).map { ($0.key, $0.value) }))
        }
    }

    func target(_ key: ServiceKey) throws -> KubernetesTarget {
        guard let target = targets[key] else { throw KubernetesProviderError.unknownService(key, endpoint) }
        return target
    }

    /// Runs a one-shot read; a failure becomes a `KubernetesError` in words.
    func read(_ arguments: [String]) async throws -> [UInt8] {
        do {
            return try await runner.output(of: endpoint.command(arguments))
        } catch {
            throw KubernetesErrorText.error(error, endpoint: endpoint)
        }
    }

    // MARK: ChangeWatching

    /// Follows the namespace's deployments; pods change with them (a rollout, a scale) or show
    /// on the next poll.
    public var changeCommand: Command { endpoint.command(KubernetesCommands.watchDeployments(), isLongRunning: true) }

    /// One watch for each kind of workload the targets here name (Deployments, Argo Rollouts,
    /// StatefulSets, DaemonSets): each changes without the others moving.
    public var changeCommands: [Command] {
        let resources = KubernetesTarget.Workload.resources.filter(workloadResources.contains)
        guard !resources.isEmpty else { return [changeCommand] }
        return resources.map { endpoint.command(KubernetesCommands.watch($0), isLongRunning: true) }
    }

    /// kubectl prints each changed object pretty with four-space indents, so the line that closes
    /// one object is a `}` alone at the start of a line: nested objects close indented, and a JSON
    /// string cannot hold a raw newline. Callers that want the objects use `KubernetesObjectStream`.
    public func isRelevantChange(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == 0x0D || line[end - 1] == 0x20 { end -= 1 }
        return end == 1 && line[0] == UInt8(ascii: "}")
    }
}

public enum KubernetesProviderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The key is not one of the services configured on this endpoint.
    case unknownService(ServiceKey, KubernetesEndpoint)
    /// The call needs another kind of workload than the target names (a Deployment's revisions of
    /// an Argo Rollout target, a deploy to a read-only StatefulSet).
    case unsupportedWorkload(ServiceKey, String)
    /// The target's deployment is not in the namespace.
    case deploymentMissing(ServiceKey, String, KubernetesEndpoint)
    /// The target's rollout, StatefulSet or DaemonSet (named with its kind) is not in the namespace.
    case workloadMissing(ServiceKey, String, KubernetesEndpoint)
    /// The target is an Argo Rollout and the cluster has no Rollout CRD.
    case rolloutsNotInstalled(ServiceKey, KubernetesEndpoint)

    public var description: String {
        switch self {
        case .unknownService(let key, let endpoint): "\(key) is not configured on \(endpoint)"
        case .unsupportedWorkload(let key, let workload): "\(key) is a \(workload): this does not apply to it"
        case .deploymentMissing(_, let name, let endpoint): "no deployment \(name) in \(endpoint)"
        case .workloadMissing(_, let what, let endpoint): "no \(what) in \(endpoint)"
        case .rolloutsNotInstalled(let key, let endpoint): "\(key): \(KubernetesRolloutAbsence.words) (\(endpoint))"
        }
    }
}

extension KubernetesTarget.Workload {
    /// The resource kubectl reads this kind of workload as.
    public var resource: String {
        switch self {
        case .deployment: "deployments"
        case .rollout: KubernetesCommands.rolloutResource
        case .statefulset: KubernetesWorkloadSet.Kind.statefulSet.resource
        case .daemonset: KubernetesWorkloadSet.Kind.daemonSet.resource
        }
    }

    /// Every workload resource, in the order the listing reads them.
    public static let resources = ["deployments", KubernetesCommands.rolloutResource,
                                   KubernetesWorkloadSet.Kind.statefulSet.resource, KubernetesWorkloadSet.Kind.daemonSet.resource]
}
