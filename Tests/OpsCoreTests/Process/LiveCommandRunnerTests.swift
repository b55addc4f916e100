import Foundation
import Testing
@testable import OpsCore

/// Exit statuses, output, arguments, environment and launch failures with real processes.
@Suite struct LiveCommandRunnerTests {
    let runner = LiveCommandRunner()

    static func sh(_ script: String, _ arguments: [String] = [], environment: [String: String] = [:],
                   timeout: Duration = ProcessTestSupport.generousTimeout) -> Command {
        Command("sh", ["-c", script, "sh"] + arguments, environment: environment, timeout: timeout)
    }

    // MARK: - Endings

    @Test func reportsExitCodes() async throws {
        #expect(try await runner.run(Self.sh("exit 0")).termination == .exited(0))
        #expect(try await runner.run(Self.sh("exit 3")).termination == .exited(3))
        #expect(try await runner.run(Self.sh("exit 255")).exitCode == 255)
        #expect(try await runner.run(Command("false", [])).succeeded == false)
    }

    @Test func reportsTheSignalThatKilledTheChild() async throws {
        #expect(try await runner.run(Self.sh("kill -TERM $$")).termination == .signalled(SIGTERM))
        let killed = try await runner.run(Self.sh("kill -KILL $$"))
        #expect(killed.termination == .signalled(SIGKILL))
        #expect(killed.exitCode == nil)
    }

    @Test func outputOfANonZeroExitIsStillReturned() async throws {
        let result = try await runner.run(Self.sh("echo partial; echo 'boom: it broke' >&2; exit 2"))
        #expect(result.outputText == "partial\n")
        #expect(result.standardError == "boom: it broke\n")
        let command = Self.sh("echo 'denied' >&2; exit 1")
        await #expect(throws: CommandError.failed(command, CommandResult(termination: .exited(1), standardError: "denied\n"))) {
            try await runner.output(of: command)
        }
    }

    // MARK: - Output

    @Test func keepsStandardOutputAndStandardErrorApart() async throws {
        let result = try await runner.run(Self.sh("printf out1; printf err1 >&2; printf out2; printf err2 >&2"))
        #expect(result.outputText == "out1out2")
        #expect(result.standardError == "err1err2")
        #expect(result.droppedOutputBytes == 0)
    }

    /// Each side writes 1 MiB, the one the runner might read second first: read one after the other,
    /// the child would block on a full pipe (64 KiB) forever.
    @Test(arguments: ["stderr first", "stdout first"])
    func drainsBothPipesConcurrently(order: String) async throws {
        let toError = "head -c 1048576 /dev/zero | tr '\\000' e >&2"
        let toOutput = "head -c 1048576 /dev/zero | tr '\\000' o"
        let script = order == "stderr first" ? "\(toError); \(toOutput)" : "\(toOutput); \(toError)"
        let result = try await runner.run(Self.sh(script))
        #expect(result.succeeded)
        #expect(result.standardOutput.count == 1 << 20)
        #expect(result.standardOutput.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(result.standardError.utf8.count == LiveCommandRunner.errorLimit)
        #expect(result.standardError.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    @Test func standardOutputPastTheCapIsDroppedAndCounted() async throws {
        let extra = 3 << 20
        let result = try await runner.run(Command("head", ["-c", "\(LiveCommandRunner.outputLimit + extra)", "/dev/zero"],
                                                   timeout: ProcessTestSupport.generousTimeout))
        #expect(result.succeeded)
        #expect(result.standardOutput.count == LiveCommandRunner.outputLimit)
        #expect(result.droppedOutputBytes == extra)
    }

    @Test func standardInputIsTheNullDevice() async throws {
        let result = try await runner.run(Command("cat", []))
        #expect(result.succeeded)
        #expect(result.standardOutput.isEmpty)
    }

    /// opsdeck ignores SIGPIPE; a child must not inherit that, or `yes | head -1` style pipelines in
    /// a CLI would see write errors instead of ending quietly.
    @Test func sigpipeIsIgnoredHereButNotInTheChild() async throws {
        let child = try await runner.run(Command("cat", ["/proc/self/status"]))
        let own = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let pipeBit: UInt64 = 1 << (UInt64(SIGPIPE) - 1)
        #expect(try Self.ignoredSignals(in: own) & pipeBit != 0)
        #expect(try Self.ignoredSignals(in: child.outputText) & pipeBit == 0)
    }

    static func ignoredSignals(in status: String) throws -> UInt64 {
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("SigIgn:") })
        return try #require(UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16))
    }

    // MARK: - Arguments and environment

    @Test func argumentsArriveVerbatim() async throws {
        let arguments = ["; rm -rf /", "$(id)", "`id`", "two words", "'single'", "\"double\"", "back\\slash",
                         "line\nbreak", "tab\there", "café 東京 🚀", "*", "", "-n", "$HOME", "a|b&c>d<e"]
        let result = try await runner.run(Command("printf", ["%s\n"] + arguments))
        #expect(result.outputText == arguments.map { $0 + "\n" }.joined())
    }

    @Test func theChildSeesTheExecutableAsNamedInArgvZero() async throws {
        let result = try await runner.run(Command("sh", ["-c", "cat /proc/$$/cmdline"]))
        #expect(result.standardOutput.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            == ["sh", "-c", "cat /proc/$$/cmdline", ""])
    }

    @Test func environmentOverridesGoOnTopOfTheInheritedOne() async throws {
        let inheritedPath = try #require(ProcessInfo.processInfo.environment["PATH"])
        let value = "a b;$(id) 'q' ünï"
        let result = try await runner.run(Self.sh("printf '%s|%s|%s' \"$OPSDECK_TEST_VALUE\" \"$HOME\" \"$PATH\"",
                                                  environment: ["OPSDECK_TEST_VALUE": value, "HOME": "/nowhere"]))
        #expect(result.outputText == "\(value)|/nowhere|\(inheritedPath)")
    }

    @Test func theCommandsOwnPathIsSearchedForItsExecutable() async throws {
        let directory = try ProcessTestSupport.temporaryDirectory()
        defer { ProcessTestSupport.cleanUp(directory) }
        let tool = directory.appendingPathComponent("opsdeck-fake-cli")
        try "#!/bin/sh\necho \"fake cli: $1\"\n".write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        let path = "\(directory.path):/usr/bin:/bin"
        let result = try await runner.run(Command("opsdeck-fake-cli", ["hello"], environment: ["PATH": path]))
        #expect(result.outputText == "fake cli: hello\n")
        await #expect(throws: CommandError.notFound(executable: "opsdeck-fake-cli")) {
            try await runner.run(Command("opsdeck-fake-cli", ["hello"]))
        }
    }

    // MARK: - Launch failures

    @Test(arguments: ["opsdeck-no-such-tool-7f3a", "/nonexistent/dir/tool", "/tmp", "relative/tool", ""])
    func aMissingExecutableIsNotFoundByName(executable: String) async throws {
        await #expect(throws: CommandError.notFound(executable: executable)) {
            try await runner.run(Command(executable, ["x"]))
        }
        await #expect(throws: CommandError.notFound(executable: executable)) {
            try await runner.stream(Command(executable, ["x"])) { _ in }
        }
    }

    @Test func aFileWithoutExecutePermissionIsNotFound() async throws {
        let directory = try ProcessTestSupport.temporaryDirectory()
        defer { ProcessTestSupport.cleanUp(directory) }
        let file = directory.appendingPathComponent("plain")
        try "#!/bin/sh\necho hi\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        await #expect(throws: CommandError.notFound(executable: file.path)) {
            try await runner.run(Command(file.path, []))
        }
    }

    /// The same answer when the spawn library, not the check before it, finds the executable missing.
    @Test func theSpawnLibrarysNotFoundIsMappedToo() async throws {
        let unchecked = LiveCommandRunner(checksExecutableFirst: false)
        await #expect(throws: CommandError.notFound(executable: "/nonexistent/dir/tool")) {
            try await unchecked.run(Command("/nonexistent/dir/tool", []))
        }
    }

    @Test func anExecutableThatCannotBeExecutedIsALaunchFailure() async throws {
        let directory = try ProcessTestSupport.temporaryDirectory()
        defer { ProcessTestSupport.cleanUp(directory) }
        let file = directory.appendingPathComponent("not-a-program")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: file)  // a truncated ELF header: ENOEXEC
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        do {
            _ = try await runner.run(Command(file.path, []))
            Issue.record("a truncated ELF file ran")
        } catch CommandError.launchFailed(let executable, let reason) {
            #expect(executable == file.path)
            #expect(!reason.isEmpty)
        }
    }

    @Test func aNulByteInAnArgumentOrTheEnvironmentIsRefused() async throws {
        await #expect(throws: CommandError.launchFailed(executable: "printf", reason: "argument 2 contains a NUL byte")) {
            try await runner.run(Command("printf", ["%s", "cut\0here"]))
        }
        await #expect(throws: CommandError.self) {
            try await runner.run(Command("true", [], environment: ["BAD=NAME": "x"]))
        }
        await #expect(throws: CommandError.self) {
            try await runner.run(Command("true", [], environment: ["VALUE": "x\0y"]))
        }
    }

    @Test func aCancelledTaskSpawnsNothing() async throws {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await runner.run(Command("true", []))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
