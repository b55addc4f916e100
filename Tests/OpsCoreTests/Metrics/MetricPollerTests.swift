import Foundation
import Testing
@testable import OpsCore

/// The poller against the real Prometheus, a silent server and missing credentials.
@Suite(.enabled(if: PrometheusTestServer.shouldRun, PrometheusTestServer.missing))
struct MetricPollerTests {
    static func metric(_ name: String, _ query: String, warn: Double? = nil, critical: Double? = nil,
                       server: PrometheusServer) -> PlannedMetric {
        PlannedMetric(id: MetricID(service: "app", environment: "test", name: name),
                      config: MetricConfig(name: name, query: query, warn: warn, critical: critical), server: server)
    }

    static func live() throws -> PrometheusServer { PrometheusServer(url: try PrometheusTestServer.url()) }

    @Test func readOnceGivesOneReadingPerMetricInOrder() async throws {
        _ = try await PrometheusLiveTests.settledValue(of: PrometheusLiveTests.errorRatio) { abs($0 - 1.0 / 11) < 0.005 }
        let server = try Self.live()
        let unreachable = PrometheusServer(url: "http://127.0.0.1:\(try SilentTCPServer.closedPort())")
        let noToken = PrometheusServer(PrometheusConfig(url: server.url, credentials: .bearerTokenEnvironment("NO_SUCH_TOKEN_VAR")),
                                       environment: "test", variables: [:])
        let metrics = [
            Self.metric("errors", PrometheusLiveTests.errorRatio, warn: 0.05, critical: 0.2, server: server),
            Self.metric("errors_strict", PrometheusLiveTests.errorRatio, warn: 0.01, critical: 0.05, server: server),
            Self.metric("requests", PrometheusLiveTests.requestRate, server: server),
            Self.metric("dead_up", #"up{job="dead"}"#, warn: 0.99, critical: 0.5, server: server),
            Self.metric("by_code", "sum by (code) (rate(http_requests_total[5s]))", server: server),
            Self.metric("broken", "sum(", server: server),
            Self.metric("idle", "0/0", warn: 1, critical: 2, server: server),
            Self.metric("none", #"up{job="no-such-job"}"#, server: server),
            Self.metric("elsewhere", "up", server: unreachable),
            Self.metric("secret", "up", server: noToken),
        ]
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        let readings = await MetricPoller(metrics: metrics, timeout: .seconds(5), now: { stamp }).readOnce()
        #expect(readings.map(\.id.name) == metrics.map(\.id.name))
        #expect(readings.allSatisfy { $0.at == stamp })
        let byName = Dictionary(uniqueKeysWithValues: readings.map { ($0.id.name, $0) })

        #expect(byName["errors"]?.level == .warn && byName["errors"]?.text == "0.0909")
        #expect(byName["errors_strict"]?.level == .critical)
        #expect(byName["requests"]?.level == .ok && byName["requests"]?.seriesCount == 1)
        #expect(byName["requests"]?.value?.finiteValue.map { abs($0 - 10) < 1 } == true)
        #expect(byName["dead_up"]?.value == .number(0) && byName["dead_up"]?.level == .critical)
        // Two series: the worst (highest, no thresholds) is the 200s' rate.
        #expect(byName["by_code"]?.seriesCount == 2)
        #expect(byName["by_code"]?.value?.finiteValue.map { $0 > 5 } == true)
        #expect(byName["broken"]?.error?.hasPrefix("bad_data: ") == true && byName["broken"]?.level == .unknown)
        #expect(byName["idle"]?.value == .notANumber && byName["idle"]?.level == .unknown && byName["idle"]?.text == "NaN")
        #expect(byName["none"]?.value == nil && byName["none"]?.error == nil && byName["none"]?.text == "no data")
        #expect(byName["elsewhere"]?.error?.hasPrefix("cannot reach Prometheus: connection refused") == true)
        #expect(byName["secret"]?.error == "environment variable NO_SUCH_TOKEN_VAR is not set (bearer_token_env of environment test)")
    }

    /// Readings of the live server keep coming every interval while another server's queries hang
    /// for their whole timeout.
    @Test func aHungServerNeverDelaysAnotherServersMetrics() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let hung = PrometheusServer(url: "http://127.0.0.1:\(silent.port)")
        let poller = MetricPoller(metrics: [
            Self.metric("requests", PrometheusLiveTests.requestRate, server: try Self.live()),
            Self.metric("up", "up", server: try Self.live()),
            Self.metric("hung1", "up", server: hung),
            Self.metric("hung2", "up", server: hung),
        ], interval: .milliseconds(200), timeout: .seconds(30), maxConcurrentPerServer: 1, firstRunSpread: .zero)
        let readings = LockedValue<[MetricReading]>([])
        let task = Task { await poller.run { reading in readings.withLock { $0.append(reading) } } }
        defer { task.cancel() }
        let deadline = ContinuousClock.now + .seconds(30)
        while readings.value.filter({ $0.id.name == "requests" }).count < 3 || readings.value.filter({ $0.id.name == "up" }).count < 3 {
            guard ContinuousClock.now < deadline else {
                Issue.record("the live server's metrics stalled: \(readings.value.map(\.id.name))")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        await task.value
        let names = readings.value.map(\.id.name)
        #expect(!names.contains("hung1") && !names.contains("hung2"))
        #expect(readings.value.filter { $0.id.name == "up" }.allSatisfy { $0.seriesCount == 2 && $0.error == nil })
        // One slot for the hung server: its second metric never got to connect.
        #expect(silent.connectionCount == 1)
    }

    @Test func aSparklineFromARangeQuery() async throws {
        _ = try await PrometheusLiveTests.settledValue(of: PrometheusLiveTests.requestRate) { abs($0 - 10) < 0.5 }
        let server = try Self.live()
        let poller = MetricPoller(metrics: [])
        // 20 points over the last 20 s: the older ones come from before the exporter was scraped
        // long enough for a rate (nil), the last ones are about 10.
        let metric = Self.metric("requests", PrometheusLiveTests.requestRate, server: server)
        let values = try await poller.sparkline(of: metric, last: .seconds(20), points: 20).get()
        #expect(values.count == 20)
        let recent = values.suffix(2).compactMap { $0 }
        #expect(recent.count >= 1)
        #expect(recent.allSatisfy { abs($0 - 10) < 1.5 }, "\(values)")

        let nothing = try await poller.sparkline(of: Self.metric("none", #"up{job="nope"}"#, server: server),
                                                 last: .seconds(60), points: 30).get()
        #expect(nothing == [Double?](repeating: nil, count: 30))

        let nan = try await poller.sparkline(of: Self.metric("idle", "0/0", server: server), last: .seconds(10), points: 5).get()
        #expect(nan == [nil, nil, nil, nil, nil])

        let broken = await poller.sparkline(of: Self.metric("broken", "sum(", server: server))
        #expect(broken.failureText?.hasPrefix("bad_data: ") == true)
    }
}
