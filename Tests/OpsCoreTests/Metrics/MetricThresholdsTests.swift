import Foundation
import Testing
@testable import OpsCore

@Suite struct MetricThresholdsTests {
    static let errorRate = MetricThresholds(warn: 0.01, critical: 0.05)
    /// A success ratio: lower is worse.
    static let availability = MetricThresholds(warn: 0.99, critical: 0.95)

    @Test(arguments: [
        (0.0, MetricLevel.ok), (0.0099, .ok), (0.01, .warn), (0.03, .warn), (0.05, .critical), (0.9, .critical), (-1, .ok),
    ])
    func higherIsWorseByDefault(value: Double, level: MetricLevel) {
        #expect(Self.errorRate.level(of: .number(value)) == level)
    }

    @Test(arguments: [
        (1.0, MetricLevel.ok), (0.995, .ok), (0.99, .warn), (0.97, .warn), (0.95, .critical), (0.2, .critical),
    ])
    func lowerIsWorseWhenCriticalIsBelowWarn(value: Double, level: MetricLevel) {
        #expect(Self.availability.lowerIsWorse)
        #expect(Self.availability.level(of: .number(value)) == level)
    }

    @Test func oneThresholdAloneMeansHigherIsWorse() {
        let warnOnly = MetricThresholds(warn: 10)
        #expect(warnOnly.level(of: .number(9)) == .ok)
        #expect(warnOnly.level(of: .number(10)) == .warn)
        #expect(warnOnly.level(of: .number(1e9)) == .warn)
        let criticalOnly = MetricThresholds(critical: 10)
        #expect(!criticalOnly.lowerIsWorse)
        #expect(criticalOnly.level(of: .number(11)) == .critical)
        #expect(criticalOnly.level(of: .number(1)) == .ok)
    }

    @Test func withoutThresholdsEveryValueIsOk() {
        let none = MetricThresholds()
        for value in [MetricValue.number(1e9), .notANumber, .positiveInfinity, .negativeInfinity] {
            #expect(none.level(of: value) == .ok)
        }
    }

    @Test func nanAgainstThresholdsIsUnknown() {
        #expect(Self.errorRate.level(of: .notANumber) == .unknown)
        #expect(Self.availability.level(of: .notANumber) == .unknown)
    }

    @Test func infinitiesAreTheExtremes() {
        #expect(Self.errorRate.level(of: .positiveInfinity) == .critical)
        #expect(Self.errorRate.level(of: .negativeInfinity) == .ok)
        #expect(Self.availability.level(of: .positiveInfinity) == .ok)
        #expect(Self.availability.level(of: .negativeInfinity) == .critical)
    }

    @Test func theWorstOfSeveralValuesFollowsTheDirection() {
        let values: [MetricValue] = [.number(0.02), .notANumber, .number(0.07), .number(0.001)]
        #expect(Self.errorRate.worst(of: values) == .number(0.07))
        #expect(Self.availability.worst(of: values) == .number(0.001))
        #expect(MetricThresholds().worst(of: values) == .number(0.07))
        #expect(Self.errorRate.worst(of: [.notANumber, .notANumber]) == .notANumber)
        #expect(Self.errorRate.worst(of: [.number(1), .positiveInfinity]) == .positiveInfinity)
        #expect(Self.errorRate.worst(of: []) == nil)
    }

    @Test func levelsRollUpWithMax() {
        #expect([MetricLevel.ok, .unknown].max() == .unknown)
        #expect([MetricLevel.unknown, .warn, .ok].max() == .warn)
        #expect([MetricLevel.critical, .unknown, .warn].max() == .critical)
        #expect(MetricLevel.allCases == [.ok, .warn, .critical, .unknown])
    }

    @Test func aReadingOfSeveralSeriesTakesTheWorstAndCountsThem() {
        let id = MetricID(service: "api", environment: "staging", name: "error_rate")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let samples = [0.002, 0.06, 0.02].map { PrometheusSample(labels: ["pod": "\($0)"], value: .number($0), at: at) }
        let reading = MetricReading(id: id, samples: samples, thresholds: Self.errorRate, at: at)
        #expect(reading == MetricReading(id: id, value: .number(0.06), level: .critical, seriesCount: 3, at: at))
        #expect(reading.text == "0.06")
        let empty = MetricReading(id: id, samples: [], thresholds: Self.errorRate, at: at)
        #expect(empty.value == nil && empty.level == .unknown && empty.seriesCount == 0 && empty.error == nil)
        #expect(empty.text == "no data")
        let failed = MetricReading(id: id, error: .httpStatus(502, reason: "Bad Gateway"), at: at)
        #expect(failed.level == .unknown && failed.text == "error")
        #expect(failed.error == "HTTP 502 Bad Gateway from Prometheus")
        #expect(id.description == "api/staging/error_rate")
    }
}
