/// One Pod from `kubectl get pods -o json`, the fields the adapter reads; any may be missing.
public struct KubernetesPod: Hashable, Sendable {
    /// A container's `state` or `lastState`: exactly one of its three members, or none (`{}`).
    public enum ContainerState: Hashable, Sendable {
        case running(startedAt: LogTimestamp?)
        /// `CrashLoopBackOff`, `ImagePullBackOff`, `ErrImagePull`, `ContainerCreating`, …
        case waiting(reason: String?, message: String?)
        /// `OOMKilled`, `Error`, `Completed`.
        case terminated(exitCode: Int?, reason: String?, finishedAt: LogTimestamp?)
        case none

        init(_ value: JSONValue?) {
            guard let value else {
                self = .none
                return
            }
            if let running = value.object("running") {
                self = .running(startedAt: running.time("startedAt"))
            } else if let waiting = value.object("waiting") {
                self = .waiting(reason: waiting.text("reason"), message: waiting.text("message"))
            } else if let terminated = value.object("terminated") {
                self = .terminated(exitCode: terminated.int("exitCode"), reason: terminated.text("reason"),
                                   finishedAt: terminated.time("finishedAt"))
            } else {
                self = .none
            }
        }
    }

    public struct ContainerStatus: Hashable, Sendable {
        public var name: String
        /// The image as the kubelet reports it (perhaps normalised: `docker.io/library/…`).
        public var image: String?
        /// `sha256:…` from `imageID` (`registry/web@sha256:…`), when it holds a repository digest.
        public var digest: String?
        public var ready: Bool
        /// Whether the startup probe (if any) passed; nil on clusters that do not report it.
        public var started: Bool?
        public var restartCount: Int
        public var state: ContainerState
        public var lastState: ContainerState

        init?(_ status: JSONValue) {
            guard let name = status.text("name") else { return nil }
            self.name = name
            image = status.text("image")
            digest = status.text("imageID").flatMap(KubernetesPod.digest(ofImageID:))
            ready = status.bool("ready") ?? false
            started = status.bool("started")
            restartCount = status.counter("restartCount")
            state = ContainerState(status.object("state"))
            lastState = ContainerState(status.object("lastState"))
        }
    }

    public var name: String
    public var uid: String?
    public var labels: [String: String]
    /// The ReplicaSet that owns the pod, for a deployment's pods.
    public var ownerReplicaSet: String?
    /// `Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`.
    public var phase: String?
    /// The pod-level reason (`Evicted`), set on some failed pods.
    public var reason: String?
    public var terminating: Bool
    public var startedAt: LogTimestamp?
    /// Why a pending pod is not scheduled (`PodScheduled` false: `Unschedulable`).
    public var unschedulable: String?
    public var containers: [ContainerStatus]

    init(_ object: JSONValue) {
        let metadata = KubernetesMetadata(object)
        let status = object.object("status") ?? .object([])
        name = metadata.name
        uid = metadata.uid
        labels = metadata.labels
        ownerReplicaSet = metadata.owner(kind: "ReplicaSet")
        phase = status.text("phase")
        reason = status.text("reason")
        terminating = metadata.deletionRequested
        startedAt = status.time("startTime")
        let scheduled = status.array("conditions").first { $0.string("type") == "PodScheduled" }
        unschedulable = scheduled.flatMap { condition in
            guard condition.string("status") == "False" else { return nil }
            return [condition.text("reason"), condition.text("message")].compactMap { $0 }.joined(separator: ": ")
        }
        containers = status.array("containerStatuses").compactMap(ContainerStatus.init)
    }

    /// The pods in `get pods -o json`.
    public static func parse(_ output: [UInt8]) throws(DockerOutputError) -> [KubernetesPod] {
        try KubernetesJSON.objects(output, command: "kubectl get pods").map(KubernetesPod.init).filter { !$0.name.isEmpty }
    }

    /// Whether the pod belongs to `deployment`: owned by one of its ReplicaSets (named
    /// `<deployment>-<pod-template-hash>`), or, for a pod without that link, carrying every label
    /// of the deployment's `matchLabels`.
    public func belongs(to deployment: KubernetesDeployment) -> Bool {
        if let owner = ownerReplicaSet, let hash = labels[KubernetesAnnotations.podTemplateHash] {
            return owner == "\(deployment.name)-\(hash)"
        }
        guard !deployment.matchLabels.isEmpty else { return false }
        return deployment.matchLabels.allSatisfy { labels[$0.key] == $0.value }
    }

    /// `docker-pullable://registry/web@sha256:…` or `registry/web@sha256:…` → `sha256:…`. A bare
    /// `sha256:…` is the image's config id, not a digest a registry knows, so it is left out.
    static func digest(ofImageID imageID: String) -> String? {
        guard let at = imageID.lastIndex(of: "@") else { return nil }
        let digest = imageID[imageID.index(after: at)...]
        return digest.hasPrefix("sha256:") && digest.count > 7 ? String(digest) : nil
    }
}
