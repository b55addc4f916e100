/// A pod as a `Replica`: its state is its worst container's, its words say why it is not ready
/// (`CrashLoopBackOff`, `ImagePullBackOff`, `last OOMKilled`), its image is the chosen
/// container's, with the digest the kubelet pulled.
enum KubernetesReplicaBuilder {
    /// Waiting reasons that will not resolve by themselves.
    static let fatalWaitingReasons: Set<String> = ["ImagePullBackOff", "ErrImagePull", "InvalidImageName",
                                                   "CreateContainerConfigError", "CreateContainerError"]

    /// `container` names the container whose image and start are shown (the target's, or the
    /// spec's first); nil or absent falls back to the pod's first reported one.
    static func replica(_ pod: KubernetesPod, container: String?) -> Replica {
        let shown = pod.containers.first { $0.name == container } ?? pod.containers.first
        let worst = pod.containers.max { rank($0) < rank($1) }
        let (state, words) = verdict(pod, worst: worst)
        var detail = words
        if let worst, pod.containers.count > 1, rank(worst) > 1 { detail = "\(worst.name): \(detail)" }
        if let last = lastTermination(pod) { detail += ", last \(last)" }
        return Replica(
            id: pod.uid ?? pod.name, name: pod.name, state: state, health: health(pod),
            image: shown?.image.map { ImageReference($0, digest: shown?.digest) },
            restarts: pod.containers.reduce(0) { $0 &+ $1.restartCount },
            exitCode: exitCode(worst), startedAt: startedAt(shown) ?? pod.startedAt, detail: detail)
    }

    /// The pod's state and the words for it.
    static func verdict(_ pod: KubernetesPod, worst: KubernetesPod.ContainerStatus?) -> (RunState, String) {
        if pod.terminating { return (.stopped, "Terminating") }
        switch pod.phase {
        case "Succeeded": return (.stopped, "Completed")
        case "Failed": return (.failed, pod.reason ?? reason(worst) ?? "Failed")
        case "Unknown": return (.unknown, pod.reason ?? "Unknown")
        default: break
        }
        guard let worst else {
            if let unschedulable = pod.unschedulable { return (.failed, unschedulable) }
            return (.starting, pod.phase ?? "Pending")
        }
        switch worst.state {
        case .running: return (.running, "Running")
        case .waiting(let reason, _):
            guard let reason else { return (.starting, "Waiting") }
            if reason == "CrashLoopBackOff" { return (.degraded, reason) }
            return (fatalWaitingReasons.contains(reason) ? .failed : .starting, reason)
        case .terminated(let code, let reason, _):
            // Between a crash and the restart: the kubelet will start it again.
            return ((code ?? 0) == 0 ? .stopped : .degraded, reason ?? "Terminated")
        case .none: return (.unknown, pod.phase ?? "Unknown")
        }
    }

    /// Worse states sort later: running < waiting to start < terminated < backing off < cannot start.
    static func rank(_ status: KubernetesPod.ContainerStatus?) -> Int {
        guard let status else { return 0 }
        switch status.state {
        case .running: return status.ready ? 1 : 2
        case .none: return 3
        case .waiting(let reason, _):
            if reason == "CrashLoopBackOff" { return 6 }
            return reason.map(fatalWaitingReasons.contains) == true ? 7 : 4
        case .terminated(let code, _, _): return (code ?? 0) == 0 ? 3 : 5
        }
    }

    static func reason(_ status: KubernetesPod.ContainerStatus?) -> String? {
        switch status?.state {
        case .waiting(let reason, _)?: reason
        case .terminated(_, let reason, _)?: reason
        default: nil
        }
    }

    /// The exit code of the worst container, now or before its last restart.
    static func exitCode(_ status: KubernetesPod.ContainerStatus?) -> Int? {
        if case .terminated(let code, _, _)? = status?.state { return code }
        if case .terminated(let code, _, _)? = status?.lastState { return code }
        return nil
    }

    /// `OOMKilled (exit 137)`: why a container of the pod last died, when it did.
    static func lastTermination(_ pod: KubernetesPod) -> String? {
        for status in pod.containers {
            guard case .terminated(let code, let reason, _) = status.lastState else { continue }
            let words = reason ?? "terminated"
            return code.map { "\(words) (exit \($0))" } ?? words
        }
        return nil
    }

    static func startedAt(_ status: KubernetesPod.ContainerStatus?) -> LogTimestamp? {
        if case .running(let startedAt)? = status?.state { return startedAt }
        return nil
    }

    /// Readiness is Kubernetes' health: every container ready is healthy; a container that is not
    /// ready after it started (its readiness probe fails) or after a restart (it crashed) is
    /// unhealthy; one still on its way up is starting.
    static func health(_ pod: KubernetesPod) -> HealthState {
        guard pod.phase == "Running", !pod.terminating, !pod.containers.isEmpty else { return .none }
        if pod.containers.allSatisfy(\.ready) { return .healthy }
        let failing = pod.containers.contains { !$0.ready && ($0.started == true || $0.restartCount > 0) }
        return failing ? .unhealthy : .starting
    }
}
