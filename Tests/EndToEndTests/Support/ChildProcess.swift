import Foundation
import Glibc
import Testing

/// What a child gets on its standard input.
enum ChildInput: Sendable {
    /// `/dev/null`: the child sees end of input at once and can never wait for a keyboard.
    case none
    /// These bytes through a pipe, closed once written.
    case bytes([UInt8])
    /// A pipe left open: feed it with `ChildProcess.write` and end it with `closeInput`.
    case open
}

/// How a child ended and everything it wrote.
struct ChildResult: Sendable {
    /// The exit status, or nil if a signal ended the child.
    var exitCode: Int32?
    /// The signal that ended the child, if one did.
    var signal: Int32?
    var stdout: [UInt8]
    var stderr: [UInt8]
    /// The child overran its time and was killed.
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// A child process run for a test: `posix_spawn` in a process group of its own, stdout and stderr drained
/// together with stdin fed through `poll(2)` (so a child blocked writing a full pipe can never deadlock
/// the test), and a deadline after which the whole group is killed and the test fails.
final class ChildProcess {
    let pid: pid_t
    let commandLine: String
    private(set) var stdout: [UInt8] = []
    private(set) var stderr: [UInt8] = []
    private var inputFD: Int32
    private var stdoutFD: Int32
    private var stderrFD: Int32
    private var pendingInput: [UInt8] = []
    private var closeInputWhenWritten: Bool
    private var waitStatus: Int32?

    /// Writes to a child whose stdin is closed must fail with EPIPE, not kill the test process.
    /// Children do not inherit this: they are spawned with every signal reset to its default.
    private static let ignoreBrokenPipes: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    /// Starts `executable` (a path, or a name looked up in `PATH`). `environment` is added to the test
    /// process's own environment, or replaces it when `inheritEnvironment` is false.
    init(_ executable: String, _ arguments: [String], input: ChildInput = .none,
         environment: [String: String] = [:], inheritEnvironment: Bool = true,
         currentDirectory: String? = nil) throws {
        ChildProcess.ignoreBrokenPipes
        commandLine = ([executable] + arguments).joined(separator: " ")
        let stdinPipe: (read: Int32, write: Int32)? = try {
            if case .none = input { return nil }
            return try ChildProcess.makePipe()
        }()
        let stdoutPipe = try ChildProcess.makePipe()
        let stderrPipe = try ChildProcess.makePipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinPipe {
            posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
        // Descriptors that code elsewhere in the test process opened without close-on-exec must not
        // leak into the child: a leaked pipe end would keep another test's pipe from ever ending.
        _ = GNUSpawnExtensions.addCloseFrom?(&actions, 3)
        if let currentDirectory {
            guard let addChdir = GNUSpawnExtensions.addChdir else { throw ChildProcessError.unsupported("a working directory") }
            _ = addChdir(&actions, currentDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a deadline kills everything it started; default signal handling and
        // an empty mask, whatever the test runner set.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)

        var base = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
        base.merge(environment) { _, new in new }
        let environmentLines = base.map { "\($0.key)=\($0.value)" }

        var spawned = pid_t()
        let code = withCStrings([executable] + arguments) { argv in
            withCStrings(environmentLines) { envp in
                posix_spawnp(&spawned, executable, &actions, &attributes, argv, envp)
            }
        }
        close(stdoutPipe.write)
        close(stderrPipe.write)
        if let stdinPipe { close(stdinPipe.read) }
        guard code == 0 else {
            [stdoutPipe.read, stderrPipe.read, stdinPipe?.write ?? -1].filter { $0 >= 0 }.forEach { close($0) }
            throw ChildProcessError.spawnFailed(commandLine, errno: code)
        }
        pid = spawned
        stdoutFD = stdoutPipe.read
        stderrFD = stderrPipe.read
        inputFD = stdinPipe?.write ?? -1
        for fd in [stdoutFD, stderrFD, inputFD] where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        switch input {
        case .none, .open: closeInputWhenWritten = false
        case .bytes(let bytes):
            pendingInput = bytes
            closeInputWhenWritten = true
        }
        if closeInputWhenWritten && pendingInput.isEmpty { closeInput() }
    }

    deinit {
        if waitStatus == nil {
            _ = kill(-pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        for fd in [stdoutFD, stderrFD, inputFD] where fd >= 0 { close(fd) }
    }

    /// Queues bytes for an `.open` stdin; they are written while `pump` or `wait` runs.
    func write(_ bytes: [UInt8]) { pendingInput += bytes }

    func write(_ text: String) { write(Array(text.utf8)) }

    /// Ends the child's stdin once everything queued has been written.
    func closeInput() {
        closeInputWhenWritten = true
        guard pendingInput.isEmpty, inputFD >= 0 else { return }
        close(inputFD)
        inputFD = -1
    }

    /// Sends `signal` to the child's whole process group.
    func send(_ signal: Int32) { _ = kill(-pid, signal) }

    var hasExited: Bool { waitStatus != nil }

    /// Exchanges data with the child until `condition` holds or the child has ended (output closed and
    /// reaped), polling no longer than `timeout`. Returns whether `condition` held.
    @discardableResult
    func pump(timeout: Duration, until condition: (ChildProcess) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            if hasEnded { return condition(self) }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            exchange(waitingAtMost: left)
        }
        return true
    }

    /// Waits for the child to end. If it overruns `timeout` its process group is killed and the test fails.
    func wait(timeout: Duration, sourceLocation: SourceLocation = #_sourceLocation) -> ChildResult {
        let result = waitKillingOnOverrun(timeout: timeout)
        if result.timedOut {
            Issue.record("`\(commandLine)` did not finish within \(timeout); killed", sourceLocation: sourceLocation)
        }
        return result
    }

    /// Waits for the child to end, killing its process group if it overruns `timeout`.
    func waitKillingOnOverrun(timeout: Duration) -> ChildResult {
        let ended = pump(timeout: timeout) { $0.hasEnded }
        if !ended {
            send(SIGKILL)
            pump(timeout: .seconds(10)) { $0.hasEnded }
        }
        let status = waitStatus ?? 0
        let signal = status & 0x7F
        return ChildResult(exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                           stdout: stdout, stderr: stderr, timedOut: !ended)
    }

    /// Output closed and the process reaped.
    private var hasEnded: Bool {
        if stdoutFD < 0 && stderrFD < 0 && waitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { waitStatus = status }
        }
        return stdoutFD < 0 && stderrFD < 0 && waitStatus != nil
    }

    /// One `poll(2)` over the child's pipes, then reads and writes whatever is ready.
    private func exchange(waitingAtMost left: Duration) {
        var watched: [pollfd] = []
        if stdoutFD >= 0 { watched.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
        if stderrFD >= 0 { watched.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
        if inputFD >= 0 && !pendingInput.isEmpty { watched.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
        // With the output closed only the exit is left to notice, and poll cannot wait for that: check
        // every millisecond. Otherwise wake at least every 50 ms for queued input and the caller's condition.
        let milliseconds = watched.isEmpty ? 1 : min(50, max(1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
        _ = poll(&watched, nfds_t(watched.count), milliseconds)
        drain(&stdoutFD, into: &stdout)
        drain(&stderrFD, into: &stderr)
        feedInput()
    }

    private func drain(_ fd: inout Int32, into output: inout [UInt8]) {
        guard fd >= 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                output += chunk[0..<count]
                continue
            }
            if count < 0 && (errno == EAGAIN || errno == EINTR) { return }
            close(fd)  // end of output, or an error that will not go away
            fd = -1
            return
        }
    }

    private func feedInput() {
        guard inputFD >= 0 else { return }
        while !pendingInput.isEmpty {
            let count = pendingInput.withUnsafeBytes { Glibc.write(inputFD, $0.baseAddress, $0.count) }
            if count > 0 {
                pendingInput.removeFirst(count)
                continue
            }
            if errno == EAGAIN || errno == EINTR { return }
            pendingInput = []  // EPIPE: the child closed its stdin; what it did not read is its choice
        }
        if closeInputWhenWritten { closeInput() }
    }

    /// Close-on-exec, so that no other child inherits these ends and keeps the pipe from ending.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        if let pipe2 = GNUSpawnExtensions.pipe2 {
            guard pipe2(&ends, O_CLOEXEC) == 0 else { throw ChildProcessError.pipeFailed(errno: errno) }
        } else {
            guard pipe(&ends) == 0 else { throw ChildProcessError.pipeFailed(errno: errno) }
            for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        return (ends[0], ends[1])
    }
}

enum ChildProcessError: Error, CustomStringConvertible {
    case spawnFailed(String, errno: Int32)
    case pipeFailed(errno: Int32)
    case unsupported(String)

    var description: String {
        switch self {
        case .spawnFailed(let command, let code): "cannot start `\(command)`: \(String(cString: strerror(code)))"
        case .pipeFailed(let code): "pipe failed: \(String(cString: strerror(code)))"
        case .unsupported(let feature): "this C library cannot spawn with \(feature)"
        }
    }
}

/// NUL-terminated C strings for `argv`/`envp`, alive for the duration of `body`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return body(pointers + [nil])
}
