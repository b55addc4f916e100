import Foundation
import OpsCore
import OpsUI

/// `opsdeck-bench console`: what the console costs on an engine with N containers. It starts N
/// idle containers (labelled, removed at the end) on the engine `DOCKER_HOST` names, then times
/// `docker ps` and `docker inspect` themselves, opsdeck's parse and render of their output in
/// process, and the real console in tmux from its start to the frame that lists them all.
enum ConsoleBenchmark {
    static func run(_ options: ConsoleOptions) async throws {
        guard ProcessInfo.processInfo.environment["DOCKER_HOST"] != nil else {
            throw BenchError("set DOCKER_HOST to an engine the bench may start containers on (scripts/docker-engine start)")
        }
        guard let docker = ToolLocator.findOnPath("docker") else { throw BenchError("docker is not installed") }
        guard let opsdeck = ToolLocator.sibling(named: "opsdeck") else {
            throw BenchError("no opsdeck next to opsdeck-bench: swift build -c release --product opsdeck")
        }
        let run = "odb" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let fleet = BenchFleet(docker: docker, run: run)
        defer { fleet.removeAll() }
        printToStandardError("starting \(options.containers) containers…")
        try fleet.start(options.containers, image: options.image)

        // The CLI alone.
        let ids = try fleet.ids()
        let ps = try median(options.runs) { try fleet.time([docker, "ps", "-a", "--no-trunc", "--format", "{{json .}}"]) }
        let inspect = try median(options.runs) { try fleet.time([docker, "inspect", "--type", "container"] + ids) }

        // opsdeck in process: the same calls through the provider, then parse + build alone
        // (the outputs replayed), then one render of the screen they make.
        let live = LiveCommandRunner()
        var listed: [ServiceSnapshot] = []
        let providerSeconds = try await medianAsync(options.runs) {
            let started = MonotonicClock.now()
            listed = try await DockerProvider(discoveringWith: live).services()
            return MonotonicClock.seconds(since: started)
        }
        let recorder = RecordingRunner(live)
        _ = try await DockerProvider(discoveringWith: recorder).services()
        let replay = recorder.replay
        let parseSeconds = try await medianAsync(20) {
            let started = MonotonicClock.now()
            _ = try await DockerProvider(discoveringWith: replay).services()
            return MonotonicClock.seconds(since: started)
        }
        var state = DashboardState(discovery: true)
        _ = DashboardReducer.reduce(&state, .tick(LogTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9))))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(listed, at: state.now ?? LogTimestamp(nanosecondsSinceEpoch: 0)))
        let renderSeconds = try median(20) {
            let started = MonotonicClock.now()
            _ = DashboardRenderer.render(state, size: Size(columns: 200, rows: 60))
            return MonotonicClock.seconds(since: started)
        }

        // The real console: from starting it to the frame whose Services title counts them all.
        let firstFrame = try ConsoleStartTimer(opsdeck: opsdeck, expected: listed.count).measure()

        print("opsdeck-bench console: \(options.containers) containers (\(listed.count) services listed), engine \(ProcessInfo.processInfo.environment["DOCKER_HOST"] ?? "")")
        print("measurement                                        median ms")
        print(String(repeating: "-", count: 64))
        print(String(format: "docker ps -a --no-trunc --format '{{json .}}'        %9.1f", ps * 1000))
        print(String(format: "docker inspect (all containers, one call)           %9.1f", inspect * 1000))
        print(String(format: "opsdeck: list services through the provider        %9.1f", providerSeconds * 1000))
        print(String(format: "opsdeck: parse + build those outputs (replayed)     %9.1f", parseSeconds * 1000))
        print(String(format: "opsdeck: render the 200x60 dashboard                %9.1f", renderSeconds * 1000))
        print(String(format: "opsdeck in tmux: start to the full services frame   %9.1f", firstFrame * 1000))
    }

    static func median(_ runs: Int, _ measure: () throws -> Double) throws -> Double {
        var values: [Double] = []
        for _ in 0..<max(1, runs) { values.append(try measure()) }
        return values.sorted()[values.count / 2]
    }

    static func medianAsync(_ runs: Int, _ measure: () async throws -> Double) async throws -> Double {
        var values: [Double] = []
        for _ in 0..<max(1, runs) { values.append(try await measure()) }
        return values.sorted()[values.count / 2]
    }
}

struct ConsoleOptions {
    var containers = 50
    var runs = 5
    var image = "opsdeck-test/busybox:1"
}

/// The bench's own containers, all labelled with its run so that exactly they are removed.
struct BenchFleet {
    let docker: String
    let run: String
    var label: String { "org.opsdeck.bench=\(run)" }

    /// Starts `count` idle containers, eight `docker run` at a time.
    func start(_ count: Int, image: String) throws {
        let failed = LockedValue<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { lane in
            for index in stride(from: lane, to: count, by: 8) {
                let argv = [docker, "run", "-d", "--label", label, "--name", "\(run)-\(index)", image, "sleep", "3600"]
                if let result = try? ChildProcess.run(argv), result.termination == .exited(0) { continue }
                failed.withLock { $0.append("\(run)-\(index)") }
            }
        }
        if let first = failed.value.first { throw BenchError("docker run failed for \(first)") }
    }

    func ids() throws -> [String] {
        let path = try TemporaryPaths.file(prefix: "opsdeck-bench-ids", suffix: ".txt")
        defer { unlink(path) }
        _ = try ChildProcess.run([docker, "ps", "-aq", "--no-trunc", "--filter", "label=\(label)"], standardOutput: .file(path))
        return (try String(contentsOfFile: path, encoding: .utf8)).split(separator: "\n").map(String.init)
    }

    func time(_ argv: [String]) throws -> Double {
        let result = try ChildProcess.run(argv)
        guard result.termination == .exited(0) else { throw BenchError("\(argv.prefix(3)) failed: \(result.standardErrorHead)") }
        return result.wallSeconds
    }

    func removeAll() {
        guard let ids = try? ids(), !ids.isEmpty else { return }
        _ = try? ChildProcess.run([docker, "rm", "-f"] + ids)
    }
}

/// Runs the console in tmux (discovery, on the bench's DOCKER_HOST) and times it from launch to
/// the first frame whose Services title counts `expected` services.
struct ConsoleStartTimer {
    let opsdeck: String
    let expected: Int

    func measure() throws -> Double {
        let tmux = TmuxScreen(socket: "opsdeck-bench-console-\(getpid())", columns: 200, rows: 60)
        defer { tmux.stop() }
        let folder = try TemporaryPaths.makeDirectory(prefix: "opsdeck-bench-console")
        defer { _ = try? FileManager.default.removeItem(atPath: folder) }
        let started = MonotonicClock.now()
        try tmux.start([opsdeck, "--poll", "3600"], directory: folder, environment: ["XDG_CONFIG_HOME": folder])
        while MonotonicClock.seconds(since: started) < 30 {
            if let count = Self.servicesCount(tmux.screen()), count >= expected { return MonotonicClock.seconds(since: started) }
        }
        throw BenchError("the console did not list \(expected) services within 30 s:\n\(tmux.screen())")
    }

    /// The count at the end of the Services pane's title (`─ 1 Services · 0s ago · 50 ─`).
    static func servicesCount(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Services ·") }),
              let title = line.split(separator: "┐").first(where: { $0.contains("Services ·") }) else { return nil }
        // Wide screens put History's title on the same line, after the Services pane's corner.
        let parts = title.split(separator: "·")
        guard let last = parts.last, parts.count >= 3 else { return nil }
        return Int(last.filter(\.isNumber))
    }
}

/// Passes commands to a runner and keeps their results, to replay them without the CLI.
final class RecordingRunner: CommandRunner, @unchecked Sendable {
    private let inner: any CommandRunner
    private let lock = NSLock()
    private var results: [[String]: CommandResult] = [:]

    init(_ inner: any CommandRunner) { self.inner = inner }

    func run(_ command: Command) async throws -> CommandResult {
        let result = try await inner.run(command)
        lock.withLock { results[command.argv] = result }
        return result
    }

    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        try await inner.stream(command, onLine: onLine)
    }

    var replay: ReplayRunner { ReplayRunner(lock.withLock { results }) }
}

/// Answers each command with the recorded result of the same argv.
struct ReplayRunner: CommandRunner {
    let results: [[String]: CommandResult]

    init(_ results: [[String]: CommandResult]) { self.results = results }

    func run(_ command: Command) async throws -> CommandResult {
        guard let result = results[command.argv] else { throw BenchError("nothing recorded for \(command)") }
        return result
    }

    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        try await run(command)
    }
}
