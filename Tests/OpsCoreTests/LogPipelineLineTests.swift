import Testing
@testable import OpsCore

/// Line-level framing: CRI partial lines joined, CRLF line ends, blank lines, and the line
/// numbers records carry.
@Suite struct LogPipelineLineTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: CRI partial lines

    @Test func criPartialLinesAreJoinedUntilTheFinalLine() throws {
        let input = """
            2024-05-01T12:00:00.000000001Z stdout P first part,\u{20}
            2024-05-01T12:00:00.000000002Z stdout P second part,\u{20}
            2024-05-01T12:00:00.000000003Z stdout F last part
            2024-05-01T12:00:01.000000000Z stderr F next record
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records[0].message == "first part, second part, last part")
        #expect(records[0].line == 1)
        #expect(records[0].time?.rfc3339Milliseconds == "2024-05-01T12:00:00.000Z")
        #expect(FieldCondition.resolve("stream", in: records[0]) == "stdout")
        #expect(records[1].message == "next record" && records[1].line == 4)
        #expect(FieldCondition.resolve("stream", in: records[1]) == "stderr")
        #expect(stats.lines == 4 && stats.linesInRecords == 4 && stats.records == 2 && stats.isBalanced)
    }

    @Test func criPartialLinesJoinIntoOneJSONRecord() throws {
        let input = """
            2024-05-01T12:00:00.000000001Z stdout P {"level":"error","msg":"joined
            2024-05-01T12:00:00.000000002Z stdout P  across
            2024-05-01T12:00:00.000000003Z stdout F  three lines","code":7}
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 1, "\(records)")
        #expect(records[0].level == .error)
        #expect(records[0].message == "joined across three lines")
        #expect(FieldCondition.resolve("code", in: records[0]) == "7")
        #expect(stats.lines == 3 && stats.isBalanced && stats.malformedJSON == 0)
    }

    @Test func criPartialWithoutItsFinalLineIsKeptAtTheEnd() throws {
        let (records, stats) = PipelineHarness.run("2024-05-01T12:00:00Z stdout P cut off by the end")
        try #require(records.count == 1)
        #expect(records[0].message == "cut off by the end")
        #expect(records[0].line == 1)
        #expect(stats.lines == 1 && stats.isBalanced)
    }

    // MARK: line ends

    @Test func crlfLineEndsAreStripped() throws {
        let text = "{\"level\":\"info\",\"msg\":\"json\"}\r\nplain text\r\n{\r\n  \"msg\": \"pretty\"\r\n}\r\n\tat a.b(C.java:1)\r\n"
        let (records, stats) = PipelineHarness.run(bytes: Self.bytes(text))
        try #require(records.count == 3, "\(records)")
        #expect(records.map(\.message) == ["json", "plain text", "pretty\n\tat a.b(C.java:1)"])
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(!records.contains { $0.message.contains("\r") })
        #expect(stats.lines == 6 && stats.isBalanced && stats.continuationLines == 1)
    }

    @Test func lastLineWithoutNewlineIsRead() {
        let (records, stats) = PipelineHarness.run(bytes: Self.bytes("one\ntwo"))
        #expect(records.map(\.message) == ["one", "two"])
        #expect(stats.lines == 2 && stats.isBalanced)
    }

    @Test func overlongLinesAreMarkedTruncatedAndCounted() throws {
        let long = #"{"level":"info","msg":""# + String(repeating: "x", count: 200) + #""}"#
        let (records, stats) = PipelineHarness.run(bytes: Self.bytes(long + "\nshort\n"), maxLineBytes: 64)
        try #require(records.count == 2, "\(records)")
        #expect(records[0].truncated)
        // Cut JSON is shown as the text it is, with the mark that says so.
        #expect(records[0].message.utf8.count == 64 + " [truncated]".utf8.count)
        #expect(records[0].message.hasSuffix(" [truncated]"))
        #expect(!records[1].truncated && records[1].message == "short" && records[1].line == 2)
        #expect(stats.truncatedLines == 1 && stats.malformedJSON == 1 && stats.isBalanced)
    }

    @Test func truncatedOpeningLineDoesNotStartAMultiLineValue() {
        let cut = "{\"msg\":[" + String(repeating: "1,", count: 100)
        let (records, stats) = PipelineHarness.run(bytes: Self.bytes(cut + "\n2]}\nafter\n"), maxLineBytes: 32)
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records.last?.message == "after")
        #expect(stats.lines == 3 && stats.isBalanced)
    }

    // MARK: blank lines

    @Test func blankLinesAreCountedNotRecorded() {
        let (records, stats) = PipelineHarness.run(bytes: Self.bytes("\n   \none\n\t\n\r\n{\"msg\":\"two\"}\n\n"))
        #expect(records.map(\.message) == ["one", "two"])
        #expect(records.map(\.line) == [3, 6])
        #expect(stats.blankLines == 5)
        #expect(stats.lines == 7 && stats.linesInRecords == 2 && stats.isBalanced)
    }

    @Test func blankLinesInsideAPrettyValueBelongToIt() throws {
        let (records, stats) = PipelineHarness.run("{\n\n  \"msg\": \"spaced\"\n\n}\nnext")
        try #require(records.count == 2)
        #expect(records.map(\.message) == ["spaced", "next"])
        #expect(records.map(\.line) == [1, 6])
        #expect(stats.lines == 6 && stats.isBalanced && stats.blankLines == 0)
    }

    @Test func emptyInputHasNoRecords() {
        let (records, stats) = PipelineHarness.run(bytes: [])
        #expect(records.isEmpty)
        #expect(stats == LogPipelineStats())
        #expect(stats.isBalanced)
    }

    // MARK: line numbers with a source name

    @Test func recordsCarryTheInputNameUnlessAPrefixNamesThem() {
        let records = PipelineHarness.records("plain\n[pod/api-1/app] from a pod", source: "app.log")
        #expect(records.map(\.source) == ["app.log", "api-1/app"])
        #expect(records.map(\.line) == [1, 2])
    }
}
