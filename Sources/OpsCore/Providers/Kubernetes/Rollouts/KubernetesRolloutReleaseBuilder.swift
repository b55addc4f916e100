/// A rollout's history from its ReplicaSets, newest revision first: the one the spec names live
/// (in progress during a canary, failed when aborted or degraded), the others superseded.
enum KubernetesRolloutReleaseBuilder {
    static func releases(of rollout: KubernetesRollout, replicaSets: [KubernetesRolloutReplicaSet],
                         container: String?) -> [Release] {
        let owned = replicaSets.filter { $0.ownerRollout == rollout.name && $0.revision != nil }
        let ordered = owned.sorted {
            ($0.revision ?? 0, $0.createdAt?.nanosecondsSinceEpoch ?? 0, $0.name)
                > ($1.revision ?? 0, $1.createdAt?.nanosecondsSinceEpoch ?? 0, $1.name)
        }
        let current = rollout.currentPodHash.flatMap { hash in ordered.first { $0.podHash == hash } } ?? ordered.first
        return ordered.map { replicaSet in
            let image = (replicaSet.containers.first { $0.name == container } ?? replicaSet.containers.first)?.image
            let reference = image.flatMap { $0.isEmpty ? nil : ImageReference($0) }
            let status: Release.Status
            if replicaSet == current {
                status = liveStatus(rollout)
            } else {
                status = replicaSet.podHash == rollout.stableHash && rollout.isCanaryUnderWay ? .live : .superseded
            }
            var parts: [String] = []
            if replicaSet.podHash != nil, replicaSet.podHash == rollout.stableHash { parts.append("stable") }
            if replicaSet.replicas > 0 { parts.append("\(replicaSet.readyReplicas)/\(replicaSet.replicas) pods ready") }
            return Release(id: String(replicaSet.revision ?? 0), version: reference?.version ?? replicaSet.name,
                           image: reference, createdAt: replicaSet.createdAt, status: status,
                           note: parts.isEmpty ? nil : parts.joined(separator: " · "))
        }
    }

    static func liveStatus(_ rollout: KubernetesRollout) -> Release.Status {
        if rollout.aborted || rollout.phase == "Degraded" { return .failed }
        if rollout.isCanaryUnderWay || rollout.phase == "Progressing" || rollout.phase == "Paused" { return .inProgress }
        return .live
    }
}
