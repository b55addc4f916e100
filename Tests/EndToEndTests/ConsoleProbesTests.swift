import Foundation
import Testing

/// The console's Probes pane and health column against real endpoints (the nginx of
/// scripts/tls-endpoints) and the real test engine, read from the terminal as a user would.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun && ProbeTestEndpoints.shouldRun,
                "needs the test engine, tmux and the TLS endpoints"))
struct ConsoleProbesTests {
    /// api probed over https (valid certificate) in staging and plain http in production; worker
    /// checks a fixed URL that answers 503, which counts for both its environments.
    static func configuration(_ scenario: DockerScenario) throws -> String {
        """
        environments:
          staging: {}
          production: {}
        services:
          api:
            staging:    { provider: docker, project: \(scenario.stagingProject), service: api, base_url: "\(try ProbeTestEndpoints.validBase())" }
            production: { provider: docker, project: \(scenario.productionProject), service: api, base_url: "\(try ProbeTestEndpoints.httpBase())" }
            probes:
              - { name: health, url: /health, interval: 1s, timeout: 1s }
          worker:
            staging:    { provider: docker, project: \(scenario.stagingProject), service: worker }
            production: { provider: docker, project: \(scenario.productionProject), service: worker }
            probes:
              - { name: fail, url: "\(try ProbeTestEndpoints.httpBase())/fail", interval: 1s, timeout: 1s, consecutive: 2 }
        """
    }

    static func startConsole(in folder: ScratchFolder, columns: Int, rows: Int) throws -> TmuxSession {
        let home = folder.path + "/home"
        var environment = try ProbeTestEndpoints.trustingTheTestCA()
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["DOCKER_HOST"] = try DockerEngine.requireHost()
        return try TmuxSession(try opsdeckCommand("--poll 3600"), columns: columns, rows: rows, environment: environment,
                               remainOnExit: true, currentDirectory: folder.path)
    }

    @Test func probesShowInTheirPaneAndRollIntoTheHealthColumn() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        try folder.write("opsdeck.yml", try Self.configuration(scenario))
        let session = try Self.startConsole(in: folder, columns: 160, rows: 48)
        // The failing probe turns worker/production's health failing; api stays healthy.
        #expect(session.waitUntil("worker production failing", timeout: .seconds(30)) { screen in
            ConsoleDockerTests.row(screen, "worker", "production")?.contains("failing") == true
                && ConsoleDockerTests.row(screen, "api", "staging")?.contains("healthy") == true
        })
        #expect(session.waitFor("5 Probes · 3 · 1 failing", timeout: .seconds(10)))
        let screen = try session.screen()
        let lines = screen.split(separator: "\n").map(String.init)
        let failing = lines.first { $0.contains("worker/fail") }
        #expect(failing?.contains("failing") == true)
        #expect(failing?.contains("status 503") == true)
        // The https probe is ok and reports its certificate's days left.
        #expect(session.waitUntil("api/staging/health ok with its certificate", timeout: .seconds(10)) { screen in
            let staging = screen.split(separator: "\n").first { $0.contains("api/staging/health") }
            return staging.map { $0.contains(" ok ") && $0.range(of: #"\b(29|30)d\b"#, options: .regularExpression) != nil } == true
        })
        // The failing probe's alert holds the status line until acknowledged; then 5 focuses the
        // pane and the filter narrows it.
        #expect(session.waitFor("ALERT worker/fail failing", timeout: .seconds(5)))
        try session.keys("a", "5")
        #expect(session.waitFor("PROBES", timeout: .seconds(5)))
        try session.keys("/", "api", "Enter")
        #expect(session.waitFor("5 Probes · 2 of 3", timeout: .seconds(5)))
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }

    @Test func at80x24TheFailingProbeIsStillInSight() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        try folder.write("opsdeck.yml", try Self.configuration(scenario))
        let session = try Self.startConsole(in: folder, columns: 80, rows: 24)
        #expect(session.waitUntil("the failing probe first in its pane", timeout: .seconds(30)) { screen in
            screen.contains("5 Probes") && screen.contains("worker/fail")
        })
        let screen = try session.screen()
        for line in screen.split(separator: "\n") { #expect(line.count <= 80) }
        try session.keys("q")
        #expect(session.waitForExit())
    }

    @Test func aFailingProbeRaisesABannerJournalsItAndRunsTheHook() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        try folder.write("hook.sh", """
            #!/bin/sh
            echo "$OPSDECK_ALERT $OPSDECK_SERVICE $OPSDECK_PROBE $OPSDECK_STATE" >> "\(folder.path)/hook.out"
            """)
        #expect(chmod(folder.path + "/hook.sh", 0o755) == 0)
        try folder.write("opsdeck.yml", try Self.configuration(scenario) + """

            journal_path: \(folder.path)/journal.jsonl
            alerts:
              bell: true
              on_alert: ["\(folder.path)/hook.sh"]
              hook_timeout: 5s
            """)
        let session = try Self.startConsole(in: folder, columns: 120, rows: 40)
        #expect(session.waitFor("ALERT worker/fail failing: status 503", timeout: .seconds(30)))
        #expect(session.waitFor("a ack", timeout: .seconds(5)))
        let deadline = ContinuousClock.now + .seconds(15)
        var hookOutput = ""
        while ContinuousClock.now < deadline {
            hookOutput = (try? String(contentsOfFile: folder.path + "/hook.out", encoding: .utf8)) ?? ""
            if !hookOutput.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(hookOutput == "raised worker fail failing\n")
        let journal = (try? String(contentsOfFile: folder.path + "/journal.jsonl", encoding: .utf8)) ?? ""
        #expect(journal.contains(#""phase":"alert""#) && journal.contains(#""probe":"fail""#))
        try session.keys("a")
        #expect(session.waitUntil("the banner acknowledged", timeout: .seconds(5)) { screen in
            !screen.contains("ALERT worker/fail") && screen.contains("acknowledged 1 alert")
        })
        try session.keys("q")
        #expect(session.waitForExit())
    }
}
