import Foundation
import Testing
@testable import OpsCore

/// Deadlines, cancellation and process groups: the runner never hangs and leaves nothing running.
///
/// No test measures how fast a deadline fires: run beside every other suite on two cores, the
/// cooperative thread pool can be busy for seconds. "Prompt" is checked by what is still running
/// when a call returns, and a wall-clock bound far below the children's `sleep 100` catches hangs.
@Suite(.timeLimit(.minutes(2)))
struct LiveCommandRunnerTerminationTests {
    let runner = LiveCommandRunner()
    let support = ProcessTestSupport.self
    /// Far beyond any scheduling delay, far below the 100 s the children would otherwise sleep.
    static let hangBound: Duration = .seconds(60)
    /// Long enough for a shell to have written its pid file (in wall-clock time, whatever our own
    /// threads are doing) before its deadline.
    static let pidFileDeadline: Duration = .seconds(1)

    /// `sh -c script`, with the pid file's path as `$1`.
    static func sh(_ script: String, pidFile: URL, timeout: Duration) -> Command {
        Command("sh", ["-c", script, "sh", pidFile.path], timeout: timeout)
    }

    /// Runs `body`, expecting `CommandError.timedOut`, and returns how long it took.
    func expectTimeout(_ command: Command, _ body: () async throws -> Void) async -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: CommandError.timedOut(command, after: command.timeout)) { try await body() }
        return clock.now - start
    }

    /// Every pid, and every member of the group led by the first one, ends (or is a zombie).
    func expectAllGone(_ pids: [Int32], group: Int32) async {
        #expect(await support.eventually { pids.allSatisfy(support.isGone) }, "still running: \(pids.filter { !support.isGone($0) })")
        #expect(await support.eventually { support.liveMembers(ofGroup: group).isEmpty })
    }

    @Test func theDeadlineKillsTheChildAndItsGrandchildren() async throws {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let pidFile = directory.appendingPathComponent("pids")
        let command = Self.sh("echo $$ > \"$1\"; sleep 100 & echo $! >> \"$1\"; sleep 100 & echo $! >> \"$1\"; wait",
                              pidFile: pidFile, timeout: Self.pidFileDeadline)
        let elapsed = await expectTimeout(command) { _ = try await runner.run(command) }
        #expect(elapsed < Self.hangBound)
        let pids = support.pids(in: pidFile)
        try #require(pids.count == 3)
        await expectAllGone(pids, group: pids[0])
    }

    /// The whole group ignores SIGTERM (an ignored signal stays ignored across exec): only SIGKILL,
    /// after the grace period, ends it.
    @Test func aGroupThatIgnoresSigtermIsKilled() async throws {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let pidFile = directory.appendingPathComponent("pids")
        let command = Self.sh("trap '' TERM; echo $$ > \"$1\"; sleep 100 & echo $! >> \"$1\"; wait",
                              pidFile: pidFile, timeout: Self.pidFileDeadline)
        let elapsed = await expectTimeout(command) { _ = try await runner.run(command) }
        #expect(elapsed < Self.hangBound)
        let pids = support.pids(in: pidFile)
        try #require(pids.count == 2)
        await expectAllGone(pids, group: pids[0])
    }

    /// The direct child dies on SIGTERM at once, its grandchild ignores it: the library's own
    /// teardown would stop at the child's exit and leave the grandchild running.
    @Test func aGrandchildThatIgnoresSigtermIsKilledAfterItsParentDies() async throws {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let pidFile = directory.appendingPathComponent("pids")
        let command = Self.sh("echo $$ > \"$1\"; sh -c 'trap \"\" TERM; echo $$ >> \"$1\"; sleep 100' sh \"$1\" & wait",
                              pidFile: pidFile, timeout: Self.pidFileDeadline)
        _ = await expectTimeout(command) { _ = try await runner.run(command) }
        let pids = support.pids(in: pidFile)
        try #require(pids.count == 2)
        await expectAllGone(pids, group: pids[0])
    }

    /// A grandchild that started its own session escapes the group kill and keeps the pipes open;
    /// the call still returns at its deadline.
    @Test func aGrandchildHoldingThePipesOutsideTheGroupDoesNotDelayTheTimeout() async throws {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let pidFile = directory.appendingPathComponent("pids")
        let command = Self.sh("setsid sleep 30 & echo $! > \"$1\"; sleep 100", pidFile: pidFile, timeout: Self.pidFileDeadline)
        let elapsed = await expectTimeout(command) { _ = try await runner.run(command) }
        let escaped = support.pids(in: pidFile)
        #expect(escaped.count == 1)
        #expect(escaped.allSatisfy { !support.isGone($0) }, "the call returned while the pipe holder still ran")
        for pid in escaped { support.kill(pid) }
        #expect(elapsed < Self.hangBound)
    }

    /// The child exits normally while a background grandchild still holds its stdout: no waiting for
    /// the grandchild.
    @Test func aBackgroundGrandchildDoesNotHoldUpAFinishedCommand() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await runner.run(Command("sh", ["-c", "sleep 30 & echo $!; echo done"], timeout: ProcessTestSupport.generousTimeout))
        let elapsed = clock.now - start
        let lines = result.outputText.split(separator: "\n")
        let background = lines.compactMap { Int32($0) }
        #expect(background.count == 1)
        #expect(background.allSatisfy { !support.isGone($0) }, "the call returned while the pipe holder still ran")
        for pid in background { support.kill(pid) }
        #expect(result.succeeded)
        #expect(lines.last == "done")
        #expect(elapsed < Self.hangBound)
    }

    @Test func aChildThatClosesItsOutputIsStillHeldToTheDeadline() async throws {
        let command = Command("sh", ["-c", "exec >/dev/null 2>&1; sleep 100"], timeout: .milliseconds(300))
        let elapsed = await expectTimeout(command) { _ = try await runner.run(command) }
        #expect(elapsed < Self.hangBound)
    }

    @Test func aStreamedCommandHasTheSameDeadline() async throws {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let pidFile = directory.appendingPathComponent("pids")
        let command = Self.sh("echo $$ > \"$1\"; echo started; exec sleep 100", pidFile: pidFile, timeout: Self.pidFileDeadline)
        _ = await expectTimeout(command) { _ = try await runner.stream(command) { _ in } }
        let pid = try #require(support.pids(in: pidFile).first)
        await expectAllGone([pid], group: pid)
    }

    @Test func aLongRunningCommandHasNoDeadline() async throws {
        let command = Command("sh", ["-c", "sleep 0.4; echo late"], timeout: .milliseconds(50), isLongRunning: true)
        let result = try await runner.run(command)
        #expect(result.outputText == "late\n")
    }

    // MARK: - Cancellation

    @Test func cancellingAStreamOfYesReturnsPromptlyAndKillsIt() async throws {
        let lines = CollectedLines()
        let command = Command("sh", ["-c", "echo $$; exec yes"], isLongRunning: true)
        let task = Task { try await runner.stream(command, onLine: lines.onLine) }
        #expect(await support.eventually(within: Self.hangBound) { lines.count > 10_000 })
        let pid = try #require(lines.all.first.flatMap { Int32($0) })
        #expect(support.stat(pid)?.group == pid, "the child leads its own process group")
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.now - start < Self.hangBound)
        await expectAllGone([pid], group: pid)
        #expect(lines.all.dropFirst().prefix(1000).allSatisfy { $0 == "y" })
    }

    @Test func cancellingARunKillsTheGroup() async throws {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let pidFile = directory.appendingPathComponent("pids")
        let command = Self.sh("echo $$ > \"$1\"; sleep 100 & echo $! >> \"$1\"; wait", pidFile: pidFile, timeout: ProcessTestSupport.generousTimeout)
        let task = Task { try await runner.run(command) }
        #expect(await support.eventually(within: Self.hangBound) { support.pids(in: pidFile).count == 2 })
        let pids = support.pids(in: pidFile)
        try #require(pids.count == 2)
        #expect(support.stat(pids[1])?.group == pids[0], "the grandchild is in the child's process group")
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.now - start < Self.hangBound)
        await expectAllGone(pids, group: pids[0])
    }
}
