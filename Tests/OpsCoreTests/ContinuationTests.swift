import Testing
@testable import OpsCore

@Suite struct ContinuationTests {
    /// Feeds the lines through a fresh tracker and returns which ones joined the record above.
    func joins(_ lines: [String]) -> [Bool] {
        var tracker = ContinuationTracker()
        return lines.map { tracker.isContinuation($0) }
    }

    // MARK: the stateless rule

    @Test(arguments: [
        "\tat com.example.App.run(App.java:42)", "    at Object.<anonymous> (/app/index.js:3:9)",
        "at com.example.App.main(App.java:7)", "Caused by: java.io.IOException: broken pipe",
        "\t... 12 more", "... 12 more", "Traceback (most recent call last):", "  File \"/app/x.py\", line 3, in <module>",
        "goroutine 1 [running]:", "goroutine 17 gp=0xc000002380 m=0 mp=0x5a1c20 [running]:",
        "panic: runtime error: index out of range [5] with length 3",
        "During handling of the above exception, another exception occurred:",
        "The above exception was the direct cause of the following exception:", " x",
    ])
    func continuationLines(_ line: String) {
        #expect(ContinuationRule.isContinuation(line))
    }

    @Test(arguments: [
        "", "   ", "\t", "2024-05-01 12:00:00 INFO next record", #"{"level":"info"}"#, "ValueError: bad",
        "java.lang.IllegalStateException: bad", "at=info method=GET", "attempting restart", "goroutine leak detected",
        "goroutine 1", "... and more", "panicked", "main.main()", "Cause: x",
    ])
    func recordLines(_ line: String) {
        #expect(!ContinuationRule.isContinuation(line))
    }

    // MARK: Java

    @Test func javaStackTraceUnderALogbackRecord() {
        let lines = [
            "2024-05-01 12:00:00,123 ERROR [main] c.e.App - request failed",
            "java.lang.IllegalStateException: bad state",
            "\tat com.example.App.handle(App.java:42)",
            "\tat com.example.App.main(App.java:7)",
            "Caused by: java.io.IOException: broken pipe",
            "\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)",
            "\t... 2 more",
            "2024-05-01 12:00:01,000 INFO [main] c.e.App - recovered",
        ]
        #expect(joins(lines) == [false, true, true, true, true, true, true, false])
    }

    @Test func jvmExceptionShapes() {
        #expect(joins(["x", "com.example.Outer$InnerError"]) == [false, true])
        #expect(joins(["x", "kotlin.KotlinNullPointerException"]) == [false, true])
        #expect(joins(["x", "Exception in thread \"main\" java.lang.Error: x"]) == [false, false])
        #expect(joins(["x", "com.Example.BadException: no"]) == [false, false])
        #expect(joins(["x", "IllegalStateException: unqualified"]) == [false, false])
        #expect(joins(["java.lang.IllegalStateException: first line of a stream"]) == [false])
    }

    // MARK: Python

    @Test func pythonTracebackEndsWithTheExceptionLine() {
        let lines = [
            "ERROR:root:failed to load",
            "Traceback (most recent call last):",
            "  File \"/app/main.py\", line 3, in <module>",
            "    load()",
            "    ^^^^^^",
            "ValueError: bad",
            "INFO:root:next record",
        ]
        #expect(joins(lines) == [false, true, true, true, true, true, false])
    }

    @Test func pythonExceptionLineOutsideATracebackIsARecord() {
        #expect(joins(["INFO:root:x", "ValueError: bad"]) == [false, false])
        #expect(!ContinuationRule.isContinuation("ValueError: bad"))
    }

    @Test func chainedTracebacks() {
        let lines = [
            "2024-05-01 12:00:00,123 - app - ERROR - lookup failed",
            "Traceback (most recent call last):",
            "  File \"/app/x.py\", line 2, in get",
            "KeyError: 'user'",
            "",
            "During handling of the above exception, another exception occurred:",
            "",
            "Traceback (most recent call last):",
            "  File \"/app/x.py\", line 4, in get",
            "app.errors.LookupFailed: user missing",
            "2024-05-01 12:00:01,000 - app - INFO - next",
        ]
        #expect(joins(lines) == [false, true, true, true, true, true, true, true, true, false, false])
    }

    @Test func pythonExceptionNamesThatEndOtherwise() {
        let base = ["x", "Traceback (most recent call last):", "  File \"a.py\", line 1, in <module>"]
        #expect(joins(base + ["KeyboardInterrupt"]).last == true)
        #expect(joins(base + ["Exception: plain base class"]).last == true)
        #expect(joins(base + ["requests.exceptions.ConnectionError: refused"]).last == true)
        #expect(joins(base + ["DeprecationWarning:"]).last == true)
        #expect(joins(base + ["2024-05-01 next record"]).last == false)
        #expect(joins(base + ["ValueError: bad", "TypeError: second"]) == [false, true, true, true, false])
    }

    // MARK: Go

    @Test func goPanic() {
        let lines = [
            #"{"level":"info","msg":"serving"}"#,
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f0a2]",
            "",
            "goroutine 1 [running]:",
            "main.(*Server).handle(0x0, {0x4f2a80?, 0xc000012345})",
            "\t/app/server.go:42 +0x22",
            "net/http.HandlerFunc.ServeHTTP(...)",
            "\t/usr/local/go/src/net/http/server.go:2136",
            "created by net/http.(*Server).Serve in goroutine 1",
            "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4",
            "",
            "goroutine 18 [IO wait]:",
            "internal/poll.runtime_pollWait(0x7f, 0x72)",
            "exit status 2",
            #"{"level":"info","msg":"restarted"}"#,
        ]
        #expect(joins(lines) == [false] + Array(repeating: true, count: 14) + [false])
    }

    @Test func goFatalErrorStartsARecordThatGoroutinesJoin() {
        let lines = [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [chan receive]:",
            "main.main()",
            "\t/app/main.go:5 +0x1d",
            "plain text again (not a frame",
        ]
        #expect(joins(lines) == [false, true, true, true, true, false])
    }

    @Test func functionLookingLinesOutsideACrashAreRecords() {
        #expect(joins(["x", "main.main()"]) == [false, false])
        #expect(joins(["x", ""]) == [false, false])
    }

    @Test func resetForgetsTheTraceback() {
        var tracker = ContinuationTracker()
        _ = tracker.isContinuation("x")
        _ = tracker.isContinuation("Traceback (most recent call last):")
        tracker.reset()
        let first = tracker.isContinuation("  indented first line has nothing above")
        let second = tracker.isContinuation("ValueError: after reset")
        #expect(!first && !second)
    }

    // MARK: robustness

    @Test func neverCrashes() {
        let samples = [
            "Traceback (most recent call last):", "  File \"a.py\", line 1", "ValueError: x", "goroutine 1 [running]:",
            "main.(*T).f(0x1)", "java.lang.Error: x", "\t... 3 more", "... 3 more",
        ]
        var tracker = ContinuationTracker()
        var stateless = 0
        for input in RobustnessInputs.cases(seed: 0x5EED_0004, samples: samples) {
            let joined = input.withUnsafeBufferPointer { ContinuationRule.isContinuation($0) }
            let tracked = input.withUnsafeBufferPointer { tracker.isContinuation($0) }
            if joined { stateless += 1 }
            // Indented non-blank lines join whatever the tracker's state.
            if let first = input.first, first == 0x20 || first == 0x09, input.contains(where: { $0 > 0x20 }) {
                #expect(joined && tracked, "\(input)")
            }
        }
        #expect(stateless > 0)
    }
}
