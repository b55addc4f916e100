import Foundation
import Glibc
import Testing

/// `opsdeck logs ... | head -1`: once the reader of its output has gone, opsdeck must end (by SIGPIPE or
/// on its own), whether it still has plenty to write or is waiting for input that may never come.
/// Each case runs a real bash pipeline and reports opsdeck's own status from `PIPESTATUS`. An output
/// that fails otherwise (a full disk) is an error instead.
@Suite struct LogsCommandClosedReaderTests {
    static let bash = "/bin/bash"

    /// Starts `opsdeck <arguments> | head -1` under bash in `folder`; bash then prints `status=N`, N being
    /// opsdeck's exit status (128 + the signal if one ended it) on stderr.
    private static func startPipeline(_ arguments: [String], in folder: ScratchFolder, input: ChildInput = .none) throws -> ChildProcess {
        try #require(FileManager.default.isExecutableFile(atPath: bash), "bash is needed for PIPESTATUS")
        let script = #""$0" "$@" | head -1; echo "status=${PIPESTATUS[0]}" >&2"#
        return try ChildProcess(bash, ["-c", script, try OpsdeckBinary.path()] + arguments, input: input,
                                currentDirectory: folder.path)
    }

    /// opsdeck's status as the pipeline reported it: a write to the closed pipe kills it with SIGPIPE
    /// (141), and noticing the reader is gone before writing ends it cleanly (0).
    private static func opsdeckStatus(_ stderr: String) -> Int? {
        guard let match = stderr.firstMatch(of: /status=(\d+)/) else { return nil }
        return Int(match.1)
    }

    @Test func aBigFileStopsAfterTheFirstLineIsTaken() throws {
        let folder = try ScratchFolder()
        // Far more than a pipe and opsdeck's own buffer hold, so writing must run into the closed pipe.
        let lines = (1...50_000).map { #"{"level":"info","msg":"line \#($0)","n":\#($0)}"# }
        try folder.write("big.log", lines.joined(separator: "\n") + "\n")
        let started = ContinuousClock.now
        let result = try Self.startPipeline(["logs", "--output", "json", "big.log"], in: folder).wait(timeout: .seconds(10))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(try EmittedRecord.all(in: result.stdout).map(\.message) == ["line 1"])
        let status = Self.opsdeckStatus(result.stderrText)
        #expect(status == 128 + Int(SIGPIPE) || status == 0, "stderr: \(result.stderrText)")
    }

    /// A followed file that does not grow gives opsdeck nothing to write, so no SIGPIPE ever comes: it
    /// must notice the closed pipe by itself, as `tail -f` does.
    @Test func aQuietFollowedFileStopsOnceTheReaderHasGone() throws {
        let folder = try ScratchFolder()
        try folder.write("quiet.log", "only line\n")
        let result = try Self.startPipeline(["logs", "--follow", "quiet.log"], in: folder).wait(timeout: .seconds(5))
        #expect(!result.timedOut)
        #expect(outputLines(result.stdoutText).count == 1 && result.stdoutText.contains("only line"))
        let status = Self.opsdeckStatus(result.stderrText)
        #expect(status == 128 + Int(SIGPIPE) || status == 0, "stderr: \(result.stderrText)")
    }

    /// Unlike a reader that stopped reading, a full disk or a closed descriptor loses output: that is an
    /// error to report, as `cat` and `jq` do, not a silent success.
    @Test(arguments: ["> /dev/full", ">&-"])
    func anOutputThatCannotBeWrittenIsAnError(_ redirection: String) throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", "{\"level\":\"info\",\"msg\":\"lost\"}\n")
        let result = try ChildProcess("/bin/sh", ["-c", #""$0" logs app.log "# + redirection, try OpsdeckBinary.path()],
                                      currentDirectory: folder.path).wait(timeout: .seconds(5))
        #expect(result.exitCode == 1)
        #expect(result.stderrText.hasPrefix("opsdeck logs: cannot write the output: "), "stderr: \(result.stderrText)")
    }

    /// `kubectl logs -f | opsdeck logs | head -1`: the pipe in front stays open and quiet.
    @Test func aQuietOpenStandardInputStopsOnceTheReaderHasGone() throws {
        let folder = try ScratchFolder()
        let pipeline = try Self.startPipeline(["logs"], in: folder, input: .open)
        pipeline.write("first line\n")
        let ended = pipeline.pump(timeout: .seconds(5)) { Self.opsdeckStatus(String(decoding: $0.stderr, as: UTF8.self)) != nil }
        #expect(ended, "opsdeck still runs with its reader gone; stdout: \(String(decoding: pipeline.stdout, as: UTF8.self))")
        pipeline.closeInput()
        let result = pipeline.wait(timeout: .seconds(5))
        #expect(result.stdoutText.contains("first line"))
        let status = Self.opsdeckStatus(result.stderrText)
        #expect(status == 128 + Int(SIGPIPE) || status == 0, "stderr: \(result.stderrText)")
    }
}
