import Foundation
import OpsCore
import Testing

/// The console's `d`, `p` and `R` on the real engine, driven by keys in a real terminal: the
/// dialog a user reads, the swap, the journal, the protected environment's typed name, and `q`
/// while a step runs.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun, DockerEngine.missing))
struct ConsoleActionsTests {
    /// `web` in staging (`<prefix>-web-staging`) and production (`<prefix>-web-production`, protected),
    /// both at 1.4.0, and the console open on them.
    static func console(_ sandbox: ActionSandbox) throws -> (TmuxSession, staging: String, production: String) {
        let staging = try sandbox.startWeb("web-staging", version: "1.4.0", network: nil)
        let production = try sandbox.startWeb("web-production", version: "1.4.0", network: nil)
        try sandbox.writeConfig(environments: """
              staging: {}
              production: { protected: true }
            """, services: """
              web:
                staging:    { provider: docker, container: \(staging), \(sandbox.hostSetting) }
                production: { provider: docker, container: \(production), \(sandbox.hostSetting) }
            """)
        let session = try TmuxSession(try opsdeckCommand("--config \(shellQuoted(sandbox.config)) --poll 3600"),
                                      columns: 140, rows: 45, environment: sandbox.environment, remainOnExit: true,
                                      currentDirectory: sandbox.work)
        return (session, staging, production)
    }

    /// `d`, the version typed, Enter, and `y` once the plan is shown: a deploy from the keys.
    static func deploy(_ version: String, from running: String, in session: TmuxSession,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.keys("d")
        #expect(session.waitFor("runs now: \(running)", timeout: .seconds(10), sourceLocation: sourceLocation))
        try session.literal(version)
        try session.keys("Enter")
        #expect(session.waitFor("y / Enter run it", timeout: .seconds(20), sourceLocation: sourceLocation))
        try session.keys("y")
    }

    /// `q`, then the console's end: no action, no process left.
    static func quit(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.keys("Escape", "q")
        #expect(session.waitForExit(timeout: .seconds(10), sourceLocation: sourceLocation))
    }

    @Test func deployThenRollBackFromTheKeys() throws {
        let sandbox = try ActionSandbox()
        defer { sandbox.remove() }
        let (session, staging, _) = try Self.console(sandbox)
        #expect(session.waitFor("opsdeck-test/web:1.4.0", timeout: .seconds(20)))

        try session.keys("d")
        #expect(session.waitFor("runs now: 1.4.0", timeout: .seconds(10)))
        try session.literal("1.5.0")
        try session.keys("Enter")
        #expect(session.waitUntil("the plan of the deploy", timeout: .seconds(20)) { screen in
            screen.contains("deploy web/staging 1.4.0 -> 1.5.0") && screen.contains("docker rename \(staging)")
                && screen.contains("y / Enter run it")
        })
        try session.keys("y")
        #expect(session.waitUntil("the deploy done", timeout: .seconds(60)) { screen in
            screen.contains("deploy web/staging 1.4.0 -> 1.5.0: done")
        })
        #expect(try sandbox.inspect(staging)?.imageReference == "opsdeck-test/web:1.5.0")
        try session.keys("Escape")
        #expect(session.waitFor("watching web/staging after deploy 1.5.0", timeout: .seconds(10)))

        // R goes back to the last release that stayed healthy: 1.4.0.
        try session.keys("R")
        #expect(session.waitFor("rollback web/staging 1.5.0 -> 1.4.0", timeout: .seconds(20)))
        try session.keys("Enter")
        #expect(session.waitFor("rollback web/staging 1.5.0 -> 1.4.0: done", timeout: .seconds(60)))
        #expect(try sandbox.inspect(staging)?.imageReference == "opsdeck-test/web:1.4.0")

        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback])
        #expect(actions.allSatisfy { $0.outcome == .ok })
        try Self.quit(session)
    }

    @Test func promotingToAProtectedEnvironmentWantsTheNameTyped() throws {
        let sandbox = try ActionSandbox()
        defer { sandbox.remove() }
        let (session, _, production) = try Self.console(sandbox)
        #expect(session.waitFor("opsdeck-test/web:1.4.0", timeout: .seconds(20)))
        // The first row is web/staging: promote it to production.
        try session.keys("p")
        #expect(session.waitUntil("the gates and the demand for the name", timeout: .seconds(20)) { screen in
            screen.contains("promote web/production") && screen.contains("production is protected")
                && screen.contains("source running: 1 of 1 running") && screen.contains("type 'web' then Enter")
        })
        try session.keys("y", "Enter")
        #expect(session.waitFor("type 'web' to run it", timeout: .seconds(10)))
        #expect(try sandbox.journalActions().isEmpty)
        try session.literal("web")
        try session.keys("Enter")
        #expect(session.waitFor("promote web/production 1.4.0 -> 1.4.0: done", timeout: .seconds(60)))
        #expect(try sandbox.journalActions().map(\.kind) == [.promote])
        #expect(try sandbox.inspect(production)?.state.health?.state == .healthy)
        try Self.quit(session)
    }

    /// A deploy of 1.5.0 from the keys, under way: its wait step is waiting for the new container.
    static func deployWaiting(_ sandbox: ActionSandbox) throws -> (TmuxSession, staging: String) {
        let (session, staging, _) = try console(sandbox)
        #expect(session.waitFor("opsdeck-test/web:1.4.0", timeout: .seconds(20)))
        try deploy("1.5.0", from: "1.4.0", in: session)
        #expect(session.waitFor("waiting: ", timeout: .seconds(30)))
        return (session, staging)
    }

    /// The deploy was let finish its running step: the journal has its end (done, when the wait ended
    /// before the stop arrived; else stopped before the last step) and 1.5.0 runs, healthy.
    static func expectStepFinished(_ sandbox: ActionSandbox, staging: String) throws {
        let action = try #require(try sandbox.journalActions().first)
        #expect(action.kind == .deploy)
        #expect(action.outcome == .cancelled || action.outcome == .ok, "\(String(describing: action.outcome))")
        try sandbox.waitHealthy(staging)
        #expect(try sandbox.inspect(staging)?.imageReference == "opsdeck-test/web:1.5.0")
    }

    @Test func quittingWhileAStepRunsFinishesItJournalsItAndThenQuits() throws {
        let sandbox = try ActionSandbox()
        defer { sandbox.remove() }
        let (session, staging) = try Self.deployWaiting(sandbox)
        // q while the wait runs: the wait finishes, nothing after it starts (the old container stays
        // aside), and the journal has the end.
        try session.keys("q")
        #expect(session.waitForExit(timeout: .seconds(60)))
        try Self.expectStepFinished(sandbox, staging: staging)
    }

    /// The SSH link dropping is the terminal going away: tmux's server killed mid-deploy sends the
    /// console SIGHUP. The running step still finishes, and the journal has the action's end.
    @Test func aHangupDuringAStepStillFinishesAndJournalsIt() throws {
        let sandbox = try ActionSandbox()
        defer { sandbox.remove() }
        let (session, staging) = try Self.deployWaiting(sandbox)
        session.stop()
        let deadline = ContinuousClock.now + .seconds(60)
        // Until its end line is written, the journal reads an action as interrupted.
        while ContinuousClock.now < deadline, [nil, .interrupted].contains(try sandbox.journalActions().first?.outcome) {
            Thread.sleep(forTimeInterval: 0.2)
        }
        try Self.expectStepFinished(sandbox, staging: staging)
    }
}
