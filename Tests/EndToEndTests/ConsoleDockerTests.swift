import Foundation
import Testing

/// The console on the real test engine, as a user sees it in a terminal: the shared scenario's
/// compose projects through a configuration, and a health change that shows up by itself.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun, DockerEngine.missing))
struct ConsoleDockerTests {
    /// The console in tmux, working in `folder`, talking to the test engine.
    static func startConsole(_ arguments: String, in folder: ScratchFolder, columns: Int = 160, rows: Int = 48) throws
        -> TmuxSession {
        let home = folder.path + "/home"
        return try TmuxSession(try opsdeckCommand(arguments), columns: columns, rows: rows,
                               environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/.config",
                                             "DOCKER_HOST": try DockerEngine.requireHost()],
                               remainOnExit: true, currentDirectory: folder.path)
    }

    /// The row of the Services table for `service` in `environment`, if shown.
    static func row(_ screen: String, _ service: String, _ environment: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "│" })
            return words.count > 2 && words[0] == service && words[1] == environment
        }
    }

    @Test func aConfigurationShowsEachServiceInEachEnvironment() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        try folder.write("opsdeck.yml", """
            environments:
              staging: {}
              production: { protected: true }
            services:
              api:
                staging:    { provider: docker, project: \(scenario.stagingProject), service: api }
                production: { provider: docker, project: \(scenario.productionProject), service: api }
              worker:
                staging:    { provider: docker, project: \(scenario.stagingProject), service: worker }
                production: { provider: docker, project: \(scenario.productionProject), service: worker }
            """)
        let session = try Self.startConsole("--poll 3600", in: folder)
        #expect(session.waitUntil("four healthy rows", timeout: .seconds(20)) { screen in
            [("api", "staging", "1.5.0"), ("api", "production", "1.4.0"), ("worker", "staging", "1.5.0"),
             ("worker", "production", "1.4.0")].allSatisfy { service, environment, version in
                guard let row = Self.row(screen, service, environment) else { return false }
                return row.contains(version) && row.contains("running") && row.contains("healthy") && row.contains("1/1")
            }
        })
        // The first row (api in staging) is selected: its history, details and live logs.
        #expect(session.waitFor("History · api/staging", timeout: .seconds(10)))
        #expect(session.waitFor(scenario.composeContainer(scenario.stagingProject, "api"), timeout: .seconds(10)))
        #expect(session.waitFor("role=api version=1.5.0", timeout: .seconds(15)))
        // Down to production: the logs follow the selection.
        try session.keys("j")
        #expect(session.waitFor("role=api version=1.4.0", timeout: .seconds(15)))
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }

    @Test func aContainerTurningUnhealthyShowsWithoutAKeyPress() throws {
        let scenario = try DockerScenario.get()
        let name = scenario.run + "-flip"
        try DockerEngine.docker(["run", "-d", "--name", name, "--network", "host",
                                 "--label", "\(DockerScenario.runLabel)=\(scenario.run)", "opsdeck-test/web:1.5.0"])
        defer { _ = try? DockerEngine.docker(["rm", "-f", name]) }
        let folder = try ScratchFolder()
        // Discovery, and no poll within the test's time: only `docker events` can bring the change.
        let session = try Self.startConsole("--poll 3600", in: folder, columns: 200, rows: 60)
        #expect(session.waitUntil("\(name) healthy", timeout: .seconds(30)) { screen in
            Self.row(screen, name, "local")?.contains(" healthy") == true
        })
        try DockerEngine.docker(["exec", name, "rm", "/www/health"])
        // The health column rolls the container's unhealthy up into failing.
        #expect(session.waitUntil("\(name) failing", timeout: .seconds(30)) { screen in
            Self.row(screen, name, "local")?.contains("failing") == true
        })
        try session.keys("q")
        #expect(session.waitForExit())
    }
}
