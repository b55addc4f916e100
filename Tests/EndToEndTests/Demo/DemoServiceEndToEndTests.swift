import Foundation
import Glibc
import OpsCore
import Testing

/// The built `opsdeck demo-service` as `opsdeck demo` runs it: a degrading version at twenty times
/// speed warms up, serves a metrics page, declines until its health fails, stops cleanly on a
/// signal, and logs lines that `opsdeck logs` reads with the right levels.
@Suite struct DemoServiceEndToEndTests {
    @Test func aDegradingVersionWarmsUpDeclinesAndStopsOnSIGTERM() async throws {
        let service = try DemoServiceProcess(logger: "zap", behaviour: "degrading")
        try await service.poll("/ready to answer 200") { try await service.get("/ready").status == 200 }

        let page = ExpositionParser.parse(try await service.get("/metrics").body)
        #expect(page.skippedLines == 0 && !page.truncated)
        #expect(page.types["http_requests_total"] == "counter" && page.types["http_error_ratio"] == "gauge")
        #expect(page.samples.contains { $0.name == "demo_build_info" && $0.label("version") == "1.5.0"
            && $0.label("service") == "api" && $0.label("environment") == "staging" && $0.value == .number(1) })
        #expect(page.samples.contains { $0.name == "http_request_duration_seconds_bucket" && $0.label("le") == "+Inf" })

        try await service.poll("the error ratio to pass 0.2") {
            (try await service.metric("http_error_ratio")?.finiteValue ?? 0) > 0.2
        }
        try await service.poll("/health to answer 503") { try await service.get("/health").status == 503 }

        let signalled = ContinuousClock.now
        service.child.send(SIGTERM)
        let result = service.child.wait(timeout: .seconds(10))
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(ContinuousClock.now - signalled < .seconds(3))

        let records = try Self.records(of: result.stdout)
        #expect(records.first?.message == "listening on 127.0.0.1:\(service.port)" && records.first?.level == "info")
        #expect(records.last?.message == "shutting down on SIGTERM" && records.last?.level == "info")
        try Self.expectLevelsMatch(records, lines: result.stdout)
        // Errors carry the fields triage looks for, and their stack.
        let failed = records.filter { $0.message == "request failed" }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0.error?.stack?.contains("main.") == true })
    }

    /// Every logger shape at once: each one's lines through `opsdeck logs`, with the right levels.
    @Test func everyLoggerShapeReadsWithTheRightLevels() async throws {
        let shapes = ["pino", "bunyan", "winston", "zap", "logrus", "structlog"]
        let services = try shapes.map { try DemoServiceProcess(logger: $0, behaviour: "degrading", timeScale: 50) }
        for (shape, service) in zip(shapes, services) {
            // A few hundred requests: enough that errors and warnings are all but certain.
            try await service.poll("\(shape) to log 400 lines") {
                service.child.stdout.count(where: { $0 == UInt8(ascii: "\n") }) >= 400
            }
            service.child.send(SIGINT)
        }
        for (shape, service) in zip(shapes, services) {
            let result = service.child.wait(timeout: .seconds(10))
            #expect(result.exitCode == 0, "\(shape): \(result.stderrText)")
            let records = try Self.records(of: result.stdout)
            #expect(records.last?.message == "shutting down on SIGINT", "\(shape)")
            try Self.expectLevelsMatch(records, lines: result.stdout, shape: shape)
        }
    }

    /// The service's stdout through `opsdeck logs --output json`.
    static func records(of stdout: [UInt8]) throws -> [EmittedRecord] {
        let result = try runLogs(["--output", "json"], stdin: stdout)
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        return try EmittedRecord.all(in: result.stdout)
    }

    /// One record a line, and each record's level the one its message was logged at: failed requests
    /// error, warnings warn, access lines info or debug, nothing unknown.
    static func expectLevelsMatch(_ records: [EmittedRecord], lines stdout: [UInt8], shape: String = "zap",
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(records.count == outputLines(stdout).count, "\(shape)", sourceLocation: sourceLocation)
        let warnings = ["slow query on orders_by_user", "retrying payment provider", "cache miss storm on products"]
        var seen: Set<String> = []
        for record in records {
            let expected: Set<String> = switch record.message {
            case "request failed": ["error"]
            case _ where warnings.contains(record.message): ["warn"]
            case "request completed": ["info", "debug"]
            default: ["info"]
            }
            #expect(expected.contains(record.level), "\(shape): \(record.message) at \(record.level)", sourceLocation: sourceLocation)
            #expect(record.time != nil, "\(shape): \(record.message) has no time", sourceLocation: sourceLocation)
            seen.insert(record.level)
        }
        #expect(seen.isSuperset(of: ["info", "warn", "error"]), "\(shape): levels \(seen.sorted())", sourceLocation: sourceLocation)
    }
}
