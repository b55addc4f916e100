import OpsCore
import Testing
@testable import OpsDemo

/// Every logger shape the demo writes goes through opsdeck's own log pipeline and comes out with the
/// level, message, time, fields and error the event had: the demo's logs must be what the console
/// recognises, not merely JSON.
@Suite struct DemoLoggerShapeTests {
    static let context = DemoLogContext(identity: DemoIdentity(service: "api", environment: "staging", version: "1.5.0"),
                                        pid: 4242, hostname: "demo-host")
    /// 2026-11-28T12:34:56.789123Z.
    static let time = LogTimestamp(nanosecondsSinceEpoch: 1_795_869_296_789_123_000)

    static func pipelineRecord(_ line: String) -> LogRecord? {
        let pipeline = LogPipeline(sourceName: nil, timestamps: TimestampParser(
            latestAccepted: LogTimestamp(secondsSinceEpoch: 1_795_869_296 + 86_400), localOffset: { _ in 0 }))
        var records: [LogRecord] = []
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            pipeline.consume(line: UnsafeBufferPointer(buffer), number: 1) { records.append($0) }
        }
        pipeline.finish { records.append($0) }
        return records.count == 1 ? records[0] : nil
    }

    static func field(_ record: LogRecord, _ name: String) -> String? {
        record.fields.first { $0.key == name }?.value.plainText
    }

    /// Milliseconds for every shape but logrus, which writes whole seconds.
    static func expectedTime(_ shape: DemoLoggerShape) -> String {
        shape == .logrus ? "2026-11-28T12:34:56.000Z" : "2026-11-28T12:34:56.789Z"
    }

    @Test(arguments: DemoLoggerShape.allCases)
    func levelsMessagesTimesAndFieldsSurviveThePipeline(shape: DemoLoggerShape) throws {
        for (level, expected) in [(DemoLogEvent.Level.debug, LogLevel.debug), (.info, .info), (.warn, .warn), (.error, .error)] {
            let event = DemoLogEvent(level: level, message: "request completed", time: Self.time, fields: [
                JSONMember("user_id", .number("4711")), JSONMember("order_id", .string("ord-12345")),
                JSONMember("latency_ms", .number("37")),
            ])
            let line = shape.line(event, context: Self.context)
            let record = try #require(Self.pipelineRecord(line), "\(shape): \(line)")
            #expect(record.level == expected, "\(shape): \(line)")
            #expect(record.message == "request completed", "\(shape): \(line)")
            #expect(record.time?.rfc3339Milliseconds == Self.expectedTime(shape), "\(shape): \(line)")
            #expect(Self.field(record, "user_id") == "4711", "\(shape): \(line)")
            #expect(Self.field(record, "order_id") == "ord-12345", "\(shape): \(line)")
            #expect(Self.field(record, "latency_ms") == "37", "\(shape): \(line)")
            #expect(record.error == nil, "\(shape): \(line)")
        }
    }

    @Test(arguments: DemoLoggerShape.allCases)
    func errorsCarryTheirMessageAndStack(shape: DemoLoggerShape) throws {
        let failure = DemoLogEvent.Failure(type: "CardDeclined", message: "card declined by issuer", frames: [
            DemoLogEvent.Frame(function: "authorize", file: "payments", line: 121),
            DemoLogEvent.Frame(function: "checkout", file: "orders", line: 139),
        ])
        let event = DemoLogEvent(level: .error, message: "request failed", time: Self.time,
                                 fields: [JSONMember("status", .number("500"))], failure: failure)
        let line = shape.line(event, context: Self.context)
        let record = try #require(Self.pipelineRecord(line), "\(shape): \(line)")
        #expect(record.level == .error, "\(shape): \(line)")
        #expect(record.message == "request failed", "\(shape): \(line)")
        let error = try #require(record.error, "\(shape): \(line)")
        let stack = try #require(error.stack, "\(shape): \(line)")
        #expect(stack.contains("authorize") && stack.contains("checkout"), "\(shape): \(line)")
        // The message is the error's own where the logger keeps one apart from the stack.
        if shape != .winston && shape != .structlog {
            #expect(error.message == "card declined by issuer", "\(shape): \(line)")
        }
    }

    @Test func keysAndOrderAreTheLoggersOwn() {
        let event = DemoLogEvent(level: .warn, message: "m", time: Self.time, fields: [JSONMember("user_id", .number("1"))])
        #expect(DemoLoggerShape.pino.line(event, context: Self.context)
            == #"{"level":40,"time":1795869296789,"pid":4242,"hostname":"demo-host","name":"api","version":"1.5.0","env":"staging","user_id":1,"msg":"m"}"#)
        #expect(DemoLoggerShape.bunyan.line(event, context: Self.context)
            == #"{"name":"api","hostname":"demo-host","pid":4242,"level":40,"version":"1.5.0","env":"staging","user_id":1,"msg":"m","time":"2026-11-28T12:34:56.789Z","v":0}"#)
        #expect(DemoLoggerShape.winston.line(event, context: Self.context)
            == #"{"level":"warn","message":"m","user_id":1,"service":"api","version":"1.5.0","timestamp":"2026-11-28T12:34:56.789Z"}"#)
        #expect(DemoLoggerShape.zap.line(event, context: Self.context)
            == #"{"level":"warn","ts":1795869296.789123,"logger":"api","caller":"server/handler.go:88","msg":"m","version":"1.5.0","user_id":1}"#)
        #expect(DemoLoggerShape.logrus.line(event, context: Self.context)
            == #"{"level":"warning","msg":"m","service":"api","time":"2026-11-28T12:34:56Z","user_id":1,"version":"1.5.0"}"#)
        #expect(DemoLoggerShape.structlog.line(event, context: Self.context)
            == #"{"user_id": 1, "version": "1.5.0", "event": "m", "level": "warning", "logger": "api", "timestamp": "2026-11-28T12:34:56.789123Z"}"#)
    }

    @Test func controlCharactersInMessagesAreEscaped() {
        let event = DemoLogEvent(level: .info, message: "a\u{1B}[31mb\nc", time: Self.time)
        for shape in DemoLoggerShape.allCases {
            let line = shape.line(event, context: Self.context)
            #expect(!line.utf8.contains(0x1B) && !line.utf8.contains(0x0A), "\(shape)")
        }
    }
}
