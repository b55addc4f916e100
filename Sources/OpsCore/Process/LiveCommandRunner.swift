#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Subprocess

/// Runs real processes (through swift-subprocess).
///
/// Every child gets an argv (never a shell), `/dev/null` as standard input, opsdeck's environment with
/// the command's variables on top, and a session of its own, so it and everything it starts form one
/// process group that can be ended together. On a deadline or a cancellation that group gets SIGTERM,
/// then SIGKILL if anything of it is still running after `terminationGrace`. Standard output and
/// standard error are always read concurrently to their ends, so a child never blocks on a full pipe.
///
/// - `run` keeps standard output whole up to `outputLimit` (64 MiB); past that the rest is read and
///   dropped, and `CommandResult.droppedOutputBytes` says how much. Standard error is kept up to
///   `errorLimit` (64 KiB) in both `run` and `stream`; the rest of it is read and dropped.
/// - `stream` splits standard output into lines from the raw pipe buffers (`LineSplitter`): a line
///   longer than `maxLineBytes` (1 MiB) is cut, the cut-off bytes counted in `droppedOutputBytes`.
/// - A command ends when its direct child has exited and both pipes are at their ends, or, if a
///   background grandchild keeps the pipes open, as soon as the direct child has exited (what that
///   grandchild writes later is lost). The deadline covers all of it, not only the output: a child
///   that closes its output and carries on is still ended at its deadline. A deadline noticed only
///   after the child has already exited (a busy thread pool wakes everything late) is not a timeout.
/// - opsdeck ignores SIGPIPE from its first spawn on: a write to a pipe whose reader died must be an
///   error, not the end of opsdeck. Children start with default signal dispositions.
public struct LiveCommandRunner: CommandRunner {
    /// The most standard output `run` keeps.
    public static let outputLimit = 64 << 20
    /// The most standard error either call keeps.
    public static let errorLimit = 64 << 10
    /// The longest line `stream` delivers whole.
    public static let maxLineBytes = LineSplitter.defaultMaxLineBytes
    /// How long a process group has to end after SIGTERM before it gets SIGKILL.
    public static let terminationGrace: Duration = .milliseconds(300)

    /// Whether a missing executable is looked for before spawning. Only tests turn it off, to see the
    /// spawn library's own "not found" mapped the same way.
    let checksExecutableFirst: Bool

    public init() { checksExecutableFirst = true }

    init(checksExecutableFirst: Bool) { self.checksExecutableFirst = checksExecutableFirst }

    public func run(_ command: Command) async throws -> CommandResult {
        let finished = try await execute(command) { output in
            try await OutputDraining.collect(output, limit: LiveCommandRunner.outputLimit)
        }
        return CommandResult(termination: finished.termination, standardOutput: finished.output.bytes,
                             standardError: finished.errorText, droppedOutputBytes: finished.output.droppedBytes)
    }

    public func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        let finished = try await execute(command) { output in
            var splitter = LineSplitter(maxLineBytes: LiveCommandRunner.maxLineBytes)
            try await OutputDraining.drain(output) { splitter.append($0, onLine) }
            // A cancelled or timed-out stream ends with an error, not with a last partial line.
            if !Task.isCancelled { splitter.finish(onLine) }
            return splitter.droppedBytes
        }
        return CommandResult(termination: finished.termination, standardError: finished.errorText,
                             droppedOutputBytes: finished.output)
    }

    // MARK: - Spawning

    /// What one finished process gave: its end, what its output reader returned, its standard error.
    private struct Finished<Output: Sendable>: Sendable {
        var termination: CommandResult.Termination
        var output: Output
        var errorText: String
    }

    /// Spawns `command`, hands its standard output to `readOutput` (in a task of its own, beside the
    /// standard error reader and the deadline) and maps every failure to `CommandError`.
    private func execute<Output: Sendable>(
        _ command: Command,
        readOutput: @escaping @Sendable (SubprocessOutputSequence) async throws -> Output
    ) async throws -> Finished<Output> {
        try Task.checkCancellation()
        if let problem = SpawnInput.problem(in: command) {
            throw CommandError.launchFailed(executable: command.executable, reason: problem)
        }
        let path: String
        if checksExecutableFirst {
            guard let found = ExecutableLocator.locate(command.executable,
                                                       searchPath: ExecutableLocator.searchPath(for: command)) else {
                throw CommandError.notFound(executable: command.executable)
            }
            path = found
        } else {
            path = command.executable
        }
        _ = LiveCommandRunner.brokenPipesIgnored
        let timeout = command.isLongRunning ? nil : command.timeout
        do {
            // argv[0] is the executable as the command names it, as a shell would pass it.
            let arguments = Arguments(executablePathOverride: command.executable, remainingValues: command.arguments)
            let result = try await Subprocess.run(
                .path(.init(path)), arguments: arguments,
                environment: SpawnInput.environment(for: command), platformOptions: LiveCommandRunner.platformOptions,
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                try await ProcessSupervisor.supervise(
                    pid: execution.processIdentifier.value, output: execution.standardOutput,
                    error: execution.standardError, timeout: timeout, readOutput: readOutput)
            }
            let collected = result.closureResult
            return Finished(termination: LiveCommandRunner.termination(result.terminationStatus),
                            output: collected.output,
                            errorText: String(decoding: collected.error.bytes, as: UTF8.self))
        } catch ProcessSupervisor.Stop.deadlinePassed {
            throw CommandError.timedOut(command, after: command.timeout)
        } catch let error as SubprocessError {
            if error.code == .executableNotFound { throw CommandError.notFound(executable: command.executable) }
            if Task.isCancelled { throw CancellationError() }
            throw CommandError.launchFailed(executable: command.executable, reason: error.description)
        }
    }

    /// Own session: the child leads a new process group (pgid == pid) holding all it starts. The
    /// library's teardown, which it runs if its own task is cancelled, signals that group too; it is
    /// a second line behind `ProcessGroupTerminator`, which also catches grandchildren that outlive
    /// the direct child.
    static let platformOptions: PlatformOptions = {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: terminationGrace)]
        return options
    }()

    /// Evaluated once, before the first spawn (a `static let` initialiser runs exactly once).
    static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    static func termination(_ status: TerminationStatus) -> CommandResult.Termination {
        switch status {
        case .exited(let code): .exited(code)
        case .signaled(let signal): .signalled(signal)
        }
    }
}
