import Foundation
import Glibc

/// How a measured child ended.
enum ChildTermination: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)

    var succeeded: Bool { self == .exited(0) }

    var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}

/// One run of a child process: wall time around spawn…reap, CPU time from `wait4`, and the
/// child's own peak RSS.
struct ChildRun: Sendable {
    enum PeakSource: Sendable {
        /// `wait4`'s `ru_maxrss`, which exceeded the bench's own high-water mark and so is the
        /// child's exact peak.
        case wait4
        /// Sampled `VmHWM` (see `PeakRSSSampler`): the child stayed below the bench's own RSS.
        case sampled
    }

    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    var peakRSSBytes: Int
    var peakSource: PeakSource
    var termination: ChildTermination
    /// The start of what the child wrote on stderr, for the table's notes when it fails.
    var standardErrorHead: String
}

/// Spawns a command with `posix_spawn` and reaps it with `wait4`, whose `rusage` belongs to that
/// one child. (`getrusage(RUSAGE_CHILDREN)` would instead give the maximum over every child the
/// bench ever waited for, so the second tool would inherit the first one's peak.) Peak RSS also
/// needs `PeakRSSSampler`, because `ru_maxrss` starts at the bench's own high-water mark.
enum ChildProcess {
    enum Output {
        case discard
        case file(String)
    }

    /// Runs `argv` to its end. `environment` nil: the bench's own environment.
    static func run(_ argv: [String], environment: [String: String]? = nil,
                    standardOutput: Output = .discard) throws -> ChildRun {
        try start(argv, environment: environment, standardOutput: standardOutput).wait()
    }

    /// Starts `argv`; `wait()` on the result reaps it. For children that run until told to stop.
    static func start(_ argv: [String], environment: [String: String]? = nil,
                      standardOutput: Output = .discard) throws -> RunningChild {
        guard let executable = argv.first else { throw BenchError("empty command") }
        let stderrPath = try TemporaryPaths.file(prefix: "opsdeck-bench-stderr", suffix: ".txt")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        switch standardOutput {
        case .discard: posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let cEnvironment = (environment ?? ProcessInfo.processInfo.environment)
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }

        var pid: pid_t = 0
        let benchHighWater = ProcStatus.ownHighWaterBytes()
        let started = MonotonicClock.now()
        let spawnResult = posix_spawn(&pid, executable, &actions, nil, cArguments, cEnvironment)
        guard spawnResult == 0 else {
            unlink(stderrPath)
            throw BenchError.system("cannot start \(executable)", errno: spawnResult)
        }
        return RunningChild(pid: pid, executable: executable, started: started, benchHighWater: benchHighWater,
                            sampler: PeakRSSSampler(pid: pid), stderrPath: stderrPath)
    }

    /// Decodes a `wait` status (the W* macros are not imported into Swift).
    static func termination(_ status: Int32) -> ChildTermination {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

/// A child started by `ChildProcess.start`, not reaped yet.
struct RunningChild {
    let pid: pid_t
    let executable: String
    let started: timespec
    let benchHighWater: Int
    let sampler: PeakRSSSampler
    let stderrPath: String

    /// Sends `signal` (SIGINT to ask a watcher to finish).
    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Whether the child has ended, without reaping it (`wait` still can).
    var hasEnded: Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// SIGTERM, then SIGKILL if it has not ended within `grace` seconds, then reaped.
    @discardableResult
    func terminate(grace: Double) -> ChildRun? {
        send(SIGTERM)
        let started = MonotonicClock.now()
        while !hasEnded, MonotonicClock.seconds(since: started) < grace { usleep(20_000) }
        if !hasEnded { send(SIGKILL) }
        return try? wait()
    }

    /// Waits for the child to end and reaps it: wall time since the start, its CPU time and peak RSS.
    func wait() throws -> ChildRun {
        defer { unlink(stderrPath) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError.system("wait4 for \(executable)") }
        }
        let wall = MonotonicClock.seconds(since: started)
        let sampledPeak = sampler.finish()
        let reportedPeak = usage.ru_maxrss * 1024   // kilobytes on Linux
        let childOutgrewBench = reportedPeak > benchHighWater
        return ChildRun(
            wallSeconds: wall,
            userSeconds: ChildProcess.seconds(usage.ru_utime),
            systemSeconds: ChildProcess.seconds(usage.ru_stime),
            peakRSSBytes: childOutgrewBench ? reportedPeak : sampledPeak,
            peakSource: childOutgrewBench ? .wait4 : .sampled,
            termination: ChildProcess.termination(status),
            standardErrorHead: FileContents.head(of: stderrPath, maxBytes: 4096)
        )
    }
}
