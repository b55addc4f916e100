import Foundation
import Testing

/// `opsdeck logs` on input that is broken in every way a log can be: never a crash (exit 0), never a
/// hang (every run has a deadline), nothing lost, and output that is valid UTF-8.
@Suite struct LogsCommandBadInputTests {
    /// Runs over stdin in both output formats; every run must end well and print safe text.
    private func bothFormats(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: ChildResult, json: [EmittedRecord]) {
        let text = try runLogs([], stdin: input, sourceLocation: sourceLocation)
        let json = try runLogs(["--output", "json"], stdin: input, sourceLocation: sourceLocation)
        for result in [text, json] {
            #expect(result.exitCode == 0 && result.stderr.isEmpty, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
        }
        #expect(terminalHazards(in: text.stdout) == [], sourceLocation: sourceLocation)
        #expect(terminalHazards(in: json.stdout) == [], sourceLocation: sourceLocation)
        return (text, try EmittedRecord.all(in: json.stdout))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var input: [UInt8] = Array("bad ".utf8) + [0xFF, 0xFE] + Array(" utf8 ".utf8) + [0xC3, 0x28] + Array(" end\n".utf8)
        input += Array(#"{"level":"warn","msg":"json "#.utf8) + [0xFF] + Array(#" bad","k"#.utf8) + [0xFE] + Array(#"":"v"#.utf8) + [0xC0] + Array("\"}\n".utf8)
        input += Array("level=info msg=\"surrogate ".utf8) + [0xED, 0xA0, 0x80] + Array("\"\n".utf8)
        let (text, records) = try bothFormats(input)
        #expect(records.map(\.message) == [
            "bad \u{FFFD}\u{FFFD} utf8 \u{FFFD}( end", "json \u{FFFD} bad", "surrogate \u{FFFD}\u{FFFD}\u{FFFD}",
        ])
        // The JSON line is still read as JSON: its level and its (repaired) key and value survive.
        #expect(records[1].level == "warn" && records[1].fields == ["k\u{FFFD}": "v\u{FFFD}"] as NSDictionary)
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(text.stdoutText.contains("bad \u{FFFD}\u{FFFD} utf8 \u{FFFD}( end"))
    }

    /// 10 MB on one line: cut at the 1 MiB line limit, marked, and the next line read as usual.
    @Test(arguments: [false, true])
    func aTenMegabyteLineIsCutAndMarked(throughStdin: Bool) throws {
        let input = Array(#"{"level":"info","msg":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
            + Array("\"}\n{\"level\":\"warn\",\"msg\":\"next\"}\nplain after\n".utf8)
        let folder = try ScratchFolder()
        try folder.write("huge.log", input)
        let started = ContinuousClock.now
        let result = throughStdin
            ? try runLogs(["--output", "json"], stdin: input, timeout: .seconds(20))
            : try runLogs(["--output", "json", "huge.log"], in: folder, timeout: .seconds(20))
        let elapsed = ContinuousClock.now - started
        #expect(result.exitCode == 0)
        let records = try EmittedRecord.all(in: result.stdout)
        try #require(records.count == 3)
        // Cut mid-string, the JSON no longer parses: its first MiB is kept as text.
        #expect(records[0].line == 1 && records[0].message.hasSuffix("xxx [truncated]"))
        #expect(records[0].message.hasPrefix(#"{"level":"info","msg":"xxx"#))
        #expect(records[0].message.utf8.count == (1 << 20) + " [truncated]".utf8.count)
        #expect(records[1].line == 2 && records[1].level == "warn" && records[1].message == "next")
        #expect(records[2].line == 3 && records[2].message == "plain after")
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test func binaryGarbageWithNULBytesIsShownSafelyAndReadingGoesOn() throws {
        // Deterministic noise (every byte value, NULs and LFs included), then ordinary lines.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let noise = (0..<64 * 1024).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let noiseLines = noise.filter { $0 == 0x0A }.count + 1
        let input = noise + Array("\nafter garbage\n{\"level\":\"warn\",\"msg\":\"still parsed\"}\n".utf8)
        let (text, records) = try bothFormats(input)
        #expect(!text.stdout.contains(0))
        try #require(records.count >= 2)
        #expect(records[records.count - 2].message == "after garbage" && records[records.count - 2].line == noiseLines + 1)
        #expect(records.last?.level == "warn" && records.last?.message == "still parsed" && records.last?.line == noiseLines + 2)
        // In input order.
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.line <= $1.line })
    }

    @Test func unbalancedBracesDoNotSwallowTheLinesAfterThem() throws {
        let input = """
            {"a":{"b":1
            level=info msg="logfmt after"
            {"level":"warn","msg":"json after"}
            plain after
            {"never":["closed"

            """
        let (_, records) = try bothFormats(Array(input.utf8))
        #expect(records.map(\.message) == [#"{"a":{"b":1"#, "logfmt after", "json after", "plain after", #"{"never":["closed""#])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
        #expect(records.map(\.level) == ["unknown", "info", "warn", "unknown", "unknown"])
    }

    @Test func anOpenBraceFollowedByPlainLinesIsCappedNotBufferedForever() throws {
        // More lines than multi-line JSON may collect: they come back as records of their own.
        let input = "{\"a\":[\n" + (1...1500).map { "\($0)," }.joined(separator: "\n") + "\nnormal tail\n"
        let (_, records) = try bothFormats(Array(input.utf8))
        #expect(records.count == 1502)
        #expect(records.last?.line == 1502 && records.last?.message == "normal tail")
    }

    /// Nesting deep enough to overflow a recursive parser's stack: read as text, never a crash.
    @Test func absurdlyDeepNestingIsTextNotACrash() throws {
        // Arrays nest in two bytes a level; objects in six, and their text is slower to scan for secrets.
        let (arrayDepth, objectDepth) = (200_000, 40_000)
        let input = String(repeating: #"{"a":"#, count: objectDepth) + "1" + String(repeating: "}", count: objectDepth) + "\n"
            + String(repeating: "[", count: arrayDepth) + String(repeating: "]", count: arrayDepth) + "\n"
            + #"{"level":"warn","msg":"shallow again","x":[[1]]}"# + "\n"
        let (_, records) = try bothFormats(Array(input.utf8))
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records[0].level == "unknown" && records[0].message.hasPrefix(#"{"a":{"a":"#))
        #expect(records[1].message.utf8.count == 2 * arrayDepth)
        #expect(records[2].level == "warn" && records[2].message == "shallow again" && records[2].fields == ["x": [[1]]] as NSDictionary)
    }

    /// Linux Foundation accepts `{"a":1,}`; JSON does not, and neither does opsdeck.
    @Test func trailingCommasAreTextNotJSON() throws {
        let input = #"{"a":1,}"# + "\n" + #"{"level":"error","msg":"x",}"# + "\n" + #"{"level":"info","msg":"fine"}"# + "\n"
        let (_, records) = try bothFormats(Array(input.utf8))
        #expect(records.map(\.message) == [#"{"a":1,}"#, #"{"level":"error","msg":"x",}"#, "fine"])
        #expect(records.map(\.level) == ["unknown", "unknown", "info"])
        #expect(records.allSatisfy { $0.fields.count == 0 })
    }

    @Test func emptyInputPrintsNothing() throws {
        let (text, records) = try bothFormats([])
        #expect(text.stdout.isEmpty && records.isEmpty)
        let folder = try ScratchFolder()
        try folder.write("empty.log", [])
        let fromFile = try runLogs(["empty.log"], in: folder)
        #expect(fromFile.exitCode == 0 && fromFile.stdout.isEmpty && fromFile.stderr.isEmpty)
    }

    @Test func blankLinesAreNoRecordsButStillCount() throws {
        let (text, records) = try bothFormats(Array("   \n\t\n \t \n\nafter blanks\n        \n".utf8))
        #expect(records.map(\.message) == ["after blanks"] && records.map(\.line) == [5])
        #expect(outputLines(text.stdoutText).count == 1)
    }

    @Test func crlfLineEndingsAreNotPartOfTheRecords() throws {
        let input = "plain\r\n{\"level\":\"warn\",\"msg\":\"crlf json\"}\r\nlevel=error msg=\"crlf logfmt\" k=v\r\n\r\nlast\r\n"
        let (text, records) = try bothFormats(Array(input.utf8))
        #expect(records.map(\.message) == ["plain", "crlf json", "crlf logfmt", "last"])
        #expect(records.map(\.level) == ["unknown", "warn", "error", "unknown"])
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[2].fields == ["k": "v"] as NSDictionary)
        #expect(!text.stdout.contains(0x0D))
    }
}
