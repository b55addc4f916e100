import Foundation
import Glibc
import Synchronization
import Testing
@testable import OpsCore

/// What a follower reported, in order.
enum Followed: Equatable, Sendable {
    case line(String, Int)
    case event(FollowEvent)
}

/// Collects what a follower reports; shared with the thread that runs it.
final class FollowRecorder: Sendable {
    private let entries = Mutex<[Followed]>([])

    var all: [Followed] { entries.withLock { $0 } }
    var lines: [String] { all.compactMap { if case .line(let text, _) = $0 { text } else { nil } } }

    func record(_ entry: Followed) { entries.withLock { $0.append(entry) } }

    func line(_ bytes: UnsafeBufferPointer<UInt8>, _ info: LineInfo) {
        record(.line(String(decoding: bytes, as: UTF8.self), info.number))
    }

    func event(_ event: FollowEvent) { record(.event(event)) }

    /// Takes what was recorded so far, so each step of a test checks only what it caused.
    func take() -> [Followed] { entries.withLock { taken in defer { taken = [] }; return taken } }
}

/// One round of `poll` with everything going to `recorder`.
private func pollOnce(_ follower: inout FileFollower, _ recorder: FollowRecorder) throws -> FollowState {
    try follower.poll(onEvent: recorder.event, onLine: recorder.line)
}

@Suite struct FileFollowerTests {
    // MARK: - One poll at a time: deterministic, no waiting

    @Test func deliversAppendedLinesAndHoldsAPartialOneUntilItEnds() throws {
        let scratch = try ScratchDirectory()
        try scratch.append("app.log", "a\n")
        var follower = FileFollower(path: scratch.file("app.log"))
        let recorder = FollowRecorder()

        #expect(try pollOnce(&follower, recorder) == .following)
        #expect(recorder.take() == [.line("a", 1)])
        try scratch.append("app.log", "b\nc")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("b", 2)])
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [])
        try scratch.append("app.log", "d\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("cd", 3)])
    }

    @Test func restartsFromTheStartAfterTruncation() throws {
        let scratch = try ScratchDirectory()
        try scratch.append("app.log", "one\ntwo\npartial")
        var follower = FileFollower(path: scratch.file("app.log"))
        let recorder = FollowRecorder()
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("one", 1), .line("two", 2)])

        #expect(truncate(scratch.file("app.log"), 0) == 0)
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("partial", 3), .event(.truncated)])
        try scratch.append("app.log", "three\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("three", 4)])
    }

    @Test func readsTheOldFileToItsEndThenTheNewOneAfterRotation() throws {
        let scratch = try ScratchDirectory()
        try scratch.append("app.log", "old 1\n")
        var follower = FileFollower(path: scratch.file("app.log"))
        let recorder = FollowRecorder()
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("old 1", 1)])

        try scratch.append("app.log", "old 2\nold tail")
        #expect(rename(scratch.file("app.log"), scratch.file("app.log.1")) == 0)
        try scratch.append("app.log", "new 1\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("old 2", 2), .line("old tail", 3), .event(.rotated), .line("new 1", 4)])
        try scratch.append("app.log.1", "late write to the old file\n")
        try scratch.append("app.log", "new 2\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("new 2", 5)])
    }

    @Test func waitsForADeletedFileToComeBack() throws {
        let scratch = try ScratchDirectory()
        try scratch.append("app.log", "before\n")
        var follower = FileFollower(path: scratch.file("app.log"))
        let recorder = FollowRecorder()
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("before", 1)])

        #expect(unlink(scratch.file("app.log")) == 0)
        _ = try pollOnce(&follower, recorder)
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.event(.fileMissing)])
        try scratch.append("app.log", "after\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.event(.fileAppeared), .line("after", 2)])
    }

    @Test func keepsReadingARenamedFileUntilANewOneAppears() throws {
        let scratch = try ScratchDirectory()
        try scratch.append("app.log", "first\n")
        var follower = FileFollower(path: scratch.file("app.log"))
        let recorder = FollowRecorder()
        _ = try pollOnce(&follower, recorder)
        #expect(rename(scratch.file("app.log"), scratch.file("app.log.1")) == 0)
        _ = try pollOnce(&follower, recorder)
        try scratch.append("app.log.1", "written before the writer reopened\n")
        _ = try pollOnce(&follower, recorder)
        try scratch.append("app.log", "reopened\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("first", 1), .event(.fileMissing),
                                    .line("written before the writer reopened", 2),
                                    .event(.fileAppeared), .line("reopened", 3)])
    }

    @Test func waitsForAPathThatDoesNotExistYet() throws {
        let scratch = try ScratchDirectory()
        var follower = FileFollower(path: scratch.file("later.log"))
        let recorder = FollowRecorder()
        _ = try pollOnce(&follower, recorder)
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.event(.fileMissing)])
        try scratch.append("later.log", "hello\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.event(.fileAppeared), .line("hello", 1)])
    }

    @Test func throwsWhenThePathCannotBeOpened() throws {
        let scratch = try ScratchDirectory()
        var follower = FileFollower(path: scratch.path)  // a directory: opens, but read(2) fails
        #expect(throws: ByteInputError.readFailed(errno: EISDIR)) {
            _ = try pollOnce(&follower, FollowRecorder())
        }
    }

    @Test func followsARegularFileDescriptorForGrowthAndTruncation() throws {
        let scratch = try ScratchDirectory()
        try scratch.append("stdin.log", "x\n")
        let fd = open(scratch.file("stdin.log"), O_RDONLY | O_CLOEXEC)
        defer { close(fd) }
        var follower = try FileFollower(descriptor: fd)
        let recorder = FollowRecorder()
        _ = try pollOnce(&follower, recorder)
        try scratch.append("stdin.log", "y\n")
        _ = try pollOnce(&follower, recorder)
        #expect(truncate(scratch.file("stdin.log"), 0) == 0)
        try scratch.append("stdin.log", "z\n")
        _ = try pollOnce(&follower, recorder)
        #expect(recorder.take() == [.line("x", 1), .line("y", 2), .event(.truncated), .line("z", 3)])
    }

    @Test func readsAPipeToItsEnd() throws {
        let pipe = try TestPipe()
        pipe.write("one\ntwo\nno newline")
        pipe.closeWriteEnd()
        var follower = try FileFollower(descriptor: pipe.readEnd)
        let recorder = FollowRecorder()
        try follower.follow(until: { false }, onEvent: recorder.event, onLine: recorder.line)
        #expect(recorder.take() == [.line("one", 1), .line("two", 2), .line("no newline", 3)])
        #expect(follower.counters.bytesRead == follower.counters.accountedBytes)
    }

    /// The loop itself, with the pause replaced by a script: each pause performs the next change to the
    /// file, so the whole scenario runs without a single real wait.
    @Test func followLoopPausesBetweenPollsAndFlushesThePartialLineOnStop() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("app.log")
        try scratch.append("app.log", "start\n")
        let steps: [@Sendable () -> Void] = [
            { try? scratch.append("app.log", "grown\n") },
            { _ = truncate(path, 0) },
            { try? scratch.append("app.log", "after truncation\n") },
            { _ = rename(path, path + ".1"); try? scratch.append("app.log", "rotated in\nunfinished") },
            {},  // one more round so the rotation is polled before the script says stop
        ]
        let script = PauseScript(steps)
        var follower = FileFollower(path: path, pollInterval: .milliseconds(250), pause: script.pause)
        let recorder = FollowRecorder()
        try follower.follow(until: { script.isDone }, onEvent: recorder.event, onLine: recorder.line)

        #expect(recorder.take() == [.line("start", 1), .line("grown", 2), .event(.truncated),
                                    .line("after truncation", 3), .event(.rotated), .line("rotated in", 4),
                                    .line("unfinished", 5)])
        #expect(script.intervals == Array(repeating: .milliseconds(250), count: steps.count))
    }

    // MARK: - Real time: a follower on its own thread, conditions polled with a deadline

    @Test func followsRealTruncationAndRotationAsTheyHappen() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("live.log")
        try scratch.append("live.log", "boot\n")
        let run = FollowerThread(path: path, pollInterval: .milliseconds(10))
        defer { run.stop() }

        #expect(waitUntil { run.recorder.lines == ["boot"] })
        try scratch.append("live.log", "appended\n")
        #expect(waitUntil { run.recorder.lines.last == "appended" })

        let fd = open(path, O_WRONLY | O_CLOEXEC)
        #expect(ftruncate(fd, 0) == 0)
        close(fd)
        #expect(waitUntil { run.recorder.all.last == .event(.truncated) })
        try scratch.append("live.log", "after truncate\n")
        #expect(waitUntil { run.recorder.lines.last == "after truncate" })

        #expect(rename(path, path + ".1") == 0)
        try scratch.append("live.log", "new file\n")
        #expect(waitUntil { run.recorder.lines.last == "new file" })

        #expect(run.stop() < .seconds(2))
        #expect(run.recorder.all == [.line("boot", 1), .line("appended", 2), .event(.truncated),
                                     .line("after truncate", 3), .event(.rotated), .line("new file", 4)])
    }

    @Test func stopsPromptlyWhileWaiting() throws {
        let scratch = try ScratchDirectory()
        let fileRun = FollowerThread(path: scratch.file("quiet.log"), pollInterval: FileFollower.defaultPollInterval)
        #expect(waitUntil { fileRun.recorder.all == [.event(.fileMissing)] })
        #expect(fileRun.stop() < .seconds(1))

        let pipe = try TestPipe()  // a writer that never writes nor closes
        let pipeRun = FollowerThread(descriptor: pipe.readEnd, pollInterval: FileFollower.defaultPollInterval)
        #expect(waitUntil { pipeRun.isRunning })
        #expect(pipeRun.stop() < .seconds(1))
    }
}

// MARK: - Helpers

/// Polls `condition` every few milliseconds until it holds or `timeout` passes.
func waitUntil(timeout: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(2_000)
    }
    return condition()
}

/// A pause that, instead of sleeping, runs the next scripted change.
final class PauseScript: Sendable {
    private let state: Mutex<(next: Int, intervals: [Duration])>
    private let steps: [@Sendable () -> Void]

    init(_ steps: [@Sendable () -> Void]) {
        self.steps = steps
        state = Mutex((next: 0, intervals: []))
    }

    var isDone: Bool { state.withLock { $0.next >= steps.count } }
    var intervals: [Duration] { state.withLock { $0.intervals } }

    var pause: @Sendable (Duration) -> Void {
        { [self] interval in
            let step: (@Sendable () -> Void)? = state.withLock { state in
                state.intervals.append(interval)
                guard state.next < steps.count else { return nil }
                defer { state.next += 1 }
                return steps[state.next]
            }
            step?()
        }
    }
}

/// Runs `follow` on a thread of its own, as `--follow` does, until `stop`.
final class FollowerThread: Sendable {
    let recorder = FollowRecorder()
    private let stopRequested = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    convenience init(path: String, pollInterval: Duration) {
        self.init { FileFollower(path: path, pollInterval: pollInterval) }
    }

    convenience init(descriptor: Int32, pollInterval: Duration) {
        self.init { try FileFollower(descriptor: descriptor, pollInterval: pollInterval) }
    }

    private init(_ makeFollower: @escaping @Sendable () throws -> FileFollower) {
        Thread { [self] in
            defer { finished.store(true, ordering: .releasing) }
            do {
                var follower = try makeFollower()
                running.store(true, ordering: .releasing)
                try follower.follow(until: { stopRequested.load(ordering: .acquiring) },
                                    onEvent: recorder.event, onLine: recorder.line)
            } catch {
                Issue.record(error, "the follower thread failed")
            }
        }.start()
    }

    var isRunning: Bool { running.load(ordering: .acquiring) }

    /// Asks the follower to stop and returns how long it took to return (a failed test if it never does).
    @discardableResult
    func stop() -> Duration {
        let asked = ContinuousClock.now
        stopRequested.store(true, ordering: .releasing)
        let returned = waitUntil { finished.load(ordering: .acquiring) }
        #expect(returned, "the follower did not stop")
        return ContinuousClock.now - asked
    }
}
