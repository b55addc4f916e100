/// The plan that moves a local service to another version with no moment unserved:
///
/// 1. `opsdeck local-step start …  -- ARGV`   the supervisor starts the new version on a free port
/// 2. `opsdeck local-step wait …`             until its ready path answers 2xx (the wait step)
/// 3. `opsdeck local-step switch …`           the front port forwards new connections to it
/// 4. `opsdeck local-step stop …` (old)       SIGTERM, SIGKILL after the grace
///
/// The old instance serves until step 3, so a failure at step 1 or 2 (or a stop request before
/// step 3) only stops the new one, and the failed version goes into the history as failed; a
/// failure at step 3 points the front port back at the old one first. Once step 3 has run the new
/// version serves and proved ready: a failing step 4 leaves the old one running, which the listing
/// shows. With nothing live before (a stack that failed to start), there is no step 4.
public enum LocalPlanner {
    public struct Request: Hashable, Sendable {
        public var kind: ActionPlan.Kind
        public var key: ServiceKey
        public var target: LocalTarget
        public var layout: LocalStateLayout
        /// The live instance, when one runs.
        public var live: LocalLive?
        public var version: String
        /// The new instance's id (`LocalDeployer.newInstanceID`).
        public var instance: String

        public init(kind: ActionPlan.Kind, key: ServiceKey, target: LocalTarget, layout: LocalStateLayout, live: LocalLive?,
                    version: String, instance: String) {
            self.kind = kind
            self.key = key
            self.target = target
            self.layout = layout
            self.live = live
            self.version = version
            self.instance = instance
        }
    }

    public static func plan(_ request: Request, settings: ActionSettings) -> PreparedAction {
        let layout = request.layout, key = request.key, new = request.instance
        let cause = request.kind.rawValue
        func step(_ summary: String, _ arguments: [String], _ timeout: Duration) -> ActionPlan.Step {
            ActionPlan.Step(summary, Command(settings.opsdeckExecutable, arguments, timeout: timeout))
        }
        let grace = Duration.seconds(settings.stopGraceSeconds)
        func stop(_ id: String, failed: Bool, _ summary: String) -> ActionPlan.Step {
            step(summary, LocalStepArguments.stop(layout, key, instance: id, graceSeconds: settings.stopGraceSeconds,
                                                  failedCause: failed ? cause : nil),
                 settings.shortTimeout + grace)
        }
        var steps = [
            step("start version \(request.version) on a free loopback port",
                 LocalStepArguments.start(layout, key, instance: new, target: request.target, version: request.version,
                                          timeout: settings.shortTimeout),
                 settings.shortTimeout + .seconds(10)),
            step("wait until GET \(request.target.readyPath) answers on the new instance",
                 LocalStepArguments.wait(layout, key, instance: new, path: request.target.readyPath, timeout: settings.readyTimeout),
                 settings.readyTimeout + .seconds(30)),
            step("switch 127.0.0.1:\(request.target.port) to the new instance",
                 LocalStepArguments.switchTo(layout, key, instance: new, cause: cause), settings.shortTimeout),
        ]
        if let live = request.live {
            steps.append(stop(live.instance, failed: false, "stop the old instance (version \(live.version))"))
        }
        let stopNewFailed = stop(new, failed: true, "stop the new instance and record \(request.version) as failed")
        let stopNew = stop(new, failed: false, "stop the new instance")
        var recoveries: [Int: [ActionPlan.Step]] = [0: [stopNewFailed], 1: [stopNewFailed], 2: [stopNewFailed]]
        if let live = request.live {
            let back = step("switch 127.0.0.1:\(request.target.port) back to the old instance",
                            LocalStepArguments.switchTo(layout, key, instance: live.instance, cause: "rollback"), settings.shortTimeout)
            recoveries[2] = [back, stopNewFailed]
        }
        let plan = ActionPlan(kind: request.kind, key: key, from: request.live?.version, to: request.version, steps: steps)
        return PreparedAction(plan: plan, recoveries: recoveries, recoveriesWhenStopped: [1: [stopNew], 2: [stopNew]],
                              waitStepIndex: 1, waitTimedOutStatus: LocalStepArguments.timedOutStatus,
                              recoveryWords: "the new instance is stopped and the old one keeps serving")
    }
}
