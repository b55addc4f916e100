/// One Deployment from `kubectl get deployments -o json`, the fields the adapter reads. Every
/// field may be missing: a status counter kubectl omits is 0, a missing `spec.replicas` is the
/// API's default of 1.
public struct KubernetesDeployment: Hashable, Sendable {
    public struct Container: Hashable, Sendable {
        public var name: String
        public var image: String
    }

    public struct Condition: Hashable, Sendable {
        /// `Available`, `Progressing`, `ReplicaFailure`.
        public var type: String
        /// `"True"`, `"False"`, `"Unknown"`: strings in the API.
        public var status: String
        public var reason: String?
        public var message: String?
        public var lastUpdate: LogTimestamp?
    }

    public var name: String
    public var generation: Int
    public var createdAt: LogTimestamp?
    /// The revision the deployment runs now (`deployment.kubernetes.io/revision`).
    public var revision: Int?
    public var changeCause: String?
    /// `spec.selector.matchLabels`.
    public var matchLabels: [String: String]
    /// Whether the selector also has `matchExpressions`, which `matchLabels` alone cannot express.
    public var hasSelectorExpressions: Bool
    public var containers: [Container]
    public var paused: Bool
    public var desiredReplicas: Int
    public var observedGeneration: Int
    public var replicas: Int
    public var updatedReplicas: Int
    public var readyReplicas: Int
    public var availableReplicas: Int
    public var unavailableReplicas: Int
    public var conditions: [Condition]

    init(_ object: JSONValue) {
        let metadata = KubernetesMetadata(object)
        let spec = object.object("spec") ?? .object([])
        let status = object.object("status") ?? .object([])
        let selector = spec.object("selector") ?? .object([])
        name = metadata.name
        generation = metadata.generation
        createdAt = metadata.createdAt
        revision = metadata.revision
        changeCause = metadata.annotations[KubernetesAnnotations.changeCause]
        matchLabels = selector.stringMap("matchLabels")
        hasSelectorExpressions = !selector.array("matchExpressions").isEmpty
        containers = KubernetesDeployment.containers(ofTemplate: spec)
        paused = spec.bool("paused") ?? false
        desiredReplicas = max(0, spec.int("replicas") ?? 1)
        observedGeneration = status.counter("observedGeneration")
        replicas = status.counter("replicas")
        updatedReplicas = status.counter("updatedReplicas")
        readyReplicas = status.counter("readyReplicas")
        availableReplicas = status.counter("availableReplicas")
        unavailableReplicas = status.counter("unavailableReplicas")
        conditions = status.array("conditions").compactMap { condition in
            guard let type = condition.text("type") else { return nil }
            return Condition(type: type, status: condition.string("status") ?? "Unknown", reason: condition.text("reason"),
                             message: condition.text("message"),
                             lastUpdate: condition.time("lastUpdateTime") ?? condition.time("lastTransitionTime"))
        }
    }

    /// The containers of `spec.template.spec` of a Deployment or ReplicaSet, in spec order.
    static func containers(ofTemplate spec: JSONValue) -> [Container] {
        let podSpec = spec.object("template")?.object("spec") ?? .object([])
        return podSpec.array("containers").compactMap { container in
            guard let name = container.text("name") else { return nil }
            return Container(name: name, image: container.string("image") ?? "")
        }
    }

    /// The deployments in `get deployments -o json` (a List) or `get deployment NAME -o json`.
    public static func parse(_ output: [UInt8]) throws(DockerOutputError) -> [KubernetesDeployment] {
        try KubernetesJSON.objects(output, command: "kubectl get deployments").map(KubernetesDeployment.init)
            .filter { !$0.name.isEmpty }
    }

    public func condition(_ type: String) -> Condition? { conditions.first { $0.type == type } }

    /// The container a target means: the named one, else the first in the spec.
    public func container(named name: String?) -> Container? {
        guard let name else { return containers.first }
        return containers.first { $0.name == name }
    }

    /// `matchLabels` as a `-l` argument (`app=web,tier=front`), keys sorted; nil when empty.
    public var labelSelector: String? {
        guard !matchLabels.isEmpty else { return nil }
        return matchLabels.keys.sorted().map { "\($0)=\(matchLabels[$0] ?? "")" }.joined(separator: ",")
    }
}
