import Testing
@testable import OpsCore

/// How the pipeline frames records out of lines: JSON values spread over many lines, several
/// values on one line, arrays, and JSON that turns out broken. Whatever the shape, every line
/// must end up in a record (or be counted as blank or structural) with the right line number.
@Suite struct LogPipelineFramingTests {
    /// `render logs -o json`: Go's MarshalIndent, two-space indent, no separator between objects.
    static let render = """
        {
          "id": "evt-1",
          "labels": [
            {
              "name": "resource",
              "value": "srv-123"
            },
            {
              "name": "level",
              "value": "error"
            }
          ],
          "message": "payment failed",
          "timestamp": "2024-05-01T12:00:00.123Z"
        }
        """

    /// `fly logs --json`: pretty objects whose `message` is the application's own JSON line.
    static let fly = #"""
        {
          "timestamp": "2024-05-01T12:00:01.123456789Z",
          "level": "info",
          "instance": "148e4d55",
          "region": "ams",
          "message": "{\"level\":\"warn\",\"msg\":\"slow checkout\"}",
          "meta": {
            "Instance": "148e4d55",
            "Region": "ams",
            "Event": {
              "Provider": "app"
            },
            "HTTP": null,
            "Error": null,
            "URL": null
          }
        }
        """#

    /// `kubectl get pods --watch -o json`: four-space indent, no level, no message.
    static let kubectlWatch = """
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
                "name": "api-1",
                "namespace": "shop",
                "labels": {
                    "app": "api"
                }
            },
            "spec": {},
            "status": {
                "phase": "Running",
                "containerStatuses": [
                    {
                        "name": "api",
                        "ready": true,
                        "restartCount": 0
                    }
                ]
            }
        }
        """

    static func lineCount(_ text: String) -> Int { text.split(separator: "\n", omittingEmptySubsequences: false).count }

    // MARK: pretty-printed values

    @Test func prettyObjectsBackToBackWithoutSeparator() throws {
        let input = [Self.render, Self.fly, Self.kubectlWatch].joined(separator: "\n")
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 3, "\(records)")
        let renderLines = Self.lineCount(Self.render)
        let flyLines = Self.lineCount(Self.fly)

        #expect(records[0].line == 1)
        #expect(records[0].level == .error) // from the `level` label
        #expect(records[0].message == "payment failed")
        #expect(records[0].time?.rfc3339Milliseconds == "2024-05-01T12:00:00.123Z")
        #expect(FieldCondition.resolve("resource", in: records[0]) == "srv-123")
        #expect(FieldCondition.resolve("id", in: records[0]) == "evt-1")

        #expect(records[1].line == renderLines + 1)
        #expect(records[1].level == .warn) // the inner JSON message wins over the envelope's `info`
        #expect(records[1].message == "slow checkout")
        #expect(records[1].source == "148e4d55")
        #expect(records[1].time?.rfc3339Milliseconds == "2024-05-01T12:00:01.123Z")
        #expect(FieldCondition.resolve("outer.meta.Event.Provider", in: records[1]) == "app")

        #expect(records[2].line == renderLines + flyLines + 1)
        #expect(records[2].level == .unknown)
        #expect(records[2].message == "")
        #expect(FieldCondition.resolve("metadata.labels.app", in: records[2]) == "api")
        #expect(FieldCondition.resolve("status.phase", in: records[2]) == "Running")

        #expect(stats.lines == Self.lineCount(input))
        #expect(stats.linesInRecords == stats.lines)
        #expect(stats.records == 3 && stats.matched == 3)
        #expect(stats.malformedJSON == 0 && stats.continuationLines == 0)
        #expect(stats.isBalanced)
    }

    @Test func prettyObjectFollowedByAnOrdinaryLine() throws {
        let (records, stats) = PipelineHarness.run(Self.render + "\n" + #"{"level":"info","msg":"next"}"# + "\nplain tail")
        try #require(records.count == 3)
        let after = Self.lineCount(Self.render) + 1
        #expect(records.map(\.line) == [1, after, after + 1])
        #expect(records.map(\.message) == ["payment failed", "next", "plain tail"])
        #expect(stats.isBalanced && stats.lines == after + 1)
    }

    @Test func closingAndOpeningBraceOnOneLine() throws {
        let input = """
            {
              "level": "info",
              "msg": "first"
            }{
              "level": "error",
              "msg": "second"
            }
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records.map(\.message) == ["first", "second"])
        #expect(records.map(\.level) == [.info, .error])
        #expect(records.map(\.line) == [1, 4])
        #expect(stats.isBalanced && stats.lines == 7 && stats.malformedJSON == 0)
    }

    @Test func manyPrettyValuesJoinedByClosingAndOpeningBraces() {
        // 400 values of 4 lines written `}{`: far more lines than one value may span, yet each
        // value ends on its own `}{` line.
        let count = 400
        var lines = ["{"]
        for k in 0..<count {
            lines += ["  \"level\": \"info\",", "  \"msg\": \"value \(k)\""]
            lines.append(k < count - 1 ? "}{" : "}")
        }
        let (records, stats) = PipelineHarness.run(lines.joined(separator: "\n"))
        #expect(records.count == count)
        #expect(records.map(\.message) == (0..<count).map { "value \($0)" })
        #expect(records.map(\.line) == (0..<count).map { 1 + 3 * $0 })
        #expect(stats.lines == lines.count && stats.isBalanced && stats.malformedJSON == 0)
    }

    @Test func valueOpenedAfterAnotherOnTheSameLineIsCountedOnce() {
        let (records, stats) = PipelineHarness.run("{\"a\":1}{\"b\":\n2}\nnext")
        #expect(records.map(\.fields) == [[JSONMember("a", .number("1"))], [JSONMember("b", .number("2"))], []])
        #expect(records.map(\.line) == [1, 1, 3])
        #expect(stats.lines == 3 && stats.linesInRecords == 3 && stats.isBalanced)
    }

    @Test func brokenValueOpenedAfterAnotherOnTheSameLineIsCountedOnce() {
        let (records, stats) = PipelineHarness.run("{\"a\":1}{\nhello")
        #expect(records.map(\.message) == ["", "{", "hello"])
        #expect(records.map(\.line) == [1, 1, 2])
        #expect(stats.lines == 2 && stats.linesInRecords == 2 && stats.isBalanced)
    }

    @Test func objectsBackToBackOnOneLine() {
        let (records, stats) = PipelineHarness.run(#"{"level":"info","msg":"a"}{"level":"warn","msg":"b"} {"msg":"c"}"#)
        #expect(records.map(\.message) == ["a", "b", "c"])
        #expect(records.map(\.line) == [1, 1, 1])
        #expect(stats.lines == 1 && stats.linesInRecords == 1 && stats.records == 3)
    }

    @Test func manyValuesBackToBackOnOneLineDoNotExhaustTheStack() {
        // Each value used to be read by a recursive call: 10 000 of them overflowed the stack.
        let (records, stats) = PipelineHarness.run(String(repeating: #"{"n":1}"#, count: 20_000) + "\nnext")
        #expect(records.count == 20_001)
        #expect(records.dropLast().allSatisfy { $0.line == 1 && $0.fields == [JSONMember("n", .number("1"))] })
        #expect(records.last?.line == 2)
        #expect(stats.lines == 2 && stats.isBalanced)
    }

    // MARK: arrays

    @Test func gcloudArrayOneElementPerLineWithTrailingCommas() throws {
        let input = """
            [
              {
                "insertId": "abc",
                "jsonPayload": {
                  "message": "from payload",
                  "user": "u1"
                },
                "logName": "projects/p/logs/app",
                "severity": "ERROR",
                "timestamp": "2024-05-01T12:00:00.123Z"
              },
              {
                "insertId": "abd",
                "textPayload": "plain payload",
                "logName": "projects/p/logs/app",
                "severity": "INFO",
                "timestamp": "2024-05-01T12:00:01Z"
              },
              {"severity": "WARNING", "message": "one-line element"},
              {"severity": "DEBUG", "message": "last element"}
            ]
            after the array
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 5, "\(records)")
        #expect(records.map(\.message) == ["from payload", "plain payload", "one-line element", "last element", "after the array"])
        #expect(records.map(\.level) == [.error, .info, .warn, .debug, .unknown])
        #expect(records.map(\.line) == [2, 12, 19, 20, 22])
        #expect(FieldCondition.resolve("user", in: records[0]) == "u1")
        #expect(stats.structuralLines == 2) // `[` and `]`
        #expect(stats.lines == 22 && stats.isBalanced && stats.malformedJSON == 0)
    }

    @Test func arrayOfObjectsOnOneLine() {
        let (records, stats) = PipelineHarness.run(#"[{"level":"info","msg":"a"},{"level":"warn","msg":"b"}]"# + "\nnext")
        #expect(records.map(\.message) == ["a", "b", "next"])
        #expect(records.map(\.line) == [1, 1, 2])
        #expect(records.map(\.level) == [.info, .warn, .unknown])
        #expect(stats.lines == 2 && stats.records == 3 && stats.isBalanced)
    }

    @Test func arrayOfNonObjectsIsText() {
        let records = PipelineHarness.records(#"[1, 2, "three"]"#)
        #expect(records.map(\.message) == [#"[1, 2, "three"]"#])
    }

    // MARK: broken JSON

    @Test func truncatedObjectThenNormalLines() throws {
        // The first line was cut mid-object: it must not swallow the lines after it.
        let input = """
            {"level":"info","msg":"cut here","attempt":
            {"level":"warn","msg":"second"}
            plain third
            {"level":"error","msg":"fourth"}
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 4, "\(records)")
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[0].message == #"{"level":"info","msg":"cut here","attempt":"#)
        #expect(records[0].level == .unknown)
        #expect(records.dropFirst().map(\.message) == ["second", "plain third", "fourth"])
        #expect(records.dropFirst().map(\.level) == [.warn, .unknown, .error])
        #expect(stats.malformedJSON == 1)
        #expect(stats.lines == 4 && stats.records == 4 && stats.isBalanced)
    }

    @Test func truncatedPrettyObjectThenNormalLines() throws {
        // A pretty object cut after its second line, then ordinary JSON lines.
        let input = """
            {
              "level": "info",
            {"level":"warn","msg":"second"}
            {"level":"error","msg":"third"}
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 3, "\(records)")
        // The indented line continues the broken `{` record: it was part of the same write.
        #expect(records[0].line == 1)
        #expect(records[0].message == "{\n  \"level\": \"info\",")
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(records.dropFirst().map(\.message) == ["second", "third"])
        #expect(stats.lines == 4 && stats.isBalanced && stats.malformedJSON == 1)
    }

    @Test func unterminatedStringIsOneTextRecord() throws {
        let input = """
            {"level":"info","msg":"no closing quote}
            {"level":"warn","msg":"fine"}
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2)
        #expect(records[0].message == #"{"level":"info","msg":"no closing quote}"#)
        #expect(records[0].level == .unknown)
        #expect(records[1].message == "fine" && records[1].line == 2)
        #expect(stats.malformedJSON == 1 && stats.isBalanced)
    }

    @Test func unterminatedStringInsidePrettyObjectFallsBack() {
        let input = """
            {
              "msg": "never closed,
              "level": "info"
            }
            next
            """
        let (records, stats) = PipelineHarness.run(input)
        #expect(records.first?.line == 1)
        #expect(records.last?.message == "next" && records.last?.line == 5)
        #expect(stats.malformedJSON >= 1)
        #expect(stats.lines == 5 && stats.isBalanced)
        // No JSON record was made of the broken value.
        #expect(!records.contains { $0.level == .info })
    }

    @Test func openingBraceAloneThenTextFallsBack() throws {
        let (records, stats) = PipelineHarness.run("{\nhello\nworld")
        try #require(records.count == 3)
        #expect(records.map(\.message) == ["{", "hello", "world"])
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(stats.malformedJSON == 1 && stats.isBalanced && stats.lines == 3)
    }

    @Test func openingBraceAloneThenACompleteObject() throws {
        let (records, stats) = PipelineHarness.run("{\nhello\n{\"level\":\"warn\",\"msg\":\"whole\"}\ntail")
        try #require(records.count == 4)
        #expect(records.map(\.message) == ["{", "hello", "whole", "tail"])
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[2].level == .warn)
        #expect(stats.isBalanced && stats.lines == 4)
    }

    @Test func extraClosingBraceAfterAValueIsText() {
        let (records, stats) = PipelineHarness.run("{\n\"msg\":\"x\"\n}}\nnext")
        #expect(records.map(\.message) == ["x", "}", "next"])
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(stats.isBalanced && stats.lines == 4)
    }

    @Test func brokenValuesInARowKeepTheirOrder() {
        // Each broken line restarts the search for a value; the complete object on the last
        // line must come after the broken lines above it.
        let (records, stats) = PipelineHarness.run("{\"a\":1,\nplain\n{\"b\":2,\n{\"c\":3}")
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records.map(\.message) == [#"{"a":1,"#, "plain", #"{"b":2,"#, ""])
        #expect(records.last?.fields == [JSONMember("c", .number("3"))])
        #expect(stats.lines == 4 && stats.isBalanced && stats.malformedJSON == 2)
    }

    @Test func prefixedLinesKeepTheirPrefixWhenABrokenValueIsReadAgain() throws {
        let input = """
            [pod/api-1/app] {"level":"info",
            [pod/api-1/app] plain after a broken line
            [pod/api-2/app] {"level":"warn","msg":"complete"}
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 3, "\(records)")
        #expect(records.map(\.source) == ["api-1/app", "api-1/app", "api-2/app"])
        #expect(records.map(\.message) == [#"{"level":"info","#, "plain after a broken line", "complete"])
        #expect(FieldCondition.resolve("pod", in: records[2]) == "api-2")
        #expect(stats.isBalanced)
    }

    @Test func prefixedPrettyValueTakesThePrefixOfItsFirstLine() throws {
        let input = """
            2024-05-01T12:00:00.5Z {
            2024-05-01T12:00:00.6Z   "msg": "pretty"
            2024-05-01T12:00:00.7Z }{"msg": "second"}
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records.map(\.message) == ["pretty", "second"])
        #expect(records.map(\.time?.rfc3339Milliseconds) == ["2024-05-01T12:00:00.500Z", "2024-05-01T12:00:00.700Z"])
        #expect(records.map(\.line) == [1, 3])
        #expect(stats.isBalanced)
    }

    @Test func criPartialLinesOpeningAPrettyValueAreAllCounted() throws {
        let input = """
            2024-05-01T12:00:00.000000001Z stdout P {
            "level":"error",
            2024-05-01T12:00:00.000000002Z stdout F "msg":"joined"}
            after
            """
        let (records, stats) = PipelineHarness.run(input)
        try #require(records.count == 2, "\(records)")
        #expect(records[0].level == .error && records[0].message == "joined" && records[0].line == 1)
        #expect(records[1].line == 4)
        #expect(stats.lines == 4 && stats.linesInRecords == 4 && stats.isBalanced)
    }

    // MARK: caps

    /// A pretty object with `members` member lines: `{`, the members, `}`.
    static func prettyObject(members: Int, valueBytes: Int = 1) -> String {
        let value = String(repeating: "v", count: valueBytes)
        var lines = ["{"]
        for k in 0..<members { lines.append("  \"k\(k)\": \"\(value)\"" + (k < members - 1 ? "," : "")) }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    @Test func valueOfExactlyTheLineCapIsOneRecord() throws {
        let text = Self.prettyObject(members: MultiLineJSON.maxLines - 2)
        #expect(Self.lineCount(text) == MultiLineJSON.maxLines)
        let (records, stats) = PipelineHarness.run(text + "\nafter")
        try #require(records.count == 2)
        #expect(records[0].fields.count == MultiLineJSON.maxLines - 2)
        #expect(records[1].line == MultiLineJSON.maxLines + 1)
        #expect(stats.malformedJSON == 0 && stats.isBalanced)
    }

    @Test func valuePastTheLineCapFallsBackToText() throws {
        let text = Self.prettyObject(members: MultiLineJSON.maxLines - 1)
        let total = Self.lineCount(text)
        let (records, stats) = PipelineHarness.run(text + "\nafter")
        #expect(stats.malformedJSON >= 1)
        #expect(!records.contains { $0.fields.count > 1 })
        #expect(records.first?.line == 1)
        #expect(records.last?.message == "after" && records.last?.line == total + 1)
        #expect(stats.lines == total + 1 && stats.isBalanced)
        #expect(records.map(\.line) == records.map(\.line).sorted())
    }

    @Test func valuePastTheByteCapFallsBackToText() {
        // 20 lines of 64 KiB each: well under the line cap, over 1 MiB.
        let text = Self.prettyObject(members: 20, valueBytes: 64 << 10)
        let (records, stats) = PipelineHarness.run(text + "\nafter")
        #expect(stats.malformedJSON >= 1)
        #expect(!records.contains { $0.fields.count > 1 })
        #expect(records.last?.message == "after" && records.last?.line == 23)
        #expect(stats.lines == 23 && stats.isBalanced)
    }

    @Test func valueJustUnderTheByteCapIsOneRecord() throws {
        let text = Self.prettyObject(members: 15, valueBytes: 64 << 10)
        #expect(text.utf8.count < MultiLineJSON.maxBytes)
        let records = PipelineHarness.records(text)
        try #require(records.count == 1)
        #expect(records[0].fields.count == 15)
    }

    @Test func unclosedValueAtEndOfInputIsReadAsText() {
        let (records, stats) = PipelineHarness.run("{\n  \"level\": \"info\",\n  \"msg\": \"never closed\"")
        #expect(records.first?.message.hasPrefix("{") == true)
        #expect(!records.contains { $0.level == .info })
        #expect(stats.lines == 3 && stats.isBalanced && stats.malformedJSON >= 1)
    }
}

@Suite struct MultiLineHoldBackTests {
    /// A stray `{` must not hold back the lines after it (in --follow they would not show).
    @Test func aStrayBraceReleasesTheProseAfterItAtOnce() {
        let pipeline = LogPipeline(sourceName: nil, timestamps: PipelineHarness.parser())
        var out: [LogRecord] = []
        for (k, line) in ["{", "Started server on :8080", "2024-05-01 12:00:00 INFO ready"].enumerated() {
            Array(line.utf8).withUnsafeBufferPointer { pipeline.consume(line: $0, number: k + 1, emit: { out.append($0) }) }
        }
        pipeline.flush { out.append($0) }
        #expect(out.map(\.message) == ["{", "Started server on :8080", "ready"])
        #expect(pipeline.stats.malformedJSON == 1 && pipeline.stats.isBalanced)
    }

    @Test func linesAValueCanHoldKeepTheValueOpen() {
        let records = PipelineHarness.records("""
            {
              "values": [
                1,
                -2.5e3,
                true,
                null
              ],
              "msg": "numbers"
            }
            """)
        #expect(records.map(\.message) == ["numbers"])
    }
}
