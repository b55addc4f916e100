/// The plan that changes what a deployment runs, in three kubectl calls, each naming its context
/// and namespace and bounded by its own deadline:
///
/// 1. `set image deployment/NAME C=IMAGE`  (or `rollout undo --to-revision=R`, or `rollout restart`)
/// 2. `annotate deployment/NAME kubernetes.io/change-cause=… --overwrite`
/// 3. `rollout status deployment/NAME --timeout=Ns`  (the wait step)
///
/// The cause is written after the change because the controller copies the deployment's
/// annotations onto the new ReplicaSet whenever it syncs, so `rollout history` shows it against the
/// new revision; written first, a change that then fails would leave a cause that names a version
/// never rolled out. When any step fails, or a stop request comes after step 1, the recovery is
/// `rollout undo --to-revision=` the revision live before, then its own `rollout status`: after a
/// step 1 that changed nothing, the undo finds the template already there and skips.
public enum KubernetesPlanner {
    /// What step 1 changes.
    public enum Change: Hashable, Sendable {
        /// `set image` of one container.
        case image(container: String, reference: String)
        /// `rollout undo --to-revision`: the pod template of an earlier revision.
        case revision(Int)
        /// `rollout restart`: the same template, new pods.
        case restart
    }

    public struct Request: Hashable, Sendable {
        public var kind: ActionPlan.Kind
        public var key: ServiceKey
        public var endpoint: KubernetesEndpoint
        public var deployment: String
        public var change: Change
        public var fromVersion: String?
        public var toVersion: String
        /// The revision live before, which a failure goes back to; nil when the deployment has none
        /// yet (then the undo goes to the revision before the new one).
        public var liveRevision: Int?
        /// The change-cause (`KubernetesPlanner.changeCause`).
        public var cause: String
        public var fromDigest: String?
        public var toDigest: String?
        /// Words added to step 1's summary (which container was picked when none is configured).
        public var changeNote: String?

        public init(kind: ActionPlan.Kind, key: ServiceKey, endpoint: KubernetesEndpoint, deployment: String, change: Change,
                    fromVersion: String?, toVersion: String, liveRevision: Int?, cause: String,
                    fromDigest: String? = nil, toDigest: String? = nil, changeNote: String? = nil) {
            self.kind = kind
            self.key = key
            self.endpoint = endpoint
            self.deployment = deployment
            self.change = change
            self.fromVersion = fromVersion
            self.toVersion = toVersion
            self.liveRevision = liveRevision
            self.cause = cause
            self.fromDigest = fromDigest
            self.toDigest = toDigest
            self.changeNote = changeNote
        }
    }

    /// What a `rollout status` may take beyond its own `--timeout` before opsdeck ends it: kubectl
    /// reports its deadline itself, and only a wedged server keeps it past that.
    public static let waitMargin: Duration = .seconds(15)

    public static func plan(_ request: Request, settings: ActionSettings) -> PreparedAction {
        let name = request.deployment
        let waitStep = wait("wait until the rollout completes (at most \(CommandError.seconds(settings.readyTimeout)))",
                            request, settings: settings)
        let steps = [
            change(request, settings: settings),
            ActionPlan.Step("record the change-cause on the deployment and its new ReplicaSet",
                            quick(KubernetesActionCommands.annotateChangeCause(deployment: name, cause: request.cause),
                                  request, settings: settings)),
            waitStep,
        ]
        let revisionWords = request.liveRevision.map { "revision \($0)" } ?? "the revision before"
        let undo = ActionPlan.Step("go back to \(revisionWords)\(request.fromVersion.map { " (\($0))" } ?? "")",
                                   quick(KubernetesActionCommands.rolloutUndo(deployment: name, revision: request.liveRevision),
                                         request, settings: settings))
        let putBack = [undo, wait("wait until that rollout completes", request, settings: settings)]
        let plan = ActionPlan(kind: request.kind, key: request.key, from: request.fromVersion, to: request.toVersion, steps: steps)
        return PreparedAction(plan: plan, fromDigest: request.fromDigest, toDigest: request.toDigest,
                              recoveries: [0: putBack, 1: putBack, 2: putBack],
                              recoveriesWhenStopped: [1: putBack, 2: putBack],
                              waitStepIndex: 2, waitTimedOutStatus: KubernetesActionCommands.rolloutFailedStatus,
                              waitTimedOutMessage: KubernetesActionCommands.rolloutTimedOutMessage,
                              recoveryWords: "deployment \(name) goes back to \(revisionWords)")
    }

    /// `deploy 1.5.0 by ana@ops-1 via opsdeck`: what `rollout history` shows for the new revision.
    public static func changeCause(_ kind: ActionPlan.Kind, _ what: String, by actor: ActionOperator) -> String {
        "\(kind.rawValue) \(what) by \(actor.userAtHost)\(causeSuffix)"
    }

    static let causeSuffix = " via opsdeck"

    /// Who made a revision, read back from a change-cause `changeCause` wrote (`ana@ops-1`); nil
    /// for any other cause, which may say "by" in words of its own.
    public static func author(ofChangeCause cause: String) -> String? {
        guard cause.hasSuffix(causeSuffix), let by = cause.range(of: " by ", options: .backwards) else { return nil }
        let author = cause[by.upperBound..<cause.index(cause.endIndex, offsetBy: -causeSuffix.count)]
        return author.isEmpty || author.contains(" ") ? nil : String(author)
    }

    static func change(_ request: Request, settings: ActionSettings) -> ActionPlan.Step {
        var step = changeStep(request, settings: settings)
        if let note = request.changeNote { step.summary += " (\(note))" }
        return step
    }

    static func changeStep(_ request: Request, settings: ActionSettings) -> ActionPlan.Step {
        let name = request.deployment
        switch request.change {
        case .image(let container, let reference):
            return ActionPlan.Step("set the image of container \(container) to \(reference)",
                                   quick(KubernetesActionCommands.setImage(deployment: name, container: container, image: reference),
                                         request, settings: settings))
        case .revision(let revision):
            return ActionPlan.Step("put back the pod template of revision \(revision) (\(request.toVersion))",
                                   quick(KubernetesActionCommands.rolloutUndo(deployment: name, revision: revision),
                                         request, settings: settings))
        case .restart:
            return ActionPlan.Step("replace every pod with a new one of the same template",
                                   quick(KubernetesActionCommands.rolloutRestart(deployment: name), request, settings: settings))
        }
    }

    /// A call that changes one object: kubectl's request timeout per request, the quick steps' deadline in all.
    static func quick(_ arguments: [String], _ request: Request, settings: ActionSettings) -> Command {
        var command = request.endpoint.command(arguments)
        command.timeout = settings.shortTimeout
        return command
    }

    /// `rollout status`: built without `--request-timeout`, which would cut its watch after a few
    /// seconds, and ended by opsdeck only `waitMargin` after its own `--timeout`.
    static func wait(_ summary: String, _ request: Request, settings: ActionSettings) -> ActionPlan.Step {
        var command = request.endpoint.command(
            KubernetesActionCommands.rolloutStatus(deployment: request.deployment, timeout: settings.readyTimeout),
            isLongRunning: true)
        command.isLongRunning = false
        command.timeout = settings.readyTimeout + waitMargin
        return ActionPlan.Step(summary, command)
    }
}
