import Foundation
import Testing
@testable import OpsCore

/// Command and tcp probes: a scripted command runner and in-process sockets, no nginx.
@Suite struct LiveProbeRunnerTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func runner(_ commands: FakeCommandRunner = FakeCommandRunner()) throws -> LiveProbeRunner {
        LiveProbeRunner(client: try HTTPClient(), commands: commands, now: { now })
    }

    static func probe(_ check: ProbeConfig.Check, timeout: Duration = .seconds(2),
                      expect: ProbeExpectation = ProbeExpectation()) -> Probe {
        Probe(id: ProbeID(service: "db", environment: nil, name: "check"),
              config: ProbeConfig(name: "check", check: check, timeout: timeout, expect: expect))
    }

    @Test func aCommandThatExitsZeroIsOK() async throws {
        let commands = FakeCommandRunner()
        commands.expect(["pg_isready", "-h", "db"])
        let result = try await Self.runner(commands).run(Self.probe(.command(["pg_isready", "-h", "db"])))
        #expect(result.state == .ok)
        #expect(result.failedCondition == nil)
        #expect(result.at == Self.now)
        #expect(commands.pending.isEmpty)
    }

    @Test func aCommandThatFailsSaysHowInItsOwnWords() async throws {
        let commands = FakeCommandRunner()
        commands.expect(["pg_isready", "-h", "db"], stderr: "db:5432 - no response\n", exit: 2)
        let result = try await Self.runner(commands).run(Self.probe(.command(["pg_isready", "-h", "db"])))
        #expect(result.state == .failing)
        #expect(result.failedCondition == "pg_isready exited with 2: db:5432 - no response")
    }

    @Test func aCommandThatHangsOrIsMissingFails() async throws {
        let commands = FakeCommandRunner()
        let command = Command("check-queue", [], timeout: .seconds(2))
        commands.expect(["check-queue"], error: .timedOut(command, after: .seconds(2)))
        commands.expect(["check-queue"], error: .notFound(executable: "check-queue"))
        let runner = try Self.runner(commands)
        let hung = await runner.run(Self.probe(.command(["check-queue"])))
        #expect(hung.failedCondition == "timed out after 2s")
        let missing = await runner.run(Self.probe(.command(["check-queue"])))
        #expect(missing.state == .failing)
        #expect(missing.failedCondition == "check-queue: command not found (is it installed and in PATH?)")
    }

    @Test func aCommandRunsForRealThroughTheLiveRunner() async throws {
        let runner = LiveProbeRunner(client: try HTTPClient())
        #expect(await runner.run(Self.probe(.command(["true"]))).state == .ok)
        let failed = await runner.run(Self.probe(.command(["sh", "-c", "echo broken >&2; exit 3"])))
        #expect(failed.failedCondition == "sh exited with 3: broken")
    }

    @Test func aTCPProbeConnects() async throws {
        let server = try SilentTCPServer()
        defer { server.stop() }
        let result = try await Self.runner().run(Self.probe(.tcp(host: "127.0.0.1", port: server.port)))
        #expect(result.state == .ok)
        #expect(try #require(result.latency) > .zero)
    }

    @Test func aTCPProbeResolvesNamesAndTriesEachAddress() async throws {
        // The server listens on 127.0.0.1 only; localhost may resolve to ::1 first, which refuses.
        let server = try SilentTCPServer()
        defer { server.stop() }
        let result = try await Self.runner().run(Self.probe(.tcp(host: "localhost", port: server.port)))
        #expect(result.state == .ok, "\(result.failedCondition ?? "")")
    }

    @Test func aClosedTCPPortIsRefused() async throws {
        let port = try SilentTCPServer.closedPort()
        let result = try await Self.runner().run(Self.probe(.tcp(host: "127.0.0.1", port: port)))
        #expect(result.state == .failing)
        #expect(result.failedCondition == "connection refused (127.0.0.1:\(port))")
    }
}
