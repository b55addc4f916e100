import Foundation
import Testing

/// `opsdeck logs FILE...`: several files in order, `-` for standard input among them, and a file that
/// cannot be read (reported, exit 1, the others still printed).
@Suite struct LogsCommandInputsTests {
    @Test func eachFileIsReadInTurnWithItsNameAsSource() throws {
        let folder = try ScratchFolder()
        try folder.write("api.log", "{\"level\":\"info\",\"msg\":\"api one\"}\n{\"level\":\"warn\",\"msg\":\"api two\"}\n")
        try folder.write("worker.log", "level=error msg=\"worker one\"\n")
        let result = try runLogs(["--output", "json", "api.log", "worker.log"], in: folder)
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        let records = try EmittedRecord.all(in: result.stdout)
        #expect(records.map(\.source) == ["api.log", "api.log", "worker.log"])
        #expect(records.map(\.message) == ["api one", "api two", "worker one"])
        // Line numbers count within each file.
        #expect(records.map(\.line) == [1, 2, 1])
    }

    /// Replicas written to separate files read as one story: records merged by time, each file's own
    /// order kept, an untimed line staying right after the record before it in its file.
    @Test func severalFilesAreMergedByTime() throws {
        let folder = try ScratchFolder()
        try folder.write("a.log", """
            {"time":"2026-11-28T10:00:00Z","msg":"a1"}
            {"time":"2026-11-28T10:00:02Z","msg":"a2"}
            untimed after a2
            {"time":"2026-11-28T10:00:04Z","msg":"a4"}

            """)
        try folder.write("b.log", """
            {"time":"2026-11-28T10:00:01Z","msg":"b1"}
            {"time":"2026-11-28T10:00:03Z","msg":"b3"}
            {"time":"2026-11-28T10:00:05Z","msg":"b5"}

            """)
        let result = try runLogs(["--output", "json", "a.log", "b.log"], in: folder)
        #expect(result.exitCode == 0)
        let records = try EmittedRecord.all(in: result.stdout)
        #expect(records.map(\.message) == ["a1", "b1", "a2", "untimed after a2", "b3", "a4", "b5"])
        #expect(records.map(\.line) == [1, 1, 2, 3, 2, 4, 3])
    }

    @Test func theSourceIsThePathAsGiven() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("app.log", "plain line\n")
        let records = try EmittedRecord.all(in: runLogs(["--output", "json", path]).stdout)
        #expect(records.map(\.source) == [path])
    }

    @Test func aDashReadsStandardInputInItsPlace() throws {
        let folder = try ScratchFolder()
        try folder.write("a.log", "from a\n")
        try folder.write("b.log", "from b\n")
        let result = try runLogs(["--output", "json", "a.log", "-", "b.log"], stdin: Array("from stdin\nsecond stdin line\n".utf8), in: folder)
        #expect(result.exitCode == 0)
        let records = try EmittedRecord.all(in: result.stdout)
        #expect(records.map(\.message) == ["from a", "from stdin", "second stdin line", "from b"])
        // Standard input has no name of its own.
        #expect(records.map(\.source) == ["a.log", nil, nil, "b.log"])
        #expect(records.map(\.line) == [1, 1, 2, 1])
    }

    @Test func noFileReadsStandardInput() throws {
        let result = try runLogs(["--output", "json"], stdin: "{\"level\":\"warn\",\"msg\":\"piped\"}\n")
        let records = try EmittedRecord.all(in: result.stdout)
        #expect(records.map(\.message) == ["piped"] && records.map(\.level) == ["warn"])
        #expect(result.exitCode == 0)
    }

    @Test func aMissingFileIsReportedAndTheOthersAreStillRead() throws {
        let folder = try ScratchFolder()
        try folder.write("first.log", "first\n")
        try folder.write("last.log", "last\n")
        let result = try runLogs(["--output", "json", "first.log", "missing.log", "last.log"], in: folder)
        #expect(result.exitCode == 1)
        #expect(try EmittedRecord.all(in: result.stdout).map(\.message) == ["first", "last"])
        let complaints = outputLines(result.stderrText)
        #expect(complaints.count == 1, "stderr: \(result.stderrText)")
        #expect(complaints.first?.contains("missing.log") == true && complaints.first?.contains("No such file") == true)
    }

    /// A folder opens but cannot be read: the complaint must still say which input it was.
    @Test func aFolderIsReportedByName() throws {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/archive.d", withIntermediateDirectories: false)
        try folder.write("real.log", "real\n")
        let result = try runLogs(["--output", "json", "archive.d", "real.log"], in: folder)
        #expect(result.exitCode == 1)
        #expect(try EmittedRecord.all(in: result.stdout).map(\.message) == ["real"])
        #expect(outputLines(result.stderrText) == ["opsdeck logs: archive.d: read failed: Is a directory"])
    }
}
