import Foundation
import Testing
@testable import OpsCore

/// `opsdeck logs --output json`: one JSON object per record, always the same eight keys in the
/// same order, safe to print to a terminal; and the redaction every export goes through.
@Suite struct RecordOutputTests {
    static let keys = ["line", "source", "time", "level", "message", "error", "trace_id", "fields"]

    static func encode(_ records: [LogRecord]) -> [UInt8] {
        var writer = JSONWriter()
        let encoder = RecordJSONEncoder()
        for record in records { encoder.append(record, to: &writer) }
        return writer.bytes
    }

    static func encode(_ record: LogRecord) -> [UInt8] { encode([record]) }

    /// The encoded line without its newline, read back by Foundation.
    static func foundationObject(_ bytes: [UInt8]) throws -> [String: Any] {
        let line = Data(bytes.dropLast())
        return try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
    }

    /// The encoded line read back by our own strict parser, which keeps key order.
    static func orderedObject(_ bytes: [UInt8]) throws -> [JSONMember] {
        let value = try Array(bytes.dropLast()).withUnsafeBufferPointer { try JSONParser.parse($0) }
        return try #require(value.objectMembers)
    }

    static let full = LogRecord(
        line: 42, source: "api-1/app", time: LogTimestamp(nanosecondsSinceEpoch: 1_714_564_800_123_456_789),
        level: .error, message: "payment failed",
        error: LogError(type: "CardError", message: "declined", stack: "CardError: declined\n    at charge (pay.js:7:3)"),
        traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        fields: [
            JSONMember("order", .object([JSONMember("id", .number("1714564800123456789")), JSONMember("total", .number("12.50"))])),
            JSONMember("tags", .array([.string("checkout"), .bool(true), .null])),
            JSONMember("retry", .bool(false)),
        ])

    @Test func exactlyTheEightKeysInOrder() throws {
        let bytes = Self.encode(Self.full)
        #expect(bytes.last == 0x0A)
        #expect(bytes.dropLast().allSatisfy { $0 != 0x0A })
        #expect(try Self.orderedObject(bytes).map(\.key) == Self.keys)
        #expect(try Self.orderedObject(Self.encode(LogRecord(line: 1, message: ""))).map(\.key) == Self.keys)
    }

    @Test func valuesReadBackByFoundation() throws {
        let object = try Self.foundationObject(Self.encode(Self.full))
        #expect(Set(object.keys) == Set(Self.keys))
        #expect(object["line"] as? Int == 42)
        #expect(object["source"] as? String == "api-1/app")
        #expect(object["time"] as? String == "2024-05-01T12:00:00.123Z")
        #expect(object["level"] as? String == "error")
        #expect(object["message"] as? String == "payment failed")
        let error = try #require(object["error"] as? [String: Any])
        #expect(error.count == 3)
        #expect(error["type"] as? String == "CardError")
        #expect(error["message"] as? String == "declined")
        #expect(error["stack"] as? String == "CardError: declined\n    at charge (pay.js:7:3)")
        #expect(object["trace_id"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        let fields = try #require(object["fields"] as? [String: Any])
        let order = try #require(fields["order"] as? [String: Any])
        #expect((order["id"] as? NSNumber)?.int64Value == 1_714_564_800_123_456_789)
        #expect(fields["retry"] as? Bool == false)
        let tags = try #require(fields["tags"] as? [Any])
        #expect(tags.count == 3 && tags[0] as? String == "checkout" && tags[1] as? Bool == true && tags[2] is NSNull)
    }

    @Test func nestedFieldsKeepTheirOrderAndNumberText() throws {
        let bytes = Self.encode(Self.full)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""fields":{"order":{"id":1714564800123456789,"total":12.50},"tags":["checkout",true,null],"retry":false}}"#))
        let fields = try #require(try Self.orderedObject(bytes).first { $0.key == "fields" }?.value.objectMembers)
        #expect(fields == Self.full.fields)
    }

    @Test func missingPartsAreNull() throws {
        let bare = LogRecord(line: 7, message: "bare")
        let object = try Self.foundationObject(Self.encode(bare))
        for key in ["source", "time", "error", "trace_id"] { #expect(object[key] is NSNull, "\(key)") }
        #expect(object["level"] as? String == "unknown")
        #expect((object["fields"] as? [String: Any])?.isEmpty == true)
        #expect(String(decoding: Self.encode(bare), as: UTF8.self)
            == #"{"line":7,"source":null,"time":null,"level":"unknown","message":"bare","error":null,"trace_id":null,"fields":{}}"# + "\n")

        let partial = LogRecord(line: 1, message: "m", error: LogError(message: "only a message"))
        let error = try #require(try Self.foundationObject(Self.encode(partial))["error"] as? [String: Any])
        #expect(error["type"] is NSNull && error["stack"] is NSNull && error["message"] as? String == "only a message")
    }

    @Test(arguments: LogLevel.allCases)
    func levelIsItsName(_ level: LogLevel) throws {
        let object = try Self.foundationObject(Self.encode(LogRecord(line: 1, level: level, message: "")))
        #expect(object["level"] as? String == level.name)
    }

    @Test(arguments: [
        (Int64(1_714_564_800_123_456_789), "2024-05-01T12:00:00.123Z"),
        (Int64(1_714_564_800_999_999_999), "2024-05-01T12:00:00.999Z"), // truncated, never rounded up
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
        (Int64(951_782_400_000_000_000), "2000-02-29T00:00:00.000Z"),
        (Int64(2_524_608_000_000_000_000), "2050-01-01T00:00:00.000Z"),
    ])
    func timeIsRFC3339InUTCWithMilliseconds(_ nanoseconds: Int64, _ expected: String) throws {
        // A time read without a zone is still written in UTC with a Z.
        for assumed in [false, true] {
            let record = LogRecord(line: 1, time: LogTimestamp(nanosecondsSinceEpoch: nanoseconds, zoneAssumed: assumed), message: "")
            #expect(try Self.foundationObject(Self.encode(record))["time"] as? String == expected)
        }
    }

    // MARK: escapes

    static let hostile = "q\"b\\s/ nl\n cr\r tab\t nul\u{0} bel\u{7} esc\u{1B}[31m del\u{7F} c1\u{85}\u{9B} bidi\u{202E}\u{2066} "
        + "zw\u{200B}\u{FEFF} ls\u{2028} ps\u{2029} emoji🎉 é 中"

    @Test func hostileTextIsEscapedAndReadsBackExactly() throws {
        let record = LogRecord(line: 1, source: Self.hostile, level: .warn, message: Self.hostile,
                               error: LogError(type: Self.hostile, message: Self.hostile, stack: Self.hostile),
                               traceId: Self.hostile, fields: [JSONMember(Self.hostile, .string(Self.hostile))])
        let bytes = Self.encode(record)
        // No raw control, C1, bidi, invisible or separator character reaches the output.
        #expect(bytes.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F })
        let text = String(decoding: bytes, as: UTF8.self)
        for scalar in text.unicodeScalars.dropLast() {
            #expect(!TerminalSafety.isInvisibleOrControl(scalar.value), "U+\(String(scalar.value, radix: 16))")
        }
        for escape in [#"q\"b\\s/"#, #"\n"#, #"\r"#, #"\t"#, #"\u0000"#, #"\u0007"#, #"\u001b[31m"#, #"\u007f"#, #"\u0085"#,
                       #"\u009b"#, #"\u202e"#, #"\u2066"#, #"\u200b"#, #"\ufeff"#, #"\u2028"#, #"\u2029"#, "emoji🎉 é 中"] {
            #expect(text.contains(escape), "\(escape)")
        }
        let object = try Self.foundationObject(bytes)
        for key in ["source", "message", "trace_id"] { #expect(object[key] as? String == Self.hostile, "\(key)") }
        let error = try #require(object["error"] as? [String: Any])
        for key in ["type", "message", "stack"] { #expect(error[key] as? String == Self.hostile, "error.\(key)") }
        #expect((object["fields"] as? [String: Any])?[Self.hostile] as? String == Self.hostile)
    }

    @Test func everyRecordIsOneLine() throws {
        let records = (1...5).map { LogRecord(line: $0, message: "line \($0)\nsecond\u{2028}third") }
        let bytes = Self.encode(records)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == 6 && lines.last?.isEmpty == true)
        for (k, line) in lines.dropLast().enumerated() {
            let object = try Self.foundationObject(Array(line) + [0x0A])
            #expect(object["line"] as? Int == k + 1)
            #expect(object["message"] as? String == "line \(k + 1)\nsecond\u{2028}third")
        }
    }

    @Test func pipelineRecordsRoundTrip() throws {
        let records = PipelineHarness.records(LoggerShapeTests.shapes.map(\.line).joined(separator: "\n"))
        try #require(records.count >= LoggerShapeTests.shapes.count)
        for record in records {
            let bytes = Self.encode(record)
            let members = try Self.orderedObject(bytes)
            #expect(members.map(\.key) == Self.keys)
            #expect(members[4].value == .string(record.message))
            #expect(members[7].value == .object(record.fields))
            _ = try Self.foundationObject(bytes)
        }
    }

    // MARK: redaction

    @Test func redactedHidesSecretsEverywhereAndKeepsTheRest() {
        let record = LogRecord(
            line: 3, source: "api", time: LogTimestamp(secondsSinceEpoch: 1_714_564_800), level: .error,
            message: "login failed password=hunter2 for user ann",
            error: LogError(type: "AuthError", message: "Authorization: Bearer abc.def", stack: "at https://ann:s3cret@db.internal/x"),
            traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
            fields: [
                JSONMember("token", .string("abc123")),
                JSONMember("user", .object([JSONMember("name", .string("ann")), JSONMember("api_key", .number("12345"))])),
                JSONMember("note", .string("uses password=hunter2")),
                JSONMember("password", .null),
                JSONMember("count", .number("3")),
            ])
        let redacted = record.redacted()
        #expect(redacted.message == "login failed password=[REDACTED] for user ann")
        #expect(redacted.error?.type == "AuthError")
        #expect(redacted.error?.message == "Authorization: Bearer [REDACTED]")
        #expect(redacted.error?.stack == "at https://ann:[REDACTED]@db.internal/x")
        #expect(redacted.fields == [
            JSONMember("token", .string("[REDACTED]")),
            JSONMember("user", .object([JSONMember("name", .string("ann")), JSONMember("api_key", .string("[REDACTED]"))])),
            JSONMember("note", .string("uses password=[REDACTED]")),
            JSONMember("password", .null),
            JSONMember("count", .number("3")),
        ])
        // Everything that is not secret text stays as it was.
        #expect(redacted.line == 3 && redacted.source == "api" && redacted.time == record.time && redacted.level == .error)
        #expect(redacted.traceId == record.traceId)
        #expect(redacted.redacted() == redacted)
    }

    @Test func redactedLeavesARecordWithoutSecretsEqual() {
        #expect(Self.full.redacted() == Self.full)
        let noError = LogRecord(line: 1, message: "plain")
        #expect(noError.redacted() == noError)
    }

    @Test func redactorWordsAreUsed() {
        let record = LogRecord(line: 1, message: "iban=DE123", fields: [JSONMember("customer_iban", .string("DE123"))])
        let redacted = record.redacted(by: Redactor(additionalSecretKeyWords: ["iban"]))
        #expect(redacted.message == "iban=[REDACTED]")
        #expect(redacted.fields == [JSONMember("customer_iban", .string("[REDACTED]"))])
    }
}
