import Testing
@testable import OpsCore

/// What `opsdeck logs` filters on: level thresholds, a time window, grep, regexes and
/// `--where` conditions, and the parsing of `--since` / `--until` and `--where` text.
@Suite struct LogQueryTests {
    static let noon = LogTimestamp(secondsSinceEpoch: 1_714_564_800) // 2024-05-01T12:00:00Z

    static func at(_ secondsAfterNoon: Int64) -> LogTimestamp {
        LogTimestamp(secondsSinceEpoch: noon.secondsSinceEpoch + secondsAfterNoon)
    }

    /// The one record a JSON line normalises to.
    static func record(_ line: String) throws -> LogRecord {
        try #require(PipelineHarness.record(line), "\(line) gave no single record")
    }

    static func condition(_ text: String) throws -> FieldCondition { try FieldCondition(parsing: text) }

    // MARK: level

    @Test(arguments: LogLevel.allCases)
    func minimumLevelAdmitsThatLevelAndAbove(_ minimum: LogLevel) {
        let query = LogQuery(minimumLevel: minimum)
        for level in LogLevel.allCases {
            #expect(query.admits(level: level, time: nil) == (level >= minimum), "\(level) against \(minimum)")
        }
    }

    @Test func unknownLevelPassesOnlyWithoutAMinimum() {
        #expect(LogQuery().admits(level: .unknown, time: nil))
        #expect(!LogQuery(minimumLevel: .trace).admits(level: .unknown, time: nil))
    }

    @Test func levelFilterOnAStream() {
        let input = """
            {"level":"debug","msg":"d"}
            {"level":"info","msg":"i"}
            NOTICE n
            {"level":"warning","msg":"w"}
            no level at all
            {"level":50,"msg":"e"}
            """
        let records = PipelineHarness.records(input, query: LogQuery(minimumLevel: .notice))
        #expect(records.map(\.message) == ["n", "w", "e"])
        #expect(records.map(\.level) == [.notice, .warn, .error])
    }

    // MARK: time window

    @Test func timeWindowIsInclusiveAndNeedsATime() {
        let query = LogQuery(since: Self.at(0), until: Self.at(60))
        #expect(query.admits(level: .info, time: Self.at(0)))
        #expect(query.admits(level: .info, time: Self.at(60)))
        #expect(!query.admits(level: .info, time: LogTimestamp(nanosecondsSinceEpoch: Self.at(0).nanosecondsSinceEpoch - 1)))
        #expect(!query.admits(level: .info, time: LogTimestamp(nanosecondsSinceEpoch: Self.at(60).nanosecondsSinceEpoch + 1)))
        #expect(!query.admits(level: .info, time: nil))
        #expect(LogQuery().admits(level: .info, time: nil))
    }

    @Test func recordsOwnTimeWinsOverTheEffectiveTime() {
        let query = LogQuery(since: Self.at(0))
        let early = LogRecord(line: 1, time: Self.at(-10), message: "early")
        #expect(!query.matches(early, effectiveTime: Self.at(10)))
        let untimed = LogRecord(line: 2, message: "untimed")
        #expect(query.matches(untimed, effectiveTime: Self.at(10)))
        #expect(!query.matches(untimed, effectiveTime: Self.at(-10)))
        #expect(!query.matches(untimed))
    }

    @Test func untimedRecordsTakeThePreviousRecordsTime() {
        let input = """
            untimed before anything
            {"time":"2024-05-01T11:00:00Z","msg":"11:00"}
            after 11:00
            {"time":"2024-05-01T12:30:00Z","msg":"12:30"}
            after 12:30
            {"time":"2024-05-01T13:30:00Z","msg":"13:30"}
            after 13:30
            """
        let since = PipelineHarness.records(input, query: LogQuery(since: Self.at(0)))
        #expect(since.map(\.message) == ["12:30", "after 12:30", "13:30", "after 13:30"])
        let window = PipelineHarness.records(input, query: LogQuery(since: Self.at(0), until: Self.at(3600)))
        #expect(window.map(\.message) == ["12:30", "after 12:30"])
        let until = PipelineHarness.records(input, query: LogQuery(until: Self.at(0)))
        #expect(until.map(\.message) == ["11:00", "after 11:00"])
    }

    @Test func prefixTimeCountsForTheWindow() {
        let input = """
            2024-05-01T11:00:00Z {"msg":"early"}
            2024-05-01T12:10:00Z {"msg":"late"}
            2024-05-01T12:20:00Z plain late
            """
        let records = PipelineHarness.records(input, query: LogQuery(since: Self.at(0)))
        #expect(records.map(\.message) == ["late", "plain late"])
    }

    // MARK: grep

    static let grepRecord = LogRecord(
        line: 1, level: .error, message: "Payment FAILED for order 42",
        error: LogError(type: "CardError", message: "card declined", stack: "at Pay.charge(Pay.java:7)"),
        traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        fields: [JSONMember("user", .object([JSONMember("email", .string("Ann@Example.com"))])),
                 JSONMember("tags", .array([.string("checkout"), .number("3")])),
                 JSONMember("retry", .bool(true))])

    @Test(arguments: [
        "failed", "FAILED", "payment", "carderror", "declined", "pay.charge", "4bf92f35", "ann@example", "checkout", "true",
        "Ann@", "Payment",
    ])
    func grepFindsTextAnywhereInTheRecord(_ needle: String) {
        #expect(LogQuery(texts: [needle]).matches(Self.grepRecord), "\(needle)")
    }

    @Test(arguments: ["Failed", "PAYMENT", "ann@Example", "email", "user", "tags", "nothing"])
    func grepRejects(_ needle: String) {
        // Capitals make a needle case-sensitive; keys are not searched.
        #expect(!LogQuery(texts: [needle]).matches(Self.grepRecord), "\(needle)")
    }

    @Test func grepNeedlesAllHaveToMatch() {
        #expect(LogQuery(texts: ["payment", "declined", "checkout"]).matches(Self.grepRecord))
        #expect(!LogQuery(texts: ["payment", "accepted"]).matches(Self.grepRecord))
    }

    @Test func regexPatterns() throws {
        #expect(LogQuery(patterns: [try TextPattern("^Payment .* order [0-9]+$")]).matches(Self.grepRecord))
        #expect(LogQuery(patterns: [try TextPattern("Card(Error)?"), try TextPattern("\\d{2}")]).matches(Self.grepRecord))
        #expect(!LogQuery(patterns: [try TextPattern("^payment")]).matches(Self.grepRecord))
        #expect(!LogQuery(patterns: [try TextPattern("Card"), try TextPattern("refund")]).matches(Self.grepRecord))
        #expect(throws: (any Error).self) { try TextPattern("(unclosed") }
        #expect(try TextPattern("a+").source == "a+")
    }

    @Test func grepAndLevelTogether() {
        let input = "ERROR payment failed\nINFO payment ok\nERROR disk full"
        let records = PipelineHarness.records(input, query: LogQuery(minimumLevel: .error, texts: ["payment"]))
        #expect(records.map(\.message) == ["payment failed"])
    }

    // MARK: --where conditions: keys

    @Test func normalisedKeys() throws {
        let r = try Self.record(#"{"time":"2024-05-01T12:00:00.250Z","level":"error","msg":"boom","trace_id":"4BF92F3577B34DA6A3CE929D0E0E4736","err":{"type":"IOError","message":"disk","stack":"at x"}}"#)
        var named = r
        named.source = "api-1/app"
        let expectations: [(String, String?)] = [
            ("message", "boom"), ("source", "api-1/app"), ("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"),
            ("time", "2024-05-01T12:00:00.250Z"), ("line", "1"), ("error", "disk"), ("error.message", "disk"),
            ("error.type", "IOError"), ("error.stack", "at x"),
        ]
        for (key, value) in expectations {
            #expect(FieldCondition.resolve(key, in: named) == value, "\(key)")
        }
        #expect(FieldCondition.resolve("source", in: r) == nil)
    }

    @Test func originalKeysTheNormaliserConsumedReadTheNormalisedPart() throws {
        let r = try Self.record(#"{"ts":1714564800.5,"severity":"WARNING","msg":"slow","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}"#)
        #expect(FieldCondition.resolve("msg", in: r) == "slow")
        #expect(FieldCondition.resolve("severity", in: r) == "warn")
        #expect(FieldCondition.resolve("ts", in: r) == "2024-05-01T12:00:00.500Z")
        #expect(FieldCondition.resolve("traceId", in: r) == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(try Self.condition("msg=slow").matches(r))
        #expect(try Self.condition("severity=warn").matches(r))
        #expect(try !Self.condition("severity=error").matches(r))
    }

    @Test func anOriginalKeyThatStayedAFieldReadsTheField() throws {
        // `message` won, so `msg` is an ordinary field and keeps its own value.
        let r = try Self.record(#"{"message":"winner","msg":"other"}"#)
        #expect(r.message == "winner")
        #expect(FieldCondition.resolve("msg", in: r) == "other")
    }

    @Test func dottedPathsInNestedAndFlatFields() throws {
        let r = try Self.record(#"{"msg":"x","req":{"headers":{"host":"shop.example"},"status":503},"service.name":"cart","http":{"request.method":"GET"},"tags":["a","b"]}"#)
        #expect(FieldCondition.resolve("req.headers.host", in: r) == "shop.example")
        #expect(FieldCondition.resolve("req.status", in: r) == "503")
        #expect(FieldCondition.resolve("service.name", in: r) == "cart")
        #expect(FieldCondition.resolve("http.request.method", in: r) == "GET")
        #expect(FieldCondition.resolve("req.headers", in: r) == #"{"host":"shop.example"}"#)
        #expect(FieldCondition.resolve("tags", in: r) == #"["a","b"]"#)
        #expect(FieldCondition.resolve("req.headers.port", in: r) == nil)
        #expect(FieldCondition.resolve("service", in: r) == nil)
        #expect(try Self.condition("req.headers.host=shop.example").matches(r))
        #expect(try Self.condition("req.status>=500").matches(r))
    }

    @Test func missingKeys() throws {
        let r = try Self.record(#"{"msg":"x"}"#)
        #expect(try Self.condition("region!=eu").matches(r))
        #expect(try !Self.condition("region=eu").matches(r))
        #expect(try !Self.condition("region=").matches(r))
        for op in [">=", "<=", ">", "<"] {
            #expect(try !Self.condition("region\(op)1").matches(r), "\(op)")
        }
    }

    // MARK: --where conditions: operators

    @Test func everyOperatorOnNumbers() throws {
        let r = try Self.record(#"{"msg":"x","duration_ms":120,"ratio":"0.5"}"#)
        let cases: [(String, Bool)] = [
            ("duration_ms=120", true), ("duration_ms=120.0", false), ("duration_ms!=120", false), ("duration_ms!=99", true),
            ("duration_ms>=120", true), ("duration_ms>=121", false), ("duration_ms<=120", true), ("duration_ms<=119", false),
            ("duration_ms>100", true), ("duration_ms>120", false), ("duration_ms<1000", true), ("duration_ms<120", false),
            // Numbers compare as numbers, not as text ("9" > "10" as text).
            ("duration_ms>9", true), ("duration_ms<1e3", true), ("ratio<1", true), ("ratio>0.25", true),
        ]
        for (text, expected) in cases {
            #expect(try Self.condition(text).matches(r) == expected, "\(text)")
        }
    }

    @Test func everyOperatorOnText() throws {
        let r = try Self.record(#"{"msg":"x","region":"eu-west"}"#)
        let cases: [(String, Bool)] = [
            ("region=eu-west", true), ("region=EU-WEST", false), ("region!=us-east", true), ("region!=eu-west", false),
            ("region>=eu", true), ("region>eu-west", false), ("region<=eu-west", true), ("region<us", true),
        ]
        for (text, expected) in cases {
            #expect(try Self.condition(text).matches(r) == expected, "\(text)")
        }
    }

    @Test func levelConditionsCompareLevels() throws {
        let warn = try Self.record(#"{"level":"warning","msg":"x"}"#)
        let unknown = try Self.record(#"{"msg":"no level"}"#)
        let cases: [(String, LogRecord, Bool)] = [
            ("level=warn", warn, true), ("level=warning", warn, true), ("level=WARN", warn, true), ("level!=warn", warn, false),
            ("level>=info", warn, true), ("level>=error", warn, false), ("level<error", warn, true), ("level>warn", warn, false),
            ("level<=notice", warn, false), ("level=unknown", unknown, true), ("level<trace", unknown, true),
            ("level>=trace", unknown, false),
        ]
        for (text, record, expected) in cases {
            #expect(try Self.condition(text).matches(record) == expected, "\(text)")
        }
    }

    @Test func severityAliasOrdersAsALevel() throws {
        let error = try Self.record(#"{"severity":"ERROR","msg":"x"}"#)
        #expect(try Self.condition("severity>=warn").matches(error))
        #expect(try !Self.condition("severity<warn").matches(error))
    }

    @Test func timeConditionsCompareTimes() throws {
        let r = try Self.record(#"{"time":"2024-05-01T12:00:00.123Z","msg":"x"}"#)
        #expect(try Self.condition("time>=2024-05-01T12:00:00Z").matches(r))
        #expect(try Self.condition("time>2024-05-01T13:00:00+02:00").matches(r)) // 11:00Z
        #expect(try Self.condition("time<2024-05-01T12:00:01Z").matches(r))
        #expect(try !Self.condition("time<2024-05-01T12:00:00Z").matches(r))
        #expect(try Self.condition("ts<=2024-05-01T12:00:00.123Z").matches(r)) // an original time key
    }

    @Test func conditionsAreAllRequired() throws {
        let r = try Self.record(#"{"level":"error","msg":"x","region":"eu","status":503}"#)
        let both = LogQuery(conditions: [try Self.condition("region=eu"), try Self.condition("status>=500")])
        let one = LogQuery(conditions: [try Self.condition("region=eu"), try Self.condition("status<500")])
        #expect(both.matches(r))
        #expect(!one.matches(r))
        #expect(!both.decidesOnLevelAndTimeOnly && LogQuery(minimumLevel: .warn).decidesOnLevelAndTimeOnly)
    }

    // MARK: --where parsing

    @Test func parsing() throws {
        let cases: [(String, FieldCondition)] = [
            ("a=b", FieldCondition(key: "a", op: .equal, value: "b")),
            ("a!=b", FieldCondition(key: "a", op: .notEqual, value: "b")),
            ("a>=1", FieldCondition(key: "a", op: .greaterOrEqual, value: "1")),
            ("a<=1", FieldCondition(key: "a", op: .lessOrEqual, value: "1")),
            ("a>1", FieldCondition(key: "a", op: .greater, value: "1")),
            ("a<1", FieldCondition(key: "a", op: .less, value: "1")),
            ("  key  =  spaced value  ", FieldCondition(key: "key", op: .equal, value: "spaced value")),
            ("url=https://x/?a=b", FieldCondition(key: "url", op: .equal, value: "https://x/?a=b")),
            ("a==b", FieldCondition(key: "a", op: .equal, value: "=b")),
            ("a=", FieldCondition(key: "a", op: .equal, value: "")),
            ("req.headers.host=x", FieldCondition(key: "req.headers.host", op: .equal, value: "x")),
            ("level>=WARNING", FieldCondition(key: "level", op: .greaterOrEqual, value: "WARNING")),
        ]
        for (text, expected) in cases {
            #expect(try FieldCondition(parsing: text) == expected, "\(text)")
        }
    }

    @Test func parseErrorsAndTheirMessages() {
        let cases: [(String, FieldCondition.ParseError, String)] = [
            ("region", .noOperator("region"),
             "'region' has no operator: write KEY=VALUE, KEY!=VALUE, KEY>=VALUE, KEY<=VALUE, KEY>VALUE or KEY<VALUE"),
            ("a!b", .noOperator("a!b"),
             "'a!b' has no operator: write KEY=VALUE, KEY!=VALUE, KEY>=VALUE, KEY<=VALUE, KEY>VALUE or KEY<VALUE"),
            ("=x", .emptyKey("=x"), "'=x' has no key before its operator"),
            ("  >=3", .emptyKey("  >=3"), "'  >=3' has no key before its operator"),
            ("level=loud", .unknownLevel("loud"), "'loud' is not a level: use trace, debug, info, notice, warn, error or fatal"),
            ("level>=", .unknownLevel(""), "'' is not a level: use trace, debug, info, notice, warn, error or fatal"),
        ]
        for (text, error, message) in cases {
            #expect(throws: error, "\(text)") { try FieldCondition(parsing: text) }
            #expect(error.description == message)
        }
    }

    // MARK: --since / --until

    static let parser = PipelineHarness.parser()

    static func bound(_ text: String) throws -> LogTimestamp {
        try TimeBound.parse(text, now: PipelineHarness.now, timestamps: parser)
    }

    @Test(arguments: [
        ("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86_400), ("2d", 172_800), ("1w", 604_800), ("1h30m", 5400),
        ("1d2h3m4s", 93_784), ("0s", 0), ("90m30s", 5430), ("3650000s", 3_650_000),
    ] as [(String, Int64)])
    func durationsCountBackFromNow(_ text: String, _ seconds: Int64) throws {
        let expected = LogTimestamp(nanosecondsSinceEpoch: PipelineHarness.now.nanosecondsSinceEpoch - seconds * 1_000_000_000)
        #expect(try Self.bound(text) == expected)
    }

    @Test func centuryIsTheLongestDuration() throws {
        let century = TimeBound.maxDurationSeconds
        #expect(century == 100 * 365 * 86_400)
        #expect(try Self.bound("\(century)s").nanosecondsSinceEpoch == PipelineHarness.now.nanosecondsSinceEpoch - century * 1_000_000_000)
        #expect(throws: TimeBound.ParseError.unreadable("\(century + 1)s")) { try Self.bound("\(century + 1)s") }
    }

    @Test(arguments: [
        "", "abc", "1h30", "h", "m5", "-5m", "1.5h", "1H", " 5m", "5m ", "5 m", "1y", "١٢s", "99999999999999999999s",
        "922337203685477581w", "9223372036854775807s", "36501d", "now", "yesterday", "2024-13-01T00:00:00Z",
        "2024-05-01T25:00:00Z", "10",
    ])
    func unreadableBounds(_ text: String) {
        #expect(throws: TimeBound.ParseError.unreadable(text)) { try Self.bound(text) }
    }

    @Test func unreadableMessage() {
        #expect(TimeBound.ParseError.unreadable("soon").description
            == "'soon' is neither a duration (90s, 15m, 2h, 1d, 1h30m) nor a time (2026-11-28T10:00:00Z)")
    }

    @Test(arguments: [
        ("2026-11-28T10:00:00Z", "2026-11-28T10:00:00.000Z"),
        ("2026-11-28T10:00:00.5+02:00", "2026-11-28T08:00:00.500Z"),
        ("2026-11-28 10:00:00", "2026-11-28T10:00:00.000Z"), // no zone: local time (UTC in tests)
        ("1714564800", "2024-05-01T12:00:00.000Z"),           // an epoch number
        ("1714564800123", "2024-05-01T12:00:00.123Z"),
        ("Sat, 28 Nov 2026 10:00:00 GMT", "2026-11-28T10:00:00.000Z"),
    ])
    func absoluteTimes(_ text: String, _ expected: String) throws {
        #expect(try Self.bound(text).rfc3339Milliseconds == expected)
    }
}

@Suite struct TimeBoundWindowTests {
    /// A bound is any time the user names, even one past the window log records must fall in.
    @Test func aBoundInTheFarFutureIsATime() throws {
        let bound = try TimeBound.parse("2030-01-01T00:00:00Z", now: PipelineHarness.now, timestamps: PipelineHarness.parser())
        #expect(bound.rfc3339Milliseconds == "2030-01-01T00:00:00.000Z")
    }
}
