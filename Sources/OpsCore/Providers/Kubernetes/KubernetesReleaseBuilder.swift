/// A deployment's history from its ReplicaSets, newest revision first: each revision's image,
/// change-cause and creation, the one the deployment names as its revision live (or still rolling
/// out, or stuck), the others superseded.
enum KubernetesReleaseBuilder {
    /// `container` is the target's container (nil: each revision's first).
    static func releases(of deployment: KubernetesDeployment, replicaSets: [KubernetesReplicaSet],
                         container: String?) -> [Release] {
        let owned = replicaSets.filter { $0.ownerDeployment == deployment.name && $0.revision != nil }
        // A rollback gives an old ReplicaSet the newest revision number, so numbers never repeat;
        // ties (hand-edited annotations) fall back to creation order.
        let ordered = owned.sorted {
            ($0.revision ?? 0, $0.createdAt?.nanosecondsSinceEpoch ?? 0, $0.name)
                > ($1.revision ?? 0, $1.createdAt?.nanosecondsSinceEpoch ?? 0, $1.name)
        }
        let liveStatus = status(ofLive: deployment)
        return ordered.map { replicaSet in
            let image = (replicaSet.containers.first { $0.name == container } ?? replicaSet.containers.first)?.image
            let reference = image.flatMap { $0.isEmpty ? nil : ImageReference($0) }
            let revision = replicaSet.revision ?? 0
            let isLive = deployment.revision.map { $0 == revision } ?? (replicaSet == ordered.first)
            return Release(id: String(revision), version: reference?.version ?? replicaSet.name, image: reference,
                           createdAt: replicaSet.createdAt, author: replicaSet.changeCause.flatMap(KubernetesPlanner.author(ofChangeCause:)),
                           status: isLive ? liveStatus : .superseded, note: note(replicaSet))
        }
    }

    static func status(ofLive deployment: KubernetesDeployment) -> Release.Status {
        switch KubernetesRolloutProgress(deployment) {
        case .complete, .paused: .live
        case .progressing: .inProgress
        case .stuck: .failed
        }
    }

    /// The change-cause, and how many pods the revision still runs when it runs any.
    static func note(_ replicaSet: KubernetesReplicaSet) -> String? {
        var parts: [String] = []
        if let cause = replicaSet.changeCause, !cause.isEmpty { parts.append(cause) }
        if replicaSet.replicas > 0 { parts.append("\(replicaSet.readyReplicas)/\(replicaSet.replicas) pods ready") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
