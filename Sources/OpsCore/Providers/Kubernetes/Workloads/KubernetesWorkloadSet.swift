/// A StatefulSet or a DaemonSet (`apps/v1`): opsdeck lists them read-only. Their status counters
/// have other names than a Deployment's; any may be missing and then counts 0 (the API omits some
/// at 0: a StatefulSet's `readyReplicas`, `currentReplicas`, `updatedReplicas`; a DaemonSet's
/// `updatedNumberScheduled`, `numberAvailable`, `numberUnavailable`).
public struct KubernetesWorkloadSet: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case statefulSet = "StatefulSet"
        case daemonSet = "DaemonSet"

        /// The plural `kubectl get` takes.
        public var resource: String { self == .statefulSet ? "statefulsets" : "daemonsets" }
    }

    public var kind: Kind
    public var name: String
    public var generation: Int
    public var observedGeneration: Int
    public var createdAt: LogTimestamp?
    public var matchLabels: [String: String]
    public var containers: [KubernetesDeployment.Container]
    /// `spec.replicas` (default 1) of a StatefulSet; `desiredNumberScheduled` of a DaemonSet.
    public var desired: Int
    /// `readyReplicas` / `numberReady`.
    public var ready: Int
    /// `updatedReplicas` / `updatedNumberScheduled`: pods on the newest template.
    public var updated: Int
    /// `availableReplicas` / `numberAvailable`.
    public var available: Int
    /// A DaemonSet's pods on nodes that should not run one.
    public var misscheduled: Int
    /// A StatefulSet's `currentRevision` and `updateRevision`: different while it rolls.
    public var currentRevision: String?
    public var updateRevision: String?

    init(_ object: JSONValue, kind: Kind) {
        let metadata = KubernetesMetadata(object)
        let spec = object.object("spec") ?? .object([])
        let status = object.object("status") ?? .object([])
        self.kind = kind
        name = metadata.name
        generation = metadata.generation
        observedGeneration = status.counter("observedGeneration")
        createdAt = metadata.createdAt
        matchLabels = (spec.object("selector") ?? .object([])).stringMap("matchLabels")
        containers = KubernetesDeployment.containers(ofTemplate: spec)
        switch kind {
        case .statefulSet:
            desired = max(0, spec.int("replicas") ?? 1)
            ready = status.counter("readyReplicas")
            updated = status.counter("updatedReplicas")
            available = status.counter("availableReplicas")
            misscheduled = 0
            currentRevision = status.text("currentRevision")
            updateRevision = status.text("updateRevision")
        case .daemonSet:
            desired = status.counter("desiredNumberScheduled")
            ready = status.counter("numberReady")
            updated = status.counter("updatedNumberScheduled")
            available = status.counter("numberAvailable")
            misscheduled = status.counter("numberMisscheduled")
            currentRevision = nil
            updateRevision = nil
        }
    }

    /// The objects of `kubectl get statefulsets|daemonsets -o json`.
    public static func parse(_ output: [UInt8], kind: Kind) throws(DockerOutputError) -> [KubernetesWorkloadSet] {
        try KubernetesJSON.objects(output, command: "kubectl get \(kind.resource)").map { KubernetesWorkloadSet($0, kind: kind) }
            .filter { !$0.name.isEmpty }
    }

    public func container(named name: String?) -> KubernetesDeployment.Container? {
        guard let name else { return containers.first }
        return containers.first { $0.name == name }
    }

    public var labelSelector: String? { KubernetesLabelSelector.argument(matchLabels) }

    /// Whether `pod` is one of its own: these controllers own pods directly (no ReplicaSet), so a pod
    /// with a ReplicaSet owner is a Deployment's or a Rollout's even when its labels match.
    func selects(_ pod: KubernetesPod) -> Bool {
        guard pod.ownerReplicaSet == nil, !matchLabels.isEmpty else { return false }
        return matchLabels.allSatisfy { pod.labels[$0.key] == $0.value }
    }
}
