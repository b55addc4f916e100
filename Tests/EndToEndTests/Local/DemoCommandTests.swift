import Foundation
import Glibc
import OpsCore
import Testing

/// `opsdeck demo` as a user runs it: the console on six local services in tmux, and quitting
/// leaves no process and no folder behind. The stand-in service replaces `opsdeck demo-service`
/// (same flags) through the hidden `--service-command`.
@Suite(.enabled(if: LocalStackSandbox.shouldRun && TmuxSession.shouldRun, "python3 and tmux are needed"), .serialized)
struct DemoCommandTests {
    @Test func printConfigShowsAValidConfiguration() throws {
        let result = try OpsdeckBinary.run(["demo", "--print-config"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let config = try ConfigLoader.parse(text: result.stdoutText, file: "demo.yml")
        #expect(config.environments.map(\.name) == ["staging", "production"])
        #expect(config.environment(named: "production")?.protected == true)
        #expect(config.services.map(\.name) == ["api", "web", "worker"])
        var loggers: Set<String> = []
        var ports: Set<Int> = []
        for service in config.services {
            for environment in ["staging", "production"] {
                guard case .local(let target)? = service.target(in: environment) else {
                    Issue.record("\(service.name)/\(environment) is not local")
                    continue
                }
                #expect(target.command.dropFirst().first == "demo-service")
                #expect(target.version == "1.4.0" && target.offeredVersions.contains("1.5.0"))
                if let index = target.command.firstIndex(of: "--logger"), index + 1 < target.command.count {
                    loggers.insert(target.command[index + 1])
                }
                ports.insert(target.port)
            }
            #expect(service.probes.map(\.name) == ["health", "ready"])
        }
        #expect(loggers.count == 3 && ports.count == 6)
    }

    @Test func theConsoleListsSixServicesAndQuittingLeavesNothing() throws {
        let folder = try ScratchFolder()
        let python3 = try #require(LocalStackSandbox.python3)
        let standIn = folder.path + "/standin"
        try ("#!" + python3 + "\n" + LocalStandInService.script).write(toFile: standIn, atomically: true, encoding: .utf8)
        chmod(standIn, 0o755)
        let temporary = folder.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let environment = ["HOME": folder.path + "/home", "XDG_STATE_HOME": folder.path + "/state", "TMPDIR": temporary + "/"]

        for run in 1...2 {
            let session = try TmuxSession(try opsdeckCommand("demo --service-command " + shellQuoted(standIn)), columns: 160,
                                          rows: 48, environment: environment, remainOnExit: true, currentDirectory: folder.path)
            defer { session.stop() }
            #expect(session.waitUntil("six running services (run \(run))", timeout: .seconds(60)) { screen in
                ["api", "web", "worker"].allSatisfy { service in
                    ["staging", "production"].allSatisfy { environment in
                        ConsoleDockerTests.row(screen, service, environment)?.contains("running") == true
                    }
                }
            })
            // The first row's logs flow in the log pane.
            #expect(session.waitFor("listening", timeout: .seconds(20)))
            let demoFolders = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("opsdeck-demo-") }
            #expect(demoFolders.count == 1, "a fresh folder each run, the last one removed: \(demoFolders)")
            let pids = try #require(demoFolders.first.map { Self.instancePIDs(under: temporary + "/" + $0 + "/local") })
            #expect(pids.count == 6)
            for pid in pids { #expect(FileManager.default.fileExists(atPath: "/proc/\(pid)")) }
            // Nothing of the user's own state is touched: the journal and locks are the demo's.
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/state/opsdeck"))

            try session.keys("q")
            #expect(session.waitForExit(timeout: .seconds(30)))
            #expect(session.exitStatus == 0)
            for pid in pids { #expect(processIsGone(pid), "pid \(pid) outlived the demo") }
            let left = try FileManager.default.contentsOfDirectory(atPath: temporary)
            #expect(left.isEmpty, "the demo's folder is removed: \(left)")
        }
    }

    /// The terminal going away (the SSH link dropped) ends the demo by SIGHUP: its fleet and its
    /// folder go with it.
    @Test func aHangupStopsTheFleetAndRemovesTheFolder() throws {
        let folder = try ScratchFolder()
        let python3 = try #require(LocalStackSandbox.python3)
        let standIn = folder.path + "/standin"
        try ("#!" + python3 + "\n" + LocalStandInService.script).write(toFile: standIn, atomically: true, encoding: .utf8)
        chmod(standIn, 0o755)
        let temporary = folder.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let environment = ["HOME": folder.path + "/home", "XDG_STATE_HOME": folder.path + "/state", "TMPDIR": temporary + "/"]
        let session = try TmuxSession(try opsdeckCommand("demo --service-command " + shellQuoted(standIn)), columns: 120,
                                      rows: 40, environment: environment, currentDirectory: folder.path)
        #expect(session.waitUntil("six running services", timeout: .seconds(60)) { screen in
            ConsoleDockerTests.row(screen, "worker", "production")?.contains("running") == true
        })
        let demo = try #require(try FileManager.default.contentsOfDirectory(atPath: temporary).first)
        let pids = Self.instancePIDs(under: temporary + "/" + demo + "/local")
        #expect(pids.count == 6)
        session.stop()
        for pid in pids { #expect(processIsGone(pid, timeout: .seconds(30)), "pid \(pid) outlived the demo") }
        // The folder is removed once the fleet has stopped.
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, !((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the demo's folder is removed")
    }

    /// Every instance record under a local state folder.
    static func instancePIDs(under root: String) -> [Int32] {
        let store = LocalStateStore(layout: LocalStateLayout(root: root))
        return ["api", "web", "worker"].flatMap { service in
            ["staging", "production"].flatMap { store.instances(of: ServiceKey(service: service, environment: $0)).map(\.pid) }
        }
    }
}
