/// A StatefulSet or DaemonSet as a services row, read-only: its pods as replicas, its spec's
/// image with the digest they pulled, and a note that says it is listed only (so the console's
/// deploy, promote and rollback keys doing nothing has a reason on screen) and how its pods stand.
enum KubernetesWorkloadSnapshotBuilder {
    static func snapshot(_ key: ServiceKey, workload: KubernetesWorkloadSet, pods: [KubernetesPod], container: String?,
                         podsProblem: String?, countersOnly: Bool = false) -> ServiceSnapshot {
        let specContainer = workload.container(named: container)
        let owned = pods.sorted { $0.name < $1.name }
        var snapshot = ServiceSnapshot(
            key: key, provider: KubernetesProvider.providerName,
            image: specContainer.map { KubernetesSnapshotBuilder.image($0, pods: owned) },
            replicas: owned.map { KubernetesReplicaBuilder.replica($0, container: specContainer?.name) },
            desiredReplicas: workload.desired, updatedAt: workload.createdAt,
            note: note(workload, podsProblem: podsProblem))
        if container != nil, specContainer == nil {
            snapshot.note = "read-only \(workload.kind.rawValue); no container \(container ?? "") in \(workload.name)"
        }
        if workload.observedGeneration < workload.generation || workload.updated < workload.desired
            || (workload.currentRevision != nil && workload.currentRevision != workload.updateRevision) {
            snapshot.reportedState = .starting
        }
        if podsProblem != nil || countersOnly {
            snapshot.countedUp = workload.available
            if snapshot.reportedState == nil {
                snapshot.reportedState = workload.available >= workload.desired ? (workload.desired == 0 ? .stopped : .running)
                    : workload.available > 0 ? .degraded : .failed
            }
        }
        return snapshot
    }

    /// `read-only StatefulSet · 1 of 2 ready · updating: 1 of 2 on the new revision`.
    static func note(_ workload: KubernetesWorkloadSet, podsProblem: String?) -> String {
        var parts = ["read-only \(workload.kind.rawValue)", "\(workload.ready) of \(workload.desired) ready"]
        if workload.observedGeneration < workload.generation {
            parts.append("waiting for the new spec to be observed")
        } else if workload.updated < workload.desired
            || (workload.currentRevision != nil && workload.currentRevision != workload.updateRevision) {
            parts.append("updating: \(workload.updated) of \(workload.desired) on the new revision")
        }
        if workload.misscheduled > 0 { parts.append("\(workload.misscheduled) on nodes that should not run it") }
        if let podsProblem { parts.append("pods unreadable: \(podsProblem)") }
        return parts.joined(separator: " · ")
    }
}
