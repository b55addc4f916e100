import Foundation
import OpsCore
import Testing

/// Confirmation on a terminal (tmux), as an operator sees it: a protected environment runs only
/// once the service's name is typed.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun, DockerEngine.missing))
struct ActionsConfirmationTests {
    static func session(_ sandbox: ActionSandbox) throws -> TmuxSession {
        let command = try opsdeckCommand("deploy web --env live --version 1.5.0 --config " + shellQuoted(sandbox.config))
        return try TmuxSession(command, columns: 200, rows: 50, environment: sandbox.environment, remainOnExit: true,
                               currentDirectory: sandbox.work)
    }

    @Test func aProtectedEnvironmentRunsOnlyWithTheServiceNameTyped() throws {
        let (sandbox, container) = try ActionsSingleContainerTests.sandbox(environmentSettings: "{ protected: true }")
        defer { sandbox.remove() }
        let before = try #require(try sandbox.inspect(container))

        let refused = try Self.session(sandbox)
        defer { refused.stop() }
        #expect(refused.waitFor("live is protected: type the service name (web) to deploy:", timeout: .seconds(30)))
        #expect(try refused.screen().contains("docker run -d --name \(container)"))
        try refused.literal("y")
        try refused.keys("Enter")
        #expect(refused.waitForExit(timeout: .seconds(30)))
        #expect(refused.exitStatus == 2)
        #expect(try sandbox.inspect(container)?.id == before.id)

        let confirmed = try Self.session(sandbox)
        defer { confirmed.stop() }
        #expect(confirmed.waitFor("type the service name (web) to deploy:", timeout: .seconds(30)))
        try confirmed.literal("web")
        try confirmed.keys("Enter")
        #expect(confirmed.waitForExit(timeout: .seconds(120)))
        #expect(confirmed.exitStatus == 0)
        #expect(try sandbox.inspect(container)?.imageReference == "opsdeck-test/web:1.5.0")
    }
}
