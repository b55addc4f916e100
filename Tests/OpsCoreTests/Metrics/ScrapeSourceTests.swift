import Foundation
import Testing
@testable import OpsCore

/// Scraped metrics through the poller, against a loopback server whose page the test changes.
@Suite struct ScrapeSourceTests {
    static func metric(_ name: String, _ expression: String, url: String, warn: Double? = nil,
                       critical: Double? = nil) throws -> PlannedMetric {
        PlannedMetric(id: MetricID(service: "api", environment: "staging", name: name),
                      config: MetricConfig(name: name, scrape: try ScrapeExpression.parse(expression).get(),
                                           warn: warn, critical: critical),
                      endpoint: .page(url: url))
    }

    static func page(ok: Int, failed: Int, ratio: Double) -> String {
        """
        # TYPE http_requests_total counter
        http_requests_total{status="200"} \(ok)
        http_requests_total{status="500"} \(failed)
        # TYPE http_error_ratio gauge
        http_error_ratio \(ratio)

        """
    }

    /// A clock the test moves.
    final class Clock: Sendable {
        let seconds = LockedValue(1_800_000_000.0)
        var now: @Sendable () -> Date { { [seconds] in Date(timeIntervalSince1970: seconds.value) } }
        func advance(_ by: Double) { seconds.withLock { $0 += by } }
    }

    @Test func gaugesRatesAndTheirThresholds() async throws {
        let server = try CannedHTTPServer(body: Self.page(ok: 100, failed: 0, ratio: 0.01), contentType: "text/plain; version=0.0.4")
        defer { server.stop() }
        let url = server.url + "/metrics"
        let clock = Clock()
        let metrics = [
            try Self.metric("error_rate", "http_error_ratio", url: url, warn: 0.05, critical: 0.2),
            try Self.metric("rps", "rate(http_requests_total)", url: url),
            try Self.metric("failures", #"rate(http_requests_total{status="500"})"#, url: url, warn: 1, critical: 5),
        ]
        let poller = MetricPoller(metrics: metrics, timeout: .seconds(10), now: clock.now)
        let first = await poller.readOnce()
        #expect(first.map(\.id.name) == ["error_rate", "rps", "failures"])
        #expect(first[0].value == .number(0.01) && first[0].level == .ok)
        // A rate needs two scrapes: the first has no value and no error.
        #expect(first[1].value == nil && first[1].error == nil && first[1].text == "no data")
        #expect(server.lastTarget == "/metrics")
        #expect(server.lastHeader("Accept")?.hasPrefix("text/plain;version=0.0.4") == true)

        server.answer(body: Self.page(ok: 150, failed: 60, ratio: 0.3), contentType: "text/plain")
        clock.advance(10)
        let second = await poller.readOnce()
        #expect(second[0].value == .number(0.3) && second[0].level == .critical)
        #expect(second[1].value == .number(11) && second[1].level == .ok && second[1].seriesCount == 1)
        #expect(second[2].value == .number(6) && second[2].level == .critical)
    }

    @Test func failuresAreReadingsWithTheirWords() async throws {
        let server = try CannedHTTPServer(status: 404, reason: "Not Found", body: "404 page not found", contentType: "text/plain")
        defer { server.stop() }
        let html = try CannedHTTPServer(body: "<html>\n<p>hello</p>\n</html>\n", contentType: "text/html")
        defer { html.stop() }
        let page = try CannedHTTPServer(body: Self.page(ok: 1, failed: 0, ratio: 0), contentType: "text/plain")
        defer { page.stop() }
        // Last: the closed listener's accept thread may outlive it, and take the connections of a
        // listener made next that reuses its descriptor.
        let closed = try SilentTCPServer.closedPort()
        let metrics = [
            try Self.metric("missing_page", "up", url: server.url + "/metrics"),
            try Self.metric("refused", "up", url: "http://127.0.0.1:\(closed)/metrics"),
            try Self.metric("html", "up", url: html.url + "/metrics"),
            try Self.metric("typo", "http_error_ration", url: page.url + "/metrics"),
            try Self.metric("bad_url", "up", url: "ftp://example.com/metrics"),
        ]
        let readings = await MetricPoller(metrics: metrics, timeout: .seconds(10)).readOnce()
        #expect(readings.allSatisfy { $0.level == .unknown && $0.value == nil && $0.text == "error" })
        #expect(readings[0].error == "HTTP 404 Not Found: no metrics at \(server.url)/metrics (not found; check base_url and scrape_url)")
        #expect(readings[1].error == "cannot reach http://127.0.0.1:\(closed)/metrics: connection refused (127.0.0.1:\(closed))")
        #expect(readings[2].error == "\(html.url)/metrics is not a metrics page: none of its 3 lines is a sample")
        #expect(readings[3].error == "no series http_error_ration at \(page.url)/metrics (it has 3 samples); did you mean http_error_ratio?")
        #expect(readings[4].error == "not an http or https URL to scrape: ftp://example.com/metrics")
    }

    @Test func theLastHourIsWhatWasScrapedThisSession() async throws {
        let server = try CannedHTTPServer(body: Self.page(ok: 0, failed: 0, ratio: 0.1), contentType: "text/plain")
        defer { server.stop() }
        let clock = Clock()
        let metric = try Self.metric("error_rate", "http_error_ratio", url: server.url + "/metrics", warn: 0.05, critical: 0.2)
        let poller = MetricPoller(metrics: [metric], timeout: .seconds(10), now: clock.now)
        let empty = try await poller.sparkline(of: metric, last: .seconds(3600), points: 30).get()
        #expect(empty == [Double?](repeating: nil, count: 30))
        for ratio in [0.1, 0.2, 0.3] {
            server.answer(body: Self.page(ok: 0, failed: 0, ratio: ratio), contentType: "text/plain")
            _ = await poller.readOnce()
            clock.advance(120)
        }
        // Readings at -360 s, -240 s and -120 s fall on the last moments of a grid of one every 120 s.
        let values = try await poller.sparkline(of: metric, last: .seconds(3600), points: 30).get()
        #expect(values.count == 30)
        #expect(Array(values.suffix(4)) == [0.1, 0.2, 0.3, nil])
        #expect(values.dropLast(4).allSatisfy { $0 == nil })
    }

    @Test func runKeepsScrapingAndRatesComeFromTheSecondScrape() async throws {
        let server = try CannedHTTPServer(body: Self.page(ok: 0, failed: 0, ratio: 0), contentType: "text/plain")
        defer { server.stop() }
        let metric = try Self.metric("rps", "rate(http_requests_total)", url: server.url + "/metrics")
        let counter = LockedValue(0)
        let poller = MetricPoller(metrics: [metric], interval: .milliseconds(50), firstRunSpread: .zero)
        var readings: [MetricReading] = []
        for await reading in poller.readings() {
            readings.append(reading)
            // The counter rises with every scrape, so every rate after the first is above 0.
            let next = counter.withLock { value -> Int in value += 10; return value }
            server.answer(body: Self.page(ok: next, failed: 0, ratio: 0), contentType: "text/plain")
            if readings.count == 3 { break }
        }
        #expect(readings[0].value == nil && readings[0].error == nil)
        #expect(readings.dropFirst().allSatisfy { ($0.value?.finiteValue ?? 0) > 0 })
    }
}
