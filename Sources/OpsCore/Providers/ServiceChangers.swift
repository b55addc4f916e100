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
        case .kubernetes(let kubernetes) where kubernetes.rollout != nil:
            return KubernetesRolloutChanger(key: key, target: kubernetes, settings: settings, runner: runner)
        case .kubernetes, .fly:
            throw .unsupported(key, provider: target.provider)
        }
    }
}

public enum ServiceChangersError: ActionPlanningError, Hashable, Sendable {
    case unsupported(ServiceKey, provider: String)

    public var description: String {
        switch self {
        case .unsupported(let key, let provider): "\(key) runs on \(provider), which this version of opsdeck cannot deploy to"
        }
    }

    public var blamesRequest: Bool { true }
}
