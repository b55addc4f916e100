import Testing
@testable import OpsCore

@Suite struct LocalPlannerTests {
    static let key = ServiceKey(service: "api", environment: "staging")
    static let layout = LocalStateLayout(root: "/state/local")
    static let settings = ActionSettings(opsdeckExecutable: "/usr/bin/opsdeck", stateFolder: "/state/opsdeck",
                                         readyTimeout: .seconds(90), stopGraceSeconds: 3, shortTimeout: .seconds(20))
    static let target = LocalTarget(command: ["/srv/api", "--port", "{port}", "--release={version}"], version: "1.4.0",
                                    port: 18080, readyPath: "/ready", environment: ["MODE": "demo", "A_TOKEN": "s3cret"],
                                    directory: "/srv")
    static let subject = ["--state", "/state/local", "--service", "api", "--environment", "staging"]

    static func request(_ kind: ActionPlan.Kind = .deploy, live: LocalLive?) -> LocalPlanner.Request {
        LocalPlanner.Request(kind: kind, key: key, target: target, layout: layout, live: live, version: "1.5.0",
                             instance: "1.5.0-abc123")
    }

    static let live = LocalLive(instance: "1.4.0-000001", version: "1.4.0", port: 40001, since: 1)

    @Test func deployPlanIsExactArgv() {
        let prepared = LocalPlanner.plan(Self.request(live: Self.live), settings: Self.settings)
        let new = Self.subject + ["--instance", "1.5.0-abc123"]
        #expect(prepared.plan.kind == .deploy && prepared.plan.from == "1.4.0" && prepared.plan.to == "1.5.0")
        #expect(prepared.plan.steps.map(\.command.argv) == [
            ["/usr/bin/opsdeck", "local-step", "start"] + new + ["--version", "1.5.0", "--directory", "/srv",
                "--env", "A_TOKEN=s3cret", "--env", "MODE=demo", "--timeout", "20s", "--", "/srv/api", "--port", "{port}", "--release=1.5.0"],
            ["/usr/bin/opsdeck", "local-step", "wait"] + new + ["--path", "/ready", "--timeout", "1m30s"],
            ["/usr/bin/opsdeck", "local-step", "switch"] + new + ["--cause", "deploy"],
            ["/usr/bin/opsdeck", "local-step", "stop"] + Self.subject + ["--instance", "1.4.0-000001", "--grace", "3s"],
        ])
        #expect(prepared.plan.steps.map(\.summary) == [
            "start version 1.5.0 on a free loopback port", "wait until GET /ready answers on the new instance",
            "switch 127.0.0.1:18080 to the new instance", "stop the old instance (version 1.4.0)",
        ])
        // Each step's deadline is a little past the one it enforces itself.
        #expect(prepared.plan.steps.map(\.command.timeout) == [.seconds(30), .seconds(120), .seconds(20), .seconds(23)])
        #expect(prepared.waitStepIndex == 1 && prepared.waitTimedOutStatus == 5)
        #expect(prepared.fromDigest == nil && prepared.toDigest == nil && prepared.files.isEmpty)
    }

    @Test func recoveriesStopTheNewInstanceAndKeepTheOldServing() throws {
        let prepared = LocalPlanner.plan(Self.request(live: Self.live), settings: Self.settings)
        let stopNewFailed = ["/usr/bin/opsdeck", "local-step", "stop"] + Self.subject
            + ["--instance", "1.5.0-abc123", "--grace", "3s", "--failed", "--cause", "deploy"]
        let switchBack = ["/usr/bin/opsdeck", "local-step", "switch"] + Self.subject + ["--instance", "1.4.0-000001", "--cause", "rollback"]
        #expect(prepared.recoveries[0]?.map(\.command.argv) == [stopNewFailed])
        #expect(prepared.recoveries[1]?.map(\.command.argv) == [stopNewFailed])
        #expect(prepared.recoveries[2]?.map(\.command.argv) == [switchBack, stopNewFailed])
        #expect(prepared.recoveries[3] == nil)
        let stopNew = Array(stopNewFailed.dropLast(3))
        #expect(prepared.recoveriesWhenStopped[1]?.map(\.command.argv) == [stopNew])
        #expect(prepared.recoveriesWhenStopped[2]?.map(\.command.argv) == [stopNew])
        #expect(prepared.recoveriesWhenStopped[3] == nil)
        let recovery = try #require(prepared.recoveryPlan(afterFailedStep: 1))
        #expect(recovery.kind == .rollback && recovery.from == "1.5.0" && recovery.to == "1.4.0")
        // The preview shows every command, secrets in the environment redacted.
        let preview = prepared.preview()
        #expect(preview.contains("A_TOKEN=[REDACTED]") && !preview.contains("s3cret"))
        #expect(preview.contains("the new instance is stopped and the old one keeps serving"))
    }

    @Test func withNothingLiveThereIsNothingToStopOrSwitchBackTo() {
        let prepared = LocalPlanner.plan(Self.request(.rollback, live: nil), settings: Self.settings)
        #expect(prepared.plan.steps.count == 3)
        #expect(prepared.plan.from == nil && prepared.plan.kind == .rollback)
        #expect(prepared.plan.steps[2].command.argv.suffix(2) == ["--cause", "rollback"])
        #expect(prepared.recoveries[2]?.count == 1)
    }

    @Test func instanceIDs() {
        let id = LocalDeployer.newInstanceID(version: "1.5.0")
        #expect(id.hasPrefix("1.5.0-") && id.count == 12 && LocalStateLayout.isInstanceID(id))
        #expect(LocalDeployer.newInstanceID(version: "1.5.0") != id || LocalDeployer.newInstanceID(version: "1.5.0") != id)
    }
}
