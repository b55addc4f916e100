import Foundation
import Testing
@testable import OpsCore

@Suite struct SparklineGridTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let grid = SparklineGrid(start: start, step: 60, count: 5)

    static func series(_ points: [(Double, MetricValue)]) -> PrometheusSeries {
        PrometheusSeries(labels: [:], points: points.map { .init(at: start.addingTimeInterval($0.0), value: $0.1) })
    }

    @Test func pointsFallOnTheNearestMomentAndGapsAreNil() {
        let values = Self.grid.values(of: [Self.series([(0, .number(1)), (120.4, .number(3)), (179.6, .number(4))])],
                                      thresholds: MetricThresholds())
        #expect(values == [1, nil, 3, 4, nil])
    }

    @Test func specialsAreGaps() {
        let values = Self.grid.values(of: [Self.series([(0, .notANumber), (60, .positiveInfinity), (120, .negativeInfinity),
                                                        (180, .number(2))])], thresholds: MetricThresholds())
        #expect(values == [nil, nil, nil, 2, nil])
    }

    @Test func severalSeriesGiveTheWorstAtEachMoment() {
        let a = Self.series([(0, .number(0.5)), (60, .number(0.99))])
        let b = Self.series([(0, .number(0.9)), (60, .notANumber), (120, .number(0.7))])
        #expect(Self.grid.values(of: [a, b], thresholds: MetricThresholds()) == [0.9, 0.99, 0.7, nil, nil])
        #expect(Self.grid.values(of: [a, b], thresholds: MetricThresholds(warn: 0.99, critical: 0.9)) == [0.5, 0.99, 0.7, nil, nil])
    }

    @Test func pointsOutsideTheWindowAreLeftOut() {
        let values = Self.grid.values(of: [Self.series([(-60, .number(1)), (-29, .number(2)), (270, .number(3)), (1e300, .number(4))])],
                                      thresholds: MetricThresholds())
        #expect(values == [2, nil, nil, nil, nil])
        #expect(SparklineGrid(start: Self.start, step: 0, count: 3).slot(of: Self.start) == nil)
    }
}

/// The poller where no Prometheus is needed: failures become readings.
@Suite struct MetricPollerFailureTests {
    @Test func failuresAreReadingsWithTheirWords() async throws {
        let port = try SilentTCPServer.closedPort()
        let closed = PrometheusServer(url: "http://127.0.0.1:\(port)")
        let noToken = PrometheusServer(PrometheusConfig(url: "http://127.0.0.1:\(port)", credentials: .basicAuthEnvironment("NOPE")),
                                       environment: "production", variables: [:])
        let metrics = [
            PlannedMetric(id: MetricID(service: "api", environment: "staging", name: "rate"),
                          config: MetricConfig(name: "rate", query: "up"), server: closed),
            PlannedMetric(id: MetricID(service: "api", environment: "production", name: "rate"),
                          config: MetricConfig(name: "rate", query: "up"), server: noToken),
        ]
        let poller = MetricPoller(metrics: metrics, timeout: .seconds(5))
        let readings = await poller.readOnce()
        #expect(readings.map(\.id.environment) == ["staging", "production"])
        #expect(readings.allSatisfy { $0.level == .unknown && $0.value == nil && $0.seriesCount == 0 })
        #expect(readings[0].error == "cannot reach Prometheus: connection refused (127.0.0.1:\(port))")
        #expect(readings[1].error == "environment variable NOPE is not set (basic_auth_env of environment production)")
        let sparkline = await poller.sparkline(of: metrics[1])
        #expect(sparkline == .failure(.missingCredentials("environment variable NOPE is not set (basic_auth_env of environment production)")))
    }

    @Test func runKeepsReadingUntilCancelled() async throws {
        let port = try SilentTCPServer.closedPort()
        let metric = PlannedMetric(id: MetricID(service: "api", environment: "staging", name: "rate"),
                                   config: MetricConfig(name: "rate", query: "up"),
                                   server: PrometheusServer(url: "http://127.0.0.1:\(port)"))
        let poller = MetricPoller(metrics: [metric], interval: .milliseconds(50), firstRunSpread: .zero)
        var count = 0
        for await reading in poller.readings() {
            #expect(reading.error != nil)
            count += 1
            if count == 3 { break }
        }
        #expect(count == 3)
    }
}
