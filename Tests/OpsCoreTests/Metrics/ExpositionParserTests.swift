import Testing
@testable import OpsCore

@Suite struct ExpositionParserTests {
    @Test func readsSamplesTypesAndLabels() {
        let page = ExpositionParser.parse("""
            # HELP http_requests_total Requests answered.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # A comment of any kind.
            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{quantile="0.99"} 76656
            rpc_duration_seconds_sum 1.7560473e+07
            metric_without_timestamp_and_labels 12.47
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            something_weird{problem="division by zero"} +Inf -3982045
            trailing_comma{a="1",} 2\r
            odd_spacing { a = "x" , b="y" } NaN
            lowercase_specials -inf
            """)
        #expect(page.skippedLines == 0)
        #expect(page.truncated == false)
        #expect(page.types == ["http_requests_total": "counter", "rpc_duration_seconds": "summary"])
        #expect(page.samples.count == 10)
        #expect(page.samples[0] == ExpositionSample(name: "http_requests_total",
                                                   labels: [ExpositionLabel("method", "post"), ExpositionLabel("code", "200")],
                                                   value: .number(1027), timestamp: 1_395_066_363_000))
        #expect(page.samples[1].value == .number(3))
        #expect(page.samples[3].value == .number(1.7560473e7))
        #expect(page.samples[5].label("path") == #"C:\DIR\FILE.TXT"#)
        #expect(page.samples[5].label("error") == "Cannot find file:\n\"FILE.TXT\"")
        #expect(page.samples[6].value == .positiveInfinity && page.samples[6].timestamp == -3_982_045)
        #expect(page.samples[7].labels == [ExpositionLabel("a", "1")] && page.samples[7].value == .number(2))
        #expect(page.samples[8].labels == [ExpositionLabel("a", "x"), ExpositionLabel("b", "y")])
        #expect(page.samples[8].value == .notANumber)
        #expect(page.samples[9].value == .negativeInfinity)
    }

    @Test(arguments: [
        "<html><body>Not found</body></html>",
        "no_value",
        "up1x{",
        #"unclosed{a="1" 1"#,
        #"unquoted{a=1} 1"#,
        #"repeated{a="1",a="2"} 1"#,
        "up one",
        "up 1 notatimestamp",
        "up 1 123 extra",
        "up-1",
        "up 0x1F",
        "up 1 99999999999999999999",
        #"broken_escape{a="1\"#,
        "{} 1",
        "9starts_with_digit 1",
    ])
    func junkLinesAreSkippedAndCounted(line: String) {
        let page = ExpositionParser.parse("good 1\n\(line)\nalso_good 2\n")
        #expect(page.samples.map(\.name) == ["good", "also_good"])
        #expect(page.skippedLines == 1)
    }

    @Test func aPageLongerThanTheCapKeepsOnlyWholeLines() {
        let text = "first 1\nsecond 22\nthird 333\n"
        let page = ExpositionParser.parse(text, maxBytes: 14)
        // The cap falls inside "second 22": only "first" is whole.
        #expect(page.truncated)
        #expect(page.samples.map(\.name) == ["first"])
        #expect(ExpositionParser.parse(text, maxBytes: text.utf8.count).truncated == false)
        #expect(ExpositionParser.parse(text, maxBytes: 0).samples.isEmpty)
    }

    @Test func hostileBytesNeverCrash() {
        var generator = SplitMix64(seed: 0xE0)
        let alphabet = Array(#"a_:{}=",\ n#1.+-eINf"#.utf8) + [0x00, 0x0A, 0x0D, 0x09, 0xFF, 0xC3]
        for _ in 0..<2000 {
            let count = Int(generator.next() % 120)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let page = ExpositionParser.parse(bytes)
            #expect(page.samples.count + page.skippedLines <= bytes.filter { $0 == 0x0A }.count + 1)
        }
    }

    @Test func seriesIdentityIgnoresLabelOrder() {
        let a = ExpositionParser.parse(#"x{b="2",a="1"} 1"#).samples[0]
        let b = ExpositionParser.parse(#"x{a="1",b="2"} 5"#).samples[0]
        #expect(a.seriesIdentity == b.seriesIdentity)
        #expect(a.seriesIdentity == #"x{a="1",b="2"}"#)
    }
}
