import Foundation
import Testing
@testable import OpsCore

@Suite struct ServiceLogFollowerTests {
    static let timestamps = TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: 4_000_000_000))

    /// Collects what the follower hands out.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var records: [LogRecord] = []
        private var statuses: [ServiceLogFollower.Status] = []
        var all: [LogRecord] { lock.withLock { records } }
        var lastStatus: ServiceLogFollower.Status? { lock.withLock { statuses.last } }
        func deliver(_ batch: [LogRecord]) { lock.withLock { records += batch } }
        func status(_ status: ServiceLogFollower.Status) { lock.withLock { statuses.append(status) } }
    }

    static func source(_ name: String) -> LogSource {
        LogSource(name: name, command: Command("docker", ["logs", "-f", "--timestamps", "--tail", "100", name], isLongRunning: true))
    }

    @Test func replicasAreMergedByTimeEachUnderItsOwnName() async {
        let runner = FakeCommandRunner()
        runner.expect(Self.source("api-1").command.argv, lines: [
            #"2026-11-29T10:00:00.100000000Z {"level":"info","msg":"one"}"#,
            #"2026-11-29T10:00:00.300000000Z {"level":"error","msg":"three"}"#,
        ])
        runner.expect(Self.source("api-2").command.argv, lines: [
            #"2026-11-29T10:00:00.200000000Z {"level":"warn","msg":"two"}"#,
            #"2026-11-29T10:00:00.400000000Z level=info msg=four"#,
        ])
        let sink = Sink()
        var follower = ServiceLogFollower(runner: runner, sources: [Self.source("api-1"), Self.source("api-2")],
                                          timestamps: Self.timestamps)
        follower.mergeWindow = .milliseconds(20)
        await follower.run(deliver: sink.deliver, status: sink.status)
        #expect(sink.all.map(\.message) == ["one", "two", "three", "four"])
        #expect(sink.all.map(\.source) == ["api-1", "api-2", "api-1", "api-2"])
        #expect(sink.all.map(\.level) == [.info, .warn, .error, .info])
        #expect(runner.pending.isEmpty)
        #expect(sink.lastStatus == ServiceLogFollower.Status(following: 0, skipped: 0, failures: [:], ended: ["api-1", "api-2"]))
    }

    @Test func aStackTraceStaysWithItsRecord() async {
        let runner = FakeCommandRunner()
        runner.expect(Self.source("worker").command.argv, lines: [
            "2026-11-29T10:00:00.000000000Z Exception in thread \"main\" java.lang.IllegalStateException: boom",
            "2026-11-29T10:00:00.000000000Z \tat com.shop.Worker.run(Worker.java:42)",
            "2026-11-29T10:00:01.000000000Z next line",
        ])
        let sink = Sink()
        await ServiceLogFollower(runner: runner, sources: [Self.source("worker")], timestamps: Self.timestamps)
            .run(deliver: sink.deliver, status: sink.status)
        #expect(sink.all.count == 2)
        #expect(sink.all.first?.message.contains("Worker.java:42") == true || sink.all.first?.error?.stack?.contains("Worker.java:42") == true)
    }

    @Test func aFailingStreamIsReportedAndTheOthersGoOn() async {
        let runner = FakeCommandRunner()
        runner.expect(Self.source("gone").command.argv, stderr: "Error response from daemon: No such container: gone", exit: 1)
        runner.expect(Self.source("web").command.argv, lines: [#"2026-11-29T10:00:00Z {"msg":"still here"}"#])
        let sink = Sink()
        await ServiceLogFollower(runner: runner, sources: [Self.source("gone"), Self.source("web")], timestamps: Self.timestamps)
            .run(deliver: sink.deliver, status: sink.status)
        #expect(sink.all.map(\.message) == ["still here"])
        #expect(sink.lastStatus?.failures["gone"] == "docker exited with 1: Error response from daemon: No such container: gone")
        #expect(sink.lastStatus?.ended == ["gone", "web"])
    }

    @Test func streamsBeyondTheCapAreCountedNotStarted() async {
        let runner = FakeCommandRunner()
        let sources = (1...5).map { Self.source("c\($0)") }
        for source in sources.prefix(2) { runner.expect(source.command.argv) }
        let sink = Sink()
        var follower = ServiceLogFollower(runner: runner, sources: sources, timestamps: Self.timestamps)
        follower.maxConcurrentStreams = 2
        await follower.run(deliver: sink.deliver, status: sink.status)
        #expect(runner.commands.count == 2)
        #expect(sink.lastStatus?.skipped == 3)
    }

    @Test func cancellingTheFollowerEndsRealStreams() async throws {
        let loop = #"while true; do echo '{"level":"info","msg":"tick"}'; sleep 0.05; done"#
        let sources = ["one", "two"].map { LogSource(name: $0, command: Command("/bin/sh", ["-c", loop], isLongRunning: true)) }
        let sink = Sink()
        let follower = ServiceLogFollower(runner: LiveCommandRunner(), sources: sources, timestamps: Self.timestamps)
        let task = Task { await follower.run(deliver: sink.deliver, status: sink.status) }
        // Generous: with both cores busy, blocking end-to-end tests can hold the cooperative pool's
        // threads for long stretches; the wait ends as soon as the records are in.
        let deadline = ContinuousClock.now + .seconds(120)
        while sink.all.count < 6, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(Set(sink.all.compactMap(\.source)) == ["one", "two"])
        task.cancel()
        await task.value // returns: both shells were killed
        #expect(sink.lastStatus?.following == 0)
        #expect(sink.lastStatus?.failures.isEmpty == true)
    }

    @Test func untimedRecordsStayBesideTheRecordBeforeThem() {
        var buffer = TimeMergeBuffer()
        let start = ContinuousClock.now
        func record(_ message: String, _ source: String, _ second: Int64?) -> LogRecord {
            LogRecord(line: 1, source: source, time: second.map { LogTimestamp(secondsSinceEpoch: 1_800_000_000 + $0) },
                      message: message)
        }
        buffer.add(record("b2", "b", 2), at: start)
        buffer.add(record("a1", "a", 1), at: start)
        buffer.add(record("a-untimed", "a", nil), at: start)
        buffer.add(record("a3", "a", 3), at: start)
        buffer.add(record("late", "a", 0), at: start + .seconds(1))
        #expect(buffer.takeSettled(window: .milliseconds(100), now: start).isEmpty)
        let first = buffer.takeSettled(window: .milliseconds(100), now: start + .milliseconds(500))
        #expect(first.map(\.message) == ["a1", "a-untimed", "b2", "a3"])
        #expect(buffer.count == 1)
        #expect(buffer.takeAll().map(\.message) == ["late"])
    }
}
