import Testing
@testable import OpsCore

@Suite struct LogfmtParserTests {
    func pairs(_ line: String) -> [JSONMember]? { LogfmtParser.parse(line)?.pairs }

    // MARK: producers

    @Test func logrusTextFormatter() throws {
        let line = #"time="2024-05-01T12:00:00Z" level=info msg="started" port=8080"#
        let parsed = try #require(LogfmtParser.parse(line))
        #expect(parsed.leadingText == nil)
        #expect(parsed.pairs == [
            JSONMember("time", .string("2024-05-01T12:00:00Z")),
            JSONMember("level", .string("info")),
            JSONMember("msg", .string("started")),
            JSONMember("port", .number("8080")),
        ])
    }

    @Test func logrusWithErrorAndEscapedQuotes() {
        let line = #"time="2024-05-01T12:00:00Z" level=error msg="query failed" error="pq: relation \"users\" does not exist""#
        #expect(pairs(line)?.last == JSONMember("error", .string(#"pq: relation "users" does not exist"#)))
    }

    @Test func slogTextHandler() {
        let line = #"time=2024-05-01T12:00:00.123+00:00 level=INFO msg="hello world" user.id=42 ok=true ratio=0.5"#
        #expect(pairs(line) == [
            JSONMember("time", .string("2024-05-01T12:00:00.123+00:00")),
            JSONMember("level", .string("INFO")),
            JSONMember("msg", .string("hello world")),
            JSONMember("user.id", .number("42")),
            JSONMember("ok", .bool(true)),
            JSONMember("ratio", .number("0.5")),
        ])
    }

    @Test func goKit() {
        let line = #"level=info ts=2024-05-01T12:00:00.123Z caller=main.go:42 msg="listening" addr=:8080"#
        #expect(pairs(line)?.map(\.key) == ["level", "ts", "caller", "msg", "addr"])
        #expect(pairs(line)?[2].value == .string("main.go:42"))
    }

    @Test func log15Grafana() {
        let line = #"t=2024-05-01T12:00:00+0000 lvl=eror msg="Failed to send alert" logger=alerting.notifier error="dial tcp: i/o timeout""#
        #expect(pairs(line) == [
            JSONMember("t", .string("2024-05-01T12:00:00+0000")),
            JSONMember("lvl", .string("eror")),
            JSONMember("msg", .string("Failed to send alert")),
            JSONMember("logger", .string("alerting.notifier")),
            JSONMember("error", .string("dial tcp: i/o timeout")),
        ])
    }

    @Test func herokuRouter() {
        let line = #"at=error code=H12 desc="Request timeout" method=GET path="/" host=x.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd="1.2.3.4" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https"#
        let p = pairs(line)
        #expect(p?.count == 14)
        #expect(p?.first == JSONMember("at", .string("error")))
        #expect(p?.first(where: { $0.key == "status" })?.value == .number("503"))
        #expect(p?.first(where: { $0.key == "connect" })?.value == .string("0ms"))
    }

    @Test func prometheus() {
        let line = #"ts=2024-05-01T12:00:00.123Z caller=head.go:571 level=info component=tsdb msg="Replaying WAL, this may take a while""#
        #expect(pairs(line)?.map(\.key) == ["ts", "caller", "level", "component", "msg"])
        #expect(pairs(line)?.last?.value == .string("Replaying WAL, this may take a while"))
    }

    @Test func leadingText() throws {
        let parsed = try #require(LogfmtParser.parse(#"Started GET "/users"  status=200 level=info"#))
        #expect(parsed.leadingText == #"Started GET "/users""#)
        #expect(parsed.pairs.count == 2)
    }

    // MARK: values

    @Test func bareKeysAndEmptyValues() {
        #expect(pairs("level=debug msg= cached") == [
            JSONMember("level", .string("debug")),
            JSONMember("msg", .string("")),
            JSONMember("cached", .bool(true)),
        ])
        #expect(pairs("level=warn msg=") == [JSONMember("level", .string("warn")), JSONMember("msg", .string(""))])
        #expect(pairs(#"level=warn msg="""#)?.last == JSONMember("msg", .string("")))
    }

    @Test func typingFollowsLnavWithJSONNumbers() {
        let p = pairs(#"level=info a=-12 b=1.5e3 c=007 d=1. e=FALSE f="true" g=+1 h=0x1F i=null j=1e k=-0.0"#)
        #expect(p == [
            JSONMember("level", .string("info")),
            JSONMember("a", .number("-12")),
            JSONMember("b", .number("1.5e3")),
            JSONMember("c", .string("007")),
            JSONMember("d", .string("1.")),
            JSONMember("e", .bool(false)),
            JSONMember("f", .string("true")),
            JSONMember("g", .string("+1")),
            JSONMember("h", .string("0x1F")),
            JSONMember("i", .string("null")),
            JSONMember("j", .string("1e")),
            JSONMember("k", .number("-0.0")),
        ])
    }

    @Test func goEscapes() {
        let line = #"level=info msg="a\"b\\c\nd\te\u00e9\U0001F680\x41\/ \uD83D\uDE80 \q""#
        #expect(pairs(line)?.last?.value == .string("a\"b\\c\nd\te\u{E9}\u{1F680}A/ \u{1F680} \\q"))
    }

    @Test func brokenEscapesAreKept() {
        #expect(pairs(#"level=info msg="bad \u12 and \xZZ and \uD800 lone""#)?.last?.value
                == .string("bad \\u12 and \\xZZ and \u{FFFD} lone"))
        #expect(pairs(#"level=info msg="ends with \"#)?.last?.value == .string("ends with \\"))
    }

    @Test func unterminatedQuoteTakesTheRestOfTheLine() {
        #expect(pairs(#"level=error msg="cut off in the mid"#)
                == [JSONMember("level", .string("error")), JSONMember("msg", .string("cut off in the mid"))])
    }

    @Test func unicodeKeysAndValues() {
        let p = pairs(#"level=info msg="café 東京 🚀" city=München"#)
        #expect(p?[1].value == .string("café 東京 🚀"))
        #expect(p?[2] == JSONMember("city", .string("München")))
    }

    @Test func keysMayHoldDotsDashesSlashesAndAt() {
        let p = pairs("level=info @timestamp=1 k8s.io/name=api x-request-id=abc")
        #expect(p?.map(\.key) == ["level", "@timestamp", "k8s.io/name", "x-request-id"])
    }

    @Test func bareValuesMayHoldEqualsAndQuotes() {
        let p = pairs(#"level=info msg=ok url=/search?q=a=b&x="y""#)
        #expect(p?.last == JSONMember("url", .string(#"/search?q=a=b&x="y""#)))
    }

    @Test func unquotedMessageWordsBecomeBareKeys() {
        #expect(pairs("level=info msg=hello world") == [
            JSONMember("level", .string("info")), JSONMember("msg", .string("hello")), JSONMember("world", .bool(true)),
        ])
    }

    @Test func tabsSeparatePairs() {
        #expect(pairs("level=info\tmsg=x\r")?.map(\.key) == ["level", "msg"])
    }

    // MARK: not logfmt

    @Test(arguments: [
        "Connected to db host=localhost",
        "user said a=b",
        "GET /api/users status=200 duration=12ms",
        "=",
        "= = level=info",
        "level msg time",
        "",
        "   ",
        #"{"level":"info","msg":"x"}"#,
        "if (a == b) { level = 3; msg = x }",
        "a=1 b=2 c=3",
        "the quick brown fox jumps: level=high (msg=really?) or not!",
    ])
    func rejectsProse(_ line: String) {
        #expect(LogfmtParser.parse(line) == nil)
    }

    @Test func straysAreToleratedOnlyWhileFewerThanPairs() {
        #expect(LogfmtParser.parse("level=info msg=x err=none (retrying) now!") != nil)
        #expect(LogfmtParser.parse("level=info msg=x (retrying) now!") == nil)
        #expect(LogfmtParser.parse("level=info (a) (b) msg=x (c)") == nil)
        #expect(pairs("level=info msg=x (retrying)")?.last == JSONMember("(retrying)", .bool(true)))
    }

    // MARK: robustness

    @Test func neverCrashes() {
        let samples = [
            #"time="2024-05-01T12:00:00Z" level=info msg="started \"x\" \u00e9" port=8080"#,
            #"t=2024 lvl=eror msg="\U0001F680\uD83D\uDE80\x41" k= flag"#,
            #"leading words level=warn a="unterminated"#,
        ]
        for input in RobustnessInputs.cases(seed: 0x5EED_0002, samples: samples) {
            let parsed = input.withUnsafeBufferPointer { LogfmtParser.parse($0) }
            if let parsed {
                #expect(parsed.pairs.count >= 2, "\(input)")
                #expect(parsed.pairs.allSatisfy { !$0.key.isEmpty }, "\(input)")
            }
        }
    }
}
