/// Where an Argo Rollout stands, from its phase and pause conditions: the state the row shows
/// (nil: the pods decide, as for a healthy deployment) and the line the details strip shows.
public struct KubernetesRolloutVerdict: Hashable, Sendable {
    public var state: RunState?
    public var note: String?

    public init(_ rollout: KubernetesRollout) {
        if let observed = rollout.observedGeneration, observed < rollout.generation {
            self.init(state: .starting, note: "waiting for the Argo Rollouts controller to observe the new spec")
            return
        }
        switch rollout.phase {
        case "Healthy":
            self.init(state: nil, note: nil)
        case "Progressing":
            self.init(state: .starting, note: "progressing" + (rollout.message.map { ": \($0)" } ?? "")
                      + Self.stepWords(rollout).map { " (\($0))" }.orEmpty)
        case "Paused":
            self.init(state: .paused, note: Self.pauseWords(rollout))
        case "Degraded":
            let words = rollout.aborted ? "aborted: the stable version runs again; the spec still names the new one"
                : "degraded"
            self.init(state: .failed, note: words + (rollout.message.map { ": \($0)" } ?? ""))
        case nil:
            self.init(state: .unknown, note: "no status yet: is the Argo Rollouts controller running?")
        case let other?:
            self.init(state: .unknown, note: "phase \(other)" + (rollout.message.map { ": \($0)" } ?? ""))
        }
    }

    init(state: RunState?, note: String?) {
        self.state = state
        self.note = note
    }

    /// `paused at step 2/4`: steps counted from 1, as the plugin's `get` shows them.
    static func stepWords(_ rollout: KubernetesRollout) -> String? {
        guard !rollout.steps.isEmpty, let index = rollout.currentStepIndex, rollout.isCanaryUnderWay else { return nil }
        return "step \(min(index, rollout.steps.count) + (index < rollout.steps.count ? 1 : 0))/\(rollout.steps.count)"
    }

    static func pauseWords(_ rollout: KubernetesRollout) -> String {
        if rollout.paused { return "paused by hand (spec.paused): resume to go on" }
        if rollout.pauseReasons.contains("CanaryPauseStep"), let step = stepWords(rollout) {
            return "paused at \(step): promote to go on, or abort"
        }
        if rollout.pauseReasons.contains("BlueGreenPause") { return "blue-green preview up: promote to switch, or abort" }
        return "paused" + (rollout.message.map { ": \($0)" } ?? "")
    }
}

extension Optional where Wrapped == String {
    fileprivate var orEmpty: String { self ?? "" }
}
