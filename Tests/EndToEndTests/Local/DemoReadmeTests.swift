import Foundation
import OpsCore
import Testing

/// The README's tour runs its headless commands against a running demo: they are read from the
/// README itself (the block under "Headless, on the demo"), the demo's folder put in for the
/// placeholder, and each must work as written.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is needed to run the demo"))
struct DemoReadmeTests {
    static let placeholder = "/tmp/opsdeck-demo-XXXXXX"

    /// The `opsdeck …` lines of the README's block after `heading`.
    static func commands(after heading: String) throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: heading))
        let open = try #require(readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        return readme[open.upperBound..<close.lowerBound].split(separator: "\n").map { line in
            line.split(separator: " ").map(String.init)
        }.filter { $0.first == "opsdeck" }
    }

    @Test func theTourHeadlessCommandsWorkOnTheDemo() throws {
        let commands = try Self.commands(after: "### Headless, on the demo")
        #expect(commands.count >= 3)
        let folder = try ScratchFolder()
        let temporary = folder.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let environment = ["HOME": folder.path + "/home", "XDG_STATE_HOME": folder.path + "/state", "TMPDIR": temporary + "/"]
        let session = try TmuxSession(try opsdeckCommand("demo"), columns: 160, rows: 48, environment: environment,
                                      remainOnExit: true, currentDirectory: folder.path)
        defer { session.stop() }
        #expect(session.waitUntil("six running services", timeout: .seconds(60)) { screen in
            ["api", "web", "worker"].allSatisfy { service in
                ["staging", "production"].allSatisfy { ConsoleDockerTests.row(screen, service, $0)?.contains("running") == true }
            }
        })
        let demo = temporary + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: temporary).first))
        for command in commands {
            let arguments = command.dropFirst().map { $0.replacingOccurrences(of: Self.placeholder, with: demo) }
            let result = try OpsdeckBinary.run(Array(arguments), environment: environment, timeout: .seconds(60))
            #expect(result.exitCode == 0, "\(command.joined(separator: " ")):\n\(result.stdoutText)\n\(result.stderrText)")
        }
        // What the commands did shows in the console.
        #expect(session.waitUntil("web/staging at 1.4.1", timeout: .seconds(30)) { screen in
            ConsoleDockerTests.row(screen, "web", "staging")?.contains("1.4.1") == true
        })
        try session.keys("q")
        #expect(session.waitForExit(timeout: .seconds(30)))
    }
}
