import Foundation
import OpsCore
import Testing

/// The README's walkthrough on the real demo services, in a real terminal: the fleet comes up
/// healthy with its logs flowing, the bad version deployed to staging turns its error rate and
/// probes red, the promotion is blocked by its gates, the rollback offered on R restores health,
/// and quitting leaves no process behind. The services' clocks run 20 times faster.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is needed to drive the console"))
struct DemoWalkthroughTests {
    @Test func badVersionThenBlockedPromotionThenRollback() throws {
        let folder = try ScratchFolder()
        let temporary = folder.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let environment = ["HOME": folder.path + "/home", "XDG_STATE_HOME": folder.path + "/state", "TMPDIR": temporary + "/"]
        let session = try TmuxSession(try opsdeckCommand("demo --time-scale 20"), columns: 160, rows: 48,
                                      environment: environment, remainOnExit: true, currentDirectory: folder.path)
        defer { session.stop() }
        func apiStaging(_ screen: String) -> String { ConsoleDockerTests.row(screen, "api", "staging") ?? "" }

        #expect(session.waitUntil("six healthy services", timeout: .seconds(60)) { screen in
            ["api", "web", "worker"].allSatisfy { service in
                ["staging", "production"].allSatisfy { ConsoleDockerTests.row(screen, service, $0)?.contains("healthy") == true }
            }
        })
        #expect(session.waitFor("request completed", timeout: .seconds(20)), "api/staging's logs flow")
        let demoFolder = try #require(try FileManager.default.contentsOfDirectory(atPath: temporary).first)
        let pids = DemoCommandTests.instancePIDs(under: temporary + "/" + demoFolder + "/local")

        // Deploy the bad version to staging (the first row).
        try ConsoleActionsTests.deploy("1.5.0", from: "1.4.0", in: session)
        #expect(session.waitFor("deploy api/staging 1.4.0 -> 1.5.0: done", timeout: .seconds(60)))
        try session.keys("Escape")
        #expect(session.waitUntil("api/staging failing", timeout: .seconds(60)) { screen in
            apiStaging(screen).contains("1.5.0") && apiStaging(screen).contains("failing")
        })

        // Promote is blocked: red gates, and only a typed override would run it.
        try session.keys("p")
        #expect(session.waitUntil("the red gates", timeout: .seconds(20)) { screen in
            screen.contains("promote api/production") && screen.contains("type 'override api' then Enter")
                && (screen.contains("source metrics: critical") || screen.contains("source probes: health"))
        })
        try session.keys("Enter")
        #expect(session.waitFor("type 'override api' to run it", timeout: .seconds(10)))
        try session.keys("Escape")

        // The watch window offers the rollback on R.
        #expect(session.waitFor("R rolls back to 1.4.0", timeout: .seconds(30)))
        try session.keys("R")
        #expect(session.waitFor("rollback api/staging 1.5.0 -> 1.4.0", timeout: .seconds(20)))
        try session.keys("y")
        #expect(session.waitFor("rollback api/staging 1.5.0 -> 1.4.0: done", timeout: .seconds(60)))
        try session.keys("Escape")
        #expect(session.waitUntil("api/staging healthy again", timeout: .seconds(60)) { screen in
            apiStaging(screen).contains("1.4.0") && apiStaging(screen).contains("healthy")
        })

        let allPIDs = pids + DemoCommandTests.instancePIDs(under: temporary + "/" + demoFolder + "/local")
        try session.keys("q")
        #expect(session.waitForExit(timeout: .seconds(30)))
        #expect(session.exitStatus == 0)
        for pid in allPIDs { #expect(processIsGone(pid), "pid \(pid) outlived the demo") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}
