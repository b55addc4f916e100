/// Deploys, rolls back, promotes and restarts the deployments of one `KubernetesProvider`: reads
/// the deployment (its containers, its live revision) and its pods (the digest they run), then
/// hands that to `KubernetesPlanner`. Planning only reads; nothing changes until the plan runs.
public struct KubernetesDeployer: ServiceChanging, Restarting {
    public let provider: KubernetesProvider
    public let settings: ActionSettings
    /// Who the change-cause names.
    public let actor: ActionOperator

    public init(provider: KubernetesProvider, settings: ActionSettings, actor: ActionOperator = .current()) {
        self.provider = provider
        self.settings = settings
        self.actor = actor
    }

    public var name: String { provider.name }

    /// What a plan starts from: the deployment as it is now and the container it changes.
    struct Live {
        var deployment: KubernetesDeployment
        var container: KubernetesDeployment.Container
        /// The container's image pinned by the digest its pods report (nil when no pod reports one).
        var image: ImageReference
        /// Why this container, when the deployment has several and none is configured.
        var containerNote: String?
    }

    // MARK: ServiceChanging

    /// The deployment and its own pods, as the services table shows it.
    public func snapshot(of key: ServiceKey) async throws -> ServiceSnapshot? {
        let (target, deployment) = try await provider.deployment(of: key)
        let (pods, problem) = await self.pods(of: deployment)
        return KubernetesSnapshotBuilder.snapshot(key, deployment: deployment, pods: pods, container: target.container,
                                                  podsProblem: problem)
    }

    public func releases(of key: ServiceKey) async throws -> [Release] {
        try await provider.releases(of: key)
    }

    /// `version` is a tag of the repository the container runs (`1.5.0`) or a whole reference
    /// (`registry.example.com/web:1.5.0`, `web@sha256:…`).
    public func deployment(for key: ServiceKey, version: String) async throws -> PreparedAction {
        let live = try await self.live(key)
        let reference: String
        if version.contains("/") || version.contains(":") || version.contains("@") {
            reference = version
        } else {
            guard !live.container.image.isEmpty else {
                throw KubernetesActionError.badVersion("container \(live.container.name) of deployment \(live.deployment.name) names no image to take tag \(version) from: give the whole reference")
            }
            reference = ImageReference(live.container.image).repository + ":" + version
        }
        guard Self.isReference(reference) else { throw KubernetesActionError.badVersion("\(version) is not an image tag or reference") }
        return plan(.deploy, key, live, change: .image(container: live.container.name, reference: reference),
                    to: version, cause: version)
    }

    /// Back to the pod template of `release`'s revision (its id: the ReplicaSet's revision number).
    public func rollback(of key: ServiceKey, to release: Release) async throws -> PreparedAction {
        let live = try await self.live(key)
        guard let revision = Int(release.id), revision > 0 else {
            throw KubernetesActionError.badRelease("release \(release.version) has no revision of deployment \(live.deployment.name) to go back to: pick one from its history")
        }
        if revision == live.deployment.revision {
            throw KubernetesActionError.badRelease("revision \(revision) (\(release.version)) is the one deployment \(live.deployment.name) runs: nothing to roll back to")
        }
        return plan(.rollback, key, live, change: .revision(revision), to: release.version,
                    cause: "\(release.version) (revision \(revision))")
    }

    /// What `source` runs, by the digest its pods report, onto the same container of `target`; the
    /// source may be on another cluster; the tag stays beside the digest, for History and `kubectl get`.
    public func promotion(from source: ServiceSnapshot, to target: ServiceKey) async throws -> PreparedAction {
        guard let image = source.image else {
            throw KubernetesActionError.noDigest("\(source.key) runs no known image: nothing to promote")
        }
        guard let digest = image.digest, digest.hasPrefix("sha256:") else {
            throw KubernetesActionError.noDigest("\(source.key) runs \(image.reference), but none of its pods reports the image's digest (still pulling, or none running): nothing to promote by content")
        }
        let live = try await self.live(target)
        let reference = image.pinned(by: digest)
        var action = plan(.promote, target, live, change: .image(container: live.container.name, reference: reference),
                          to: image.version, cause: "\(image.version) from \(source.key.environment)")
        action.toDigest = digest
        return action
    }

    // MARK: Restarting

    /// New pods of the same template (`rollout restart`), one revision more.
    public func restart(of key: ServiceKey) async throws -> PreparedAction {
        let live = try await self.live(key)
        let version = live.image.version
        return plan(.restart, key, live, change: .restart, to: version, cause: version)
    }

    // MARK: Planning

    func plan(_ kind: ActionPlan.Kind, _ key: ServiceKey, _ live: Live, change: KubernetesPlanner.Change, to version: String,
              cause: String) -> PreparedAction {
        let note = if case .image = change { live.containerNote } else { String?.none }
        let request = KubernetesPlanner.Request(
            kind: kind, key: key, endpoint: provider.endpoint, deployment: live.deployment.name, change: change,
            fromVersion: live.image.reference.isEmpty ? nil : live.image.version, toVersion: version,
            liveRevision: live.deployment.revision, cause: KubernetesPlanner.changeCause(kind, cause, by: actor),
            fromDigest: live.image.digest, changeNote: note)
        return KubernetesPlanner.plan(request, settings: settings)
    }

    /// The deployment, the container the target means and the digest its pods run.
    func live(_ key: ServiceKey) async throws -> Live {
        let (target, deployment) = try await provider.deployment(of: key)
        let container: KubernetesDeployment.Container
        var note: String?
        if let named = target.container {
            guard let found = deployment.container(named: named) else {
                throw KubernetesActionError.noContainer("deployment \(deployment.name) has no container \(named) (it has: \(deployment.containers.map(\.name).joined(separator: ", "))): fix `container:` of \(key)")
            }
            container = found
        } else {
            guard let first = deployment.containers.first else {
                throw KubernetesActionError.noContainer("deployment \(deployment.name) has no container to change")
            }
            container = first
            if deployment.containers.count > 1 {
                note = "the first of \(deployment.containers.map(\.name).joined(separator: ", ")); `container:` in the configuration names another"
            }
        }
        let (pods, _) = await pods(of: deployment)
        let image = KubernetesSnapshotBuilder.image(container, pods: pods)
        return Live(deployment: deployment, container: container, image: image, containerNote: note)
    }

    /// The deployment's own pods; none, and why, when they cannot be read (a role without pods).
    func pods(of deployment: KubernetesDeployment) async -> ([KubernetesPod], String?) {
        do {
            let output = try await provider.read(KubernetesCommands.getPods(selector: deployment.labelSelector))
            return (try KubernetesPod.parse(output).filter { $0.belongs(to: deployment) }, nil)
        } catch let error as KubernetesError {
            return ([], error.message)
        } catch {
            return ([], "\(error)")
        }
    }

    /// A reference kubectl would pass on as one: no leading `-` (a flag), no `=` (which splits
    /// `set image`'s argument), no spaces or control bytes.
    static func isReference(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value != 0x7F && $0 != "=" }
    }
}
