/// One ReplicaSet from `kubectl get replicasets -o json`: one revision of a deployment.
public struct KubernetesReplicaSet: Hashable, Sendable {
    public var name: String
    /// The deployment that owns it, from `ownerReferences`.
    public var ownerDeployment: String?
    /// `deployment.kubernetes.io/revision`; nil when missing or not a number.
    public var revision: Int?
    public var changeCause: String?
    public var createdAt: LogTimestamp?
    public var containers: [KubernetesDeployment.Container]
    public var replicas: Int
    public var readyReplicas: Int

    init(_ object: JSONValue) {
        let metadata = KubernetesMetadata(object)
        let status = object.object("status") ?? .object([])
        name = metadata.name
        ownerDeployment = metadata.owner(kind: "Deployment")
        revision = metadata.revision
        changeCause = metadata.annotations[KubernetesAnnotations.changeCause]
        createdAt = metadata.createdAt
        containers = KubernetesDeployment.containers(ofTemplate: object.object("spec") ?? .object([]))
        replicas = status.counter("replicas")
        readyReplicas = status.counter("readyReplicas")
    }

    /// The replica sets in `get replicasets -o json`.
    public static func parse(_ output: [UInt8]) throws(DockerOutputError) -> [KubernetesReplicaSet] {
        try KubernetesJSON.objects(output, command: "kubectl get replicasets").map(KubernetesReplicaSet.init)
            .filter { !$0.name.isEmpty }
    }
}
