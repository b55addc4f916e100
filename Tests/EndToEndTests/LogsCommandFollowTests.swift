import Foundation
import Glibc
import Testing

/// `opsdeck logs --follow` on a real file that grows, is truncated and is rotated, and standard input
/// streamed through a pipe that stays open. Tests wait for output with a deadline, never a fixed sleep.
@Suite struct LogsCommandFollowTests {
    static let deadline = Duration.seconds(5)

    /// The messages of the complete JSON lines the child has written so far.
    private static func messages(_ child: ChildProcess) -> [String] {
        var complete = child.stdout
        while let last = complete.last, last != 0x0A { complete.removeLast() }
        return (try? EmittedRecord.all(in: complete).map(\.message)) ?? ["unreadable: \(String(decoding: complete, as: UTF8.self))"]
    }

    private static func waitFor(_ expected: [String], from child: ChildProcess,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let arrived = child.pump(timeout: deadline) { messages($0) == expected }
        #expect(arrived, "expected \(expected), got \(messages(child)); stderr: \(child.stderr)", sourceLocation: sourceLocation)
    }

    @Test func followsAppendsTruncationAndRotationUntilTerminated() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", #"{"level":"info","msg":"initial, long enough to be cut below"}"# + "\n")
        let child = try OpsdeckBinary.start(["logs", "--follow", "--output", "json", "app.log"], currentDirectory: folder.path)
        Self.waitFor(["initial, long enough to be cut below"], from: child)

        try folder.append("app.log", #"{"level":"warn","msg":"appended"}"# + "\n")
        Self.waitFor(["initial, long enough to be cut below", "appended"], from: child)

        // Truncated in place, as `> app.log` or logrotate's copytruncate do. The new line is shorter than
        // what was read before, so the shrink is visible whenever the follower next looks.
        let fd = open(folder.path + "/app.log", O_WRONLY | O_TRUNC)
        try #require(fd >= 0)
        close(fd)
        try folder.append("app.log", #"{"msg":"cut"}"# + "\n")
        Self.waitFor(["initial, long enough to be cut below", "appended", "cut"], from: child)

        // Rotated: renamed away and a new file created under the name.
        try FileManager.default.moveItem(atPath: folder.path + "/app.log", toPath: folder.path + "/app.log.1")
        try folder.write("app.log", #"{"msg":"rotated"}"# + "\n")
        Self.waitFor(["initial, long enough to be cut below", "appended", "cut", "rotated"], from: child)
        try folder.append("app.log", #"{"msg":"after rotation"}"# + "\n")
        Self.waitFor(["initial, long enough to be cut below", "appended", "cut", "rotated", "after rotation"], from: child)

        child.send(SIGTERM)
        let result = child.wait(timeout: Self.deadline)
        #expect(result.signal == SIGTERM || result.exitCode == 0, "exit \(String(describing: result.exitCode)) signal \(String(describing: result.signal))")
        let records = try EmittedRecord.all(in: result.stdout)
        #expect(records.allSatisfy { $0.source == "app.log" })
        #expect(records.map(\.level) == ["info", "warn", "unknown", "unknown", "unknown"])
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalEndsAFollowThatHasNothingToRead(_ signal: Int32) throws {
        let folder = try ScratchFolder()
        try folder.write("quiet.log", "one line\n")
        let child = try OpsdeckBinary.start(["logs", "--follow", "--output", "json", "quiet.log"], currentDirectory: folder.path)
        Self.waitFor(["one line"], from: child)
        child.send(signal)
        let result = child.wait(timeout: Self.deadline)
        #expect(result.signal == signal || result.exitCode == 0)
    }

    /// `--follow a.log b.log` follows both at once, each record naming its file; a missing one
    /// is reported and the others still followed.
    @Test func followsSeveralFilesAtOnce() throws {
        let folder = try ScratchFolder()
        try folder.write("a.log", #"{"msg":"a one"}"# + "\n")
        try folder.write("b.log", #"{"msg":"b one"}"# + "\n")
        let child = try OpsdeckBinary.start(["logs", "--follow", "--output", "json", "a.log", "absent.log", "b.log"],
                                            currentDirectory: folder.path)
        Self.waitFor(["a one", "b one"], from: child)
        try folder.append("b.log", #"{"msg":"b two"}"# + "\n")
        Self.waitFor(["a one", "b one", "b two"], from: child)
        try folder.append("a.log", #"{"msg":"a two"}"# + "\n")
        Self.waitFor(["a one", "b one", "b two", "a two"], from: child)
        child.send(SIGTERM)
        let result = child.wait(timeout: Self.deadline)
        let records = try EmittedRecord.all(in: result.stdout)
        #expect(records.map(\.source) == ["a.log", "b.log", "b.log", "a.log"])
        #expect(result.stderrText.contains("absent.log"), "stderr: \(result.stderrText)")
    }

    @Test func followingAMissingFileFailsAtOnce() throws {
        let folder = try ScratchFolder()
        let result = try runLogs(["--follow", "absent.log"], in: folder, timeout: Self.deadline)
        #expect(result.exitCode == 1)
        #expect(result.stderrText.contains("absent.log"), "stderr: \(result.stderrText)")
    }

    /// `kubectl logs -f | opsdeck logs`: no `--follow` needed, and a record must not wait in a buffer
    /// for more input that may not come for minutes.
    @Test func standardInputIsShownAsItArrivesAndEndsWhenClosed() throws {
        let child = try OpsdeckBinary.start(["logs", "--output", "json"], input: .open)
        child.write(#"{"level":"error","msg":"first"}"# + "\n")
        Self.waitFor(["first"], from: child)
        child.write("level=warn msg=second\n")
        Self.waitFor(["first", "second"], from: child)
        child.closeInput()
        let result = child.wait(timeout: Self.deadline)
        #expect(result.exitCode == 0)
        #expect(try EmittedRecord.all(in: result.stdout).map(\.line) == [1, 2])
    }

    /// Waiting for input must cost next to nothing: an operator leaves `kubectl logs -f | opsdeck logs`
    /// running for hours. CPU time is read from /proc while the child waits for half a second.
    @Test(arguments: [true, false])
    func waitingForInputUsesNoCPU(onStandardInput: Bool) throws {
        let folder = try ScratchFolder()
        try folder.write("quiet.log", "ready\n")
        let child = onStandardInput
            ? try OpsdeckBinary.start(["logs", "--output", "json"], input: .open)
            : try OpsdeckBinary.start(["logs", "--follow", "--output", "json", "quiet.log"], currentDirectory: folder.path)
        if onStandardInput { child.write("ready\n") }
        Self.waitFor(["ready"], from: child)

        let before = try Self.cpuTicks(of: child.pid)
        let window = ContinuousClock.now + .milliseconds(500)
        child.pump(timeout: .milliseconds(600)) { _ in ContinuousClock.now >= window }
        let used = try Self.cpuTicks(of: child.pid) - before
        // 500 ms of a busy loop is 50 ticks; a poll every 100 ms is well under one.
        #expect(used <= 5, "\(used) ticks of CPU in 500 ms of waiting")
        child.send(SIGTERM)
        _ = child.wait(timeout: Self.deadline)
    }

    /// User plus system time of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
    static func cpuTicks(of pid: pid_t) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        let nameEnd = try #require(stat.lastIndex(of: ")"))
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        try #require(fields.count > 12)
        let user = try #require(Int(fields[11]))
        let system = try #require(Int(fields[12]))
        return user + system
    }
}
