/// Why a Docker deploy cannot be planned.
public enum DockerDeploymentError: ActionPlanningError, Hashable, Sendable {
    case noContainer(ServiceKey, String)
    case notRecreatable(String)
    case noVersion(String)

    public var description: String {
        switch self {
        case .noContainer(let key, let note): "\(key): nothing to deploy over: \(note)"
        case .notRecreatable(let reason): reason
        case .noVersion(let reason): reason
        }
    }

    /// A version that names no image is the request's fault; the rest is the engine's state.
    public var blamesRequest: Bool {
        if case .noVersion = self { return true }
        return false
    }
}
