import Foundation
import Testing

/// `opsdeck logs --output json|text` and `--color`: what exactly comes out for lines of common loggers.
@Suite struct LogsCommandOutputTests {
    /// pino (numeric level, epoch milliseconds, nested object), zap (epoch seconds float, string error,
    /// upper-case trace id), logfmt (RFC 3339, typed number), and a line with no structure at all.
    static let loggers = """
        {"level":30,"time":1714564800123,"pid":7,"hostname":"web-1","msg":"pino started","req":{"id":"r1","headers":{"host":"api.example.com"}}}
        {"level":"error","ts":1714564801.25,"caller":"db/pool.go:88","msg":"query failed","error":"dial tcp 10.0.0.7:5432: i/o timeout","trace_id":"4BF92F3577B34DA6A3CE929D0E0E4736"}
        time=2024-05-01T12:00:02Z level=warn msg="disk almost full" used=0.93 mount=/data
        plain text without structure

        """

    /// One file is read, so its name is no column of its own (JSON output keeps it as the source).
    static let plainText = [
        "2024-05-01T12:00:00.123Z INFO   pino started pid=7 hostname=web-1 req.id=r1 req.headers.host=api.example.com",
        #"2024-05-01T12:00:01.250Z ERROR  query failed error.message="dial tcp 10.0.0.7:5432: i/o timeout" trace_id=4bf92f3577b34da6a3ce929d0e0e4736 caller=db/pool.go:88"#,
        "2024-05-01T12:00:02.000Z WARN   disk almost full used=0.93 mount=/data",
        "                       - -      plain text without structure",
    ]

    @Test func jsonHasExactlyTheDocumentedKeysAndNormalisedValues() throws {
        let folder = try ScratchFolder()
        try folder.write("loggers.log", Self.loggers)
        let result = try runLogs(["--output", "json", "loggers.log"], in: folder)
        #expect(result.exitCode == 0 && result.stderr.isEmpty, "stderr: \(result.stderrText)")
        // Key order is part of the format: scripts that read it with `cut` or by eye rely on it.
        #expect(outputLines(result.stdoutText).allSatisfy { $0.hasPrefix(#"{"line":"#) })
        let records = try EmittedRecord.all(in: result.stdout)
        try #require(records.count == 4)

        let pino = records[0]
        #expect(pino.line == 1 && pino.source == "loggers.log" && pino.time == "2024-05-01T12:00:00.123Z")
        #expect(pino.level == "info" && pino.message == "pino started" && pino.error == nil && pino.traceId == nil)
        #expect(pino.fields == ["pid": 7, "hostname": "web-1", "req": ["id": "r1", "headers": ["host": "api.example.com"]]] as NSDictionary)

        let zap = records[1]
        #expect(zap.line == 2 && zap.time == "2024-05-01T12:00:01.250Z" && zap.level == "error" && zap.message == "query failed")
        #expect(zap.error == EmittedRecord.ErrorPart(type: nil, message: "dial tcp 10.0.0.7:5432: i/o timeout", stack: nil))
        #expect(zap.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(zap.fields == ["caller": "db/pool.go:88"] as NSDictionary)

        let logfmt = records[2]
        #expect(logfmt.line == 3 && logfmt.time == "2024-05-01T12:00:02.000Z" && logfmt.level == "warn")
        #expect(logfmt.message == "disk almost full" && logfmt.fields == ["used": 0.93, "mount": "/data"] as NSDictionary)

        let plain = records[3]
        #expect(plain.line == 4 && plain.time == nil && plain.level == "unknown" && plain.message == "plain text without structure")
        #expect(plain.fields.count == 0 && plain.error == nil && plain.source == "loggers.log")
    }

    @Test func textIsAlignedAndUncolouredWhenWritingToAPipe() throws {
        let folder = try ScratchFolder()
        try folder.write("loggers.log", Self.loggers)
        // `auto` is the default; a terminal type that has colours must not matter when stdout is a pipe.
        let result = try runLogs(["loggers.log"], in: folder, environment: ["TERM": "xterm-256color"])
        #expect(result.exitCode == 0)
        #expect(outputLines(result.stdoutText) == Self.plainText)
        #expect(!result.stdout.contains(0x1B))
    }

    @Test func colorAlwaysWritesSGRSequencesAroundTheSameText() throws {
        let folder = try ScratchFolder()
        try folder.write("loggers.log", Self.loggers)
        let result = try runLogs(["--color", "always", "loggers.log"], in: folder)
        #expect(result.exitCode == 0)
        let lines = outputLines(result.stdoutText)
        #expect(lines.allSatisfy { $0.contains("\u{1B}[") })
        #expect(lines[1].contains("\u{1B}[1;31mERROR \u{1B}[0m"), "line: \(lines[1])")
        #expect(lines[2].contains("\u{1B}[33mWARN  \u{1B}[0m"), "line: \(lines[2])")
        // Colour is only added: with the SGR sequences removed the text is the plain output.
        #expect(lines.map(Self.withoutSGR) == Self.plainText)
    }

    /// An explicit `--color always` is a per-invocation choice and wins over NO_COLOR, as no-color.org asks.
    @Test func colorAlwaysWinsOverNoColor() throws {
        let folder = try ScratchFolder()
        try folder.write("loggers.log", Self.loggers)
        let result = try runLogs(["--color", "always", "loggers.log"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(result.stdout.contains(0x1B))
    }

    @Test(arguments: [
        (arguments: [String](), environment: ["NO_COLOR": ""], coloured: true),
        (arguments: [], environment: ["NO_COLOR": "1"], coloured: false),
        (arguments: [], environment: ["TERM": "dumb"], coloured: false),
        (arguments: ["--color", "never"], environment: [:], coloured: false),
    ])
    func onATerminalAutoColoursUnlessToldNotTo(arguments: [String], environment: [String: String], coloured: Bool) throws {
        let folder = try ScratchFolder()
        try folder.write("loggers.log", Self.loggers)
        let lines = try Self.onATerminal(["logs"] + arguments + ["loggers.log"], in: folder, environment: environment)
        #expect(lines.count == 4)
        #expect(lines.contains { $0.contains("\u{1B}[") } == coloured, "\(lines)")
        #expect(lines.map(Self.withoutSGR) == Self.plainText)
    }

    /// Runs opsdeck with its stdout on a pseudo-terminal, through util-linux `script`, and returns the
    /// lines it wrote there (the terminal's CR before each LF removed).
    static func onATerminal(_ arguments: [String], in folder: ScratchFolder, environment: [String: String]) throws -> [String] {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "util-linux script is needed for a pseudo-terminal")
        let command = ([try OpsdeckBinary.path()] + arguments).map(Self.shellQuoted).joined(separator: " ")
        var variables = ["TZ": "UTC", "TERM": "xterm-256color"]
        variables.merge(environment) { _, new in new }
        let result = try ChildProcess(script, ["-qec", command, "/dev/null"], environment: variables,
                                      currentDirectory: folder.path).wait(timeout: .seconds(10))
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        return outputLines(result.stdoutText.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    static func shellQuoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }

    static func withoutSGR(_ line: String) -> String {
        line.replacing(/\x{1B}\[[0-9;]*m/, with: "")
    }
}
