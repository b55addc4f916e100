import OpsCore
import Testing
@testable import OpsDemo

@Suite struct DemoMetricsTests {
    @Test func countsRequestsAndLatencyBuckets() {
        var metrics = DemoMetrics()
        metrics.record(failed: false, latency: 0.02, at: 1)
        metrics.record(failed: true, latency: 0.3, at: 1.5)
        metrics.record(failed: false, latency: 2, at: 2)
        #expect(metrics.succeeded == 2 && metrics.failed == 1)
        #expect(metrics.bucketCounts == [1, 1, 1, 1, 2, 2])
        #expect(abs(metrics.latencySum - 2.32) < 1e-9)
    }

    @Test func theErrorRatioCoversTheLastThirtySeconds() {
        var metrics = DemoMetrics()
        #expect(metrics.errorRatio(at: 0) == nil)
        for second in 0..<10 { metrics.record(failed: true, latency: 0.01, at: Double(second)) }
        for second in 10..<30 { metrics.record(failed: false, latency: 0.01, at: Double(second)) }
        #expect(metrics.errorRatio(at: 29.5) == 10.0 / 30.0)
        #expect(metrics.recent(at: 29.5) == (total: 30, errors: 10))
        for second in 30..<40 { metrics.record(failed: false, latency: 0.01, at: Double(second)) }
        // At 39 the window is 10...39: all successes; the failures have left it.
        #expect(metrics.errorRatio(at: 39) == 0)
        #expect(metrics.errorRatio(at: 100) == nil)
    }

    @Test func thePageReadsBackThroughTheScrapeParser() {
        var metrics = DemoMetrics()
        metrics.record(failed: false, latency: 0.03, at: 0)
        metrics.record(failed: true, latency: 0.2, at: 0)
        let identity = DemoIdentity(service: "api", environment: "staging \"eu\"", version: "1.5.0")
        let page = ExpositionParser.parse(DemoExposition.page(metrics, errorRatio: 0.5, identity: identity))
        #expect(page.skippedLines == 0)
        #expect(page.types["http_requests_total"] == "counter")
        #expect(page.types["http_request_duration_seconds"] == "histogram")
        #expect(page.types["http_error_ratio"] == "gauge")
        func value(_ name: String, _ labels: [ExpositionLabel] = []) -> MetricValue? {
            page.samples.first { $0.name == name && $0.labels == labels }?.value
        }
        #expect(value("http_requests_total", [ExpositionLabel("status", "200")]) == .number(1))
        #expect(value("http_requests_total", [ExpositionLabel("status", "500")]) == .number(1))
        #expect(value("http_request_duration_seconds_bucket", [ExpositionLabel("le", "0.05")]) == .number(1))
        #expect(value("http_request_duration_seconds_bucket", [ExpositionLabel("le", "+Inf")]) == .number(2))
        #expect(value("http_request_duration_seconds_count") == .number(2))
        #expect(value("http_error_ratio") == .number(0.5))
        #expect(value("demo_build_info", [ExpositionLabel("version", "1.5.0"), ExpositionLabel("service", "api"),
                                          ExpositionLabel("environment", "staging \"eu\"")]) == .number(1))
    }

    @Test func noTrafficIsNaN() {
        let page = ExpositionParser.parse(DemoExposition.page(DemoMetrics(), errorRatio: nil,
                                                              identity: DemoIdentity(service: "a", environment: "b", version: "1")))
        #expect(page.samples.first { $0.name == "http_error_ratio" }?.value == .notANumber)
    }
}
