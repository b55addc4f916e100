/// An Argo Rollout and its pods as the services table's row: the spec's image pinned by the digest
/// its pods pulled, the pods as replicas, the phase as the verdict, and during a canary the stable
/// and canary versions with their share of the pods.
enum KubernetesRolloutSnapshotBuilder {
    /// `pods` are the rollout's own (`KubernetesRollout.owns`); `podsProblem` is why they could not
    /// be read, and then the row falls back on the rollout's own counters.
    static func snapshot(_ key: ServiceKey, rollout: KubernetesRollout, pods: [KubernetesPod], container: String?,
                         podsProblem: String?, countersOnly: Bool = false) -> ServiceSnapshot {
        let specContainer = rollout.container(named: container)
        let owned = pods.sorted { $0.name < $1.name }
        let verdict = KubernetesRolloutVerdict(rollout)
        var snapshot = ServiceSnapshot(
            key: key, provider: KubernetesProvider.providerName,
            image: specContainer.map { KubernetesSnapshotBuilder.image($0, pods: owned) },
            replicas: owned.map { KubernetesReplicaBuilder.replica($0, container: specContainer?.name) },
            desiredReplicas: rollout.desiredReplicas, revisions: revisions(rollout, pods: owned, container: specContainer?.name),
            updatedAt: rollout.createdAt, note: podsProblem.map { "pods unreadable: \($0)" } ?? verdict.note,
            reportedState: verdict.state)
        if container != nil, specContainer == nil {
            snapshot.note = "no container \(container ?? "") in rollout \(rollout.name)"
        }
        if podsProblem != nil || countersOnly {
            snapshot.countedUp = rollout.availableReplicas
            if snapshot.reportedState == nil {
                snapshot.reportedState = rollout.availableReplicas >= rollout.desiredReplicas ? .running
                    : rollout.availableReplicas > 0 ? .degraded : .failed
            }
        }
        return snapshot
    }

    /// During a canary, the stable and the canary version with their share of the pods (the fake
    /// and a rollout without a traffic router split traffic by pods); nothing otherwise.
    static func revisions(_ rollout: KubernetesRollout, pods: [KubernetesPod], container: String?) -> [TrafficRevision] {
        guard rollout.isCanaryUnderWay, !pods.isEmpty else { return [] }
        let hashes = [("stable", rollout.stableHash), ("canary", rollout.currentPodHash)]
        return hashes.compactMap { role, hash in
            guard let hash else { return nil }
            let mine = pods.filter { $0.labels[KubernetesRollout.podHashLabel] == hash }
            let status = mine.lazy.flatMap(\.containers).first { container == nil || $0.name == container }
            return TrafficRevision(name: "\(role) \(hash)", image: status?.image.map { ImageReference($0, digest: status?.digest) },
                                   percent: mine.count * 100 / pods.count)
        }
    }
}
