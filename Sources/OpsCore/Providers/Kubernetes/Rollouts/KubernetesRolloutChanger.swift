import Foundation

/// Deploys, promotes, rolls back, promotes a paused canary step and aborts the Argo Rollouts of one
/// `KubernetesProvider`. Planning reads the rollout and its ReplicaSets (`get rollouts.argoproj.io
/// NAME`, `get replicasets -l SELECTOR`); nothing changes until the plan runs. The commands go
/// through the `kubectl argo rollouts` plugin when it is installed, else `kubectl patch`.
public struct KubernetesRolloutChanger: ServiceChanging, CanaryStepping {
    public let provider: KubernetesProvider
    public let settings: ActionSettings
    public let usesPlugin: Bool

    public init(provider: KubernetesProvider, settings: ActionSettings,
                usesPlugin: Bool = KubernetesRolloutChanger.pluginInstalled()) {
        self.provider = provider
        self.settings = settings
        self.usesPlugin = usesPlugin
    }

    /// The changer of one configured rollout, on the kubeconfig and discovery cache kubectl uses by default.
    public init(key: ServiceKey, target: KubernetesTarget, settings: ActionSettings, runner: any CommandRunner) {
        self.init(provider: KubernetesProvider(runner: runner, endpoint: KubernetesEndpoint(target), targets: [key: target]),
                  settings: settings)
    }

    public var name: String { provider.name }

    /// Whether `kubectl-argo-rollouts` is an executable in `path` (default: `PATH`).
    public static func pluginInstalled(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Bool {
        (path ?? "").split(separator: ":").contains { folder in
            FileManager.default.isExecutableFile(atPath: "\(folder)/kubectl-argo-rollouts")
        }
    }

    // MARK: ServiceChanging

    public func snapshot(of key: ServiceKey) async throws -> ServiceSnapshot? {
        try await provider.services().first { $0.key == key }
    }

    public func releases(of key: ServiceKey) async throws -> [Release] {
        try await provider.releases(of: key)
    }

    /// `version` is a tag of the repository the rollout's container runs (`1.5.0`) or a whole
    /// reference (`registry.example.com/shop/checkout:1.5.0`, `…@sha256:…`).
    public func deployment(for key: ServiceKey, version: String) async throws -> PreparedAction {
        let planner = try await planner(for: key)
        let reference: String
        if version.contains("/") || version.contains(":") || version.contains("@") {
            reference = version
        } else {
            guard let current = planner.rollout.container(named: planner.container), !current.image.isEmpty else {
                throw KubernetesRolloutActionError.noVersion("rollout \(planner.rollout.name) names no image to take the repository of \(version) from: give the whole reference")
            }
            reference = ImageReference(current.image).repository + ":" + version
        }
        guard DockerDeployer.isReference(reference) else {
            throw KubernetesRolloutActionError.noVersion("\(version) is not an image tag or reference")
        }
        return try planner.imageChange(.deploy, image: reference, version: version)
    }

    /// What `source` runs, by its registry digest when its pods report one (a tag may move), onto
    /// the same container of `target`'s rollout.
    public func promotion(from source: ServiceSnapshot, to target: ServiceKey) async throws -> PreparedAction {
        guard let image = source.image, !image.reference.isEmpty else {
            throw KubernetesRolloutActionError.noVersion("\(source.key) runs no known image: nothing to promote")
        }
        let reference = image.digest.map(image.pinned(by:)) ?? image.reference
        return try await planner(for: target).imageChange(.promote, image: reference, version: image.version)
    }

    /// Back to `release`'s revision (its id is the `rollout.argoproj.io/revision` number).
    public func rollback(of key: ServiceKey, to release: Release) async throws -> PreparedAction {
        guard let revision = Int(release.id) else {
            throw KubernetesRolloutActionError.noVersion("\(release.id) is not a revision of an Argo Rollout")
        }
        return try await planner(for: key).undo(toRevision: revision, version: release.version)
    }

    // MARK: Rollout operations

    /// Ends the pause the canary of `key` waits in (`promote`).
    public func stepPromotion(of key: ServiceKey) async throws -> PreparedAction {
        try await planner(for: key).promoteStep()
    }

    /// Scales the canary of `key` back to the stable version, leaving the new one in the spec.
    public func abort(of key: ServiceKey) async throws -> PreparedAction {
        try await planner(for: key).abort()
    }

    /// The rollout and its ReplicaSets, read now.
    public func planner(for key: ServiceKey) async throws -> KubernetesRolloutPlanner {
        let (target, rollout) = try await provider.rollout(of: key)
        let output = try await provider.read(KubernetesCommands.getReplicaSets(selector: rollout.labelSelector))
        return KubernetesRolloutPlanner(
            key: key, rollout: rollout, replicaSets: try KubernetesRolloutReplicaSet.parse(output),
            commands: KubernetesRolloutActionCommands(endpoint: provider.endpoint, rollout: rollout.name, usesPlugin: usesPlugin),
            settings: settings, container: target.container)
    }
}
