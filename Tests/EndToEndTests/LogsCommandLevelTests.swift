import Testing

/// `opsdeck logs --level`: the minimum level, its spellings, and what a rejected record takes with it.
@Suite struct LogsCommandLevelTests {
    /// One record a level, spelled as different loggers spell them, a stack frame under a debug record
    /// and under a warning, and a line without any level.
    static let levels = """
        {"level":"trace","msg":"t"}
        {"level":"debug","msg":"d"}
        \tat hidden.Frame(Debug.java:1)
        {"level":"info","msg":"i"}
        {"severity":"NOTICE","message":"n"}
        {"level":"warning","msg":"w"}
        \tat shown.Frame(Warn.java:2)
        {"level":"ERROR","msg":"e"}
        {"level":"fatal","msg":"f"}
        no level at all

        """

    @Test(arguments: ["warn", "warning", "WARN", "Warning"])
    func keepsWarningsAndWorse(_ spelling: String) throws {
        let records = try EmittedRecord.all(in: runLogs(["--level", spelling, "--output", "json"], stdin: Self.levels).stdout)
        #expect(records.map(\.level) == ["warn", "error", "fatal"])
        #expect(records.map(\.line) == [6, 8, 9])
        // The stack frame stays with its record, and the frame of the dropped debug record goes with it.
        #expect(records.first?.message == "w\n\tat shown.Frame(Warn.java:2)")
    }

    @Test(arguments: [
        ("trace", ["trace", "debug", "info", "notice", "warn", "error", "fatal"]),
        ("notice", ["notice", "warn", "error", "fatal"]),
        ("fatal", ["fatal"]),
    ])
    func isAMinimum(_ level: String, _ expected: [String]) throws {
        let records = try EmittedRecord.all(in: runLogs(["--level", level, "--output", "json"], stdin: Self.levels).stdout)
        // A line without a level is below every minimum: it cannot claim to be important.
        #expect(records.map(\.level) == expected)
    }

    @Test func withoutALevelEveryRecordComesOut() throws {
        let records = try EmittedRecord.all(in: runLogs(["--output", "json"], stdin: Self.levels).stdout)
        #expect(records.map(\.level) == ["trace", "debug", "info", "notice", "warn", "error", "fatal", "unknown"])
        #expect(records[1].message == "d\n\tat hidden.Frame(Debug.java:1)")
    }

    @Test(arguments: ["loud", "", "warnings", "5"])
    func anUnknownLevelIsAUsageError(_ value: String) throws {
        let result = try runLogs(["--level", value], stdin: Self.levels)
        #expect(result.exitCode == 64)
        #expect(result.stderrText.contains("'\(value)'"), "stderr: \(result.stderrText)")
        #expect(result.stderrText.contains("trace, debug, info, notice, warn, error or fatal"))
        #expect(result.stdout.isEmpty)
    }
}
