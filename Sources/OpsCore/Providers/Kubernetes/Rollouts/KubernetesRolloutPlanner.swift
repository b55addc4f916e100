/// Plans of the Argo Rollout actions from what was read (the rollout and its ReplicaSets), pure:
/// a change of image (deploy, promote from another environment), an undo to a revision, the
/// promote of a paused canary step, and an abort. Every plan that changes the template waits first
/// for the controller to observe it (so a `Healthy` left from before cannot pass the wait), then
/// for where the rollout will stop: the next pause without a duration, else `Healthy`.
public struct KubernetesRolloutPlanner: Sendable {
    public let key: ServiceKey
    public let rollout: KubernetesRollout
    public let replicaSets: [KubernetesRolloutReplicaSet]
    public let commands: KubernetesRolloutActionCommands
    public let settings: ActionSettings
    /// The target's container; nil: the spec's first.
    public let container: String?

    public init(key: ServiceKey, rollout: KubernetesRollout, replicaSets: [KubernetesRolloutReplicaSet],
                commands: KubernetesRolloutActionCommands, settings: ActionSettings, container: String?) {
        self.key = key
        self.rollout = rollout
        self.replicaSets = replicaSets
        self.commands = commands
        self.settings = settings
        self.container = container
    }

    var recoveryWords: String { "the canary is aborted (the stable version takes all the pods again; the spec keeps the new version)" }

    /// The version the spec names now (the canary's during a canary).
    var specVersion: String? { rollout.container(named: container).map { ImageReference($0.image).version } }

    /// The version of the stable ReplicaSet.
    var stableVersion: String? {
        let stable = replicaSets.first { $0.podHash != nil && $0.podHash == rollout.stableHash && $0.ownerRollout == rollout.name }
        let image = (stable?.containers.first { $0.name == container } ?? stable?.containers.first)?.image
        return image.map { ImageReference($0).version }
    }

    // MARK: Plans

    /// Runs `image` in the target's container: `kind` is `.deploy` or `.promote`.
    public func imageChange(_ kind: ActionPlan.Kind, image: String, version: String) throws(KubernetesRolloutActionError) -> PreparedAction {
        guard let spec = rollout.container(named: container), let index = rollout.containers.firstIndex(of: spec) else {
            throw .notApplicable("rollout \(rollout.name) has no container \(container ?? "")")
        }
        guard spec.image != image else {
            throw .notApplicable("\(key) already names \(image) in rollout \(rollout.name)")
        }
        let steps = [ActionPlan.Step("set the image of container \(spec.name) of rollout \(rollout.name) to \(image)",
                                     commands.setImage(container: spec.name, index: index, image: image))]
            + waits(afterTemplateChangeTo: nil)
        let pinned = image.firstIndex(of: "@").map { String(image[image.index(after: $0)...]) }.flatMap { $0.hasPrefix("sha256:") ? $0 : nil }
        return prepared(kind, from: specVersion, to: version, steps: steps, digest: pinned)
    }

    /// Back to the template of `revision`'s ReplicaSet.
    public func undo(toRevision revision: Int, version: String) throws(KubernetesRolloutActionError) -> PreparedAction {
        guard let replicaSet = replicaSets.first(where: { $0.ownerRollout == rollout.name && $0.revision == revision }),
              let template = replicaSet.templateForUndo else {
            throw .noVersion("rollout \(rollout.name) has no revision \(revision)")
        }
        guard replicaSet.podHash == nil || replicaSet.podHash != rollout.currentPodHash else {
            throw .notApplicable("rollout \(rollout.name) already runs revision \(revision)'s template")
        }
        let steps = [ActionPlan.Step("set the pod template of rollout \(rollout.name) back to revision \(revision)'s",
                                     commands.undo(toRevision: revision, template: template))]
            + waits(afterTemplateChangeTo: replicaSet.podHash)
        return prepared(.rollback, from: specVersion, to: version, steps: steps, digest: nil)
    }

    /// Ends the pause the canary waits in; it goes on to its next pause, or to the end.
    public func promoteStep() throws(KubernetesRolloutActionError) -> PreparedAction {
        let pausedByCondition = !rollout.pauseReasons.isEmpty
        guard pausedByCondition || rollout.paused else {
            throw .notApplicable("rollout \(rollout.name) is not paused (phase \(rollout.phase ?? "unknown")): nothing to promote")
        }
        let steps = commands.promoteStep(pausedByHand: rollout.paused).map { command in
            ActionPlan.Step(command.arguments.contains("--subresource=status") || commands.usesPlugin
                            ? "promote rollout \(rollout.name): end its pause" : "unpause rollout \(rollout.name) (spec.paused)",
                            command)
        } + [finalWait(from: (rollout.currentStepIndex ?? 0) + (pausedByCondition ? 1 : 0))]
        return prepared(.promote, from: stableVersion, to: specVersion ?? "the canary", steps: steps, digest: nil)
    }

    /// Scales the canary back to the stable version; the spec keeps the new one, and the plan says so.
    public func abort() throws(KubernetesRolloutActionError) -> PreparedAction {
        guard rollout.isCanaryUnderWay, !rollout.aborted else {
            throw .notApplicable(rollout.aborted ? "rollout \(rollout.name) is already aborted: deploy or roll back to finish"
                                 : "rollout \(rollout.name) has no canary under way: nothing to abort")
        }
        let stable = stableVersion ?? "the stable version"
        let spec = specVersion ?? "the new version"
        let steps = [
            ActionPlan.Step("abort: the canary is scaled back to the stable version \(stable); the spec still names \(spec): deploy or roll back to finish",
                            commands.abort()),
            ActionPlan.Step("wait until the stable version runs every pod (phase Degraded: aborted)",
                            commands.wait(field: ".status.phase", equals: "Degraded", timeout: settings.readyTimeout)),
        ]
        return PreparedAction(plan: ActionPlan(kind: .rollback, key: key, from: spec, to: stable, steps: steps),
                              waitStepIndex: 1, recoveryWords: recoveryWords)
    }

    // MARK: Pieces

    /// After a new template: the controller's observing it, then the rollout's stop. `podHash` is
    /// the template's hash when known: back to the stable one, no canary steps run.
    func waits(afterTemplateChangeTo podHash: String?) -> [ActionPlan.Step] {
        let observed = ActionPlan.Step(
            "wait for the Argo Rollouts controller to observe the new spec",
            commands.wait(field: ".status.observedGeneration", equals: String(rollout.generation &+ 1),
                          timeout: settings.shortTimeout))
        if let podHash, podHash == rollout.stableHash {
            return [observed, healthyWait()]
        }
        return [observed, finalWait(from: 0)]
    }

    /// The next pause without a duration from step `index` on (where the canary will wait for a
    /// promote), else the end of the rollout.
    func finalWait(from index: Int) -> ActionPlan.Step {
        guard let pause = rollout.indefinitePause(from: index) else { return healthyWait() }
        return ActionPlan.Step("wait for the canary to reach its pause at step \(pause + 1)/\(rollout.steps.count)",
                               commands.wait(field: ".status.currentStepIndex", equals: String(pause),
                                             timeout: settings.readyTimeout))
    }

    func healthyWait() -> ActionPlan.Step {
        ActionPlan.Step("wait until rollout \(rollout.name) is Healthy",
                        commands.wait(field: ".status.phase", equals: "Healthy", timeout: settings.readyTimeout))
    }

    /// A plan whose last step is its wait; when that wait fails, the canary is aborted.
    func prepared(_ kind: ActionPlan.Kind, from: String?, to: String, steps: [ActionPlan.Step], digest: String?) -> PreparedAction {
        let waitIndex = steps.count - 1
        let abort = ActionPlan.Step("abort the canary: the stable version takes all the pods again", commands.abort())
        return PreparedAction(plan: ActionPlan(kind: kind, key: key, from: from, to: to, steps: steps),
                              toDigest: digest, recoveries: [waitIndex: [abort]], waitStepIndex: waitIndex,
                              recoveryWords: recoveryWords)
    }
}
