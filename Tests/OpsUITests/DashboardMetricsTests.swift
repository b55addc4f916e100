import Foundation
import Testing
import OpsCore
@testable import OpsUI

/// Metrics in the dashboard: a column per metric in the Services table, coloured by threshold,
/// rolled into health, described in the details, alerting when critical.
@Suite struct DashboardMetricsTests {
    static let server = PrometheusServer(PrometheusConfig(url: "http://127.0.0.1:9090"), environment: "production",
                                         variables: [:])

    static func planned(_ service: String, _ environment: String, _ name: String, warn: Double? = nil,
                        critical: Double? = nil) -> PlannedMetric {
        PlannedMetric(id: MetricID(service: service, environment: environment, name: name),
                      config: MetricConfig(name: name, query: "q", warn: warn, critical: critical), server: server)
    }

    static let metrics = [
        planned("api", "production", "error_rate", warn: 0.01, critical: 0.05),
        planned("api", "production", "latency_p95"),
        planned("api", "staging", "error_rate", warn: 0.01, critical: 0.05),
    ]

    static func reading(_ environment: String, _ name: String, _ value: Double, level: MetricLevel,
                        secondsAgo: Double) -> DashboardAction {
        .metricReading(MetricReading(id: MetricID(service: "api", environment: environment, name: name),
                                     value: MetricValue(value), level: level, seriesCount: 1,
                                     at: DashboardProbesTests.nowDate.addingTimeInterval(-secondsAgo)))
    }

    static func dashboard() -> DashboardState {
        var state = DashboardState(environmentOrder: Fleet.environments, metrics: metrics)
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(Fleet.snapshots, at: Fleet.ago(3)))
        _ = DashboardReducer.reduce(&state, .key(.character("j")))
        for action in [reading("production", "error_rate", 0.02, level: .warn, secondsAgo: 30),
                       reading("production", "latency_p95", 0.25, level: .ok, secondsAgo: 30),
                       reading("staging", "error_rate", 0.001, level: .ok, secondsAgo: 30)] {
            _ = DashboardReducer.reduce(&state, action)
        }
        return state
    }

    @Test func eachMetricIsAColumnColouredByItsLevel() {
        var state = Self.dashboard()
        // Select api/staging, so that production's row is drawn in its own colours.
        _ = DashboardReducer.reduce(&state, .key(.character("k")))
        let frame = DashboardRendererTests.render(state, 160, 48)
        let screen = DashboardRendererTests.screen(frame.grid)
        #expect(screen.contains("ERROR_RATE") && screen.contains("LATENCY_P9"))
        let production = screen.split(separator: "\n").first { $0.hasPrefix("│api") && $0.contains("production") }
        #expect(production?.contains("0.02") == true && production?.contains("0.25") == true)
        // Warn is drawn degraded; rows without the metric show a dim dash.
        let row = (0..<48).first { frame.grid.rowText($0).contains("0.02") } ?? 0
        let column = frame.grid.rowText(row).range(of: "0.02").map { frame.grid.rowText(row).distance(from: frame.grid.rowText(row).startIndex, to: $0.lowerBound) } ?? 0
        #expect(frame.grid[row, column].role == .statusDegraded)
        let web = screen.split(separator: "\n").first { $0.hasPrefix("│web") && $0.contains("staging") }
        #expect(web?.contains(" - ") == true)
    }

    @Test func aWarningDegradesTheHealthAndTheDetailsSayWhy() {
        let state = Self.dashboard()
        let snapshot = state.selectedService
        #expect(snapshot?.key == Fleet.key("api", "production"))
        #expect(snapshot.map { state.health(of: $0) }?.verdict == .degraded)
        #expect(snapshot.map { state.health(of: $0) }?.causeText == "metric error_rate: 0.02 above 0.01")
        let lines = snapshot.map { DashboardDetails.lines(for: $0, in: state) }?.map { $0.map(\.text).joined() } ?? []
        #expect(lines.contains { $0.hasPrefix("metric   error_rate 0.02 warn above 0.01 · ") && $0.hasSuffix(" since start") })
        #expect(lines.contains { $0.hasPrefix("metric   latency_p95 0.25 ok") })
    }

    @Test func aMetricTurningCriticalRaisesAnAlertAndItsRecoveryAnother() {
        var state = Self.dashboard()
        #expect(DashboardReducer.reduce(&state, Self.reading("production", "error_rate", 0.2, level: .critical,
                                                             secondsAgo: 20)).isEmpty)
        let effects = DashboardReducer.reduce(&state, Self.reading("production", "error_rate", 0.3, level: .critical,
                                                                   secondsAgo: 10))
        guard case .alert(let alert)? = effects.first else {
            Issue.record("expected an alert, got \(effects)")
            return
        }
        #expect(alert.summary.hasPrefix("ALERT api/production/error_rate critical"))
        #expect(alert.value == "0.3")
        _ = DashboardReducer.reduce(&state, Self.reading("production", "error_rate", 0.001, level: .ok, secondsAgo: 5))
        let recovered = DashboardReducer.reduce(&state, Self.reading("production", "error_rate", 0.001, level: .ok,
                                                                     secondsAgo: 1))
        guard case .alert(let recovery)? = recovered.first else {
            Issue.record("expected a recovery, got \(recovered)")
            return
        }
        #expect(recovery.transition == .recovered)
    }

    @Test func selectingAServiceLoadsItsLastHourAndAFailureIsShownInWords() {
        var state = Self.dashboard()
        // Back to api/staging: its metric's hour is asked for.
        let effects = DashboardReducer.reduce(&state, .key(.character("k")))
        #expect(effects.contains(.loadMetricHistory(Fleet.key("api", "staging"))))
        let id = MetricID(service: "api", environment: "staging", name: "error_rate")
        #expect(state.metrics.entries[id]?.lastHour.isLoading == true)
        _ = DashboardReducer.reduce(&state, .metricHistoryLoaded(id, [nil, 0.001, 0.002, nil, 0.004], at: Fleet.now))
        let lines = state.selectedService.map { DashboardDetails.lines(for: $0, in: state) }?.map { $0.map(\.text).joined() } ?? []
        #expect(lines.contains { $0.hasSuffix("·  ▃▅ █ last hour") })
        // A service without metrics asks for nothing.
        _ = DashboardReducer.reduce(&state, .key(.character("G")))
        #expect(!DashboardReducer.reduce(&state, .key(.character("k"))).contains { effect in
            if case .loadMetricHistory = effect { return true } else { return false }
        })
        // A failed query: the error in words, the column says error.
        var failing = Self.dashboard()
        let reading = MetricReading(id: MetricID(service: "api", environment: "production", name: "latency_p95"),
                                    error: .api(errorType: "bad_data", message: "parse error", httpStatus: 400),
                                    at: DashboardProbesTests.nowDate)
        _ = DashboardReducer.reduce(&failing, .metricReading(reading))
        let details = failing.selectedService.map { DashboardDetails.lines(for: $0, in: failing) }?
            .map { $0.map(\.text).joined() } ?? []
        #expect(details.contains { $0.hasPrefix("metric   latency_p95 bad_data") })
        let screen = DashboardRendererTests.screen(DashboardRendererTests.render(failing, 160, 48).grid)
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("│api") && $0.contains("production") && $0.contains("error") })
    }
}
