/// Why a change to a Kubernetes deployment cannot be planned; nothing has changed.
public enum KubernetesActionError: ActionPlanningError, Hashable, Sendable {
    /// The version names no image (`--version` with spaces, a leading `-`).
    case badVersion(String)
    /// The configured container is not in the deployment.
    case noContainer(String)
    /// The release has no revision to go back to, or is the one live.
    case badRelease(String)
    /// What the source runs has no digest to promote by.
    case noDigest(String)

    public var description: String {
        switch self {
        case .badVersion(let words), .noContainer(let words), .badRelease(let words), .noDigest(let words): words
        }
    }

    /// A digest the source's pods have not reported is the cluster's state; the rest is the request's.
    public var blamesRequest: Bool {
        if case .noDigest = self { return false }
        return true
    }
}
