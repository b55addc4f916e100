import Foundation
import Testing
@testable import OpsCore

@Suite struct AlertRulesTests {
    static let health = ProbeID(service: "api", environment: "production", name: "health")
    static let at = Date(timeIntervalSince1970: 1_795_860_000)

    static func change(_ from: ProbeState, _ to: ProbeState, reason: String? = nil) -> ProbeTracker.Change {
        ProbeTracker.Change(from: from, to: to, since: at, reason: reason)
    }

    static func probeAlert(_ from: ProbeState, _ to: ProbeState, reason: String? = nil) -> Alert? {
        AlertRules.alert(for: health, change: change(from, to, reason: reason), at: at)
    }

    @Test func becomingFailingFromAnythingRaises() {
        for from in [ProbeState.ok, .degraded, .unknown] {
            let alert = Self.probeAlert(from, .failing, reason: "status 503, expected 200-299")
            #expect(alert == Alert(subject: .probe(Self.health), transition: .raised, state: "failing",
                                   reason: "status 503, expected 200-299", at: Self.at), "from \(from)")
        }
    }

    @Test func leavingFailingForOkOrDegradedRecovers() {
        #expect(Self.probeAlert(.failing, .ok) == Alert(subject: .probe(Self.health), transition: .recovered,
                                                        state: "ok", at: Self.at))
        let degraded = Self.probeAlert(.failing, .degraded, reason: "latency 900 ms, expected at most 500 ms")
        #expect(degraded?.transition == .recovered)
        #expect(degraded?.state == "degraded")
        #expect(degraded?.reason == "latency 900 ms, expected at most 500 ms")
    }

    @Test func otherChangesAreNoAlert() {
        // A first verdict of ok or degraded is no news; ok <-> degraded is the Probes pane's business.
        for (from, to) in [(ProbeState.unknown, ProbeState.ok), (.unknown, .degraded), (.ok, .degraded), (.degraded, .ok),
                           (.failing, .failing), (.failing, .unknown), (.ok, .unknown)] {
            #expect(Self.probeAlert(from, to) == nil, "\(from) -> \(to)")
        }
    }

    @Test func aTrackedProbeAlertsOnceWhenItFailsAndOnceWhenItRecovers() {
        var tracker = ProbeTracker(consecutive: 2)
        var alerts: [Alert.Transition] = []
        let states: [ProbeState] = [.ok, .failing, .failing, .failing, .ok, .failing, .ok, .ok, .ok]
        for (second, state) in states.enumerated() {
            let at = Self.at.addingTimeInterval(Double(second))
            let reason = state == .ok ? nil : "status 503"
            guard let change = tracker.record(ProbeResult(state: state, failedCondition: reason, at: at)) else { continue }
            if let alert = AlertRules.alert(for: Self.health, change: change, at: at) { alerts.append(alert.transition) }
        }
        // The blip of one failure between good answers changes nothing.
        #expect(alerts == [.raised, .recovered])
    }

    static func metric(_ from: String, _ to: String, value: String? = "0.12") -> Alert? {
        AlertRules.alert(forMetric: "api", environment: "production", name: "error_rate", from: from, to: to,
                         value: value, at: at)
    }

    @Test func aMetricBecomingCriticalRaisesWithItsValue() {
        for from in ["ok", "warn", "unknown"] {
            let alert = Self.metric(from, "critical")
            #expect(alert == Alert(subject: .metric(service: "api", environment: "production", name: "error_rate"),
                                   transition: .raised, state: "critical", value: "0.12", at: Self.at), "from \(from)")
        }
        #expect(Self.metric("OK", "Critical")?.transition == .raised)
    }

    @Test func aMetricLeavingCriticalForOkOrWarnRecovers() {
        #expect(Self.metric("critical", "ok", value: "0.01")?.transition == .recovered)
        #expect(Self.metric("critical", "warn", value: "0.06")?.state == "warn")
    }

    @Test func otherMetricChangesAreNoAlert() {
        // An unknown level (a failed query, NaN) says nothing about the service either way.
        for (from, to) in [("ok", "warn"), ("warn", "ok"), ("critical", "unknown"), ("critical", "critical"),
                           ("unknown", "ok"), ("ok", "nonsense")] {
            #expect(Self.metric(from, to) == nil, "\(from) -> \(to)")
        }
    }
}
