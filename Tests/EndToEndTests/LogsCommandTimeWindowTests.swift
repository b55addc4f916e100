import Foundation
import Testing

/// `opsdeck logs --since` / `--until`: durations back from now, absolute times, and what happens to the
/// records that carry no time of their own.
@Suite struct LogsCommandTimeWindowTests {
    private static func rfc3339(minutesAgo minutes: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date().addingTimeInterval(-minutes * 60))
    }

    /// Times relative to the moment the test runs, with untimed lines before, between and after them.
    private static func relativeLog() -> String {
        """
        untimed before any time
        {"level":"info","time":"\(rfc3339(minutesAgo: 60))","msg":"an hour ago"}
        untimed after an hour ago
        {"level":"info","time":"\(rfc3339(minutesAgo: 10))","msg":"ten minutes ago"}
            at stack.Frame(Recent.java:1)
        untimed after ten minutes ago
        {"level":"info","time":"\(rfc3339(minutesAgo: 1))","msg":"a minute ago"}

        """
    }

    private func messages(_ arguments: [String], _ log: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let result = try runLogs(["--output", "json"] + arguments, stdin: log)
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
        return try EmittedRecord.all(in: result.stdout).map(\.message)
    }

    @Test func sinceADurationKeepsRecentRecordsAndTheUntimedLinesAmongThem() throws {
        // An untimed line takes the time of the record before it; a line before any time has none.
        #expect(try messages(["--since", "15m"], Self.relativeLog()) == [
            "ten minutes ago\n    at stack.Frame(Recent.java:1)", "untimed after ten minutes ago", "a minute ago",
        ])
        #expect(try messages(["--since", "1h30m"], Self.relativeLog()).count == 5)
    }

    @Test func untilADurationKeepsOlderRecords() throws {
        #expect(try messages(["--until", "5m"], Self.relativeLog()) == [
            "an hour ago", "untimed after an hour ago", "ten minutes ago\n    at stack.Frame(Recent.java:1)",
            "untimed after ten minutes ago",
        ])
    }

    @Test func sinceAndUntilTogetherMakeAWindow() throws {
        #expect(try messages(["--since", "30m", "--until", "5m"], Self.relativeLog()) == [
            "ten minutes ago\n    at stack.Frame(Recent.java:1)", "untimed after ten minutes ago",
        ])
    }

    static let fixedTimes = """
        {"level":"info","time":"2024-05-01T12:00:00Z","msg":"noon"}
        {"level":"info","time":"2024-05-01T12:00:01Z","msg":"one second"}
        no time here
        {"level":"info","ts":1714564802.5,"msg":"two and a half seconds"}
        {"level":"info","time":"2024-05-01T14:00:03+02:00","msg":"three seconds, written in +02:00"}

        """

    @Test func absoluteTimesAreInclusiveBounds() throws {
        #expect(try messages(["--since", "2024-05-01T12:00:01Z", "--until", "2024-05-01T12:00:02.5Z"], Self.fixedTimes) == [
            "one second", "no time here", "two and a half seconds",
        ])
    }

    @Test func absoluteTimesMayCarryAnOffset() throws {
        #expect(try messages(["--since", "2024-05-01T14:00:02.6+02:00"], Self.fixedTimes) == ["three seconds, written in +02:00"])
        #expect(try messages(["--until", "2024-05-01T11:59:59Z"], Self.fixedTimes).isEmpty)
    }

    @Test(arguments: [["--since", "yesterday"], ["--until", "5x"], ["--since", "15"], ["--since", "m"]])
    func anUnreadableTimeIsAUsageError(_ arguments: [String]) throws {
        let result = try runLogs(arguments, stdin: Self.fixedTimes)
        #expect(result.exitCode == 64)
        #expect(result.stderrText.contains("'\(arguments[1])'"), "stderr: \(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }
}
