import Testing
@testable import OpsCore

/// Lines of several sources in one stream (kubectl --prefix over many pods, compose), coloured
/// tool prefixes, and partial lines.
@Suite struct LogPipelineSourcesTests {
    @Test func aStackLineNeverJoinsAnotherSourcesRecord() throws {
        let records = PipelineHarness.records("""
            [pod/a/api] 2024-05-01T12:00:00Z {"level":"error","msg":"api failed"}
            [pod/b/web] 2024-05-01T12:00:01Z {"msg":"web ok"}
            [pod/a/api] 2024-05-01T12:00:02Z     at handler(api.js:1)
            [pod/b/web] 2024-05-01T12:00:03Z {"level":"error","msg":"web failed"}
            [pod/b/web] 2024-05-01T12:00:04Z     at render(web.js:9)
            """)
        #expect(records.map(\.message) == ["api failed", "web ok", "    at handler(api.js:1)",
                                           "web failed\n    at render(web.js:9)"])
        #expect(records.map(\.source) == ["a/api", "b/web", "a/api", "b/web"])
    }

    @Test func aColouredToolPrefixIsStillRead() throws {
        let line = "\u{1B}[2m2024-05-01T12:00:00Z\u{1B}[0m app[148e4d55] ams [\u{1B}[32minfo\u{1B}[0m] fly text"
        let record = try #require(PipelineHarness.record(line))
        #expect(record.level == .info)
        #expect(record.time?.rfc3339Milliseconds == "2024-05-01T12:00:00.000Z")
        #expect(record.source == "148e4d55")
        #expect(record.message == "fly text")
    }

    @Test func colourInsideAMessageIsKeptToBeShownEscaped() throws {
        let record = try #require(PipelineHarness.record("plain \u{1B}[31mred\u{1B}[0m text"))
        #expect(record.message == "plain \u{1B}[31mred\u{1B}[0m text")
    }

    @Test func aCRIRecordTakesTheTimeOfItsFirstPart() throws {
        let records = PipelineHarness.records("""
            2024-05-01T12:00:00.000000000Z stdout P {"level":"warn",
            2024-05-01T12:00:05.000000000Z stdout F "msg":"joined"}
            """)
        try #require(records.count == 1)
        #expect(records[0].message == "joined")
        #expect(records[0].time?.rfc3339Milliseconds == "2024-05-01T12:00:00.000Z")
        #expect(records[0].line == 1)
    }

    @Test func anIndentedLineOfCodeJoinsItsTracebackButAnIndentedRecordDoesNot() throws {
        let traceback = PipelineHarness.records("""
            ERROR lookup failed
            Traceback (most recent call last):
              File "a.py", line 3, in <module>
                {"a": 1}["b"]
            KeyError: 'b'
            """)
        #expect(traceback.count == 1)
        #expect(traceback.first?.message.hasSuffix("KeyError: 'b'") == true)
        let indented = PipelineHarness.records("""
            ERROR first
              {"level":"error","msg":"second"}
            """)
        #expect(indented.map(\.message) == ["first", "second"])
    }
}
