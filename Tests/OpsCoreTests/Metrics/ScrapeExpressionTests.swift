import Foundation
import Testing
@testable import OpsCore

@Suite struct ScrapeExpressionTests {
    @Test func readsGaugesSelectorsAndRates() throws {
        #expect(try ScrapeExpression.parse("http_error_ratio").get() == .value(ScrapeSelector(name: "http_error_ratio")))
        #expect(try ScrapeExpression.parse(#" http_requests_total{status="500"} "#).get()
            == .value(ScrapeSelector(name: "http_requests_total", matchers: [.init(label: "status", value: "500")])))
        #expect(try ScrapeExpression.parse(#"rate( http_requests_total{status!="200", method="GET",} )"#).get()
            == .rate(ScrapeSelector(name: "http_requests_total", matchers: [
                .init(label: "status", value: "200", equal: false), .init(label: "method", value: "GET"),
            ])))
        #expect(try ScrapeExpression.parse("rate_total").get() == .value(ScrapeSelector(name: "rate_total")))
        #expect(try ScrapeExpression.parse("rate (x)").get() == .rate(ScrapeSelector(name: "x")))
    }

    @Test func writesBackWhatItRead() throws {
        for text in ["http_error_ratio", #"rate(http_requests_total{status="500"})"#, #"x{a!="q\"uote\\d"}"#] {
            #expect(try ScrapeExpression.parse(text).get().description == text)
        }
    }

    @Test(arguments: [
        ("", "expected a series name"),
        ("sum(rate(x[5m]))", "unexpected \"(rate(x[5m]))\" after sum"),
        ("rate(x", "rate( is not closed"),
        (#"x{status=~"5.."}"#, "expected = or != after label status"),
        ("x{status=500}", "expected a double-quoted value for label status"),
        (#"x{status="500" method="GET"}"#, "expected , or } after label status"),
        ("x{1=\"a\"}", "expected a label name in the braces of x"),
        ("x / y", "unexpected \"/ y\" after x"),
    ])
    func sayWhatIsWrong(text: String, words: String) {
        guard case .failure(let error) = ScrapeExpression.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(error.message.hasPrefix(words), "\(error.message)")
    }
}

@Suite struct ScrapeEvaluationTests {
    static let url = "http://127.0.0.1:1/metrics"
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func page(ok: Int, failed: Int, ratio: String = "0.1") -> ExpositionPage {
        ExpositionParser.parse("""
            # TYPE http_requests_total counter
            http_requests_total{status="200"} \(ok)
            http_requests_total{status="500"} \(failed)
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_count \(ok + failed)
            http_error_ratio \(ratio)
            """)
    }

    static func evaluate(_ text: String, _ page: ExpositionPage, at seconds: Double = 0,
                         previous: ScrapeCounters? = nil) throws -> Result<ScrapeEvaluation.Outcome, ScrapeError> {
        ScrapeEvaluation.evaluate(try ScrapeExpression.parse(text).get(), on: page, url: url,
                                  at: start.addingTimeInterval(seconds), previous: previous)
    }

    @Test func aGaugeIsReadAsItIs() throws {
        #expect(try Self.evaluate("http_error_ratio", Self.page(ok: 1, failed: 1)).get().values == [.number(0.1)])
        #expect(try Self.evaluate("http_error_ratio", Self.page(ok: 1, failed: 1, ratio: "NaN")).get().values == [.notANumber])
        #expect(try Self.evaluate("http_requests_total", Self.page(ok: 5, failed: 2)).get().values == [.number(5), .number(2)])
        #expect(try Self.evaluate(#"http_requests_total{status="500"}"#, Self.page(ok: 5, failed: 2)).get().values == [.number(2)])
        #expect(try Self.evaluate(#"http_requests_total{status!="500"}"#, Self.page(ok: 5, failed: 2)).get().values == [.number(5)])
    }

    @Test func aRateIsTheIncreasePerSecondSummedOverSeries() throws {
        let first = try Self.evaluate("rate(http_requests_total)", Self.page(ok: 100, failed: 10)).get()
        #expect(first.values.isEmpty)
        let counters = try #require(first.counters)
        #expect(counters.values.count == 2)
        let second = try Self.evaluate("rate(http_requests_total)", Self.page(ok: 150, failed: 20), at: 10, previous: counters).get()
        #expect(second.values == [.number(6)])
        let errors = try Self.evaluate(#"rate(http_requests_total{status="500"})"#, Self.page(ok: 100, failed: 10)).get()
        let later = try Self.evaluate(#"rate(http_requests_total{status="500"})"#, Self.page(ok: 100, failed: 30), at: 4,
                                      previous: errors.counters).get()
        #expect(later.values == [.number(5)])
    }

    @Test func aResetCounterCountsItsNewValueAsTheIncrease() {
        let before = ScrapeCounters(at: Self.start, values: ["a": 1000, "b": 50])
        let after = ScrapeCounters(at: Self.start.addingTimeInterval(2), values: ["a": 8, "b": 60, "new": 99])
        // a restarted: 8; b rose by 10; a series new since the last scrape is not counted.
        #expect(ScrapeEvaluation.rate(from: before, to: after) == 9)
        #expect(ScrapeEvaluation.rate(from: nil, to: after) == nil)
        #expect(ScrapeEvaluation.rate(from: after, to: before) == nil)
        #expect(ScrapeEvaluation.rate(from: after, to: after) == nil)
    }

    @Test func missingSeriesAreExplained() throws {
        let page = Self.page(ok: 1, failed: 1)
        #expect(try Self.evaluate("http_eror_ratio", page) == .failure(.noSuchSeries(
            "no series http_eror_ratio at \(Self.url) (it has 4 samples); did you mean http_error_ratio?")))
        #expect(try Self.evaluate(#"http_requests_total{status="503"}"#, page) == .failure(.noSuchSeries(
            #"no series http_requests_total{status="503"} at \#(Self.url): its 2 series of http_requests_total have labels status"#)))
        #expect(try Self.evaluate("http_request_duration_seconds", page) == .failure(.noSuchSeries(
            "http_request_duration_seconds at \(Self.url) is a histogram: read http_request_duration_seconds_count or http_request_duration_seconds_sum")))
        #expect(try Self.evaluate("up", ExpositionParser.parse("<html>\n<body>oops</body>\n</html>"))
            == .failure(.notExposition(url: Self.url, skippedLines: 3)))
    }
}
