import Foundation
import Glibc
import OpsCore
import Testing

/// `opsdeck local up` with a stand-in service, and the headless deploy, rollback and promote
/// against it from another process, as a developer would run a local stack: exit statuses, what
/// the front ports serve, the release history and the journal; and that stopping leaves nothing.
@Suite(.enabled(if: LocalStackSandbox.shouldRun, "python3 is needed for the stand-in service"), .serialized)
struct LocalStackActionsTests {
    static let staging = ServiceKey(service: "api", environment: "staging")

    @Test func deployRollbackPromoteAndStop() throws {
        let sandbox = try LocalStackSandbox()
        try sandbox.up()
        #expect(sandbox.servedVersion(sandbox.stagingPort) == "1.4.0")
        #expect(sandbox.servedVersion(sandbox.productionPort) == "1.4.0")
        let firstPIDs = sandbox.instancePIDs("staging") + sandbox.instancePIDs("production")
        #expect(firstPIDs.count == 2)

        // Deploy 1.5.0 to staging: started beside 1.4.0, switched once ready, 1.4.0 stopped.
        let deploy = try sandbox.opsdeck(["deploy", "api", "--env", "staging", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 0, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        #expect(deploy.stdoutText.contains("local-step start"))
        #expect(sandbox.servedVersion(sandbox.stagingPort) == "1.5.0")
        #expect(sandbox.servedVersion(sandbox.productionPort) == "1.4.0")
        let afterDeploy = sandbox.store.instances(of: Self.staging)
        #expect(afterDeploy.map(\.version) == ["1.5.0"])
        #expect(firstPIDs.first.map { processIsGone($0) } == true)

        // The status command and the release history see it.
        let releases = sandbox.store.history(of: Self.staging)
        #expect(releases.map(\.version) == ["1.4.0", "1.5.0"] && releases.map(\.cause) == ["start", "deploy"])

        // Roll back: to the newest older release that did not fail, 1.4.0.
        let rollback = try sandbox.opsdeck(["rollback", "api", "--env", "staging", "--yes"])
        #expect(rollback.exitCode == 0, "\(rollback.stdoutText)\n\(rollback.stderrText)")
        #expect(sandbox.servedVersion(sandbox.stagingPort) == "1.4.0")

        // Deploy 1.5.0 again, then promote it: production runs what staging runs.
        #expect(try sandbox.opsdeck(["deploy", "api", "--env", "staging", "--version", "1.5.0", "--yes"]).exitCode == 0)
        let promote = try sandbox.opsdeck(["promote", "api", "--yes"])
        #expect(promote.exitCode == 0, "\(promote.stdoutText)\n\(promote.stderrText)")
        #expect(promote.stdoutText.contains("[ok] source running"))
        #expect(sandbox.servedVersion(sandbox.productionPort) == "1.5.0")

        // The journal holds each action, finished well.
        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback, .deploy, .promote])
        #expect(actions.allSatisfy { $0.outcome == .ok })
        #expect(actions.last?.key == ServiceKey(service: "api", environment: "production"))

        // Stopping local up stops every instance and reaps it: no process, no zombie.
        let running = sandbox.instancePIDs("staging") + sandbox.instancePIDs("production")
        #expect(running.count == 2)
        let stopped = try #require(sandbox.down())
        #expect(stopped.exitCode == 0, "\(stopped.stdoutText)\n\(stopped.stderrText)")
        for pid in running + firstPIDs { #expect(processIsGone(pid), "pid \(pid) is still there") }
        #expect(sandbox.get(sandbox.stagingPort, "/health") == nil)
        #expect(sandbox.store.instances(of: Self.staging).isEmpty)
    }

    @Test func aVersionThatNeverGetsReadyTimesOutAndTheOldOneKeepsServing() throws {
        let sandbox = try LocalStackSandbox()
        try sandbox.up()
        let before = sandbox.instancePIDs("staging")
        let deploy = try sandbox.opsdeck(["deploy", "api", "--env", "staging", "--version", "2.0.0-stuck", "--yes",
                                          "--ready-timeout", "2s"])
        #expect(deploy.exitCode == 5, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        #expect(deploy.stdoutText.contains("What ran before runs again"), "\(deploy.stdoutText)")
        // The old instance served all along, and still does; the stuck one is stopped.
        #expect(sandbox.servedVersion(sandbox.stagingPort) == "1.4.0")
        #expect(sandbox.instancePIDs("staging") == before)
        let history = sandbox.store.history(of: Self.staging)
        #expect(history.map(\.outcome) == [.live, .failed] && history.last?.version == "2.0.0-stuck")
        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback])
        #expect(actions.first?.outcome != .ok && actions.last?.outcome == .ok)

        // A rollback now has nothing older that did not fail: it says so, and nothing runs.
        let rollback = try sandbox.opsdeck(["rollback", "api", "--env", "staging", "--yes"])
        #expect(rollback.exitCode == 2, "\(rollback.stderrText)")
        #expect(rollback.stderrText.contains("no release older than 1.4.0"))
        _ = sandbox.down()
        for pid in before { #expect(processIsGone(pid)) }
    }

    @Test func anInstanceThatDiesIsReapedAndListedAsFailed() async throws {
        let sandbox = try LocalStackSandbox()
        try sandbox.up()
        let provider = LocalProvider(targets: [Self.staging: LocalTarget(command: ["x"], version: "1.4.0", port: sandbox.stagingPort)],
                                     opsdeckStateFolder: sandbox.state + "/opsdeck")
        let serving = try #require(try await provider.services().first)
        #expect(serving.state == .running && serving.image?.version == "1.4.0" && serving.replicas.count == 1)
        let pid = try #require(sandbox.instancePIDs("staging").first)
        kill(pid, SIGKILL)
        // The supervisor reaps it (no zombie) and records how it ended; the listing says so.
        #expect(processIsGone(pid))
        let deadline = ContinuousClock.now + .seconds(10)
        var listed = serving
        while ContinuousClock.now < deadline {
            listed = try #require(try await provider.services().first)
            if listed.replicas.first?.exitCode != nil { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(listed.state == .failed && listed.replicas.first?.exitCode == 128 + Int(SIGKILL))
        #expect(listed.note?.contains("has ended") == true)
        // Its logs stay readable: the provider follows the file the instance wrote.
        let sources = try await provider.logSources(of: Self.staging, tail: 10)
        let log = try #require(sources.first?.command.arguments.last)
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("\"msg\": \"listening\""))
        // A deploy now starts afresh: nothing live runs, so nothing is stopped.
        let deploy = try sandbox.opsdeck(["deploy", "api", "--env", "staging", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 0, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        #expect(deploy.stdoutText.contains("[3/3] switch") && !deploy.stdoutText.contains("stop the old instance"))
        #expect(sandbox.servedVersion(sandbox.stagingPort) == "1.5.0")
        #expect(sandbox.down()?.exitCode == 0)
    }

    @Test func withoutLocalUpADeployRefusesAndNothingRuns() throws {
        let sandbox = try LocalStackSandbox()
        let deploy = try sandbox.opsdeck(["deploy", "api", "--env", "staging", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 1)
        #expect(deploy.stderrText.contains("no opsdeck local up runs for"), "\(deploy.stderrText)")
        #expect(deploy.stderrText.contains("nothing ran"))
        let dryRun = try sandbox.opsdeck(["config", "check"])
        #expect(dryRun.exitCode == 0, "\(dryRun.stderrText)")
        #expect(dryRun.stdoutText.contains("api  staging     local"), "\(dryRun.stdoutText)")
    }

    @Test func aSecondSupervisorOnTheSameStateIsRefused() throws {
        let sandbox = try LocalStackSandbox()
        try sandbox.up()
        let second = try sandbox.opsdeck(["local", "up"], timeout: .seconds(30))
        #expect(second.exitCode == 1)
        #expect(second.stderrText.contains("opsdeck local up already runs for"), "\(second.stderrText)")
        // The first one is untouched.
        #expect(sandbox.servedVersion(sandbox.stagingPort) == "1.4.0")
        #expect(sandbox.down()?.exitCode == 0)
    }
}
