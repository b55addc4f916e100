/// Where a deployment's rollout stands, by the rule `kubectl rollout status` applies, plus the
/// conditions it does not look at: a progress deadline passed, pods that cannot be created.
public enum KubernetesRolloutProgress: Hashable, Sendable {
    case complete
    /// Paused by the operator (`spec.paused`).
    case paused
    /// Still going; the words say how far.
    case progressing(String)
    /// `Progressing` is `False` with `ProgressDeadlineExceeded`: the controller gave up waiting.
    case stuck(String)

    public init(_ deployment: KubernetesDeployment) {
        if deployment.paused {
            self = .paused
            return
        }
        let progressing = deployment.condition("Progressing")
        if let progressing, progressing.reason == "ProgressDeadlineExceeded" {
            let said = progressing.message.map { ": \($0)" } ?? ""
            self = .stuck("rollout stuck (ProgressDeadlineExceeded)\(said)")
            return
        }
        let d = deployment
        if d.observedGeneration < d.generation {
            self = .progressing("waiting for the new spec to be observed")
        } else if d.updatedReplicas < d.desiredReplicas {
            self = .progressing("rolling out: \(d.updatedReplicas) of \(d.desiredReplicas) new replicas updated")
        } else if d.replicas > d.updatedReplicas {
            self = .progressing("rolling out: \(d.replicas - d.updatedReplicas) old replicas pending termination")
        } else if d.availableReplicas < d.updatedReplicas {
            self = .progressing("rolling out: \(d.availableReplicas) of \(d.updatedReplicas) updated replicas available")
        } else {
            self = .complete
        }
    }

    /// The line the details strip shows: the rollout's progress, else a condition that is false
    /// (`ReplicaFailure`, `Available` with `MinimumReplicasUnavailable`), else nothing.
    public static func note(_ deployment: KubernetesDeployment) -> String? {
        switch KubernetesRolloutProgress(deployment) {
        case .stuck(let words), .progressing(let words): return words
        case .paused: return "rollout paused"
        case .complete: break
        }
        if let failure = deployment.condition("ReplicaFailure"), failure.status == "True" {
            return "cannot create pods: " + (failure.message ?? failure.reason ?? "ReplicaFailure")
        }
        if let available = deployment.condition("Available"), available.status == "False" {
            return "not available: " + (available.reason ?? "Available is False") + (available.message.map { " (\($0))" } ?? "")
        }
        return nil
    }
}
