/// Where one service runs in one environment, by platform.
public enum ProviderTarget: Sendable, Hashable {
    case docker(DockerTarget)
    case kubernetes(KubernetesTarget)
    case fly(FlyTarget)
    /// Processes on this machine, run by `opsdeck local up`.
    case local(LocalTarget)

    /// The providers a target can name, in the order they are listed to the user.
    public static let supportedProviders = ["docker", "kubernetes", "fly", "local"]
    /// Providers the design names that have no adapter yet: naming one is an error that says so.
    public static let plannedProviders = ["render", "railway", "cloudrun", "apprunner", "containerapp"]

    /// `docker`, `kubernetes`, `fly` or `local`, as written in the file.
    public var provider: String {
        switch self {
        case .docker: "docker"
        case .kubernetes: "kubernetes"
        case .fly: "fly"
        case .local: "local"
        }
    }
}

/// A workload in a Kubernetes cluster.
public struct KubernetesTarget: Sendable, Hashable {
    public enum Workload: Sendable, Hashable {
        case deployment(String)
        /// An Argo Rollouts `Rollout`.
        case rollout(String)
        /// Listed read-only: opsdeck shows it but does not deploy to it.
        case statefulset(String)
        /// Listed read-only, like a StatefulSet.
        case daemonset(String)
    }

    /// Always named: opsdeck never relies on the current context.
    public var context: String
    public var namespace: String
    public var workload: Workload
    /// The container to read logs from and to set the image of; nil for the pod's only (or first) one.
    public var container: String?

    public init(context: String, namespace: String, workload: Workload, container: String? = nil) {
        self.context = context
        self.namespace = namespace
        self.workload = workload
        self.container = container
    }

    public var deployment: String? {
        if case .deployment(let name) = workload { return name }
        return nil
    }

    public var rollout: String? {
        if case .rollout(let name) = workload { return name }
        return nil
    }

    public var statefulset: String? {
        if case .statefulset(let name) = workload { return name }
        return nil
    }

    public var daemonset: String? {
        if case .daemonset(let name) = workload { return name }
        return nil
    }
}

/// A Fly.io app.
public struct FlyTarget: Sendable, Hashable {
    public var app: String

    public init(app: String) {
        self.app = app
    }
}
