/// One ReplicaSet of an Argo Rollout: a revision (`rollout.argoproj.io/revision`), its pod hash,
/// image and pod template (which an undo without the plugin writes back into the rollout).
public struct KubernetesRolloutReplicaSet: Hashable, Sendable {
    public var name: String
    /// The rollout that owns it, from `ownerReferences` (kind `Rollout`).
    public var ownerRollout: String?
    public var revision: Int?
    /// `rollouts-pod-template-hash`.
    public var podHash: String?
    public var createdAt: LogTimestamp?
    public var containers: [KubernetesDeployment.Container]
    public var replicas: Int
    public var readyReplicas: Int
    /// `spec.template` as the API holds it, hash label included.
    public var template: JSONValue?

    init(_ object: JSONValue) {
        let metadata = KubernetesMetadata(object)
        let spec = object.object("spec") ?? .object([])
        let status = object.object("status") ?? .object([])
        name = metadata.name
        ownerRollout = metadata.owner(kind: "Rollout")
        revision = metadata.annotations[KubernetesRollout.revisionAnnotation].flatMap { Int($0) }
        podHash = metadata.labels[KubernetesRollout.podHashLabel]
        createdAt = metadata.createdAt
        containers = KubernetesDeployment.containers(ofTemplate: spec)
        replicas = status.counter("replicas")
        readyReplicas = status.counter("readyReplicas")
        template = spec.object("template")
    }

    /// The rollouts' replica sets in `get replicasets -o json` (others are left out).
    public static func parse(_ output: [UInt8]) throws(DockerOutputError) -> [KubernetesRolloutReplicaSet] {
        try KubernetesJSON.objects(output, command: "kubectl get replicasets").map(KubernetesRolloutReplicaSet.init)
            .filter { !$0.name.isEmpty && $0.ownerRollout != nil }
    }

    /// The pod template as an undo writes it back: without the hash label, which the controller
    /// adds to each ReplicaSet's copy (the plugin's `undo` drops it the same way).
    public var templateForUndo: JSONValue? {
        guard let template else { return nil }
        return Self.removing(label: KubernetesRollout.podHashLabel, from: template)
    }

    static func removing(label: String, from template: JSONValue) -> JSONValue {
        guard let members = template.objectMembers else { return template }
        return .object(members.map { member in
            guard member.key == "metadata", let metadata = member.value.objectMembers else { return member }
            return JSONMember("metadata", .object(metadata.map { entry in
                guard entry.key == "labels", let labels = entry.value.objectMembers else { return entry }
                return JSONMember("labels", .object(labels.filter { $0.key != label }))
            }))
        })
    }
}
