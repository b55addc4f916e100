/// Why an Argo Rollout action cannot be planned; nothing has changed.
public enum KubernetesRolloutActionError: ActionPlanningError, Hashable, Sendable {
    /// The version or release names nothing usable (the request's fault).
    case noVersion(String)
    /// The rollout's state stands in the way (not paused, no canary to abort, already there).
    case notApplicable(String)

    public var description: String {
        switch self {
        case .noVersion(let words), .notApplicable(let words): words
        }
    }

    public var blamesRequest: Bool {
        if case .noVersion = self { return true }
        return false
    }
}
