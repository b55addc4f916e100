import Testing
@testable import OpsCore

@Suite struct PlainTextParserTests {
    struct Expected {
        var timestamp: String?
        var noZone = false
        var level: String?
        var message: String
        var metadata: [String: String] = [:]
    }

    func check(_ line: String, _ expected: Expected, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = PlainTextParser.parse(line)
        #expect(utf8Text(line, p.timestamp) == expected.timestamp, sourceLocation: sourceLocation)
        if p.timestamp != nil { #expect(p.timestampHasNoZone == expected.noZone, sourceLocation: sourceLocation) }
        #expect(utf8Text(line, p.levelWord) == expected.level, sourceLocation: sourceLocation)
        #expect(utf8Text(line, p.messageStart..<line.utf8.count) == expected.message, sourceLocation: sourceLocation)
        var metadata: [String: String] = [:]
        for m in p.metadata { metadata[m.key] = m.value.stringValue }
        #expect(metadata == expected.metadata, sourceLocation: sourceLocation)
    }

    // MARK: timestamps

    @Test func isoWithSpaceAndComma() {
        check("2024-05-01 12:00:00,123 ERROR [main] c.e.App - boom",
              Expected(timestamp: "2024-05-01 12:00:00,123", noZone: true, level: "ERROR", message: "boom",
                       metadata: ["thread": "main", "logger": "c.e.App"]))
    }

    @Test func rfc3339WithZoneAndNoLevel() {
        check("2024-05-01T12:00:00.123456Z connection accepted",
              Expected(timestamp: "2024-05-01T12:00:00.123456Z", level: nil, message: "connection accepted"))
        check("2024-05-01T14:00:00+0200 x", Expected(timestamp: "2024-05-01T14:00:00+0200", message: "x"))
    }

    @Test func bracketedTimestampWithMonologChannel() {
        check("[2024-05-01 12:00:00] production.ERROR: SQLSTATE[HY000] Connection refused",
              Expected(timestamp: "2024-05-01 12:00:00", noZone: true, level: "ERROR",
                       message: "SQLSTATE[HY000] Connection refused", metadata: ["logger": "production"]))
        check("[2024-05-01T12:00:00.123456+00:00] app.INFO: User logged in {\"id\":1} []",
              Expected(timestamp: "2024-05-01T12:00:00.123456+00:00", level: "INFO",
                       message: "User logged in {\"id\":1} []", metadata: ["logger": "app"]))
        check("[2024-05-01 12:00:00] version 1.2.ERROR: not a level", Expected(timestamp: "2024-05-01 12:00:00",
              noZone: true, message: "version 1.2.ERROR: not a level"))
    }

    @Test func gunicorn() {
        check("[2024-05-01 12:00:00 +0000] [7] [INFO] Booting worker with pid: 7",
              Expected(timestamp: "2024-05-01 12:00:00 +0000", level: "INFO", message: "Booting worker with pid: 7",
                       metadata: ["pid": "7"]))
    }

    @Test func goTimeStringWithZoneName() {
        check("2024-05-01 12:00:00.5 -0700 MST job finished",
              Expected(timestamp: "2024-05-01 12:00:00.5 -0700 MST", message: "job finished"))
        check("2024-05-01 12:00:00 +0000 ERROR boom",
              Expected(timestamp: "2024-05-01 12:00:00 +0000", level: "ERROR", message: "boom"))
    }

    @Test func aNumberAfterTheTimeIsNotAZone() {
        check("2024-05-01 12:00:00 -12 degrees outside",
              Expected(timestamp: "2024-05-01 12:00:00", noZone: true, message: "-12 degrees outside"))
    }

    @Test func goLog() {
        check("2024/05/01 12:00:00 message from the standard logger",
              Expected(timestamp: "2024/05/01 12:00:00", noZone: true, message: "message from the standard logger"))
        check("2024/05/01 12:00:00.123456 main.go:12: listening",
              Expected(timestamp: "2024/05/01 12:00:00.123456", noZone: true, message: "listening",
                       metadata: ["caller": "main.go:12"]))
    }

    @Test func impossibleDatesAreNotTimestamps() {
        check("2024-13-01 12:00:00 not a date", Expected(message: "2024-13-01 12:00:00 not a date"))
        check("2024-05-01T25:00:00Z x", Expected(message: "2024-05-01T25:00:00Z x"))
        check("2024-05-01T12:00:00Zulu", Expected(message: "2024-05-01T12:00:00Zulu"))
        check("1.2.3-2024-05-01 x", Expected(message: "1.2.3-2024-05-01 x"))
        check("2024-05-01T12:00:00.1234567890Z ten digits", Expected(message: "2024-05-01T12:00:00.1234567890Z ten digits"))
        check("2024-05-01 12:00:00, then a comma", Expected(timestamp: "2024-05-01 12:00:00", noZone: true,
                                                          message: ", then a comma"))
    }

    // MARK: levels

    @Test func bareAndBracketedLevels() {
        check("INFO starting server", Expected(level: "INFO", message: "starting server"))
        check("[WARN] disk almost full", Expected(level: "WARN", message: "disk almost full"))
        check("[info] lowercase in brackets", Expected(level: "info", message: "lowercase in brackets"))
        check("WRN zerolog console", Expected(level: "WRN", message: "zerolog console"))
        check("2024-05-01T12:00:00Z INF served", Expected(timestamp: "2024-05-01T12:00:00Z", level: "INF", message: "served"))
    }

    @Test func pythonLoggingDefault() {
        check("ERROR:root:boom", Expected(level: "ERROR", message: "boom", metadata: ["logger": "root"]))
        check("WARNING:py.warnings:/app/x.py:12: DeprecationWarning: old",
              Expected(level: "WARNING", message: "/app/x.py:12: DeprecationWarning: old",
                       metadata: ["logger": "py.warnings"]))
        check("INFO:     Started server process [1]", Expected(level: "INFO", message: "Started server process [1]"))
    }

    @Test func pythonAsctimeWithDashes() {
        check("2024-05-01 12:00:00,123 - app.db - ERROR - connection lost",
              Expected(timestamp: "2024-05-01 12:00:00,123", noZone: true, level: "ERROR", message: "connection lost",
                       metadata: ["logger": "app.db"]))
    }

    @Test func lowercaseLevelOnlyAsFirstWordWithColon() {
        check("error: could not open config", Expected(level: "error", message: "could not open config"))
        check("Error: ENOENT: no such file", Expected(level: "Error", message: "ENOENT: no such file"))
        check("info: Microsoft.Hosting.Lifetime[14]", Expected(level: "info", message: "Microsoft.Hosting.Lifetime[14]"))
        check("error connecting to db", Expected(message: "error connecting to db"))
        check("the ERROR: was here", Expected(message: "the ERROR: was here"))
    }

    @Test func proseIsNotAHeader() {
        check("User ERROR happened while INFO", Expected(message: "User ERROR happened while INFO"))
        check("Processing 42 items - WARN", Expected(message: "Processing 42 items - WARN"))
        check("[1,2,3]", Expected(message: "[1,2,3]"))
        check("[INFORMATIONAL_ONLY] x", Expected(message: "[INFORMATIONAL_ONLY] x"))
        check("", Expected(message: ""))
        check("   ", Expected(message: "   "))
    }

    // MARK: layouts

    @Test func nginxErrorLog() {
        check("2024/05/01 12:00:00 [error] 7#7: *1 connect() failed (111: Connection refused) while connecting to upstream",
              Expected(timestamp: "2024/05/01 12:00:00", noZone: true, level: "error",
                       message: "connect() failed (111: Connection refused) while connecting to upstream",
                       metadata: ["pid": "7", "tid": "7", "connection": "1"]))
    }

    @Test func logbackDefaultWithThreadFirst() {
        check("12:00:00.123 [main] ERROR com.example.App - boom",
              Expected(level: "ERROR", message: "boom", metadata: ["thread": "main", "logger": "com.example.App"]))
    }

    @Test func springBoot() {
        check("2024-05-01T12:00:00.123+02:00  INFO 12345 --- [           main] c.e.DemoApplication              : Started DemoApplication in 1.2 seconds",
              Expected(timestamp: "2024-05-01T12:00:00.123+02:00", level: "INFO",
                       message: "Started DemoApplication in 1.2 seconds",
                       metadata: ["pid": "12345", "thread": "main", "logger": "c.e.DemoApplication"]))
        check("2024-05-01T12:00:00.123Z  WARN 1 --- [demo] [nio-8080-exec-1] o.s.web.servlet.PageNotFound : No mapping",
              Expected(timestamp: "2024-05-01T12:00:00.123Z", level: "WARN", message: "No mapping",
                       metadata: ["pid": "1", "thread": "nio-8080-exec-1", "logger": "o.s.web.servlet.PageNotFound"]))
    }

    @Test func loguru() {
        check("2024-05-01 12:00:00.123 | WARNING  | app.db:connect:42 - pool is 90% full",
              Expected(timestamp: "2024-05-01 12:00:00.123", noZone: true, level: "WARNING", message: "pool is 90% full",
                       metadata: ["logger": "app.db:connect:42"]))
    }

    @Test func javaTailNeedsAClassNameOrMarker() {
        check("INFO server - ready", Expected(level: "INFO", message: "server - ready"))
        check("INFO [main] Starting", Expected(level: "INFO", message: "[main] Starting"))
    }

    @Test func zapConsole() {
        check("2024-05-01T12:00:00.123Z\tINFO\tserver/main.go:42\tlistening\t{\"port\": 8080}",
              Expected(timestamp: "2024-05-01T12:00:00.123Z", level: "INFO", message: "listening\t{\"port\": 8080}",
                       metadata: ["caller": "server/main.go:42"]))
        check("2024-05-01T12:00:00.123Z\tWARN\thttp\tserver/main.go:42\tslow",
              Expected(timestamp: "2024-05-01T12:00:00.123Z", level: "WARN", message: "slow",
                       metadata: ["logger": "http", "caller": "server/main.go:42"]))
        check("2024-05-01T12:00:00Z ERROR db.example.com:5432 unreachable",
              Expected(timestamp: "2024-05-01T12:00:00Z", level: "ERROR", message: "db.example.com:5432 unreachable"))
    }

    @Test func rustEnvLogger() {
        check("[2024-05-01T12:00:00Z ERROR my_app::db] pool exhausted",
              Expected(timestamp: "2024-05-01T12:00:00Z", level: "ERROR", message: "pool exhausted",
                       metadata: ["logger": "my_app::db"]))
        check("[2024-05-01T12:00:00Z INFO ] bare", Expected(timestamp: "2024-05-01T12:00:00Z", level: "INFO", message: "bare"))
    }

    @Test func serilogConsole() {
        check("[12:00:00 INF] Request finished", Expected(level: "INF", message: "Request finished"))
    }

    @Test func rubyLogger() {
        check("I, [2024-05-01T12:00:00.123456 #1234]  INFO -- : Started GET \"/\"",
              Expected(timestamp: "2024-05-01T12:00:00.123456", noZone: true, level: "INFO", message: "Started GET \"/\"",
                       metadata: ["pid": "1234"]))
        check("E, [2024-05-01T12:00:00.123456 #1] ERROR -- sidekiq: job failed",
              Expected(timestamp: "2024-05-01T12:00:00.123456", noZone: true, level: "ERROR", message: "job failed",
                       metadata: ["pid": "1", "logger": "sidekiq"]))
    }

    // MARK: klog

    @Test func klogHeader() {
        let line = "I0501 12:00:00.123456    1 controller.go:42] Starting controller"
        let p = PlainTextParser.parse(line)
        #expect(p.klogSeverity == UInt8(ascii: "I"))
        check(line, Expected(timestamp: "0501 12:00:00.123456", noZone: true, level: "I", message: "Starting controller",
                             metadata: ["klog": "MMDD hh:mm:ss.uuuuuu", "thread": "1", "caller": "controller.go:42"]))
    }

    @Test func klogStructuredAndSeverities() {
        let line = #"E1129 00:57:40.490155   12345 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list""#
        let p = PlainTextParser.parse(line)
        #expect(p.klogSeverity == UInt8(ascii: "E"))
        #expect(utf8Text(line, p.messageStart..<line.utf8.count)?.hasPrefix(#""Unhandled Error""#) == true)
        #expect(PlainTextParser.parse("W0501 12:00:00.1 short header").klogSeverity == UInt8(ascii: "W"))
        #expect(PlainTextParser.parse("F0501 12:00:00.123456 1 x.go:1] fatal").klogSeverity == UInt8(ascii: "F"))
        #expect(PlainTextParser.parse("X0501 12:00:00.123456 1 x.go:1] no").klogSeverity == nil)
        #expect(PlainTextParser.parse("I1301 12:00:00.123456 1 x.go:1] bad month").klogSeverity == nil)
    }

    // MARK: robustness

    @Test func neverCrashesAndRangesStayInside() {
        let samples = [
            "2024-05-01 12:00:00,123 - app - ERROR - boom",
            "12:00:00.123 [main] ERROR com.example.App - boom",
            "2024-05-01T12:00:00.123+02:00  INFO 1 --- [a] [main] c.e.App : x",
            "2024/05/01 12:00:00 [error] 7#7: *1 x",
            "[2024-05-01T12:00:00Z ERROR my_app::db] x",
            "[12:00:00 INF] x",
            "I, [2024-05-01T12:00:00.123456 #1234]  INFO -- p: x",
            "I0501 12:00:00.123456    1 controller.go:42] x",
            "ERROR:root:boom",
            "2024-05-01T12:00:00Z\tWARN\thttp\tserver/main.go:42\tslow",
            "2024-05-01 12:00:00.5 -0700 MST x",
        ]
        for input in RobustnessInputs.cases(seed: 0x5EED_0003, samples: samples) {
            let p = input.withUnsafeBufferPointer { PlainTextParser.parse($0) }
            #expect(p.messageStart >= 0 && p.messageStart <= input.count, "\(input)")
            #expect(RobustnessInputs.contains(p.timestamp, in: input.count), "\(input)")
            #expect(RobustnessInputs.contains(p.levelWord, in: input.count), "\(input)")
            // Header parts come before the message.
            if let level = p.levelWord { #expect(level.upperBound <= p.messageStart, "\(input)") }
            if let time = p.timestamp { #expect(time.upperBound <= p.messageStart, "\(input)") }
        }
    }
}
