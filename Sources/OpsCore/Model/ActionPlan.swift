/// What a deploy, promote, rollback or restart will do, as exact commands, before anything runs: the
/// dialog shows it, the journal records it, the runner runs it step by step.
public struct ActionPlan: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case deploy
        case promote
        case rollback
        /// The same version started afresh (`kubectl rollout restart`): new pods, same image.
        case restart
    }

    public struct Step: Hashable, Sendable {
        /// What the step does, in words (`stop the old container`).
        public var summary: String
        public var command: Command

        public init(_ summary: String, _ command: Command) {
            self.summary = summary
            self.command = command
        }
    }

    public var kind: Kind
    public var key: ServiceKey
    public var from: String?
    public var to: String
    public var steps: [Step]

    public init(kind: Kind, key: ServiceKey, from: String?, to: String, steps: [Step]) {
        self.kind = kind
        self.key = key
        self.from = from
        self.to = to
        self.steps = steps
    }
}
