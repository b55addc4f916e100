import Foundation
import Testing

/// The console when its engine cannot be used: each failure is a line in the pane, never a crash
/// or a frozen screen. No Docker engine is needed: these engines are broken on purpose.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ConsoleFailureTests {
    /// Starts the console (discovery: the folder has no opsdeck.yml) with `environment`.
    /// `path` replaces PATH for opsdeck alone (a login shell in the pane would reset it).
    static func startConsole(in folder: ScratchFolder, environment: [String: String], path: String? = nil,
                             arguments: String = "", columns: Int = 120, rows: Int = 30) throws -> TmuxSession {
        let home = folder.path + "/home" // no config of the user's own is read
        let pathSetting = path.map { "env PATH=" + shellQuoted($0) + " " } ?? ""
        return try TmuxSession(pathSetting + (try opsdeckCommand("--poll 3600 " + arguments)), columns: columns, rows: rows,
                               environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/.config"].merging(environment) { _, new in new },
                               remainOnExit: true, currentDirectory: folder.path)
    }

    @Test func anEngineThatNeverAnswersCostsThePaneItsDataNotTheKeys() throws {
        let folder = try ScratchFolder()
        let silent = try SilentSocketServer()
        defer { silent.stop() }
        let session = try Self.startConsole(in: folder, environment: ["DOCKER_HOST": silent.dockerHost], arguments: "--timeout 3")
        #expect(session.waitFor("discovery"))
        // While docker hangs, the keys work: the help opens and closes at once.
        try session.keys("?")
        #expect(session.waitFor("next pane", timeout: .seconds(3)))
        try session.keys("Escape")
        #expect(session.waitUntil("the help closed", timeout: .seconds(3)) { !$0.contains("next pane") })
        // Then docker's deadline (--timeout 3) passes and the pane says so.
        #expect(session.waitFor("did not answer within 3s", timeout: .seconds(30)))
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }

    @Test func aMissingDockerIsNamed() throws {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/empty-bin", withIntermediateDirectories: true)
        let session = try Self.startConsole(in: folder, environment: [:], path: folder.path + "/empty-bin")
        #expect(session.waitFor("docker: command not found", timeout: .seconds(10)))
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }

    @Test func aStoppedEngineShowsDockersOwnWords() throws {
        let folder = try ScratchFolder()
        let session = try Self.startConsole(in: folder, environment: ["DOCKER_HOST": "unix://\(folder.path)/no-such.sock"],
                                            columns: 80, rows: 24)
        #expect(session.waitFor("Cannot connect to the Docker daemon", timeout: .seconds(10)))
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }
}
