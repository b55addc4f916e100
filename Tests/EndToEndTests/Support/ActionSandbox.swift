import Foundation
import OpsCore
import Testing

/// A place for one end-to-end test of `opsdeck deploy|rollback|promote|status`: its own home,
/// state folder (journal, locks, compose overrides) and working folder, its own containers on the
/// test engine (named `<prefix>-…`, labelled with the prefix so `remove()` finds every one), and an
/// `opsdeck.yml` written by the test. The shared `DockerScenario` is never changed.
final class ActionSandbox {
    static let label = "org.opsdeck.test.actions"

    let root: URL
    let prefix: String
    let host: String

    var home: String { root.appendingPathComponent("home").path }
    var state: String { root.appendingPathComponent("state").path }
    var work: String { root.appendingPathComponent("work").path }
    var journal: String { state + "/opsdeck/journal.jsonl" }
    var locks: String { state + "/opsdeck/locks" }
    var config: String { work + "/opsdeck.yml" }
    var environment: [String: String] {
        ["HOME": home, "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path]
    }

    init() throws {
        host = try DockerEngine.requireHost()
        prefix = "oda" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-actions-\(prefix)")
        for folder in [home, state, work] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    /// Writes `opsdeck.yml`; `services` is the YAML under `services:`, indented by two.
    func writeConfig(environments: String, services: String) throws {
        try "environments:\n\(environments)\nservices:\n\(services)\n".write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// `host: …` for a docker target on the test engine.
    var hostSetting: String { "host: \"\(host)\"" }

    /// Runs `opsdeck ARGUMENTS --config opsdeck.yml` from the working folder, standard input /dev/null.
    func opsdeck(_ arguments: [String], timeout: Duration = .seconds(120),
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildResult {
        try OpsdeckBinary.run(arguments + ["--config", config], environment: environment, currentDirectory: work,
                              timeout: timeout, sourceLocation: sourceLocation)
    }

    /// `docker run -d` of a test web container named `<prefix>-name`, healthy before it returns;
    /// `network` nil: the engine's bridge (so two of them do not share the host's ports).
    @discardableResult
    func startWeb(_ name: String, version: String, network: String? = "host") throws -> String {
        let full = "\(prefix)-\(name)"
        try DockerEngine.docker(["run", "-d", "--name", full] + (network.map { ["--network", $0] } ?? [])
                                + ["--label", "\(Self.label)=\(prefix)", "-e", "ROLE=\(name)", "opsdeck-test/web:\(version)"])
        try waitHealthy(full)
        return full
    }

    /// `docker-compose up -d` of a project of one service `web` from a compose file in the working
    /// folder, healthy before it returns.
    @discardableResult
    func startCompose(_ project: String, version: String) throws -> String {
        let name = "\(prefix)-\(project)"
        let folder = work + "/" + project
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            version: "2.4"
            services:
              web:
                image: "opsdeck-test/web:\(version)"
                network_mode: host
                stop_grace_period: 1s
                environment:
                  ROLE: \(project)
                labels:
                  \(Self.label): "\(prefix)"
            """.write(toFile: folder + "/docker-compose.yml", atomically: true, encoding: .utf8)
        let child = try ChildProcess("docker-compose", ["-p", name, "up", "-d"],
                                     environment: ["DOCKER_HOST": host], currentDirectory: folder)
        try DockerEngine.finish(child)
        try waitHealthy(name + "_web_1")
        return name
    }

    func inspect(_ container: String) throws -> DockerContainerDetails? {
        let child = try DockerEngine.start("docker", ["inspect", "--type", "container", container])
        let result = child.waitKillingOnOverrun(timeout: .seconds(30))
        guard result.exitCode == 0 else { return nil }
        return try DockerContainerDetails.parse(inspectOutput: result.stdout).first
    }

    func waitHealthy(_ container: String) throws {
        try DockerEngine.poll("\(container) to be healthy") {
            try inspect(container)?.state.health?.state == .healthy
        }
    }

    /// The actions the journal holds, oldest first.
    func journalActions() throws -> [JournalAction] {
        try JournalReader.history(path: journal).actions
    }

    /// Removes the test's containers and files.
    func remove() {
        if let child = try? DockerEngine.start("docker", ["ps", "-aq", "--filter", "label=\(Self.label)=\(prefix)"]),
           let listed = try? DockerEngine.finish(child, timeout: .seconds(20)) {
            let ids = listed.stdoutText.split(separator: "\n").map(String.init)
            if !ids.isEmpty, let remover = try? DockerEngine.start("docker", ["rm", "-f"] + ids) {
                _ = try? DockerEngine.finish(remover, timeout: .seconds(30))
            }
        }
        try? FileManager.default.removeItem(at: root)
    }
}
