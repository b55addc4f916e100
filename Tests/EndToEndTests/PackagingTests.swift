import Testing

/// What `scripts/package` ships besides the binary, made by the debug build the other tests run (a release
/// build is too slow for every test run, and the generated files do not depend on the build configuration).
@Suite struct PackagingTests {
    /// The subcommands a user types most; each completion script must offer them.
    static let visibleSubcommands = ["deploy", "demo", "probe"]
    /// Hidden helpers that the opsdeck process runs itself: completing them would only confuse a user.
    static let hiddenSubcommands = ["demo-service"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func generatesACompletionScriptNamingTheSubcommands(shell: String) throws {
        let result = try OpsdeckBinary.run(["--generate-completion-script", shell])
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(result.stderr.isEmpty)
        let script = result.stdoutText
        #expect(script.contains("opsdeck"))
        for subcommand in Self.visibleSubcommands {
            #expect(script.contains(subcommand), "\(shell) completion lacks \(subcommand)")
        }
        for subcommand in Self.hiddenSubcommands {
            #expect(!script.contains(subcommand), "\(shell) completion offers the hidden \(subcommand)")
        }
    }

    @Test func rejectsACompletionScriptForAnUnknownShell() throws {
        let result = try OpsdeckBinary.run(["--generate-completion-script", "tcsh"])
        #expect(result.exitCode != nil && result.exitCode != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText.contains("tcsh"), "stderr: \(result.stderrText)")
    }
}
