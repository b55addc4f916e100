import Foundation
import Glibc
import OpsCore
import Testing

/// The containers the Docker end-to-end tests look at, made once per test process on the test
/// engine and shared by every suite (they only read it), all named `<run>-…` with a fresh `run` and
/// labelled `org.opsdeck.test.run=<run>`:
///
/// - compose v1 projects `<run>-staging` (web 1.5.0) and `<run>-production` (web 1.4.0), each with
///   the services `api` and `worker` (Tests/docker/compose: host network, 1-second healthcheck),
///   all healthy;
/// - `<run>-sick`: web 1.5.0 made unhealthy by deleting its health file with `docker exec`;
/// - `<run>-crashloop`: prints a JSON error and exits 1 under `--restart on-failure`, restarted at
///   least twice;
/// - `<run>-logger`: prints a JSON line every 0.2 s.
///
/// Everything is started at once and waited for by polling; at exit the run's containers are
/// removed (the engine's own `stop` removes any that remain).
final class DockerScenario: Sendable {
    static let runLabel = "org.opsdeck.test.run"

    /// Unique per test process: compose and container names allow `[a-z0-9_-]`.
    static let run: String = "odt" + String(UInt32.random(in: 0...UInt32.max), radix: 16)

    private static let shared: Result<DockerScenario, any Error> = Result { try DockerScenario() }

    /// The scenario, made by the first caller; throws (failing the test) when there is no engine or
    /// the scenario could not be set up.
    static func get() throws -> DockerScenario {
        _ = try DockerEngine.requireHost()
        return try shared.get()
    }

    var run: String { Self.run }
    var stagingProject: String { run + "-staging" }
    var productionProject: String { run + "-production" }
    var sick: String { run + "-sick" }
    var crashLoop: String { run + "-crashloop" }
    var logger: String { run + "-logger" }
    /// `--filter label=org.opsdeck.test.run=<run>`: this run's containers only.
    var labelFilter: [String] { ["--filter", "label=\(Self.runLabel)=\(run)"] }

    /// Compose v1 names its containers `<project>_<service>_<n>`.
    func composeContainer(_ project: String, _ service: String) -> String { "\(project)_\(service)_1" }

    var composeContainers: [String] {
        [stagingProject, productionProject].flatMap { project in ["api", "worker"].map { composeContainer(project, $0) } }
    }

    private init() throws {
        atexit { DockerScenario.removeContainers() }
        try startContainers()
        try DockerEngine.poll("the scenario's containers to be healthy and the crash loop to restart") {
            let details = try inspect(composeContainers + [sick, crashLoop, logger])
            func health(_ name: String) -> HealthState? { details[name]?.state.health?.state }
            return composeContainers.allSatisfy { health($0) == .healthy } && health(sick) == .healthy
                && (details[crashLoop]?.restartCount ?? 0) >= 2 && details[logger]?.state.status == "running"
        }
        try DockerEngine.docker(["exec", sick, "rm", "/www/health"])
        try DockerEngine.poll("\(sick) to turn unhealthy") { try inspect([sick])[sick]?.state.health?.state == .unhealthy }
    }

    /// All at once: two `docker-compose up` (a second each) beside three `docker run`.
    private func startContainers() throws {
        let composeFile = Self.repository + "/Tests/docker/compose/docker-compose.yml"
        let label = ["--label", "\(Self.runLabel)=\(run)"]
        func compose(_ project: String, version: String) throws -> ChildProcess {
            try DockerEngine.start("docker-compose", ["-p", project, "-f", composeFile, "up", "-d"],
                                   environment: ["OPSDECK_TEST_RUN": run, "WEB_VERSION": version])
        }
        func docker(_ name: String, _ arguments: [String]) throws -> ChildProcess {
            try DockerEngine.start("docker", ["run", "-d", "--name", name, "--network", "host"] + label + arguments)
        }
        let children = [
            try compose(stagingProject, version: "1.5.0"),
            try compose(productionProject, version: "1.4.0"),
            try docker(sick, ["opsdeck-test/web:1.5.0"]),
            try docker(crashLoop, ["--restart", "on-failure", "opsdeck-test/busybox:1", "sh", "-c",
                                   #"echo '{"level":"error","msg":"cannot connect to the database"}'; exit 1"#]),
            try docker(logger, ["opsdeck-test/busybox:1", "sh", "-c",
                                #"n=0; while :; do n=$((n+1)); echo "{\"level\":\"info\",\"msg\":\"request served\",\"n\":$n}"; sleep 0.2; done"#]),
        ]
        for child in children { try DockerEngine.finish(child) }
    }

    /// One `docker inspect` of `names`, by name.
    private func inspect(_ names: [String]) throws -> [String: DockerContainerDetails] {
        let output = try DockerEngine.docker(["inspect", "--type", "container"] + names).stdout
        return Dictionary(try DockerContainerDetails.parse(inspectOutput: output).map { ($0.name, $0) }) { first, _ in first }
    }

    private static func removeContainers() {
        guard let child = try? DockerEngine.start("docker", ["ps", "-aq", "--filter", "label=\(runLabel)=\(run)"]),
              let listed = try? DockerEngine.finish(child, timeout: .seconds(20)) else { return }
        let ids = listed.stdoutText.split(separator: "\n").map(String.init)
        guard !ids.isEmpty, let remover = try? DockerEngine.start("docker", ["rm", "-f"] + ids) else { return }
        _ = try? DockerEngine.finish(remover, timeout: .seconds(30))
    }

    /// The package's folder, three levels above this file (Tests/EndToEndTests/Support).
    private static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
}
