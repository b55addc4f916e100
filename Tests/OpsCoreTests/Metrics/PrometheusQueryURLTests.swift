import Foundation
import Testing
@testable import OpsCore

@Suite struct PrometheusQueryURLTests {
    @Test func everythingButUnreservedCharactersIsEncoded() {
        let query = #"sum(rate(http_requests_total{code=~"5..",job!="a&b"}[5m])) / 2 + 1 # é"#
        #expect(PrometheusQueryURL.encode(query) ==
                "sum%28rate%28http_requests_total%7Bcode%3D~%225..%22%2Cjob%21%3D%22a%26b%22%7D%5B5m%5D%29%29%20%2F%202%20%2B%201%20%23%20%C3%A9")
        #expect(PrometheusQueryURL.encode("AZaz09-._~") == "AZaz09-._~")
    }

    @Test func theEncodingRoundTripsAsAFormDecoderReadsIt() {
        // Go's url.ParseQuery decodes `+` as a space, as form decoding does; %2B stays a plus.
        let query = "a + b & c = {d=\"e f\"}\n"
        let encoded = PrometheusQueryURL.encode(query)
        #expect(!encoded.contains("+") && !encoded.contains("&") && !encoded.contains(" "))
        #expect(encoded.replacingOccurrences(of: "+", with: " ").removingPercentEncoding == query)
    }

    @Test func anInstantQueryWithoutATimeLeavesItToTheServer() {
        #expect(PrometheusQueryURL.instant(base: "http://127.0.0.1:9090", query: "up", at: nil)
                == "http://127.0.0.1:9090/api/v1/query?query=up")
        #expect(PrometheusQueryURL.instant(base: "http://h:1/", query: "up", at: Date(timeIntervalSince1970: 1_700_000_000.1234))
                == "http://h:1/api/v1/query?query=up&time=1700000000.123")
    }

    @Test(arguments: [
        ("https://metrics.example.com/prom", "https://metrics.example.com/prom/api/v1/query?query=up"),
        ("https://metrics.example.com/prom/", "https://metrics.example.com/prom/api/v1/query?query=up"),
        ("https://metrics.example.com/prom//", "https://metrics.example.com/prom/api/v1/query?query=up"),
        ("https://metrics.example.com/prom?org=1", "https://metrics.example.com/prom/api/v1/query?org=1&query=up"),
        ("https://metrics.example.com/#x", "https://metrics.example.com/api/v1/query?query=up"),
    ])
    func aPathPrefixIsKept(base: String, url: String) {
        #expect(PrometheusQueryURL.instant(base: base, query: "up", at: nil) == url)
    }

    @Test func aRangeQueryNamesItsWindowAndStep() {
        let url = PrometheusQueryURL.range(base: "http://h:1", query: "up", start: Date(timeIntervalSince1970: 1_700_000_000),
                                           end: Date(timeIntervalSince1970: 1_700_003_540), step: .seconds(60))
        #expect(url == "http://h:1/api/v1/query_range?query=up&start=1700000000&end=1700003540&step=60")
    }

    @Test(arguments: [
        (Duration.seconds(60), "60"), (.milliseconds(2500), "2.5"), (.milliseconds(10), "0.01"), (.milliseconds(1), "0.001"),
        (.zero, "0.001"), (.nanoseconds(10), "0.001"), (.seconds(-5), "0.001"), (.seconds(Int64.max), "9223372036854775.807"),
    ])
    func stepsAreSecondsOfAtLeastAMillisecond(step: Duration, text: String) {
        #expect(PrometheusQueryURL.seconds(step) == text)
    }

    @Test func timesBeforeTheEpochKeepTheirSign() {
        #expect(PrometheusQueryURL.seconds(Date(timeIntervalSince1970: -1.5)) == "-1.5")
        #expect(PrometheusQueryURL.seconds(Date(timeIntervalSince1970: 0)) == "0")
    }
}
