import Testing

/// The built `opsdeck` executable, run as a user runs it.
@Suite struct OpsdeckCommandLineTests {
    @Test func printsItsVersion() throws {
        let result = try OpsdeckBinary.run(["--version"])
        #expect(result.exitCode == 0)
        let version = result.stdoutText.split(separator: "\n")
        #expect(version.count == 1)
        #expect(version.first.map { $0.wholeMatch(of: /\d+\.\d+\.\d+\S*/) != nil } == true, "stdout: \(result.stdoutText)")
        #expect(result.stderr.isEmpty)
    }

    @Test func rejectsAnUnknownSubcommandOnStderr() throws {
        let result = try OpsdeckBinary.run(["nosuch"])
        #expect(result.exitCode != nil && result.exitCode != 0)
        #expect(result.stderrText.contains("nosuch"), "stderr: \(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }
}
