import Foundation
import Testing
@testable import OpsCore

/// A swap plan run through `ActionExecutor`: the executor stops at the failing step and the
/// deployment's recovery for that step puts the old container back, every command journalled.
@Suite struct DockerSwapExecutionTests {
    static let key = ServiceKey(service: "web; rm -rf /", environment: "prod $(id)")

    static func deployment() throws -> PreparedAction {
        let container = DockerContainerConfig(name: "shop-web", imageID: "sha256:old", imageReference: "shop/web:1.4.0",
                                              command: ["/app/serve"], networkMode: "host")
        let image = DockerImageConfig(id: "sha256:old", command: ["/app/serve"])
        let change = DockerImageChange(kind: .deploy, key: key, endpoint: DockerEndpoint(host: "unix:///run/x.sock"),
                                       fromVersion: "1.4.0", toVersion: "1.5.0", imageReference: "shop/web:1.5.0")
        let request = DockerSwapPlanner.Request(change, container: container, oldImage: image)
        return try DockerSwapPlanner.plan(request, settings: ActionSettings(opsdeckExecutable: "opsdeck",
                                                                                    stateFolder: "/state", readyTimeout: .seconds(5)))
    }

    @Test func anUnhealthyNewContainerIsRemovedAndTheOldOneStartedAgain() async throws {
        let folder = try ActionTestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deployment = try Self.deployment()
        let runner = FakeCommandRunner()
        for step in deployment.plan.steps.prefix(3) { runner.expect(step.command.argv) }
        runner.expect(deployment.plan.steps[3].command.argv, stderr: "not healthy: shop-web is unhealthy", exit: 1)
        let journal = JournalWriter(path: folder.appendingPathComponent("journal.jsonl").path)
        let locks = folder.appendingPathComponent("locks").path
        let report = try await ActionExecutor(plan: deployment.plan, runner: runner, journal: journal, locksFolder: locks,
                                              operator: ActionTestSupport.alice).run()
        #expect(report.outcome == .failed)
        #expect(report.steps.map(\.index) == [0, 1, 2, 3])
        let recovery = try #require(deployment.recoveryPlan(for: report))
        for step in recovery.steps { runner.expect(step.command.argv) }
        let restored = try await ActionExecutor(plan: recovery, runner: runner, journal: journal, locksFolder: locks,
                                                operator: ActionTestSupport.alice).run()
        #expect(restored.outcome == .ok)
        #expect(runner.pending.isEmpty)
        #expect(runner.commands == [
            ["docker", "rename", "shop-web", "shop-web-opsdeck-old"],
            ["docker", "stop", "-t", "10", "shop-web-opsdeck-old"],
            ["docker", "run", "-d", "--name", "shop-web", "--network", "host", "shop/web:1.5.0"],
            ["opsdeck", "docker-wait", "--host", "unix:///run/x.sock", "--container", "shop-web", "--image", "shop/web:1.5.0",
             "--timeout", "5s"],
            ["docker", "rm", "-f", "shop-web"],
            ["docker", "rename", "shop-web-opsdeck-old", "shop-web"],
            ["docker", "start", "shop-web"],
        ])
        let history = try JournalReader.history(path: journal.path)
        #expect(history.actions.map(\.kind) == [.deploy, .rollback])
        #expect(history.actions.map(\.outcome) == [.failed, .ok])
        #expect(history.actions.map(\.key) == [Self.key, Self.key])
        #expect(history.actions[1].from.version == "1.5.0")
        #expect(history.actions[1].to.version == "1.4.0")
    }

    /// SIGHUP while the old container stops: that step finishes, `run` never starts, and the old
    /// container gets its name back and runs again.
    @Test func aStopRequestedMidSwapPutsTheOldContainerBack() async throws {
        let folder = try ActionTestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deployment = try Self.deployment()
        let runner = FakeCommandRunner()
        for step in deployment.plan.steps.prefix(2) { runner.expect(step.command.argv) }
        let journal = JournalWriter(path: folder.appendingPathComponent("journal.jsonl").path)
        let locks = folder.appendingPathComponent("locks").path
        let executor = ActionExecutor(plan: deployment.plan, runner: runner, journal: journal, locksFolder: locks,
                                      operator: ActionTestSupport.alice)
        let report = try await executor.run { event in
            if case .stepStarted(1, _, _, _) = event { executor.finishCurrentStepThenStop() }
        }
        #expect(report.outcome == .cancelled)
        #expect(report.stoppedBeforeStep == 2)
        let recovery = try #require(deployment.recoveryPlan(for: report))
        #expect(recovery.steps.map(\.command.argv) == [["docker", "rename", "shop-web-opsdeck-old", "shop-web"],
                                                       ["docker", "start", "shop-web"]])
        #expect(runner.pending.isEmpty)
    }

    @Test func everyStepNamesTheEngineAndTheWaitOutlastsItsOwnDeadline() throws {
        let deployment = try Self.deployment()
        for step in deployment.plan.steps where step.command.executable == "docker" {
            #expect(step.command.environment == ["DOCKER_HOST": "unix:///run/x.sock"])
        }
        #expect(deployment.plan.steps[3].command.timeout == .seconds(35))
        let preview = deployment.preview()
        #expect(preview.contains("deploy web; rm -rf //prod $(id): 1.4.0 -> 1.5.0"))
        #expect(preview.contains("if step 3 or 4 fails, the old container is put back:"))
        #expect(preview.contains("$ DOCKER_HOST=unix:///run/x.sock docker rm -f shop-web"))
    }

    @Test func refusesANameDockerWouldNotAccept() {
        let container = DockerContainerConfig(name: "-rm")
        let change = DockerImageChange(kind: .deploy, key: Self.key, endpoint: DockerEndpoint(), fromVersion: nil,
                                       toVersion: "2", imageReference: "web:2")
        let request = DockerSwapPlanner.Request(change, container: container, oldImage: DockerImageConfig(id: "x"))
        #expect(throws: DockerDeploymentError.self) {
            try DockerSwapPlanner.plan(request, settings: ActionSettings(opsdeckExecutable: "opsdeck", stateFolder: "/s"))
        }
    }
}
