import Glibc
import Testing

/// The runner the end-to-end tests rely on, checked against `/bin/sh`.
@Suite struct ChildProcessTests {
    @Test func reportsExitCodeAndBothStreams() throws {
        let result = try ChildProcess("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"]).wait(timeout: .seconds(30))
        #expect(result.exitCode == 3 && result.signal == nil && !result.timedOut)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
    }

    /// More than a pipe holds in both directions at once: only concurrent feeding and draining finishes.
    @Test func feedsLargeStdinWhileDrainingStdout() throws {
        let input = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let result = try ChildProcess("cat", [], input: .bytes(input)).wait(timeout: .seconds(30))
        #expect(result.exitCode == 0)
        #expect(result.stdout == input)
    }

    @Test func givesDevNullWhenThereIsNoInput() throws {
        let result = try ChildProcess("/bin/sh", ["-c", "cat; echo done"]).wait(timeout: .seconds(30))
        #expect(result.stdoutText == "done\n")
    }

    @Test func passesEnvironmentAndWorkingDirectory() throws {
        let result = try ChildProcess("/bin/sh", ["-c", "printf '%s %s' \"$OPSDECK_TEST_VALUE\" \"$(pwd)\""],
                                      environment: ["OPSDECK_TEST_VALUE": "seen"], currentDirectory: "/tmp")
            .wait(timeout: .seconds(30))
        #expect(result.stdoutText == "seen /tmp")
    }

    @Test func talksToARunningChild() throws {
        let child = try ChildProcess("cat", [], input: .open)
        child.write("first\n")
        #expect(child.pump(timeout: .seconds(10)) { String(decoding: $0.stdout, as: UTF8.self) == "first\n" })
        child.write("second\n")
        child.closeInput()
        let result = child.wait(timeout: .seconds(10))
        #expect(result.stdoutText == "first\nsecond\n" && result.exitCode == 0)
    }

    @Test func killsTheWholeGroupAtTheDeadline() throws {
        let started = ContinuousClock.now
        // The grandchild keeps stdout open: only killing the group ends this.
        let result = try ChildProcess("/bin/sh", ["-c", "sleep 30 & sleep 30; wait"])
            .waitKillingOnOverrun(timeout: .milliseconds(300))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(result.timedOut && result.signal == SIGKILL)
    }

    @Test func throwsForAMissingExecutable() {
        #expect(throws: ChildProcessError.self) { _ = try ChildProcess("/nonexistent/opsdeck", []) }
    }
}
