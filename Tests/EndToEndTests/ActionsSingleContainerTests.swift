import Foundation
import OpsCore
import Testing

/// `opsdeck deploy` and `opsdeck rollback` of a single container on the real engine: the swap, the
/// journal, the way back when the new container turns unhealthy, and every refusal's exit status.
@Suite(.enabled(if: DockerEngine.shouldRun, DockerEngine.missing))
struct ActionsSingleContainerTests {
    /// A sandbox whose service `web` in environment `live` is the container `<prefix>-web` at 1.4.0.
    static func sandbox(environmentSettings: String = "{}") throws -> (ActionSandbox, String) {
        let sandbox = try ActionSandbox()
        let container = try sandbox.startWeb("web", version: "1.4.0")
        try sandbox.writeConfig(environments: "  live: \(environmentSettings)", services: """
              web:
                live: { provider: docker, container: \(container), \(sandbox.hostSetting) }
            """)
        return (sandbox, container)
    }

    @Test func deploysANewVersionThenRollsBackToTheOneBefore() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        let before = try #require(try sandbox.inspect(container))

        let deploy = try sandbox.opsdeck(["deploy", "web", "--env", "live", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 0, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        #expect(deploy.stdoutText.contains("$ DOCKER_HOST=\(sandbox.host) docker rename \(container) \(container)-opsdeck-old"))
        #expect(deploy.stdoutText.contains("Done: deploy web/live 1.4.0 -> 1.5.0"))
        let deployed = try #require(try sandbox.inspect(container))
        #expect(deployed.imageReference == "opsdeck-test/web:1.5.0")
        #expect(deployed.id != before.id)
        #expect(deployed.state.health?.state == .healthy)
        // Its settings came along; the new image brought its own APP_VERSION.
        #expect(deployed.environment["ROLE"] == "web")
        #expect(deployed.environment["APP_VERSION"] == "1.5.0")
        #expect(deployed.labels[ActionSandbox.label] == sandbox.prefix)
        #expect(try sandbox.inspect(container + "-opsdeck-old") == nil)

        let rollback = try sandbox.opsdeck(["rollback", "web", "--env", "live", "--yes"])
        #expect(rollback.exitCode == 0, "\(rollback.stdoutText)\n\(rollback.stderrText)")
        let restored = try #require(try sandbox.inspect(container))
        #expect(restored.imageReference == "opsdeck-test/web:1.4.0")
        #expect(restored.imageID == before.imageID)
        #expect(restored.state.status == "running")

        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback])
        #expect(actions.map(\.outcome) == [.ok, .ok])
        #expect(actions[0].from.version == "1.4.0")
        #expect(actions[0].to.version == "1.5.0")
        #expect(actions[0].steps.map { URL(fileURLWithPath: $0.step.argv.first ?? "").lastPathComponent }
            == ["docker", "docker", "docker", "opsdeck", "docker"])
        #expect(actions[0].steps[3].step.argv.dropFirst().first == "docker-wait")
        #expect(actions[0].steps.allSatisfy { $0.outcome == .ok })
        #expect(actions[1].to.version == "1.4.0")
    }

    @Test func anUnhealthyNewContainerFailsTheDeployAndTheOldOneRunsAgain() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        // An image with web's healthcheck whose command never writes /www/health.
        let tag = sandbox.prefix + "-unhealthy"
        let created = try DockerEngine.docker(["create", "--label", "\(ActionSandbox.label)=\(sandbox.prefix)",
                                               "opsdeck-test/web:1.5.0"]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        try DockerEngine.docker(["commit", "--change", #"CMD ["/bin/sleep", "600"]"#, created, "opsdeck-test/web:\(tag)"])
        defer { _ = try? DockerEngine.docker(["rmi", "opsdeck-test/web:\(tag)"]) }
        let before = try #require(try sandbox.inspect(container))

        let deploy = try sandbox.opsdeck(["deploy", "web", "--env", "live", "--version", tag, "--yes", "--output", "json"])
        #expect(deploy.exitCode == 1, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        let restored = try #require(try sandbox.inspect(container))
        #expect(restored.id == before.id)
        #expect(restored.state.status == "running")
        #expect(restored.imageReference == "opsdeck-test/web:1.4.0")
        #expect(try sandbox.inspect(container + "-opsdeck-old") == nil)
        let output = try JSONParser.parse(deploy.stdoutText)
        #expect(output["result"]?["outcome"]?.stringValue == "failed")
        #expect(output["recovery"]?["outcome"]?.stringValue == "ok")
        #expect(output["exit_status"] == .number("1"))

        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback])
        #expect(actions.map(\.outcome) == [.failed, .ok])
        #expect(actions[0].steps.last?.step.index == 3)
        #expect(actions[0].steps.last?.standardError?.contains("unhealthy") == true)
    }

    /// The SSH link drops (SIGHUP to opsdeck's process group) while the new container is being
    /// waited for: the wait still finishes, is journalled, and nothing after it starts.
    @Test func aHangupFinishesTheRunningStepJournalsItAndStops() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        let child = try OpsdeckBinary.start(["deploy", "web", "--env", "live", "--version", "1.5.0", "--yes",
                                             "--config", sandbox.config],
                                            environment: sandbox.environment, currentDirectory: sandbox.work)
        let waiting = child.pump(timeout: .seconds(60)) {
            String(decoding: $0.stdout, as: UTF8.self).contains("[4/5] wait until it runs and is healthy")
        }
        #expect(waiting, "\(String(decoding: child.stdout, as: UTF8.self))")
        // The step is printed just before it is spawned: hang up once its process runs in a session of
        // its own, as it does from then on (a hangup in the instant between fork and setsid would still
        // reach it: a known, narrow window).
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, !Self.ownSessionProcessRuns(containing: ["docker-wait", container]) {
            _ = child.pump(timeout: .milliseconds(20)) { _ in false }
        }
        child.send(SIGHUP)
        let result = child.wait(timeout: .seconds(120))
        #expect(result.exitCode == 1, "\(result.stdoutText)\n\(result.stderrText)")
        #expect(result.stdoutText.contains("Stopped before step 5 on request"))
        #expect(result.stderrText.contains("signal \(SIGHUP): finishing the running step"))
        // The wait ended well, so the new container serves; the old one waits aside, stopped.
        #expect(try sandbox.inspect(container)?.imageReference == "opsdeck-test/web:1.5.0")
        #expect(try sandbox.inspect(container + "-opsdeck-old")?.state.status == "exited")
        let action = try #require(try sandbox.journalActions().first)
        #expect(action.outcome == .cancelled)
        #expect(action.steps.map(\.outcome) == [.ok, .ok, .ok, .ok])
    }

    /// Whether a process whose command line holds all of `words` runs as the leader of its own session.
    static func ownSessionProcessRuns(containing words: [String]) -> Bool {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        return pids.contains { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let command = String(decoding: data, as: UTF8.self)
            guard words.allSatisfy({ command.contains($0) }) else { return false }
            return getsid(pid) == pid
        }
    }

    /// The healthcheck's first run comes a second after the start: a half-second deadline passes
    /// while the new container is still `starting`.
    @Test func aNewContainerNotHealthyWithinTheDeadlineTimesOutAndTheOldOneRunsAgain() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        let before = try #require(try sandbox.inspect(container))
        let deploy = try sandbox.opsdeck(["deploy", "web", "--env", "live", "--version", "1.5.0", "--yes",
                                          "--ready-timeout", "500ms"])
        #expect(deploy.exitCode == 5, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        #expect(deploy.stdoutText.contains("not ready within 500ms"))
        #expect(deploy.stdoutText.contains("What ran before runs again"))
        let restored = try #require(try sandbox.inspect(container))
        #expect(restored.id == before.id)
        #expect(restored.state.status == "running")
    }

    @Test func aDryRunPrintsThePlanAndRunsNothing() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        let before = try #require(try sandbox.inspect(container))
        let dry = try sandbox.opsdeck(["deploy", "web", "--env", "live", "--version", "1.5.0", "--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.stderrText)")
        #expect(dry.stdoutText.contains("deploy web/live: 1.4.0 -> 1.5.0"))
        #expect(dry.stdoutText.contains("docker run -d --name \(container)"))
        #expect(dry.stdoutText.contains("(dry run: nothing was run)"))
        #expect(try sandbox.inspect(container)?.id == before.id)
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal))
    }

    @Test func withoutATerminalOrYesItRefuses() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        let before = try #require(try sandbox.inspect(container))
        let refused = try sandbox.opsdeck(["deploy", "web", "--env", "live", "--version", "1.5.0"])
        #expect(refused.exitCode == 2)
        #expect(refused.stderrText.contains("not a terminal"))
        #expect(refused.stderrText.contains("--yes"))
        #expect(try sandbox.inspect(container)?.id == before.id)
    }

    @Test func aReadOnlyEnvironmentRefusesEverything() throws {
        let (sandbox, container) = try Self.sandbox(environmentSettings: "{ read_only: true }")
        defer { sandbox.remove() }
        for arguments in [["deploy", "web", "--env", "live", "--version", "1.5.0", "--yes"],
                          ["rollback", "web", "--env", "live", "--yes"]] {
            let refused = try sandbox.opsdeck(arguments)
            #expect(refused.exitCode == 2)
            #expect(refused.stderrText.contains("read-only"))
        }
        #expect(try sandbox.inspect(container)?.imageReference == "opsdeck-test/web:1.4.0")
    }

    @Test func aLockHeldByAnotherProcessRefusesWithItsHolder() throws {
        let (sandbox, container) = try Self.sandbox()
        defer { sandbox.remove() }
        // This test process is the other opsdeck: alive, holding the lock of web/live.
        let lock = try ActionLock.acquire(ServiceKey(service: "web", environment: "live"), kind: .rollback, in: sandbox.locks)
        defer { lock.release() }
        let refused = try sandbox.opsdeck(["deploy", "web", "--env", "live", "--version", "1.5.0", "--yes"])
        #expect(refused.exitCode == 4)
        #expect(refused.stderrText.contains("locked by"))
        #expect(refused.stderrText.contains("pid \(getpid())"))
        #expect(try sandbox.inspect(container)?.imageReference == "opsdeck-test/web:1.4.0")
    }

    @Test func statusShowsWhatRuns() throws {
        let (sandbox, _) = try Self.sandbox()
        defer { sandbox.remove() }
        let status = try sandbox.opsdeck(["status", "--output", "json"])
        #expect(status.exitCode == 0, "\(status.stderrText)")
        let row = try JSONParser.parse(status.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(row["service"]?.stringValue == "web")
        #expect(row["version"]?.stringValue == "1.4.0")
        #expect(row["state"]?.stringValue == "running")
    }
}
