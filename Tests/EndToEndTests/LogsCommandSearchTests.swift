import Testing

/// `opsdeck logs --grep` and `--regex`: where they look, smart case, and how repeats combine.
@Suite struct LogsCommandSearchTests {
    static let requests = """
        {"level":"info","msg":"Request Timeout on /api","path":"/api"}
        {"level":"error","msg":"db timeout","user":"Alice"}
        {"level":"warn","msg":"slow request","upstream":"payments","err":"context deadline exceeded: TIMEOUT"}
        {"level":"info","msg":"all good","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","tags":["blue","green"]}

        """

    private func lines(matching arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
        let result = try runLogs(["--output", "json"] + arguments, stdin: Self.requests)
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
        return try EmittedRecord.all(in: result.stdout).map(\.line)
    }

    @Test func lowercaseGrepIgnoresCase() throws {
        // Line 1 by its message, line 2 by its message, line 3 by its error's message only.
        #expect(try lines(matching: ["--grep", "timeout"]) == [1, 2, 3])
    }

    @Test func grepWithACapitalIsExact() throws {
        #expect(try lines(matching: ["--grep", "Timeout"]) == [1])
        #expect(try lines(matching: ["--grep", "TIMEOUT"]) == [3])
    }

    @Test func repeatedGrepsMustAllMatch() throws {
        #expect(try lines(matching: ["--grep", "timeout", "--grep", "db"]) == [2])
        #expect(try lines(matching: ["--grep", "timeout", "--grep", "nowhere"]).isEmpty)
    }

    @Test func grepLooksInFieldValuesAndTheTraceId() throws {
        #expect(try lines(matching: ["--grep", "alice"]) == [2])
        #expect(try lines(matching: ["--grep", "payments"]) == [3])
        #expect(try lines(matching: ["--grep", "green"]) == [4])
        #expect(try lines(matching: ["--grep", "4bf92f35"]) == [4])
    }

    @Test func grepCombinesWithLevel() throws {
        #expect(try lines(matching: ["--grep", "timeout", "--level", "warn"]) == [2, 3])
    }

    @Test func regexMatchesAnywhereInTheSameTexts() throws {
        #expect(try lines(matching: ["--regex", "^db "]) == [2])
        #expect(try lines(matching: ["--regex", "dead(line|end)"]) == [3])
        #expect(try lines(matching: ["--regex", "[Tt]ime[Oo]ut on /\\w+"]) == [1])
        #expect(try lines(matching: ["--regex", "(?i)^request"]) == [1])
    }

    @Test func repeatedRegexesMustAllMatch() throws {
        #expect(try lines(matching: ["--regex", "slow", "--regex", "pay.ents"]) == [3])
        #expect(try lines(matching: ["--regex", "slow", "--regex", "^db"]).isEmpty)
    }

    @Test(arguments: ["(", "[a-", "*x", "a{2,1}"])
    func anInvalidRegexIsAUsageError(_ pattern: String) throws {
        let result = try runLogs(["--regex", pattern], stdin: Self.requests)
        #expect(result.exitCode == 64)
        #expect(result.stderrText.contains("--regex '\(pattern)'"), "stderr: \(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }
}
