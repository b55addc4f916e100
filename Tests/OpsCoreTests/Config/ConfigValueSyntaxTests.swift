import Testing
@testable import OpsCore

/// The small languages inside values: durations, status ranges, JSON paths, URLs, variable names.
@Suite struct ConfigValueSyntaxTests {
    @Test func durations() {
        #expect(ConfigDuration.parse("500ms") == .milliseconds(500))
        #expect(ConfigDuration.parse("30s") == .seconds(30))
        #expect(ConfigDuration.parse("1m") == .seconds(60))
        #expect(ConfigDuration.parse("2h") == .seconds(7200))
        #expect(ConfigDuration.parse("1h30m15s250ms") == .milliseconds(5_415_250))
        #expect(ConfigDuration.parse("24h") == ConfigDuration.maximum)
        for bad in ["", "30", "s", "0s", "-1s", "1.5s", "1d", "30 s", "25h", "1h1ms1ms23h", "9999999999s", "1m 30s", "1S"] {
            #expect(ConfigDuration.parse(bad) == nil, "\(bad)")
        }
        for text in ["500ms", "30s", "1m30s", "2h", "1h1m1s1ms"] {
            #expect(ConfigDuration.parse(text).map(ConfigDuration.format) == text)
        }
    }

    @Test func statusRanges() {
        #expect(ConfigReader.statusRange("200-299") == 200...299)
        #expect(ConfigReader.statusRange("200 - 204") == 200...204)
        #expect(ConfigReader.statusRange("404-404") == 404...404)
        for bad in ["299-200", "200-", "-200", "99-200", "200-600", "a-b", "200-204-206", "2xx"] {
            #expect(ConfigReader.statusRange(bad) == nil, "\(bad)")
        }
    }

    @Test func jsonPaths() {
        #expect(JSONPathSyntax.steps(of: "$") == [])
        #expect(JSONPathSyntax.steps(of: "$.a.b") == [.key("a"), .key("b")])
        #expect(JSONPathSyntax.steps(of: "$.checks[2].ok") == [.key("checks"), .index(2), .key("ok")])
        #expect(JSONPathSyntax.steps(of: "$['a.b'][\"c\"]") == [.key("a.b"), .key("c")])
        for bad in ["", "a", "$.", "$..a", "$[", "$[x]", "$[-1]", "$[1", "$a", "$.a[]", "$[9999999999]"] {
            #expect(JSONPathSyntax.steps(of: bad) == nil, "\(bad)")
        }
    }

    @Test func jsonExpectationsFindValues() throws {
        let document = try JSONParser.parse("{\"checks\": [{\"ok\": true}], \"status\": \"up\"}")
        let ok = JSONExpectation(path: "$.checks[0].ok", steps: [.key("checks"), .index(0), .key("ok")], value: .bool(true))
        #expect(ok.find(in: document) == .bool(true))
        #expect(JSONExpectation(path: "$.checks[3]", steps: [.key("checks"), .index(3)], value: .null).find(in: document) == nil)
        #expect(JSONExpectation(path: "$.status.x", steps: [.key("status"), .key("x")], value: .null).find(in: document) == nil)
    }

    @Test func environmentVariableNames() {
        for good in ["PROM_TOKEN", "_x", "a1"] { #expect(ValueReader.isVariableName(good), "\(good)") }
        for bad in ["", "1A", "A-B", "A B", "eyJhbGciOi.x", "Ä"] { #expect(!ValueReader.isVariableName(bad), "\(bad)") }
    }

    @Test func headerNames() {
        for good in ["Accept", "X-Request-Id", "x_y", "a.b"] { #expect(ConfigReader.isHeaderName(good), "\(good)") }
        for bad in ["", "Bad Header", "A:B", "Ü"] { #expect(!ConfigReader.isHeaderName(bad), "\(bad)") }
    }
}
