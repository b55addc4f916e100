import Testing
@testable import OpsCore

@Suite struct JSONScannerTests {
    /// Documents that a strict parser (Python's json, jq) accepts.
    static let valid = [
        #"{}"#, #"[]"#, #"{"a":1}"#, #" { "a" : [ 1 , 2.5 , -0.5e-3 , true , false , null ] } "#,
        #"{"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude80"}"#, #"{"nested":{"a":{"b":[{"c":"d"}]}}}"#,
        #""just a string""#, "0", "-0", "1E+2", "{\"k\":\"caf\u{e9} \u{6771}\u{4eac} \u{1f680}\"}",
    ]
    /// Documents a strict parser rejects; Foundation on Linux accepts the first two.
    static let invalid = [
        #"{"a":1,}"#, #"[1,2,]"#, #"{"a":01}"#, #"{"a":.5}"#, #"{"a":1.}"#, #"{'a':1}"#, #"{"a" 1}"#,
        #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\u12G4"}"#, #"{a:1}"#, #"{"a":1}}"#, #"{"a":-}"#,
        "{\"a\":\"tab\there\"}", #"{"a":"unterminated}"#, #"{,}"#, #"[,1]"#, #"{"a":1 "b":2}"#, "nulx",
    ]
    /// Documents cut short outside a string: more lines could complete them.
    static let incomplete = [#"{"#, #"{"a":"#, #"{"a":1,"#, #"{"a":[1,2"#, #"{"a":{"b":true}"#, "[", #"{"a":1.5e"#, "nul"]

    func scan(_ text: String) -> Result<Int, JSONScanner.Failure> {
        var text = text
        return text.withUTF8 { utf8 in
            let scanner = JSONScanner(utf8)
            return scanner.scanValue(at: 0).flatMap { end in
                scanner.skipWhitespace(from: end) == utf8.count ? .success(end) : .failure(.invalid(offset: end))
            }
        }
    }

    @Test(arguments: valid) func acceptsStrictJSON(_ text: String) {
        #expect((try? scan(text).get()) != nil, "\(text)")
    }

    @Test(arguments: invalid) func rejectsWhatAStrictParserRejects(_ text: String) {
        guard case .failure(.invalid) = scan(text) else {
            Issue.record("accepted or incomplete: \(text)")
            return
        }
    }

    @Test(arguments: incomplete) func reportsIncompleteValues(_ text: String) {
        #expect(scan(text) == .failure(.incomplete), "\(text)")
    }

    @Test func recordsTopLevelMembersWithoutQuotes() throws {
        var text = #"{"level":"info","time":1714564800123,"msg":"a\"b","req":{"id":7},"ok":true}"#
        var members: [JSONScanner.Member] = []
        try text.withUTF8 { utf8 in
            _ = try JSONScanner(utf8).scanObject(at: 0, members: &members).get()
            let m = JSONMaterialiser(utf8)
            #expect(members.map { m.key(of: $0) } == ["level", "time", "msg", "req", "ok"])
            #expect(members.map(\.kind) == [.string, .number, .escapedString, .object, .true])
            #expect(m.value(of: members[2]) == .string("a\"b"))
            #expect(m.value(of: members[3]) == .object([JSONMember("id", .number("7"))]))
            #expect(m.value(of: members[1]) == .number("1714564800123"))
        }
    }

    @Test func decodesEscapesSurrogatesAndRepairsLoneOnes() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude80 \u00e9\n""#) == .string("\u{1F680} \u{e9}\n"))
        #expect(try JSONParser.parse(#""\ud83d x""#) == .string("\u{FFFD} x"))
        #expect(try JSONParser.parse(#""\ude80""#) == .string("\u{FFFD}"))
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(.invalid) = scan(deep) else {
            Issue.record("deep nesting was not refused")
            return
        }
    }

    @Test func stringsCutByTheLineEndAreInvalidNotIncomplete() {
        guard case .failure(.invalid) = scan(#"{"msg":"cut here"#) else {
            Issue.record("expected invalid")
            return
        }
    }

    @Test func writerRoundTripsWhatTheParserReads() throws {
        for text in Self.valid {
            let value = try JSONParser.parse(text)
            #expect(try JSONParser.parse(JSONWriter.serialize(value)) == value)
        }
    }
}
