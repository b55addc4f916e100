/// What a Docker deploy, rollback or promote changes, however the service runs: which service on
/// which engine, from which version to which image. The planners add how it runs (a compose
/// project, a lone container).
public struct DockerImageChange: Hashable, Sendable {
    public var kind: ActionPlan.Kind
    public var key: ServiceKey
    public var endpoint: DockerEndpoint
    public var fromVersion: String?
    public var toVersion: String
    /// What the new containers are given: `repo:tag` or `repo@sha256:…`.
    public var imageReference: String
    /// The image id the reference must resolve to, when the plan pins one (a local image with no
    /// registry digest, promoted or rolled back to).
    public var imageID: String?
    public var fromDigest: String?
    public var toDigest: String?

    public init(kind: ActionPlan.Kind, key: ServiceKey, endpoint: DockerEndpoint, fromVersion: String?, toVersion: String,
                imageReference: String, imageID: String? = nil, fromDigest: String? = nil, toDigest: String? = nil) {
        self.kind = kind
        self.key = key
        self.endpoint = endpoint
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.imageReference = imageReference
        self.imageID = imageID
        self.fromDigest = fromDigest
        self.toDigest = toDigest
    }

    /// The plan of this change with `steps`.
    func plan(_ steps: [ActionPlan.Step]) -> ActionPlan {
        ActionPlan(kind: kind, key: key, from: fromVersion, to: toVersion, steps: steps)
    }
}
