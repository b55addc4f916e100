import Testing
@testable import OpsCore

/// Continuation lines (stack traces, tracebacks, Go crashes) join the record above them, in
/// text and in JSON streams alike, and go away with it when the query rejects that record.
@Suite struct LogPipelineContinuationTests {
    static let javaStack = """
        java.lang.IllegalStateException: card declined
        \tat com.shop.Pay.charge(Pay.java:42)
        \tat com.shop.Api.handle(Api.java:7)
        Caused by: java.io.IOException: connection reset
        \tat com.shop.Net.read(Net.java:3)
        \t... 3 more
        """

    static let pythonTraceback = """
        Traceback (most recent call last):
          File "/app/main.py", line 9, in <module>
            run()
          File "/app/main.py", line 5, in run
            raise ValueError("x")
        ValueError: x
        """

    static let goPanic = """
        panic: runtime error: index out of range [5] with length 3

        goroutine 1 [running]:
        main.lookup(...)
        \t/app/main.go:12
        main.main()
        \t/app/main.go:7 +0x1d

        goroutine 18 [chan receive]:
        main.worker()
        \t/app/worker.go:3 +0x2a
        created by main.main in goroutine 1
        \t/app/main.go:5 +0x3b
        exit status 2
        """

    static func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    @Test func javaStackJoinsATextRecord() throws {
        let input = "2024-05-01 12:00:00,123 ERROR [main] c.s.Api - request failed\n" + Self.javaStack + "\n2024-05-01 12:00:01,000 INFO [main] c.s.Api - next"
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records[0].message == "request failed\n" + Self.javaStack)
        #expect(records[0].level == .error)
        #expect(records[1].message == "next" && records[1].line == 8)
        #expect(stats.continuationLines == 6 && stats.records == 2 && stats.isBalanced)
    }

    @Test func javaStackJoinsAJSONRecordAbove() throws {
        let input = #"{"level":"error","msg":"request failed"}"# + "\n" + Self.javaStack + "\n" + #"{"level":"info","msg":"next"}"#
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records[0].message == "request failed\n" + Self.javaStack)
        #expect(records[1].message == "next" && records[1].line == 8)
        #expect(stats.continuationLines == 6 && stats.isBalanced)
    }

    @Test func stackJoinsAPrettyJSONRecordAbove() throws {
        let input = "{\n  \"level\": \"error\",\n  \"msg\": \"pretty\"\n}\n" + Self.javaStack
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 1, "\(records)")
        #expect(records[0].message == "pretty\n" + Self.javaStack)
        #expect(stats.lines == 10 && stats.continuationLines == 6 && stats.isBalanced)
    }

    @Test func pythonTracebackEndsWithItsExceptionLine() throws {
        let input = "ERROR worker crashed\n" + Self.pythonTraceback + "\nINFO restarted"
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records[0].message == "worker crashed\n" + Self.pythonTraceback)
        #expect(records[0].message.hasSuffix("\nValueError: x"))
        #expect(records[1].message == "restarted" && records[1].line == 8)
        #expect(stats.continuationLines == 6 && stats.isBalanced)
    }

    @Test func pythonTracebackOnItsOwnIsOneRecord() throws {
        let (records, stats) = PipelineHarness.run(Self.pythonTraceback + "\nnext line")
        try #require(records.count == 2, "\(records)")
        #expect(records[0].message == Self.pythonTraceback && records[0].line == 1)
        #expect(records[1].message == "next line" && records[1].line == 7)
        #expect(stats.isBalanced)
    }

    @Test func pythonTracebackJoinsAJSONRecordAbove() throws {
        let input = #"{"level":"error","event":"job failed"}"# + "\n" + Self.pythonTraceback
        let records = PipelineHarness.records(input)
        try #require(records.count == 1)
        #expect(records[0].message == "job failed\n" + Self.pythonTraceback)
    }

    @Test func goPanicWithGoroutinesIsOneRecord() throws {
        let (records, stats) = PipelineHarness.run(Self.goPanic + "\nserver restarted")
        try #require(records.count == 2, "\(records)")
        #expect(records[0].level == .fatal)
        #expect(records[0].line == 1)
        // Every line after the first is in the crash, the blank lines between goroutines too.
        let kept = Self.lines(Self.goPanic).dropFirst()
        #expect(records[0].message.components(separatedBy: "\n").dropFirst().elementsEqual(kept))
        #expect(records[0].message.hasSuffix("exit status 2"))
        #expect(records[1].message == "server restarted" && records[1].line == 15)
        #expect(stats.blankLines == 0 && stats.continuationLines == 13 && stats.isBalanced)
    }

    @Test func goPanicJoinsAJSONRecordAbove() throws {
        let input = #"{"level":"error","msg":"handler panicked"}"# + "\n" + Self.goPanic
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 1, "\(records)")
        #expect(records[0].message.hasPrefix("handler panicked\npanic: runtime error"))
        #expect(records[0].message.hasSuffix("exit status 2"))
        #expect(stats.lines == 15 && stats.isBalanced)
    }

    @Test func indentedLineAtTheStartIsItsOwnRecord() {
        // Nothing above to join: the line must not be lost.
        let (records, stats) = PipelineHarness.run("\tat orphan.frame(X.java:1)\nnext")
        #expect(records.map(\.message) == ["\tat orphan.frame(X.java:1)", "next"])
        #expect(stats.continuationLines == 0 && stats.isBalanced)
    }

    @Test func jsonLineIsNeverAContinuation() {
        let records = PipelineHarness.records("ERROR failed\n" + #"{"level":"info","msg":"json"}"#)
        #expect(records.map(\.message) == ["failed", "json"])
    }

    // MARK: rejected records

    @Test func continuationsOfARejectedJSONRecordAreDroppedWithIt() throws {
        let input = """
            {"level":"debug","msg":"hidden"}
            \tat a.b(C.java:1)
            \tat c.d(E.java:2)
            {"level":"error","msg":"shown"}
            \tat x.y(Z.java:3)
            """
        let (records, stats) = PipelineHarness.run(input, query: LogQuery(minimumLevel: .warn))
        try #require(records.count == 1, "\(records)")
        #expect(records[0].message == "shown\n\tat x.y(Z.java:3)")
        #expect(records[0].line == 4)
        #expect(stats.records == 2 && stats.matched == 1)
        #expect(stats.continuationLines == 3 && stats.linesInRecords == 5 && stats.isBalanced)
    }

    @Test func continuationsOfARejectedTextRecordAreDroppedWithIt() throws {
        let input = "INFO started\n" + Self.pythonTraceback + "\nERROR crashed\n  detail line"
        let (records, stats) = PipelineHarness.run(input, query: LogQuery(minimumLevel: .error))
        try #require(records.count == 1, "\(records)")
        #expect(records[0].message == "crashed\n  detail line")
        #expect(stats.records == 2 && stats.matched == 1 && stats.continuationLines == 7 && stats.isBalanced)
    }

    @Test func continuationsDecideGrepTogetherWithTheirRecord() throws {
        // The needle is only in the stack: the whole record matches, nothing else does.
        let input = "ERROR failed\n\tat com.shop.Needle.run(N.java:1)\nERROR other"
        let records = PipelineHarness.records(input, query: LogQuery(texts: ["needle"]))
        try #require(records.count == 1)
        #expect(records[0].message == "failed\n\tat com.shop.Needle.run(N.java:1)")
    }

    @Test func continuationsOfARecordOutsideTheTimeWindowAreDropped() {
        let input = """
            {"time":"2024-05-01T11:00:00Z","level":"error","msg":"too early"}
            \tat a.b(C.java:1)
            {"time":"2024-05-01T12:30:00Z","level":"error","msg":"in window"}
            \tat c.d(E.java:2)
            """
        let since = LogTimestamp(secondsSinceEpoch: 1_714_564_800) // 12:00Z
        let (records, stats) = PipelineHarness.run(input, query: LogQuery(since: since))
        #expect(records.map(\.message) == ["in window\n\tat c.d(E.java:2)"])
        #expect(stats.matched == 1 && stats.records == 2 && stats.isBalanced)
    }
}
