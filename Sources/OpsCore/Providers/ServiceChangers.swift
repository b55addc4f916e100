/// The deployer of one configured service in one environment, chosen by the platform its target
/// names: the one place that knows which providers can change what they run.
public enum ServiceChangers {
    public static func changer(for key: ServiceKey, target: ProviderTarget, settings: ActionSettings,
                               runner: any CommandRunner) throws(ServiceChangersError) -> any ServiceChanging {
        switch target {
        case .docker(let docker):
            let provider = DockerProvider(runner: runner, endpoint: DockerEndpoint(docker), targets: [key: docker])
            return DockerDeployer(provider: provider, settings: settings)
        case .local(let local):
            let provider = LocalProvider(targets: [key: local], opsdeckStateFolder: settings.stateFolder)
            return LocalDeployer(provider: provider, settings: settings)
        case .kubernetes(let kubernetes):
            switch kubernetes.workload {
            case .deployment:
                let provider = KubernetesProvider(runner: runner, endpoint: KubernetesEndpoint(kubernetes), targets: [key: kubernetes])
                return KubernetesDeployer(provider: provider, settings: settings)
            case .rollout:
                return KubernetesRolloutChanger(key: key, target: kubernetes, settings: settings, runner: runner)
            case .statefulset:
                throw .unsupportedWorkload(key, "is a StatefulSet, which opsdeck lists read-only: change it with kubectl")
            case .daemonset:
                throw .unsupportedWorkload(key, "is a DaemonSet, which opsdeck lists read-only: change it with kubectl")
            }
        case .fly:
            throw .unsupported(key, provider: target.provider)
        }
    }

    /// The restarter of one configured service, when its platform can restart it.
    public static func restarter(for key: ServiceKey, target: ProviderTarget, settings: ActionSettings,
                                 runner: any CommandRunner) throws(ServiceChangersError) -> any Restarting {
        guard let restarter = try changer(for: key, target: target, settings: settings, runner: runner) as? any Restarting else {
            throw .cannotRestart(key, provider: target.provider)
        }
        return restarter
    }

    /// The canary stepper of one configured service, when it runs as an Argo Rollout.
    public static func canaryStepper(for key: ServiceKey, target: ProviderTarget, settings: ActionSettings,
                                     runner: any CommandRunner) throws(ServiceChangersError) -> any CanaryStepping {
        // Asked of the target first, so the answer does not depend on whether the platform's
        // other workloads can be changed.
        guard case .kubernetes(let kubernetes) = target, kubernetes.rollout != nil,
              let stepper = try changer(for: key, target: target, settings: settings, runner: runner) as? any CanaryStepping else {
            throw .noCanary(key)
        }
        return stepper
    }
}

public enum ServiceChangersError: ActionPlanningError, Hashable, Sendable {
    case unsupported(ServiceKey, provider: String)
    /// A workload kind of a platform opsdeck does change, which it does not change (`is a StatefulSet, …`).
    case unsupportedWorkload(ServiceKey, String)
    case cannotRestart(ServiceKey, provider: String)
    /// Not an Argo Rollout: no canary pause to end, no canary to abort.
    case noCanary(ServiceKey)

    public var description: String {
        switch self {
        case .unsupported(let key, let provider): "\(key) runs on \(provider), which this version of opsdeck cannot deploy to"
        case .unsupportedWorkload(let key, let words): "\(key) \(words)"
        case .cannotRestart(let key, let provider): "\(key) runs on \(provider), which this version of opsdeck cannot restart"
        case .noCanary(let key): "\(key) does not run as an Argo Rollout: it has no canary to promote or abort"
        }
    }

    public var blamesRequest: Bool { true }
}
