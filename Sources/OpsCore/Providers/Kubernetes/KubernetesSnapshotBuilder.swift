/// A deployment and the namespace's pods as the services table's row: the pods it owns as
/// replicas, its spec's image with the digest the pods pulled, the rollout's verdict and note.
enum KubernetesSnapshotBuilder {
    /// `pods` are the deployment's own (see `KubernetesPodIndex`). `podsProblem` is why the pods
    /// could not be read (a role that may list deployments but not pods): the row then falls back
    /// on the deployment's own counters, as it does with `countersOnly` (the pods not read yet).
    static func snapshot(_ key: ServiceKey, deployment: KubernetesDeployment, pods: [KubernetesPod],
                         container: String?, podsProblem: String?, countersOnly: Bool = false) -> ServiceSnapshot {
        let specContainer = deployment.container(named: container)
        let owned = pods.sorted { $0.name < $1.name }
        let replicas = owned.map { KubernetesReplicaBuilder.replica($0, container: specContainer?.name) }
        var snapshot = ServiceSnapshot(
            key: key, provider: KubernetesProvider.providerName,
            image: specContainer.map { image($0, pods: owned) }, replicas: replicas,
            desiredReplicas: deployment.desiredReplicas,
            updatedAt: deployment.condition("Progressing")?.lastUpdate ?? deployment.createdAt,
            note: podsProblem.map { "pods unreadable: \($0)" } ?? KubernetesRolloutProgress.note(deployment))
        if container != nil, specContainer == nil {
            snapshot.note = "no container \(container ?? "") in deployment \(deployment.name)"
        }
        switch KubernetesRolloutProgress(deployment) {
        case .stuck: snapshot.reportedState = .failed
        case .paused: snapshot.reportedState = .paused
        case .progressing where podsProblem == nil && !countersOnly && snapshot.state == .running: snapshot.reportedState = .starting
        case .progressing, .complete: break
        }
        if podsProblem != nil || countersOnly {
            snapshot.countedUp = deployment.availableReplicas
            if snapshot.reportedState == nil { snapshot.reportedState = countedState(deployment) }
        }
        return snapshot
    }

    /// The spec's image, pinned by the digest a pod running exactly that image reports (the
    /// kubelet may spell it `docker.io/library/web:1` for `web:1`).
    static func image(_ container: KubernetesDeployment.Container, pods: [KubernetesPod]) -> ImageReference {
        let digest = pods.lazy.flatMap(\.containers).first { status in
            guard status.name == container.name, status.digest != nil, let image = status.image else { return false }
            return image == container.image || image.hasSuffix("/" + container.image)
        }?.digest
        return ImageReference(container.image, digest: digest)
    }

    /// The state the deployment's counters alone give, for when its pods cannot be read.
    static func countedState(_ deployment: KubernetesDeployment) -> RunState {
        if deployment.desiredReplicas == 0 { return deployment.replicas == 0 ? .stopped : .starting }
        if deployment.availableReplicas >= deployment.desiredReplicas { return .running }
        return deployment.availableReplicas > 0 ? .degraded : .failed
    }
}
