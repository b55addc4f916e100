/// One Argo Rollout (`argoproj.io/v1alpha1`) from `kubectl get rollouts.argoproj.io -o json`, the
/// fields the adapter reads. Any may be missing: a counter the controller omits is 0, a missing
/// `spec.replicas` is the default of 1. `status.observedGeneration` is a STRING in this API (unlike
/// every built-in workload); a number is read too.
public struct KubernetesRollout: Hashable, Sendable {
    /// A canary step, as far as opsdeck cares: a weight to reach, or a pause (indefinite without a
    /// duration: only a promote ends it).
    public enum Step: Hashable, Sendable {
        case setWeight(Int)
        case pause(duration: String?)
        /// analysis, experiment, setCanaryScale, …: run by the controller, nothing to wait for here.
        case other
    }

    public var name: String
    public var generation: Int
    public var createdAt: LogTimestamp?
    /// `rollout.argoproj.io/revision`, a number written as a string.
    public var revision: Int?
    public var matchLabels: [String: String]
    public var containers: [KubernetesDeployment.Container]
    /// `spec.paused`: paused by hand (`kubectl argo rollouts pause`).
    public var paused: Bool
    public var desiredReplicas: Int
    /// `canary`, `blueGreen`, or nil when the spec names neither.
    public var strategy: String?
    public var steps: [Step]

    /// `Healthy`, `Progressing`, `Paused`, `Degraded`; nil before the controller wrote a status.
    public var phase: String?
    public var message: String?
    /// The pod hash of the spec's template, and of the ReplicaSet that is stable.
    public var currentPodHash: String?
    public var stableHash: String?
    public var currentStepIndex: Int?
    public var observedGeneration: Int?
    public var replicas: Int
    public var updatedReplicas: Int
    public var readyReplicas: Int
    public var availableReplicas: Int
    /// `CanaryPauseStep`, `BlueGreenPause`, … of `status.pauseConditions`.
    public var pauseReasons: [String]
    public var aborted: Bool

    init(_ object: JSONValue) {
        let metadata = KubernetesMetadata(object)
        let spec = object.object("spec") ?? .object([])
        let status = object.object("status") ?? .object([])
        let strategy = spec.object("strategy") ?? .object([])
        name = metadata.name
        generation = metadata.generation
        createdAt = metadata.createdAt
        revision = metadata.annotations[KubernetesRollout.revisionAnnotation].flatMap { Int($0) }
        matchLabels = (spec.object("selector") ?? .object([])).stringMap("matchLabels")
        containers = KubernetesDeployment.containers(ofTemplate: spec)
        paused = spec.bool("paused") ?? false
        desiredReplicas = max(0, spec.int("replicas") ?? 1)
        if let canary = strategy.object("canary") {
            self.strategy = "canary"
            steps = canary.array("steps").map(KubernetesRollout.step)
        } else {
            self.strategy = strategy.object("blueGreen") != nil ? "blueGreen" : nil
            steps = []
        }
        phase = status.text("phase")
        message = status.text("message")
        currentPodHash = status.text("currentPodHash")
        stableHash = status.text("stableRS")
        currentStepIndex = status.int("currentStepIndex").map { max(0, $0) }
        observedGeneration = status.text("observedGeneration").flatMap { Int($0) } ?? status.int("observedGeneration")
        replicas = status.counter("replicas")
        updatedReplicas = status.counter("updatedReplicas")
        readyReplicas = status.counter("readyReplicas")
        availableReplicas = status.counter("availableReplicas")
        pauseReasons = status.array("pauseConditions").compactMap { $0.text("reason") }
        aborted = status.bool("abort") ?? false
    }

    static let revisionAnnotation = "rollout.argoproj.io/revision"
    static let podHashLabel = "rollouts-pod-template-hash"

    static func step(_ value: JSONValue) -> Step {
        if let weight = value.int("setWeight") { return .setWeight(weight) }
        if let pause = value.object("pause") {
            if let text = pause.text("duration") { return .pause(duration: text) }
            return .pause(duration: pause.int("duration").map { "\($0)s" })
        }
        return .other
    }

    /// The rollouts in `get rollouts.argoproj.io -o json` (a List) or of one rollout.
    public static func parse(_ output: [UInt8]) throws(DockerOutputError) -> [KubernetesRollout] {
        try KubernetesJSON.objects(output, command: "kubectl get rollouts.argoproj.io").map(KubernetesRollout.init)
            .filter { !$0.name.isEmpty }
    }

    /// The container a target means: the named one, else the first in the spec.
    public func container(named name: String?) -> KubernetesDeployment.Container? {
        guard let name else { return containers.first }
        return containers.first { $0.name == name }
    }

    /// `matchLabels` as a `-l` argument, keys sorted; nil when empty.
    public var labelSelector: String? { KubernetesLabelSelector.argument(matchLabels) }

    /// A canary under way: the spec's template is not the stable one.
    public var isCanaryUnderWay: Bool {
        guard let currentPodHash, let stableHash else { return false }
        return currentPodHash != stableHash
    }

    /// The index of the first pause without a duration at or after `index`: where a canary that
    /// starts (or resumes) there will stop and wait for a promote.
    public func indefinitePause(from index: Int) -> Int? {
        guard index < steps.count else { return nil }
        return steps.indices.first { $0 >= index && steps[$0] == .pause(duration: nil) }
    }

    /// Whether `pod` is one of this rollout's: owned by its ReplicaSet `<name>-<pod hash>`.
    func owns(_ pod: KubernetesPod) -> Bool {
        guard let owner = pod.ownerReplicaSet, let hash = pod.labels[Self.podHashLabel] else { return false }
        return owner == "\(name)-\(hash)"
    }
}
