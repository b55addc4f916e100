/// Reading `kubectl get -o json`: one document that is either a `List` of objects or one object
/// (`get deployment NAME`). Parsing and its errors are the shared strict reader's (`DockerJSON`,
/// `DockerOutputError`), so a pane says which call printed garbage the same way for every CLI.
enum KubernetesJSON {
    /// The objects of a `get -o json` answer: a list's items, or the one object.
    static func objects(_ bytes: [UInt8], command: String) throws(DockerOutputError) -> [JSONValue] {
        let document = try DockerJSON.document(bytes, command: command)
        guard case .object = document else {
            throw DockerOutputError(command: command, problem: "expected a JSON object")
        }
        guard case .array(let items)? = document["items"] else {
            // A single object has a kind that is not a list's.
            guard document.text("kind") != nil, document.object("metadata") != nil else {
                throw DockerOutputError(command: command, problem: "neither a List with items nor a Kubernetes object")
            }
            return [document]
        }
        for (index, item) in items.enumerated() {
            guard case .object = item else {
                throw DockerOutputError(command: command, problem: "item \(index + 1) of the list is not an object")
            }
        }
        return items
    }
}

/// The parts every Kubernetes object shares (`metadata`).
struct KubernetesMetadata: Hashable, Sendable {
    var name: String
    var namespace: String?
    var uid: String?
    var generation: Int
    var createdAt: LogTimestamp?
    var deletionRequested: Bool
    var labels: [String: String]
    var annotations: [String: String]
    var owners: [Owner]

    struct Owner: Hashable, Sendable {
        var kind: String
        var name: String
        var isController: Bool
    }

    init(_ object: JSONValue) {
        let metadata = object.object("metadata") ?? .object([])
        name = metadata.string("name") ?? ""
        namespace = metadata.text("namespace")
        uid = metadata.text("uid")
        generation = metadata.int("generation") ?? 0
        createdAt = metadata.time("creationTimestamp")
        deletionRequested = metadata.text("deletionTimestamp") != nil
        labels = metadata.stringMap("labels")
        annotations = metadata.stringMap("annotations")
        owners = metadata.array("ownerReferences").compactMap { reference in
            guard let kind = reference.text("kind"), let name = reference.text("name") else { return nil }
            return Owner(kind: kind, name: name, isController: reference.bool("controller") ?? false)
        }
    }

    /// The controller that owns the object (`ReplicaSet` of a pod, `Deployment` of a replica set),
    /// else its only owner.
    func owner(kind: String) -> String? {
        let ofKind = owners.filter { $0.kind == kind }
        return (ofKind.first(where: \.isController) ?? (ofKind.count == 1 ? ofKind.first : nil))?.name
    }

    /// `deployment.kubernetes.io/revision`, a number written as a string.
    var revision: Int? { annotations[KubernetesAnnotations.revision].flatMap { Int($0) } }
}

enum KubernetesAnnotations {
    static let revision = "deployment.kubernetes.io/revision"
    static let changeCause = "kubernetes.io/change-cause"
    static let podTemplateHash = "pod-template-hash"
}

extension JSONValue {
    /// A status counter: kubectl omits zeros, and a negative or unreadable one counts as none.
    func counter(_ key: String) -> Int { max(0, int(key) ?? 0) }
}
