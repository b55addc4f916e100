import Testing
@testable import OpsCore

/// The text of a byte range of a String's UTF-8, as the parsers report ranges.
func utf8Text(_ line: String, _ range: Range<Int>?) -> String? {
    guard let range else { return nil }
    let bytes = Array(line.utf8)
    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "<out of bounds \(range)>" }
    return String(decoding: bytes[range], as: UTF8.self)
}

/// A deterministic generator, so a failing random case can be replayed.
typealias SeededGenerator = SplitMix64

/// Inputs for the never-crash property tests: random bytes biased towards the bytes the
/// parsers branch on, plus every cut and some mutations of realistic lines.
enum RobustnessInputs {
    static let interestingBytes: [UInt8] = Array("[]{}<>|=\"\\:/.-_ \t0123456789TZ+PFIWE,#*@".utf8) + [0x00, 0x1B, 0xEF, 0xBB, 0xBF, 0xFF, 0x80]

    static func cases(seed: UInt64, samples: [String], randomCount: Int = 3000) -> [[UInt8]] {
        var rng = SeededGenerator(seed: seed)
        var out: [[UInt8]] = []
        for sample in samples {
            let bytes = Array(sample.utf8)
            for cut in 0...bytes.count { out.append(Array(bytes[0..<cut])) }
            for _ in 0..<40 {
                var mutated = bytes
                guard !mutated.isEmpty else { break }
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let at = Int.random(in: 0..<mutated.count, using: &rng)
                    mutated[at] = interestingBytes.randomElement(using: &rng) ?? 0
                }
                out.append(mutated)
            }
        }
        for _ in 0..<randomCount {
            let length = Int.random(in: 0...96, using: &rng)
            out.append((0..<length).map { _ in
                Bool.random(using: &rng) ? (interestingBytes.randomElement(using: &rng) ?? 0) : UInt8.random(in: 0...255, using: &rng)
            })
        }
        return out
    }

    static func contains(_ range: Range<Int>?, in count: Int) -> Bool {
        guard let range else { return true }
        return range.lowerBound >= 0 && range.upperBound <= count
    }
}

@Suite struct PrefixStripperTests {
    func metadata(_ p: LinePrefix) -> [String: String] {
        var out: [String: String] = [:]
        for m in p.metadata { out[m.key] = m.value.stringValue }
        return out
    }

    func body(_ line: String, _ p: LinePrefix) -> String {
        String(decoding: Array(line.utf8)[p.bodyStart...], as: UTF8.self)
    }

    // MARK: lines without a prefix

    @Test(arguments: [
        #"{"level":"info","msg":"started"}"#, "[INFO] starting", "[1,2,3]", "", "plain message here",
        "[pod/] x", "[pod/a b] x", "[podx/a/b] x", "web-1  |x", "a-b || c", "WARN  | disk low", "<>hi", "<999>too big",
        "2024-05-01T12:00:00.123 no zone", "2024-05-01 12:00:00 INFO one space", "12:00:00 [main] INFO x",
        "error: disk full", "api-5d9c8f6b5d-x2k4q api plain words", "hello world {\"a\":1}",
    ])
    func leavesOrdinaryLinesAlone(_ line: String) {
        #expect(PrefixStripper.strip(line) == LinePrefix())
    }

    @Test func jsonLineReturnsImmediately() {
        let p = PrefixStripper.strip(#"{"ts":1714564800.1,"msg":"x"}"#)
        #expect(p.bodyStart == 0 && p.isEmpty && p.metadata.isEmpty)
    }

    // MARK: single prefixes

    @Test func kubectlPrefix() {
        let line = #"[pod/api-5d9c/api] {"level":"info"}"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == #"{"level":"info"}"#)
        #expect(p.source == "api-5d9c/api")
        #expect(metadata(p) == ["pod": "api-5d9c", "container": "api"])
        #expect(p.timestamp == nil)
    }

    @Test func kubectlNodePrefix() {
        let line = "[node/ip-10-0-1-7] kubelet started"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "kubelet started")
        #expect(p.source == "ip-10-0-1-7")
        #expect(metadata(p) == ["node": "ip-10-0-1-7"])
    }

    @Test func kubectlPrefixWithTimestamps() {
        let line = #"[pod/api-1/api] 2024-05-01T12:00:00.123456789Z {"level":"info"}"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == #"{"level":"info"}"#)
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.123456789Z")
        #expect(!p.timestampHasNoZone)
        #expect(p.source == "api-1/api")
    }

    @Test func kubectlPrefixOnAnEmptyLine() {
        let line = "[pod/web-7c9d8f6b5d-x2k4q/web] "
        let p = PrefixStripper.strip(line)
        #expect(p.bodyStart == line.utf8.count)
        #expect(p.source == "web-7c9d8f6b5d-x2k4q/web")
    }

    @Test func dockerTimestamp() {
        let line = "2024-05-01T12:34:56.123456789Z GET /healthz 200"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "GET /healthz 200")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:34:56.123456789Z")
        #expect(p.source == nil && p.metadata.isEmpty)
    }

    @Test func timestampWithOffset() {
        let line = "2024-05-01T14:00:00+02:00 hello"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "hello")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T14:00:00+02:00")
    }

    @Test func composePrefix() {
        let line = #"web-1  | {"msg":"ready"}"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == #"{"msg":"ready"}"#)
        #expect(p.source == "web-1")
        #expect(metadata(p) == ["service": "web-1"])
    }

    @Test func composeWidestNameHasOneSpace() {
        let line = "worker-12 | job 7 done"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "job 7 done")
        #expect(p.source == "worker-12")
    }

    @Test func composeV1NameAndTimestamps() {
        let line = "shop_db_1   | 2024-05-01T12:00:00.000000000Z LOG:  database system is ready"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "LOG:  database system is ready")
        #expect(p.source == "shop_db_1")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.000000000Z")
    }

    @Test func sternWithJSON() {
        let line = #"api-5d9c8f6b5d-x2k4q api {"level":"warn","msg":"slow"}"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == #"{"level":"warn","msg":"slow"}"#)
        #expect(p.source == "api-5d9c8f6b5d-x2k4q/api")
        #expect(metadata(p) == ["pod": "api-5d9c8f6b5d-x2k4q", "container": "api"])
    }

    @Test func sternWithNamespaceAndTimestamps() {
        let line = "shop db-0 postgres 2024-05-01T12:00:00.123456789+02:00 checkpoint complete"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "checkpoint complete")
        #expect(p.source == "db-0/postgres")
        #expect(metadata(p) == ["namespace": "shop", "pod": "db-0", "container": "postgres"])
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.123456789+02:00")
    }

    @Test func sternRequiresAGeneratedPodSuffix() {
        // "aeiou" contains vowels, which Kubernetes never generates.
        #expect(PrefixStripper.strip(#"api-aeiou api {"a":1}"#).isEmpty)
        #expect(PrefixStripper.strip(#"payment-service api {"a":1}"#).isEmpty)
        #expect(!PrefixStripper.strip(#"payment-7f9c4-x2k4q api {"a":1}"#).isEmpty)
    }

    @Test func criFullAndPartial() {
        let full = "2024-05-01T12:00:00.123456789Z stdout F {\"msg\":\"ok\"}"
        let p = PrefixStripper.strip(full)
        #expect(body(full, p) == "{\"msg\":\"ok\"}")
        #expect(metadata(p) == ["stream": "stdout"])
        #expect(!p.partial)
        #expect(utf8Text(full, p.timestamp) == "2024-05-01T12:00:00.123456789Z")

        let partial = "2024-05-01T12:00:00.123456789Z stderr P first half of a long li"
        let q = PrefixStripper.strip(partial)
        #expect(q.partial)
        #expect(metadata(q) == ["stream": "stderr"])
        #expect(body(partial, q) == "first half of a long li")

        let empty = "2024-05-01T12:00:00.123456789Z stdout F"
        #expect(PrefixStripper.strip(empty).bodyStart == empty.utf8.count)
    }

    @Test func heroku() {
        let line = "2024-05-01T12:00:00.123456+00:00 app[web.1]: Listening on port 5000"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "Listening on port 5000")
        #expect(p.source == "web.1")
        #expect(metadata(p) == ["heroku_source": "app", "dyno": "web.1"])
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.123456+00:00")
    }

    @Test func herokuRouter() {
        let line = #"2024-05-01T12:00:00.123456+00:00 heroku[router]: at=info method=GET path="/" host=x.herokuapp.com status=200"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p).hasPrefix("at=info method=GET"))
        #expect(p.source == "router")
        #expect(metadata(p)["heroku_source"] == "heroku")
    }

    @Test func flyText() {
        let line = "2024-05-01T12:00:00Z app[148e21ea7d5389] iad [info] GET / 200"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "GET / 200")
        #expect(utf8Text(line, p.levelWord) == "info")
        #expect(p.source == "148e21ea7d5389")
        #expect(metadata(p) == ["provider": "app", "instance": "148e21ea7d5389", "region": "iad"])
    }

    @Test func flyProxyWithJSONBody() {
        let line = #"2024-05-01T12:00:00.5Z proxy[e286065f969386] ams [error] {"msg":"could not find a good candidate"}"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == #"{"msg":"could not find a good candidate"}"#)
        #expect(utf8Text(line, p.levelWord) == "error")
        #expect(metadata(p)["provider"] == "proxy")
    }

    @Test func lambdaNode() {
        let line = "2024-05-01T12:00:00.123Z\tc6af9ac6-7b61-11e6-9a41-93e812345678\tERROR\tInvoke Error"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "Invoke Error")
        #expect(utf8Text(line, p.levelWord) == "ERROR")
        #expect(metadata(p) == ["request_id": "c6af9ac6-7b61-11e6-9a41-93e812345678"])
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.123Z")
    }

    @Test func lambdaPython() {
        let line = "[WARNING]\t2024-05-01T12:00:00.123Z\tc6af9ac6-7b61-11e6-9a41-93e812345678\tretrying"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "retrying")
        #expect(utf8Text(line, p.levelWord) == "WARNING")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.123Z")
        #expect(metadata(p)["request_id"] == "c6af9ac6-7b61-11e6-9a41-93e812345678")
    }

    @Test func syslog5424() {
        let line = #"<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="App"] An application event"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "An application event")
        #expect(p.syslogSeverity == 5)
        #expect(utf8Text(line, p.timestamp) == "2003-10-11T22:14:15.003Z")
        #expect(metadata(p) == ["syslog": "rfc5424", "host": "mymachine.example.com", "app": "evntslog",
                                "msgid": "ID47", "structured_data": #"[exampleSDID@32473 iut="3" eventSource="App"]"#])
    }

    @Test func syslog5424WithEscapedBracketAndBOM() {
        let line = "<14>1 2024-05-01T12:00:00Z h a 42 - [x@1 v=\"a\\]b\"][y@1 w=\"\"] \u{FEFF}body"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "body")
        #expect(metadata(p)["pid"] == "42")
        #expect(metadata(p)["structured_data"] == "[x@1 v=\"a\\]b\"][y@1 w=\"\"]")
    }

    @Test func herokuDrainWithoutStructuredData() {
        let line = "<40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "State changed from starting to up")
        #expect(p.syslogSeverity == 0)
        #expect(metadata(p) == ["syslog": "rfc5424", "host": "host", "app": "app", "pid": "web.3"])
    }

    @Test func syslog5424NilFields() {
        let line = "<190>1 - - - - - - [INFO] message"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "[INFO] message")
        #expect(p.timestamp == nil)
        #expect(p.syslogSeverity == 6)
        #expect(metadata(p) == ["syslog": "rfc5424"])
    }

    @Test func syslog3164() {
        let line = "<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick on /dev/pts/8"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "'su root' failed for lonvick on /dev/pts/8")
        #expect(p.syslogSeverity == 2)
        #expect(utf8Text(line, p.timestamp) == "Oct 11 22:14:15")
        #expect(p.timestampHasNoZone)
        #expect(metadata(p) == ["syslog": "rfc3164", "host": "mymachine", "app": "su", "pid": "230"])
    }

    @Test func syslog3164PaddedDayWithoutHost() {
        let line = "<13>May  1 12:00:00 cron: job done"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "job done")
        #expect(utf8Text(line, p.timestamp) == "May  1 12:00:00")
        #expect(metadata(p) == ["syslog": "rfc3164", "app": "cron"])
    }

    @Test func syslogWithRFC3339TimeInBSDLayout() {
        let line = "<30>2024-05-01T12:00:00.123+00:00 web-1 nginx[7]: GET /"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "GET /")
        #expect(p.syslogSeverity == 6)
        #expect(!p.timestampHasNoZone)
        #expect(metadata(p) == ["syslog": "rfc3164", "host": "web-1", "app": "nginx", "pid": "7"])
    }

    @Test func bareSyslogPriority() {
        let line = "<11>something broke"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "something broke")
        #expect(p.syslogSeverity == 3)
        #expect(p.metadata.isEmpty)
    }

    @Test func renderText() {
        let line = "2026-03-01 12:00:00  Server listening on :10000"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "Server listening on :10000")
        #expect(utf8Text(line, p.timestamp) == "2026-03-01 12:00:00")
        #expect(p.timestampHasNoZone)
    }

    // MARK: nesting

    @Test func composeWithTimestampsAndJSON() {
        let line = #"api-1  | 2024-05-01T12:00:00.123456789Z {"level":"error","msg":"boom"}"#
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == #"{"level":"error","msg":"boom"}"#)
        #expect(p.source == "api-1")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00.123456789Z")
    }

    @Test func outerTimestampWinsAndInnerSourceWins() {
        // docker -t around a container whose output is a CRI file tail, behind kubectl --prefix.
        let line = "2024-05-01T12:00:01.000000000Z [pod/api-1/api] 2024-05-01T12:00:00.5Z stdout F hi"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "hi")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:01.000000000Z")
        #expect(metadata(p)["inner_time"] == "2024-05-01T12:00:00.5Z")
        #expect(metadata(p)["stream"] == "stdout")

        let nested = "[pod/outer-0/a] web-1  | hello"
        #expect(PrefixStripper.strip(nested).source == "web-1")
    }

    @Test func nestingIsBounded() {
        let line = String(repeating: "[pod/a-0/b] ", count: 20) + "x"
        let p = PrefixStripper.strip(line)
        #expect(p.bodyStart == PrefixStripper.maxNestedPrefixes * 12)
    }

    @Test func rangesPointIntoTheOriginalBytesWithUnicode() {
        let line = "web-1  | 2024-05-01T12:00:00Z café ☕️"
        let p = PrefixStripper.strip(line)
        #expect(body(line, p) == "café ☕️")
        #expect(utf8Text(line, p.timestamp) == "2024-05-01T12:00:00Z")
    }

    @Test func stripIntoAReusedValueResetsIt() {
        var prefix = LinePrefix()
        let lines = [
            "<34>Oct 11 22:14:15 mymachine su[230]: x",
            #"{"msg":"json"}"#,
            "2024-05-01T12:00:00.123456789Z stdout P partial",
            "plain",
            "[pod/api-1/api] 2024-05-01T12:00:00Z x",
        ]
        for line in lines {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { PrefixStripper.strip(UnsafeBufferPointer($0), into: &prefix) }
            #expect(prefix == PrefixStripper.strip(line), "\(line)")
        }
    }

    // MARK: robustness

    static let samples = [
        "[pod/api-5d9c/api] 2024-05-01T12:00:00.123456789Z {\"a\":1}",
        "web-1  | 2024-05-01T12:00:00Z x",
        "api-5d9c8f6b5d-x2k4q api 2024-05-01T12:00:00Z {\"a\":1}",
        "2024-05-01T12:00:00.123456789Z stdout P x",
        "2024-05-01T12:00:00.123456+00:00 app[web.1]: x",
        "2024-05-01T12:00:00Z app[148e21ea7d5389] iad [info] x",
        "2024-05-01T12:00:00.123Z\tc6af9ac6-7b61-11e6-9a41-93e812345678\tINFO\tx",
        "[INFO]\t2024-05-01T12:00:00.123Z\tc6af9ac6-7b61-11e6-9a41-93e812345678\tx",
        "<165>1 2003-10-11T22:14:15.003Z h a p m [id@1 k=\"v\\\"\"] \u{FEFF}x",
        "<34>Oct 11 22:14:15 host su[230]: x",
        "2026-03-01 12:00:00  x",
    ]

    @Test func neverCrashesAndRangesStayInside() {
        for input in RobustnessInputs.cases(seed: 0x5EED_0001, samples: Self.samples) {
            let p = input.withUnsafeBufferPointer { PrefixStripper.strip($0) }
            #expect(p.bodyStart >= 0 && p.bodyStart <= input.count, "\(input)")
            #expect(RobustnessInputs.contains(p.timestamp, in: input.count), "\(input)")
            #expect(RobustnessInputs.contains(p.levelWord, in: input.count), "\(input)")
            if let t = p.timestamp { #expect(t.upperBound <= p.bodyStart, "\(input)") }
            if let l = p.levelWord { #expect(l.upperBound <= p.bodyStart, "\(input)") }
            if let s = p.syslogSeverity { #expect((0...7).contains(s)) }
        }
    }
}
