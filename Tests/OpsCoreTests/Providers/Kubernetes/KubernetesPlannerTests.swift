import Testing
@testable import OpsCore

/// The plans as exact argv: each kubectl call names its context and namespace and has its own deadline.
@Suite struct KubernetesPlannerTests {
    static let settings = ActionSettings(opsdeckExecutable: "/usr/local/bin/opsdeck", stateFolder: "/state/opsdeck",
                                         readyTimeout: .seconds(90), shortTimeout: .seconds(30))
    static let endpoint = KubernetesEndpoint(context: "prod-eu", namespace: "shop")
    static let key = ServiceKey(service: "web", environment: "production")
    static let prefix = ["kubectl", "--context", "prod-eu", "--namespace", "shop"]
    static let quick = prefix + ["--request-timeout", "5s"]

    static func request(_ change: KubernetesPlanner.Change, kind: ActionPlan.Kind = .deploy, liveRevision: Int? = 7,
                        to version: String = "1.5.0") -> KubernetesPlanner.Request {
        KubernetesPlanner.Request(kind: kind, key: key, endpoint: endpoint, deployment: "web", change: change,
                                  fromVersion: "1.4.2", toVersion: version, liveRevision: liveRevision,
                                  cause: "deploy 1.5.0 by ana@ops-1 via opsdeck", fromDigest: "sha256:aa")
    }

    @Test func aDeploySetsTheImageRecordsTheCauseAndWaitsForTheRollout() {
        let action = KubernetesPlanner.plan(Self.request(.image(container: "web", reference: "registry.example.com/shop/web:1.5.0")),
                                            settings: Self.settings)
        #expect(action.plan.kind == .deploy && action.plan.from == "1.4.2" && action.plan.to == "1.5.0")
        #expect(action.plan.steps.map(\.command.argv) == [
            Self.quick + ["set", "image", "deployment/web", "web=registry.example.com/shop/web:1.5.0"],
            Self.quick + ["annotate", "deployment/web", "kubernetes.io/change-cause=deploy 1.5.0 by ana@ops-1 via opsdeck",
                          "--overwrite"],
            Self.prefix + ["rollout", "status", "deployment/web", "--timeout=90s"],
        ])
        // Quick steps end at the settings' deadline; the wait 15 s after its own --timeout.
        #expect(action.plan.steps.map(\.command.timeout) == [.seconds(30), .seconds(30), .seconds(105)])
        #expect(action.plan.steps.allSatisfy { !$0.command.isLongRunning })
        #expect(action.plan.steps[0].summary == "set the image of container web to registry.example.com/shop/web:1.5.0")
        #expect(action.fromDigest == "sha256:aa" && action.toDigest == nil)

        // Any failure, and a stop once the image is set, go back to the revision live before.
        let undo = Self.quick + ["rollout", "undo", "deployment/web", "--to-revision=7"]
        let wait = Self.prefix + ["rollout", "status", "deployment/web", "--timeout=90s"]
        for step in 0...2 { #expect(action.recoveries[step]?.map(\.command.argv) == [undo, wait]) }
        #expect(action.recoveriesWhenStopped.keys.sorted() == [1, 2])
        #expect(action.recoveryPlan(afterFailedStep: 2)?.steps.first?.summary == "go back to revision 7 (1.4.2)")
        #expect(action.recoveryWords == "deployment web goes back to revision 7")
        #expect(action.preview().contains("if step 1, 2 or 3 fails, deployment web goes back to revision 7:"))
    }

    @Test func aRollbackUndoesToTheRevisionAndARestartRestarts() {
        let rollback = KubernetesPlanner.plan(Self.request(.revision(6), kind: .rollback, to: "1.4.1"), settings: Self.settings)
        #expect(rollback.plan.steps[0].command.argv == Self.quick + ["rollout", "undo", "deployment/web", "--to-revision=6"])
        #expect(rollback.plan.steps[0].summary == "put back the pod template of revision 6 (1.4.1)")
        let restart = KubernetesPlanner.plan(Self.request(.restart, kind: .restart, to: "1.4.2"), settings: Self.settings)
        #expect(restart.plan.kind == .restart)
        #expect(restart.plan.steps.map(\.command.argv).first == Self.quick + ["rollout", "restart", "deployment/web"])
        // Without a known revision the undo goes to the one before the new.
        let unknown = KubernetesPlanner.plan(Self.request(.restart, liveRevision: nil), settings: Self.settings)
        #expect(unknown.recoveries[0]?.first?.command.argv == Self.quick + ["rollout", "undo", "deployment/web"])
    }

    @Test func theWaitTimedOutOnlyWhenKubectlSaysItsDeadlinePassed() {
        let action = KubernetesPlanner.plan(Self.request(.restart), settings: Self.settings)
        func report(_ stderr: String, step: Int = 2, exit: Int32 = 1) -> ActionReport {
            ActionReport(id: "a", key: Self.key, kind: .restart, outcome: .failed, steps: [
                ActionReport.Step(index: step, summary: "", commandLine: "", outcome: .failed, exitCode: exit,
                                  durationMilliseconds: 1, standardError: stderr),
            ], durationMilliseconds: 1)
        }
        #expect(action.waitTimedOut(in: report("error: timed out waiting for the condition")))
        #expect(!action.waitTimedOut(in: report("error: deployment \"web\" exceeded its progress deadline")))
        #expect(!action.waitTimedOut(in: report("error: timed out waiting for the condition", step: 0)))
        #expect(!action.waitTimedOut(in: report("error: timed out waiting for the condition", exit: 2)))
    }

    @Test func theCauseNamesWhatWhoAndOpsdeck() {
        let actor = ActionOperator(user: "ana", host: "ops-1", pid: 1)
        #expect(KubernetesPlanner.changeCause(.deploy, "1.5.0", by: actor) == "deploy 1.5.0 by ana@ops-1 via opsdeck")
        #expect(KubernetesPlanner.changeCause(.promote, "1.5.0 from staging", by: actor)
            == "promote 1.5.0 from staging by ana@ops-1 via opsdeck")
    }

    @Test func theAuthorIsReadBackFromTheChangeCauseOpsdeckWrote() {
        let cause = KubernetesPlanner.changeCause(.deploy, "1.5.0", by: ActionOperator(user: "ana", host: "ops-1", pid: 1))
        #expect(KubernetesPlanner.author(ofChangeCause: cause) == "ana@ops-1")
        #expect(KubernetesPlanner.author(ofChangeCause: "rollback 1.3.0 (revision 1) by bo@ops-2 via opsdeck") == "bo@ops-2")
        // Causes written by people or other tools keep their words in the note only.
        #expect(KubernetesPlanner.author(ofChangeCause: "deploy 1.4.0 by hand") == nil)
        #expect(KubernetesPlanner.author(ofChangeCause: "kubectl set image deployment/web web=web:2 --record=true") == nil)
        #expect(KubernetesPlanner.author(ofChangeCause: "deploy by  via opsdeck") == nil)
    }
}
