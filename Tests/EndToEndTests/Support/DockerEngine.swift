import Foundation
import Glibc
import OpsCore
import Testing

/// The Docker engine the end-to-end tests talk to: the private one `scripts/test` starts with
/// `scripts/docker-engine`, found through `OPSDECK_TEST_DOCKER_HOST`. The user's own `DOCKER_HOST`
/// is never used: these tests make and remove containers.
enum DockerEngine {
    static let hostVariable = "OPSDECK_TEST_DOCKER_HOST"

    /// `unix:///…/docker.sock` of the test engine, when one was started.
    static var host: String? {
        guard let host = ProcessInfo.processInfo.environment[hostVariable], !host.isEmpty else { return nil }
        return host
    }

    /// Suites that need the engine run when there is one, and always in CI (`CI=true`), where a
    /// missing engine must fail the run loudly instead of skipping the Docker tests.
    static var shouldRun: Bool {
        host != nil || ProcessInfo.processInfo.environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    /// Why the suites did not run, as the skip report says it.
    static let missing: Comment = """
        no Docker engine for the tests: \(hostVariable) is unset (scripts/test starts one; by hand: \
        scripts/docker-engine start && eval "$(scripts/docker-engine env)")
        """

    static func requireHost() throws -> String {
        guard let host else { throw DockerEngineError.unavailable }
        return host
    }

    /// Commands the adapter builds, aimed at the test engine.
    static func endpoint() throws -> DockerEndpoint { DockerEndpoint(host: try requireHost()) }

    /// Starts `executable` (`docker`, `docker-compose`) with `DOCKER_HOST` set to the test engine.
    static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> ChildProcess {
        try ChildProcess(executable, arguments, environment: environment.merging(["DOCKER_HOST": try requireHost()]) { $1 })
    }

    /// Runs `docker ARGUMENTS` to its end; throws with docker's own words when it fails.
    @discardableResult
    static func docker(_ arguments: [String], timeout: Duration = .seconds(60)) throws -> ChildResult {
        try finish(try start("docker", arguments), timeout: timeout)
    }

    /// Waits for a started child; throws when it overran `timeout` or exited non-zero.
    @discardableResult
    static func finish(_ child: ChildProcess, timeout: Duration = .seconds(60)) throws -> ChildResult {
        let result = child.waitKillingOnOverrun(timeout: timeout)
        guard !result.timedOut else { throw DockerEngineError.timedOut(child.commandLine) }
        guard result.exitCode == 0 else { throw DockerEngineError.failed(child.commandLine, result.stderrText) }
        return result
    }

    /// Polls `condition` every 0.2 s until it holds; throws `notReady(what)` after `timeout`.
    static func poll(_ what: String, timeout: Duration = .seconds(60), until condition: () throws -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while try !condition() {
            guard ContinuousClock.now < deadline else { throw DockerEngineError.notReady(what) }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}

enum DockerEngineError: Error, CustomStringConvertible {
    case unavailable
    case failed(String, String)
    case timedOut(String)
    case notReady(String)

    var description: String {
        switch self {
        case .unavailable: "\(DockerEngine.missing)"
        case .failed(let command, let stderr): "`\(command)` failed: \(stderr)"
        case .timedOut(let command): "`\(command)` did not finish in time"
        case .notReady(let what): "timed out waiting for \(what)"
        }
    }
}
