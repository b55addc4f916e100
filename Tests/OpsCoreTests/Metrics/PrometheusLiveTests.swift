import Foundation
import Testing
@testable import OpsCore

/// The client against the real Prometheus of `scripts/prometheus`, scraping the test exporter
/// (http_requests_total{code="200"} at 10/s, {code="500"} at 1/s) and a dead job.
@Suite(.enabled(if: PrometheusTestServer.shouldRun, PrometheusTestServer.missing))
struct PrometheusLiveTests {
    static let requestRate = #"sum(rate(http_requests_total{code="200"}[5s]))"#
    static let errorRatio = #"sum(rate(http_requests_total{code="500"}[5s])) / sum(rate(http_requests_total[5s]))"#

    /// The single value of `query` once `accept` takes it.
    static func settledValue(of query: String, _ accept: @escaping (Double) -> Bool) async throws -> Double {
        let samples = try await PrometheusTestServer.samples(of: query) { samples in
            samples.count == 1 && samples[0].value.finiteValue.map(accept) == true
        }
        return try #require(samples.first?.value.finiteValue)
    }

    @Test func aRateOfTheExporter() async throws {
        let rate = try await Self.settledValue(of: Self.requestRate) { (9.5...10.5).contains($0) }
        #expect(abs(rate - 10) < 0.5)
        let byCode = try await PrometheusTestServer.client().instant(query: "sum by (code) (rate(http_requests_total[5s]))").get()
        #expect(Set(byCode.compactMap { $0.labels["code"] }) == ["200", "500"])
    }

    @Test func anErrorRatioJudgedByThresholds() async throws {
        let ratio = try await Self.settledValue(of: Self.errorRatio) { abs($0 - 1.0 / 11) < 0.005 }
        #expect(MetricValue.number(ratio).text == "0.0909")
        let at = Date()
        let samples = [PrometheusSample(labels: [:], value: .number(ratio), at: at)]
        let id = MetricID(service: "app", environment: "test", name: "error_rate")
        #expect(MetricReading(id: id, samples: samples, thresholds: .init(warn: 0.05, critical: 0.2), at: at).level == .warn)
        #expect(MetricReading(id: id, samples: samples, thresholds: .init(warn: 0.01, critical: 0.05), at: at).level == .critical)
        #expect(MetricReading(id: id, samples: samples, thresholds: .init(warn: 0.1, critical: 0.5), at: at).level == .ok)
    }

    @Test func theDeadJobIsDown() async throws {
        let samples = try await PrometheusTestServer.samples(of: #"up{job="dead"}"#) { !$0.isEmpty }
        #expect(samples.count == 1)
        #expect(samples.first?.value == .number(0))
        #expect(samples.first?.labels["job"] == "dead")
        #expect(samples.first?.labels["__name__"] == "up")
    }

    @Test func badPromQLIsABadDataError() async throws {
        let result = try await PrometheusTestServer.client().instant(query: "sum(rate(")
        guard case .failure(.api(let errorType, let message, let status)) = result else {
            Issue.record("expected an API error, got \(result)")
            return
        }
        #expect(errorType == "bad_data")
        #expect(status == 400)
        #expect(message.contains("parse error"))
        #expect(result.failureText?.hasPrefix(#"bad_data: invalid parameter "query": "#) == true)
    }

    @Test func zeroOverZeroIsNaNAndOneOverZeroIsInfinity() async throws {
        let client = try PrometheusTestServer.client()
        #expect(try await client.instant(query: "0/0").get().map(\.value) == [.notANumber])
        #expect(try await client.instant(query: "1/0").get().map(\.value) == [.positiveInfinity])
        #expect(try await client.instant(query: "-1/0").get().map(\.value) == [.negativeInfinity])
        #expect(try await client.instant(query: #"vector(0) / vector(0)"#).get().map(\.value) == [.notANumber])
    }

    @Test func aQueryWithoutSeriesIsNoData() async throws {
        let samples = try await PrometheusTestServer.client().instant(query: #"up{job="no-such-job"}"#).get()
        #expect(samples.isEmpty)
    }

    @Test func aStringQueryIsRefusedInWords() async throws {
        let result = try await PrometheusTestServer.client().instant(query: #""hello""#)
        #expect(result == .failure(.unsupportedResultType("string")))
    }

    @Test func anInstantQueryAtATimeInThePastHasNoSamplesYet() async throws {
        let samples = try await PrometheusTestServer.client().instant(query: "up", at: Date(timeIntervalSince1970: 1_000_000_000)).get()
        #expect(samples.isEmpty)
    }

    @Test func aRangeQueryGivesPointsEveryStep() async throws {
        _ = try await Self.settledValue(of: Self.requestRate) { $0 > 9 }
        let end = Date()
        let start = end.addingTimeInterval(-4)
        let series = try await PrometheusTestServer.client().range(query: #"up{job="app"}"#, start: start, end: end, step: .seconds(1)).get()
        #expect(series.count == 1)
        let points = try #require(series.first?.points)
        #expect(points.count >= 2 && points.count <= 5)
        #expect(points.allSatisfy { $0.value == .number(1) })
        #expect(zip(points, points.dropFirst()).allSatisfy { abs($1.at.timeIntervalSince($0.at) - 1) < 0.001 })
    }

    @Test func aPathPrefixThatIsNotThereIsA404() async throws {
        let client = PrometheusClient(server: PrometheusServer(url: try PrometheusTestServer.url() + "/prom"), timeout: .seconds(5))
        let result = await client.instant(query: "up")
        #expect(result.failureText == "HTTP 404 Not Found: no Prometheus API at this URL (check the path prefix)")
    }
}
